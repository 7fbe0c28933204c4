package collector

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plantrack/plantrack/storage"
)

// workbook builds an XLSX file in memory: sheets maps a sheet name to rows
// of cell values (numbers stay numbers); pctCells are formatted as
// percentages ("0.0%") and dateCells as dates.
func workbook(t *testing.T, sheets map[string][][]any, order []string, pctCells, dateCells map[string][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yy
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range pctCells[name] {
			f.SetCellStyle(name, c, c, pct)
		}
		for _, c := range dateCells[name] {
			f.SetCellStyle(name, c, c, date)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImportXLSX reads numeric, text, percentage-formatted and date cells
// from observations and plans sheets written by excelize.
func TestImportXLSX(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	excelDate := 43262.0 // 2018-06-11
	sheets := map[string][][]any{
		"Observations": {
			{"Period", "unit", "indicator", "value", "reported_plan_percent", "reported_at", "source"},
			{"2018-H1", "can-tho", "retail_sales", 63135.5, 0.537, excelDate, "CTO"},
			{"2018-H1", "can-tho", "exports", "942", "52,7%", "11/06/2018", "CTO"},
			{"2018-H1", "can-tho", "new_party_members", 1452, 66, "2018-06-11", "CTO"},
		},
		"plans": {
			{"unit", "indicator", "year", "target", "version", "adopted_on"},
			{"can-tho", "retail_sales", 2018, 117600, "original", "2017-12-08"},
		},
	}
	data := workbook(t, sheets, []string{"Observations", "plans"},
		map[string][]string{"Observations": {"E2"}}, map[string][]string{"Observations": {"F2"}})
	rep, err := c.ImportReader(ctx, bytes.NewReader(data), FormatXLSX, Options{FileName: "h1.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 4 || rep.Result.New != 4 {
		t.Fatalf("report %+v, want 4 rows, 4 new", rep)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, o := range obs {
		got[o.Indicator] = formatValue(*o.Value) + " " + o.ReportedPlanPercent.String() + " " + o.ReportedAt + " " + o.Provenance.Via
	}
	want := map[string]string{
		"retail_sales":      "63135.5 53.7 2018-06-11 xlsx",
		"exports":           "942 52.7 2018-06-11 xlsx",
		"new_party_members": "1452 66 2018-06-11 xlsx",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s stored as %q, want %q", k, got[k], w)
		}
	}
	plans, err := db.Plans(ctx, storage.PlanFilter{Unit: "can-tho"})
	if err != nil || len(plans) != 1 || *plans[0].Target != 117600 || plans[0].AdoptedOn != "2017-12-08" {
		t.Fatalf("plans %+v, %v", plans, err)
	}
}

// TestImportXLSXRejectsAmbiguousTextCell names the sheet, row and field of
// a text cell that reads differently per locale, stores nothing, and
// accepts it once a locale is given. A numeric cell with the same digits is
// never ambiguous.
func TestImportXLSXRejectsAmbiguousTextCell(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	sheets := map[string][][]any{"Báo cáo": {
		{"unit", "indicator", "period", "value"},
		{"can-tho", "exports", "2018-H1", 1.452},
		{"can-tho", "imports", "2018-H1", "1.452"},
	}}
	data := workbook(t, sheets, []string{"Báo cáo"}, nil, nil)
	before := snapshot(t, c, db)
	_, err := c.ImportReader(ctx, bytes.NewReader(data), FormatXLSX, Options{})
	e := storageErr(t, err, storage.CodeValidation)
	if len(e.Details) != 1 || !hasDetail(e, "Báo cáo", 3, "value") {
		t.Fatalf("want sheet Báo cáo row 3 value named: %v", err)
	}
	if snapshot(t, c, db) != before {
		t.Fatal("a rejected workbook changed the database")
	}
	if _, err := c.ImportReader(ctx, bytes.NewReader(data), FormatXLSX, Options{Locale: LocaleVI}); err != nil {
		t.Fatal(err)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho"})
	if err != nil || len(obs) != 2 {
		t.Fatalf("%v, %v", obs, err)
	}
	for _, o := range obs {
		if w := map[string]float64{"exports": 1.452, "imports": 1452}[o.Indicator]; *o.Value != w {
			t.Errorf("%s = %v, want %v", o.Indicator, *o.Value, w)
		}
	}
}

func TestImportXLSXNotAWorkbook(t *testing.T) {
	c, _ := newTestCollector(t)
	_, err := c.ImportReader(context.Background(), bytes.NewReader([]byte("unit,indicator\n")), FormatXLSX, Options{})
	storageErr(t, err, storage.CodeInvalid)
}
