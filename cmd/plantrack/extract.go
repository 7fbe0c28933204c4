package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/collector/extract"
	"github.com/plantrack/plantrack/storage"
)

func (m *Main) extractCommand() *command {
	c := newCommand("extract", "FILE|-", `
Reads report prose (Vietnamese or English) from FILE, or stdin for "-",
and prints the figures it finds, each with the sentence it came from.
Targets the text states (in parentheses after "kế hoạch", after "chỉ
tiêu", "mục tiêu", "phấn đấu", "dự toán", five-year targets) are listed as
plans. With --import the figures and plans are validated and stored
(whole or not at all), each plan with the report as its source.

Example: plantrack extract --unit can-tho --date 2018-06-11 bao-cao.txt`, 1, 1)
	db := c.dbFlag()
	asJSON := c.fs.Bool("json", false, "print {\"figures\": […], \"plans\": […]} as JSON")
	unit := c.fs.String("unit", "", "unit `code` the report is about")
	date := c.fs.String("date", "", "`YYYY-MM-DD` the report was issued (its reported_at)")
	doImport := c.fs.Bool("import", false, "store the figures and plans found, all or nothing (needs --unit); figures of indicators outside the catalog are listed and left out, a figure without a period refuses the import")
	lang := c.fs.String("lang", "", "language of the review table, the messages and errors: `vi` or en (without it: PLANTRACK_LANG, then the locale, then vi)")
	source := c.fs.String("source", "", "`citation` stored with each figure, e.g. \"Báo Cần Thơ (CTO), 11/06/2018\" (default: the file name)")
	c.run = func(ctx context.Context) error {
		if *lang != "" && *lang != catalog.VI && *lang != catalog.EN {
			return storage.Errorf(storage.CodeInvalid, "--lang %q: use vi or en", *lang)
		}
		if *date != "" {
			if _, err := time.Parse(storage.DateLayout, *date); err != nil {
				return storage.Errorf(storage.CodeInvalid, "--date %q: write YYYY-MM-DD, e.g. 2018-06-11", *date)
			}
		}
		if *doImport && *unit == "" {
			return storage.Errorf(storage.CodeInvalid, "--import needs --unit CODE: the unit the report is about")
		}
		text, name, err := m.readText(c.args[0])
		if err != nil {
			return err
		}
		opt := extract.Options{Unit: *unit, Date: *date, Indicators: storage.Catalog()}
		if !*doImport {
			return m.printExtraction(extract.Extract(text, opt), *asJSON, m.lang)
		}
		d, col, err := openDB(ctx, *db)
		if err != nil {
			return err
		}
		defer d.Close()
		if opt.Indicators, err = d.Indicators(ctx); err != nil {
			return err
		}
		ex := extract.Extract(text, opt)
		if err := m.printExtraction(ex, *asJSON, m.lang); err != nil {
			return err
		}
		src := *source
		if src == "" {
			src = name
		}
		out := m.Stdout
		if *asJSON {
			out = m.Stderr // stdout holds only the JSON
		}
		return m.importFigures(ctx, col, ex, src, *date, name, out)
	}
	return c
}

// importFigures stores the extracted figures in one transaction. Figures
// of indicators outside the catalog ("other") are listed and left out: a
// person has to choose their indicator; so are figures that hold only a
// growth range or a change in points. Every other figure must be
// storable as it stands — a figure whose period the codes cannot express
// refuses the whole import, by name, rather than being guessed or dropped.
// They are written through collector.ImportRows, the pages' path.
func (m *Main) importFigures(ctx context.Context, col *collector.Collector, ex extract.Extraction, source, date, name string, out io.Writer) error {
	cat := catalog.New(m.lang)
	var keep []extract.Figure
	for _, f := range ex.Figures {
		if f.Indicator == "" || f.Indicator == "other" {
			fmt.Fprintln(m.Stderr, cat.Sprintf("left out (not a catalog indicator; add it on the paste page or in a file): %q", strings.TrimSpace(f.Quote)))
			continue
		}
		if !f.Storable() {
			fmt.Fprintln(m.Stderr, cat.Sprintf("left out (only a growth range or a change in points, nothing to store; settle it on the paste page): %q", strings.TrimSpace(f.Quote)))
			continue
		}
		keep = append(keep, f)
	}
	if len(keep) == 0 && len(ex.Plans) == 0 {
		return storage.Errorf(storage.CodeInvalid, "no catalog figure to import from %s", name)
	}
	// The same typed path as the entry and paste pages: rows, all or
	// nothing, the plans the report states stored with its figures.
	rows, err := extract.Rows(keep, ex.Plans, source, date)
	if err == nil {
		var rep collector.Report
		rep, err = col.ImportRows(ctx, rows, collector.Options{Via: extract.ViaText, FileName: name, Locale: "en"})
		if err == nil {
			fmt.Fprintf(out, "%s: %s\n", name, summary(cat, rep))
			return nil
		}
	}
	return fmt.Errorf("%s: %s", cat.T("cli.notimported"), m.describe(err))
}

// readText reads FILE or, for "-", stdin.
func (m *Main) readText(arg string) (text, name string, err error) {
	var b []byte
	if arg == "-" {
		b, err = io.ReadAll(m.Stdin)
		name = "stdin"
	} else {
		b, err = os.ReadFile(arg)
		name = filepath.Base(arg)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "", "", storage.Errorf(storage.CodeNotFound, "%s: no such file; check the name and the folder (this command runs in %s)", arg, workDir())
	}
	if err != nil {
		return "", "", storage.Errorf(storage.CodeInvalid, "cannot read %s: %v", arg, err)
	}
	return string(b), name, nil
}

func (m *Main) printExtraction(ex extract.Extraction, asJSON bool, lang string) error {
	if asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ex)
	}
	num := func(v float64, maxFrac int) string { return charts.FormatNumber(v, maxFrac, lang) }
	if err := extract.WriteExtractionTable(m.Stdout, ex, lang, num); err != nil {
		return err
	}
	cat := catalog.New(lang)
	line := cat.Sprintf("%d figures found, %d numbers not recognised", len(ex.Figures), len(ex.Unrecognised))
	if len(ex.Plans) > 0 {
		line = cat.Sprintf("%d figures found, %d plans, %d numbers not recognised", len(ex.Figures), len(ex.Plans), len(ex.Unrecognised))
	}
	_, err := fmt.Fprintln(m.Stdout, line)
	return err
}

// summary is rep.Summary in cat's language: "12 new, 3 unchanged".
func summary(cat *catalog.Catalog, rep collector.Report) string {
	r := rep.Result
	if r.UnitsNew > 0 || r.IndicatorsNew > 0 {
		return cat.Sprintf("%d new, %d unchanged (%d units and %d indicators added)", r.New, r.Unchanged, r.UnitsNew, r.IndicatorsNew)
	}
	return cat.Sprintf("%d new, %d unchanged", r.New, r.Unchanged)
}
