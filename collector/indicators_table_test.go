package collector

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// partsCSV declares a whole and one of its parts as an indicators table
// (the "measure" column tells it from a units table).
const partsCSV = `code,name_vi,name_en,measure,kind,direction,pace_profile,growth_basis,primary_authority,part_of
ferry_revenue,Doanh thu phà,Ferry revenue,billion_vnd,flow,up,linear,nominal,council,
ferry_revenue_cargo,Doanh thu phà hàng hóa,Ferry cargo revenue,billion_vnd,flow,up,linear,nominal,,ferry_revenue
`

// csvAsWorkbook puts a CSV text into one sheet of a workbook.
func csvAsWorkbook(t *testing.T, sheet, text string) []byte {
	t.Helper()
	var rows [][]any
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		var row []any
		for _, cell := range strings.Split(line, ",") {
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	return workbook(t, map[string][][]any{sheet: rows}, []string{sheet}, nil, nil)
}

// TestIndicatorsTableReadsPartOf: CSV and XLSX indicator rows carry
// part_of as JSON does; importing the same table again stores nothing, and
// the JSON export carries the part into an empty database unchanged.
func TestIndicatorsTableReadsPartOf(t *testing.T) {
	ctx := context.Background()
	for _, format := range []string{FormatCSV, FormatXLSX} {
		c, db := newTestCollector(t)
		data := []byte(partsCSV)
		if format == FormatXLSX {
			data = csvAsWorkbook(t, "indicators", partsCSV)
		}
		rep, err := c.ImportReader(ctx, bytes.NewReader(data), format, Options{})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if rep.Result.IndicatorsNew != 2 {
			t.Errorf("%s: %+v, want 2 new indicators", format, rep.Result)
		}
		inds, err := db.Indicators(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var part, whole storage.Indicator
		for _, i := range inds {
			switch i.Code {
			case "ferry_revenue_cargo":
				part = i
			case "ferry_revenue":
				whole = i
			}
		}
		if part.PartOf != "ferry_revenue" || part.NameEN != "Ferry cargo revenue" || part.Kind != storage.KindFlow {
			t.Errorf("%s: part = %+v", format, part)
		}
		if whole.PartOf != "" || whole.PrimaryAuthority != storage.AuthorityCouncil || whole.Measure != "billion_vnd" {
			t.Errorf("%s: whole = %+v", format, whole)
		}
		before := snapshot(t, c, db)
		again, err := c.ImportReader(ctx, bytes.NewReader(data), format, Options{})
		if err != nil || again.Result.IndicatorsNew != 0 {
			t.Errorf("%s: the same table again: %+v, %v; want nothing new", format, again.Result, err)
		}
		if after := snapshot(t, c, db); after != before {
			t.Errorf("%s: importing the same indicators again changed the database", format)
		}
		var out bytes.Buffer
		if err := c.Export(ctx, &out, FormatJSON, storage.ObservationFilter{}); err != nil {
			t.Fatal(err)
		}
		fresh, fdb := newTestCollector(t)
		if _, err := fresh.ImportReader(ctx, bytes.NewReader(out.Bytes()), FormatJSON, Options{}); err != nil {
			t.Fatalf("%s: re-import the export: %v", format, err)
		}
		if b, _ := fdb.Indicators(ctx); !reflect.DeepEqual(inds, b) {
			t.Errorf("%s: indicators differ after a copy through JSON:\n%+v\n%+v", format, inds, b)
		}
	}
}

// TestIndicatorsTableRefusesABadWhole: a part_of naming no indicator, or a
// part, is refused with its row and field, and nothing is stored.
func TestIndicatorsTableRefusesABadWhole(t *testing.T) {
	ctx := context.Background()
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	bad := partsCSV + "ferry_revenue_x,X,X,billion_vnd,flow,up,,,,no_such_whole\n" +
		"ferry_revenue_y,Y,Y,billion_vnd,flow,up,,,,ferry_revenue_cargo\n"
	_, err := c.ImportReader(ctx, strings.NewReader(bad), FormatCSV, Options{})
	var e *storage.Error
	if !errors.As(err, &e) || e.Code != storage.CodeValidation {
		t.Fatalf("err = %v, want a validation error", err)
	}
	got := map[int]string{}
	for _, d := range e.Details {
		if d.Field == "part_of" {
			got[d.Row] = d.Value
		}
	}
	// Rows count the header as 1: the two bad declarations are rows 4 and 5.
	if want := map[int]string{4: "no_such_whole", 5: "ferry_revenue_cargo"}; !reflect.DeepEqual(got, want) {
		t.Errorf("part_of problems by row = %v, want %v (all: %+v)", got, want, e.Details)
	}
	if after := snapshot(t, c, db); after != before {
		t.Error("a refused indicators table stored something")
	}
}
