package collector

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestNeutraliseCell: formula starters get one apostrophe, numbers stay
// numbers, and RestoreCell undoes exactly what was added (also for text
// that already starts with apostrophes).
func TestNeutraliseCell(t *testing.T) {
	for _, tc := range []struct{ in, out string }{
		{`=HYPERLINK("http://evil.example","x")`, `'=HYPERLINK("http://evil.example","x")`},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-", "'-"},
		{"'=x", "''=x"},   // a cell that RestoreCell would otherwise shorten
		{"''@x", "'''@x"}, // and again
		{"-12.5", "-12.5"},
		{"+3", "+3"},
		{"-1.234,5", "-1.234,5"},
		{"1e-3", "1e-3"},
		{"-7%", "-7%"},
		{"2025-03", "2025-03"},
		{"'quoted", "'quoted"},
		{"'", "'"},
		{"Cần Thơ", "Cần Thơ"},
		{"", ""},
	} {
		got := NeutraliseCell(tc.in)
		if got != tc.out {
			t.Errorf("NeutraliseCell(%q) = %q, want %q", tc.in, got, tc.out)
		}
		if back := RestoreCell(got); back != tc.in {
			t.Errorf("RestoreCell(%q) = %q, want %q", got, back, tc.in)
		}
	}
}

// TestCSVExportNeutralisesFormulas stores hostile names, sources and quotes,
// exports CSV (no cell starts with a formula character unless it is a
// number) and imports the export back: nothing changes.
func TestCSVExportNeutralisesFormulas(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	hostile := []string{`=HYPERLINK("http://evil.example","click")`, "@SUM(A1:A9)", "+1+1", "-2+3", "'=already quoted"}
	batch := `{"units":[{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"}],
	 "indicators":[{"code":"retail_sales","name_vi":"Bán lẻ","name_en":"Retail","kind":"flow","measure":"billion VND","direction":"up"}],
	 "observations":[`
	for i, h := range hostile {
		if i > 0 {
			batch += ","
		}
		qb, _ := json.Marshal(h)
		q := string(qb)
		batch += `{"unit":"can-tho","indicator":"retail_sales","period":"2024-M0` + string(rune('1'+i)) +
			`","value":-5,"source":` + q + `,"quote":` + q + `}`
	}
	batch += "]}"
	if _, err := c.ImportReader(ctx, strings.NewReader(batch), FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, c, db)
	var out bytes.Buffer
	if err := c.Export(ctx, &out, FormatCSV, storage.ObservationFilter{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(out.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	negatives := 0
	for _, rec := range recs[1:] {
		for _, cell := range rec {
			if cell == "-5" {
				negatives++ // the value stays a number
				continue
			}
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("live formula in the CSV export: %q", cell)
			}
		}
	}
	if negatives != len(hostile) {
		t.Errorf("%d values -5 exported as numbers, want %d", negatives, len(hostile))
	}
	rep, err := c.ImportReader(ctx, bytes.NewReader(out.Bytes()), FormatCSV, Options{})
	if err != nil || rep.Result.New != 0 || rep.Result.Unchanged != len(hostile) {
		t.Fatalf("re-import: %+v, %v; want %d unchanged", rep.Result, err, len(hostile))
	}
	if after := snapshot(t, c, db); after != before {
		t.Fatalf("re-importing the CSV export changed the database:\n%s\n---\n%s", before, after)
	}
}
