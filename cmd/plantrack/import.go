package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/storage"
)

func (m *Main) importCommand() *command {
	c := newCommand("import", "FILE...", `
Imports CSV, JSON or XLSX files (format by extension). Each file is stored
whole or not at all; a file with a bad row is rejected with the row and
field named. Importing the same file again stores nothing ("0 new").

Example: plantrack import --locale vi bao-cao-6-thang.csv`, 1, -1)
	db := c.dbFlag()
	locale := c.fs.String("locale", "", "number format of the files: `vi` (63.135,5) or en (63,135.5); without it an ambiguous number is an error. Errors are printed in this language, Vietnamese without it")
	dry := c.fs.Bool("dry-run", false, "validate and print what would be stored; store nothing")
	progress := c.fs.Bool("progress", false, "print \"[i/n] importing FILE…\" on stderr as each file starts (always on when stderr is a terminal)")
	c.run = func(ctx context.Context) error {
		if *locale != "" && *locale != "vi" && *locale != "en" {
			return storage.Errorf(storage.CodeInvalid, "--locale %q: use vi or en", *locale)
		}
		return m.runImport(ctx, *db, c.args, collector.Options{Locale: *locale, DryRun: *dry}, *progress || isTerminal(m.Stderr))
	}
	return c
}

// runImport imports every file, reporting each; it fails if any file failed.
// With progress it says on stderr when each file starts. Every line is in
// the language of m.lang (Vietnamese by default).
func (m *Main) runImport(ctx context.Context, dbPath string, files []string, opt collector.Options, progress bool) error {
	db, col, err := openDB(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	cat := catalog.New(m.lang)
	db.SetWaitNotice(func() {
		fmt.Fprintln(m.Stderr, cat.Sprintf("%s: another process (such as plantrack serve) is writing to this database; "+
			"waiting for it to finish… (Ctrl-C stops, storing nothing)", dbPath))
	})
	var total storage.WriteResult
	failed := 0
	for i, path := range files {
		if progress {
			fmt.Fprintln(m.Stderr, cat.Sprintf("[%d/%d] importing %s…", i+1, len(files), path))
		}
		rep, err := importFile(ctx, col, path, opt)
		if err != nil {
			failed++
			fmt.Fprintf(m.Stderr, "%s: %s: %s\n", path, cat.T("cli.notimported"), m.describe(err))
			continue
		}
		m.printReport(cat, path, rep, opt.DryRun)
		total.New += rep.Result.New
		total.Unchanged += rep.Result.Unchanged
	}
	if len(files) > 1 {
		fmt.Fprintln(m.Stdout, cat.Sprintf("total: %d new, %d unchanged", total.New, total.Unchanged))
	}
	if failed > 0 {
		return storage.Errorf(storage.CodeInvalid, "%d of %d files not imported; nothing was stored from them", failed, len(files))
	}
	return nil
}

// importFile imports one file; a file that is not there is said so, with
// the folder a relative name is read from.
func importFile(ctx context.Context, col *collector.Collector, path string, opt collector.Options) (collector.Report, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return collector.Report{}, storage.Errorf(storage.CodeNotFound, "no such file; check the name and the folder (this command runs in %s)", workDir())
	}
	return col.ImportFile(ctx, path, opt)
}

// printReport writes one file's result in cat's language: in a dry run
// the observations it would store, then its warnings and its summary.
func (m *Main) printReport(cat *catalog.Catalog, name string, rep collector.Report, dry bool) {
	w := m.Stdout
	num := func(v float64, maxFrac int) string { return charts.FormatNumber(v, maxFrac, cat.Lang()) }
	if dry {
		for _, o := range rep.Preview {
			printObservation(w, cat, num, o)
		}
	}
	for _, f := range rep.Warnings {
		fmt.Fprintln(w, cat.Sprintf("  warning: %s %s %s: %s", f.Unit, f.Indicator, f.Period, cat.Flag(f, num)))
	}
	if dry {
		fmt.Fprintln(w, cat.Sprintf("%s: %s (dry run: nothing stored)", name, summary(cat, rep)))
		return
	}
	fmt.Fprintf(w, "%s: %s\n", name, summary(cat, rep))
}

// printObservation writes a dry run's observation on one line: codes as
// stored, the value in the reader's number format, the report status and
// reported percentages in the reader's words.
func printObservation(w io.Writer, cat *catalog.Catalog, num func(float64, int) string, o storage.Observation) {
	v := "-"
	if o.Value != nil {
		v = num(*o.Value, 6)
	}
	extra := ""
	if p := o.ReportedPlanPercent; p != nil {
		extra += "; " + cat.Field("reported_plan_percent") + " " + num(p.Value, p.Decimals)
	}
	if p := o.ReportedYoYPercent; p != nil {
		extra += "; " + cat.Field("reported_yoy_percent") + " " + num(p.Value, p.Decimals)
	}
	status := "-"
	if o.ReportStatus != "" {
		status = cat.T("status." + string(o.ReportStatus))
	}
	fmt.Fprintf(w, "  %s %s %s %s %s%s\n", o.Unit, o.Indicator, o.Period, v, status, extra)
}

// describe writes an error with each detail on its own line, in the
// command's language.
func (m *Main) describe(err error) string {
	var b strings.Builder
	e, ok := asStorageError(err)
	if !ok {
		return err.Error()
	}
	cat := catalog.New(m.lang)
	b.WriteString(cat.Message(e))
	for _, d := range e.Details {
		b.WriteString("\n  ")
		b.WriteString(cat.Detail(d))
	}
	return b.String()
}
