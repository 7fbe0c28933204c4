package collector

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// newTestCollector opens a fresh database file with a small unit tree:
// can-tho (root) with ninh-kieu and cai-rang, and hau-giang (root).
func newTestCollector(t testing.TB) (*Collector, *storage.DB) {
	t.Helper()
	c, db, _ := newTestCollectorPath(t)
	return c, db
}

// newTestCollectorPath is newTestCollector that also returns the file name.
func newTestCollectorPath(t testing.TB) (*Collector, *storage.DB, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "plantrack.db")
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := New(db, nil)
	units := []storage.Unit{
		{Code: "can-tho", NameVI: "Thành phố Cần Thơ", NameEN: "Can Tho city"},
		{Code: "ninh-kieu", NameVI: "Quận Ninh Kiều", NameEN: "Ninh Kieu district", Parent: "can-tho"},
		{Code: "cai-rang", NameVI: "Quận Cái Răng", NameEN: "Cai Rang district", Parent: "can-tho"},
		{Code: "hau-giang", NameVI: "Tỉnh Hậu Giang", NameEN: "Hau Giang province"},
	}
	if _, err := c.ImportBatch(ctx, storage.Batch{Units: units}, Options{}); err != nil {
		t.Fatal(err)
	}
	return c, db, path
}

// snapshot is everything the database holds, as a full-history JSON export
// plus the data version: equal snapshots mean nothing was stored.
func snapshot(t testing.TB, c *Collector, db *storage.DB) string {
	t.Helper()
	ctx := context.Background()
	var b bytes.Buffer
	if err := c.Export(ctx, &b, FormatJSON, storage.ObservationFilter{History: true, AsOf: "9999-12-31"}); err != nil {
		t.Fatal(err)
	}
	plans, err := db.Plans(ctx, storage.PlanFilter{History: true})
	if err != nil {
		t.Fatal(err)
	}
	v, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pj, err := json.Marshal(plans)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s\nplans: %s\nversion: %d", b.String(), pj, v)
}

// storageErr asserts err is a *storage.Error with code and returns it.
func storageErr(t testing.TB, err error, code string) *storage.Error {
	t.Helper()
	var e *storage.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *storage.Error", err, err)
	}
	if e.Code != code {
		t.Fatalf("error code %q, want %q: %v", e.Code, code, err)
	}
	return e
}

// hasDetail reports whether e names row and field (sheet too, when given).
func hasDetail(e *storage.Error, sheet string, row int, field string) bool {
	for _, d := range e.Details {
		if d.Row == row && d.Field == field && d.Sheet == sheet {
			return true
		}
	}
	return false
}

func fptr(v float64) *float64 { return &v }
