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

// mergerCSV records the Cần Thơ merger as a units table: the old units end
// on 2025-06-30, the new one begins on 2025-07-01 with them as
// predecessors, and a ward moves from Hậu Giang to the new unit.
const mergerCSV = `code,name_vi,name_en,parent,parents,valid_from,valid_to,predecessors
vn,Việt Nam,Viet Nam,,,,,
can-tho,,,vn,,,2025-06-30,
hau-giang,,,vn,,,2025-06-30,
soc-trang,Sóc Trăng,Soc Trang,vn,,,2025-06-30,
can-tho-2025,Thành phố Cần Thơ,Can Tho city,vn,,2025-07-01,,can-tho@2025-07-01 soc-trang@2025-07-01 hau-giang@2025-07-01
vi-thanh,Phường Vị Thanh,Vi Thanh ward,,hau-giang can-tho-2025@2025-07-01,,,
`

func TestUnitsTableRecordsMerger(t *testing.T) {
	ctx := context.Background()
	for _, format := range []string{FormatCSV, FormatXLSX} {
		c, db := newTestCollector(t)
		data := []byte(mergerCSV)
		if format == FormatXLSX {
			var rows [][]any
			for _, line := range strings.Split(strings.TrimSpace(mergerCSV), "\n") {
				var row []any
				for _, cell := range strings.Split(line, ",") {
					row = append(row, cell)
				}
				rows = append(rows, row)
			}
			data = workbook(t, map[string][][]any{"units": rows}, []string{"units"}, nil, nil)
		}
		rep, err := c.ImportReader(ctx, bytes.NewReader(data), format, Options{})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if rep.Result.UnitsNew != 4 {
			t.Errorf("%s: %+v, want 4 new units", format, rep.Result)
		}
		u, err := db.Unit(ctx, "can-tho-2025")
		if err != nil {
			t.Fatal(err)
		}
		want := []storage.Predecessor{{Unit: "can-tho", Date: "2025-07-01"}, {Unit: "soc-trang", Date: "2025-07-01"},
			{Unit: "hau-giang", Date: "2025-07-01"}}
		if u.ValidFrom != "2025-07-01" || !reflect.DeepEqual(u.Predecessors, want) || u.NameVI != "Thành phố Cần Thơ" {
			t.Errorf("%s: can-tho-2025 = %+v", format, u)
		}
		if ct, _ := db.Unit(ctx, "can-tho"); ct.ValidTo != "2025-06-30" || ct.NameEN != "Can Tho city" {
			t.Errorf("%s: can-tho keeps its names and ends: %+v", format, ct)
		}
		if w, _ := db.Unit(ctx, "vi-thanh"); w.ParentOn("2025-06-30") != "hau-giang" || w.ParentOn("2025-07-01") != "can-tho-2025" {
			t.Errorf("%s: vi-thanh = %+v", format, w)
		}
		// The JSON export carries the history and re-imports into an empty
		// database as the same units.
		var out bytes.Buffer
		if err := c.Export(ctx, &out, FormatJSON, storage.ObservationFilter{}); err != nil {
			t.Fatal(err)
		}
		fresh, fdb := newTestCollector(t)
		if _, err := fresh.ImportReader(ctx, bytes.NewReader(out.Bytes()), FormatJSON, Options{}); err != nil {
			t.Fatalf("%s: re-import the export: %v\n%s", format, err, out.String())
		}
		a, _ := db.Units(ctx)
		b, _ := fdb.Units(ctx)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: units differ after a copy through JSON:\n%+v\n%+v", format, a, b)
		}
	}
}

func TestUnitsTableRefusesBadHistory(t *testing.T) {
	ctx := context.Background()
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	bad := "code,name_vi,valid_from,predecessors\nx,X,2025-07-01,can-tho\ny,Y,01/07/2025,\n"
	_, err := c.ImportReader(ctx, strings.NewReader(bad), FormatCSV, Options{})
	var e *storage.Error
	if !errors.As(err, &e) || len(e.Details) != 2 {
		t.Fatalf("got %v, want two problems", err)
	}
	if d := e.Details[0]; d.Row != 2 || d.Field != "predecessors" {
		t.Errorf("first problem %+v, want row 2 predecessors", d)
	}
	if d := e.Details[1]; d.Row != 3 || d.Field != "valid_from" {
		t.Errorf("second problem %+v, want row 3 valid_from", d)
	}
	if after := snapshot(t, c, db); after != before {
		t.Fatal("a refused units table stored something")
	}
}

// TestExportOfReconstructedFigureReimports: a figure of the new Cần Thơ for
// 2024-H2 (before it began) is exported with "reconstructed": true and the
// export re-imports as a no-op.
func TestExportOfReconstructedFigureReimports(t *testing.T) {
	ctx := context.Background()
	c, _ := newTestCollector(t)
	if _, err := c.ImportReader(ctx, strings.NewReader(mergerCSV), FormatCSV, Options{}); err != nil {
		t.Fatal(err)
	}
	obs := `{"observations":[{"unit":"can-tho-2025","indicator":"poverty_rate","period":"2024-H2","value":3.6,
		"report_status":"official","reported_at":"2026-01-10","source":"imported as reconstructed"}]}`
	if _, err := c.ImportReader(ctx, strings.NewReader(obs), FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := c.Export(ctx, &out, FormatJSON, storage.ObservationFilter{Unit: "can-tho-2025"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"reconstructed":true`) {
		t.Fatalf("the export does not mark the reconstructed figure:\n%s", out.String())
	}
	rep, err := c.ImportReader(ctx, bytes.NewReader(out.Bytes()), FormatJSON, Options{})
	if err != nil || rep.Result.New != 0 {
		t.Fatalf("re-import: %+v %v", rep.Result, err)
	}
}
