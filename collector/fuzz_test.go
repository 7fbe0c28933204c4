package collector

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plantrack/plantrack/storage"
)

// The fuzz targets below run their seed corpora (testdata/fuzz/<Name>) as
// ordinary tests; `go test -run XXX -fuzz FuzzName -fuzztime 4m ./collector/`
// explores further.

var fuzzLocales = [...]string{"", LocaleVI, LocaleEN}

// FuzzParseNumber checks the locale number parser: no panic; a parsed
// number is finite, its canonical text reads back exactly with the decimals
// it claims; a number that parses without a locale reads the same in both;
// and the export writer's text for the value re-imports as the same value in
// every locale (an export re-imports as a no-op).
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"63.135,5", "63,135.5", "63.135", "1,452", "-7.43", "53,7%", "1.234.567,89",
		"5.37E-2", "0", "−12", "+4", "1\u00a0234", "00012", "1e309", "0.1230", ".5", "1,,2"} {
		f.Add(s, uint8(0), false)
		f.Add(s, uint8(1), true)
	}
	f.Fuzz(func(t *testing.T, s string, loc uint8, canonical bool) {
		locale := fuzzLocales[int(loc)%len(fuzzLocales)]
		n, err := parseNumber(s, locale, canonical)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: empty error", s)
			}
			return
		}
		checkNumber(t, s, n)
		if !canonical && locale == "" {
			for _, l := range []string{LocaleVI, LocaleEN} {
				m, err := parseNumber(s, l, false)
				if err != nil && strings.Contains(err.Error(), "which the locale") {
					continue // written with the other locale's grouping: refused on purpose
				}
				if err != nil || m.value != n.value {
					t.Fatalf("%q reads %v without a locale but %v, %v in %s", s, n.value, m.value, err, l)
				}
			}
		}
		text := formatValue(n.value)
		for _, l := range fuzzLocales {
			m, err := parseNumber(text, l, false)
			if err != nil || m.value != n.value {
				t.Fatalf("%q → %v exported as %q re-reads as %v, %v in locale %q", s, n.value, text, m.value, err, l)
			}
		}
		if m, err := parseNumber(text, "", true); err != nil || m.value != n.value {
			t.Fatalf("%q → %v exported as %q re-reads canonically as %v, %v", s, n.value, text, m.value, err)
		}
	})
}

func checkNumber(t *testing.T, s string, n number) {
	t.Helper()
	v, err := strconv.ParseFloat(n.canon, 64)
	if err != nil || v != n.value {
		t.Fatalf("%q: canonical text %q reads %v, %v; value %v", s, n.canon, v, err, n.value)
	}
	frac := ""
	if i := strings.IndexByte(n.canon, '.'); i >= 0 {
		frac = n.canon[i+1:]
	}
	if n.decimals != len(frac) || n.decimals < 0 {
		t.Fatalf("%q: %d decimals claimed, canonical text %q", s, n.decimals, n.canon)
	}
}

// FuzzParseDate checks that a parsed date is canonical YYYY-MM-DD and reads
// back as itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2018-06-11", "11/06/2018", "1/6/2018", " 2018-02-29", "31/12/9999", "2018-6-1", "0/0/0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDate(s)
		if err != nil {
			return
		}
		if _, perr := time.Parse(storage.DateLayout, d); perr != nil || len(d) != len(storage.DateLayout) {
			t.Fatalf("%q → %q, not YYYY-MM-DD", s, d)
		}
		if again, err := parseDate(d); err != nil || again != d {
			t.Fatalf("%q → %q → %q, %v", s, d, again, err)
		}
	})
}

// FuzzImportCSV, FuzzImportJSON and FuzzImportXLSX feed arbitrary files to
// the collector; see fuzzImport for what they check.
func FuzzImportCSV(f *testing.F) {
	for _, s := range []string{
		"unit,indicator,period,value,reported_plan_percent,report_status,reported_at,source\n" +
			"can-tho,retail_sales,2018-H1,\"63.135\",53.7,estimate,11/06/2018,Báo Cần Thơ\n",
		"unit;indicator;period;value\nninh-kieu;exports;2018-Q1;1.234,5\ncai-rang;exports;2018-Q1;12\n",
		"unit,indicator,year,basis,target,version,adopted_on\ncan-tho,retail_sales,2018,value,117600,original,2018-01-05\n",
		"\ufeffunit,indicator,period,value,quote,retracted\ncan-tho,grdp,2018-M01,\"1,5\",\"a \"\"b\"\"\",false\n",
	} {
		f.Add([]byte(s), uint8(0), false)
	}
	fuzzImport(f, FormatCSV)
}

func FuzzImportJSON(f *testing.F) {
	for _, s := range []string{
		`{"observations":[{"unit":"can-tho","indicator":"exports","period":"2018-H1","value":942,"reported_plan_percent":52.7}]}`,
		`{"observations":[{"unit":"x-1","indicator":"rice","period":"2018-Q1","value":"1.250,5"}],` +
			`"units":[{"code":"x-1","name_vi":"X","name_en":"X","parent":"can-tho"}],` +
			`"indicators":[{"code":"rice","name_vi":"Lúa","name_en":"Rice","measure":"tonnes","kind":"flow","direction":"up","pace_profile":"linear","growth_basis":"nominal"}]}`,
		`{"plans":[{"unit":"can-tho","indicator":"grdp","year":2018,"basis":"growth","target_low":7,"target_high":7.5,"version":"original"}]}`,
		`{"observations":[{"unit":"can-tho","indicator":"exports","period":"2018-H1","retracted":true,"reported_at":"2018-07-01"}]}`,
	} {
		f.Add([]byte(s), uint8(2), false)
	}
	fuzzImport(f, FormatJSON)
}

func FuzzImportXLSX(f *testing.F) {
	f.Add(fuzzWorkbook(f, [][]any{{"unit", "indicator", "period", "value", "reported_plan_percent"},
		{"can-tho", "retail_sales", "2018-H1", 63135, 53.7}, {"ninh-kieu", "exports", "2018-Q2", "1.234,5", nil}}), uint8(1), false)
	f.Add(fuzzWorkbook(f, [][]any{{"unit", "indicator", "year", "basis", "target", "adopted_on"},
		{"can-tho", "exports", 2018, "value", 1800, "2018-01-05"}}), uint8(0), true)
	fuzzImport(f, FormatXLSX)
}

// fuzzWorkbook writes rows to the first sheet of a new workbook.
func fuzzWorkbook(tb testing.TB, rows [][]any) []byte {
	x := excelize.NewFile()
	defer x.Close()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &row); err != nil {
			tb.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// fuzzImport imports each input into one database and checks: no panic; a
// refusal is a *storage.Error that is not internal, has a message, and left
// the data version alone (nothing stored); a dry run stores nothing; a
// success counts every row as new or unchanged; importing the same file
// again stores nothing new; and no import runs longer than 30 s.
func fuzzImport(f *testing.F, format string) {
	c, db := newTestCollector(f)
	f.Fuzz(func(t *testing.T, data []byte, loc uint8, dry bool) {
		if len(data) > 64<<10 {
			t.Skip("bounded input")
		}
		ctx := context.Background()
		opt := Options{Locale: fuzzLocales[int(loc)%len(fuzzLocales)], DryRun: dry, MaxRows: 2000}
		// An input that hangs the import crashes the worker, so the fuzzer
		// keeps it as a failing input.
		watchdog := time.AfterFunc(30*time.Second, func() { panic(fmt.Sprintf("%s import of %d bytes still running after 30 s", format, len(data))) })
		defer watchdog.Stop()
		before := dataVersion(t, db)
		rep, err := c.ImportReader(ctx, bytes.NewReader(data), format, opt)
		if after := dataVersion(t, db); err != nil || dry {
			if after != before {
				t.Fatalf("data version %d → %d after a refused or dry-run import (err %v)", before, after, err)
			}
		}
		if err != nil {
			var e *storage.Error
			if !errors.As(err, &e) || e.Code == storage.CodeInternal || e.Message == "" || len(e.Details) > maxDetails {
				t.Fatalf("refusal is not a clear user error: %#v", err)
			}
			return
		}
		if got := rep.Result.New + rep.Result.Unchanged; got != rep.Rows {
			t.Fatalf("%d rows read but %d new + %d unchanged", rep.Rows, rep.Result.New, rep.Result.Unchanged)
		}
		if dry {
			return
		}
		again, err := c.ImportReader(ctx, bytes.NewReader(data), format, opt)
		if err != nil || again.Result.New != 0 || again.Result.UnitsNew != 0 || again.Result.IndicatorsNew != 0 {
			t.Fatalf("re-import of an imported file: %+v, %v (first: %+v)", again.Result, err, rep.Result)
		}
	})
}

func dataVersion(t *testing.T, db *storage.DB) int64 {
	t.Helper()
	v, err := db.DataVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}
