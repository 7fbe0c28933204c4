package main

import (
	"context"
	"fmt"
	"io"
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
			return fmt.Errorf("--locale %q: use vi or en", *locale)
		}
		m.lang = *locale
		return m.runImport(ctx, *db, c.args, collector.Options{Locale: *locale, DryRun: *dry}, *progress || isTerminal(m.Stderr))
	}
	return c
}

// runImport imports every file, reporting each; it fails if any file failed.
// With progress it says on stderr when each file starts.
func (m *Main) runImport(ctx context.Context, dbPath string, files []string, opt collector.Options, progress bool) error {
	db, col, err := openDB(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetWaitNotice(func() {
		fmt.Fprintf(m.Stderr, "%s: another process (such as plantrack serve) is writing to this database; "+
			"waiting for it to finish… (Ctrl-C stops, storing nothing)\n", dbPath)
	})
	var total storage.WriteResult
	failed := 0
	for i, path := range files {
		if progress {
			fmt.Fprintf(m.Stderr, "[%d/%d] importing %s…\n", i+1, len(files), path)
		}
		rep, err := col.ImportFile(ctx, path, opt)
		if err != nil {
			failed++
			fmt.Fprintf(m.Stderr, "%s: %s: %s\n", path, catalog.New(m.lang).T("cli.notimported"), m.describe(err))
			continue
		}
		m.printReport(path, rep, opt.DryRun)
		total.New += rep.Result.New
		total.Unchanged += rep.Result.Unchanged
	}
	if len(files) > 1 {
		fmt.Fprintf(m.Stdout, "total: %d new, %d unchanged\n", total.New, total.Unchanged)
	}
	if failed > 0 {
		return storage.Errorf(storage.CodeInvalid, "%d of %d files not imported; nothing was stored from them", failed, len(files))
	}
	return nil
}

func (m *Main) printReport(name string, rep collector.Report, dry bool) {
	w := m.Stdout
	if dry {
		for _, o := range rep.Preview {
			printObservation(w, o)
		}
	}
	cat := catalog.New(m.lang)
	num := func(v float64, maxFrac int) string { return charts.FormatNumber(v, maxFrac, cat.Lang()) }
	for _, f := range rep.Warnings {
		fmt.Fprintf(w, "  warning: %s %s %s: %s\n", f.Unit, f.Indicator, f.Period, cat.Flag(f, num))
	}
	suffix := ""
	if dry {
		suffix = " (dry run: nothing stored)"
	}
	fmt.Fprintf(w, "%s: %s%s\n", name, rep.Summary(), suffix)
}

func printObservation(w io.Writer, o storage.Observation) {
	v := "-"
	if o.Value != nil {
		v = fmt.Sprintf("%g", *o.Value)
	}
	extra := ""
	if o.ReportedPlanPercent != nil {
		extra += " plan%=" + o.ReportedPlanPercent.String()
	}
	if o.ReportedYoYPercent != nil {
		extra += " yoy%=" + o.ReportedYoYPercent.String()
	}
	fmt.Fprintf(w, "  %s %s %s %s %s%s\n", o.Unit, o.Indicator, o.Period, v, o.ReportStatus, extra)
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
