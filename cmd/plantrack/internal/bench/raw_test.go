package bench

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestRawBoundStoresWhatTheImportStores runs the raw insert and the
// collector import of one dataset and compares what they stored: the same
// figures, each pointing at a stored unit, indicator and batch. A bound
// that stored less, or broken rows, would flatter the import's ratio.
func TestRawBoundStoresWhatTheImportStores(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ds, err := Generate(tinyScale(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := &Options{Dir: dir}
	var cpu time.Duration
	raw, imp := filepath.Join(dir, "raw.db"), filepath.Join(dir, "import.db")
	if _, err := timedRaw(ctx, o, raw, ds, &cpu); err != nil {
		t.Fatal(err)
	}
	if _, err := timedImport(ctx, o, imp, ds, &cpu); err != nil {
		t.Fatal(err)
	}
	const figures = `SELECT u.code, i.code, f.year, f.first_month, f.last_month, f.value, f.packed, f.reported_at
		FROM figures f JOIN units u ON u.id = f.unit_id JOIN indicators i ON i.id = f.indicator_id
		JOIN batches b ON b.id = f.batch_id ORDER BY 1, 2, 3, 4, 5, 8`
	read := func(path string) []string {
		db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rows, err := db.QueryContext(ctx, figures)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var unit, ind, at string
			var year, first, last, packed int64
			var v float64
			if err := rows.Scan(&unit, &ind, &year, &first, &last, &v, &packed, &at); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %s %d-%d..%d %g packed %d at %s", unit, ind, year, first, last, v, packed, at))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := read(raw), read(imp)
	if len(a) != ds.Rows || len(b) != ds.Rows {
		t.Fatalf("joined figures: raw %d, import %d, want %d each", len(a), len(b), ds.Rows)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("figure %d: raw stored %s, the import %s", i, a[i], b[i])
		}
	}
}
