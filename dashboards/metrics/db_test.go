package metrics

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/plantrack/plantrack/collector/demo"
	"github.com/plantrack/plantrack/storage"
)

// the DB must satisfy both interfaces this package reads through.
var (
	_ Source        = (*storage.DB)(nil)
	_ HistorySource = (*storage.DB)(nil)
)

// openDB opens a fresh SQLite file under t.TempDir().
func openDB(t testing.TB) (*storage.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plantrack.db")
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// demoDB is a fresh database with the demo data as it stood before the
// reorganisation of 1 July 2025, so that the seed report's Cần Thơ is in
// force and exposed (fullDemoDB has the merger, which retires it).
func demoDB(t testing.TB) (*storage.DB, string) {
	return loadDemo(t, demo.LoadSeed)
}

// fullDemoDB is a fresh database with the whole demo, merger included.
func fullDemoDB(t testing.TB) (*storage.DB, string) { return loadDemo(t, demo.Load) }

func loadDemo(t testing.TB, load func(context.Context, *storage.DB) (storage.WriteResult, error)) (*storage.DB, string) {
	t.Helper()
	db, path := openDB(t)
	start := time.Now()
	if _, err := load(context.Background(), db); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	t.Logf("demo loaded in %v", time.Since(start))
	return db, path
}

// writeFigure stores one unit (a child of can-tho when parent is set) and
// one budget revenue figure with a reported percent of plan.
func writeFigure(t testing.TB, db *storage.DB, unit, parent, period string, value float64, pct string) {
	t.Helper()
	p, err := storage.ParsePercent(pct)
	if err != nil {
		t.Fatal(err)
	}
	b := storage.Batch{
		Units: []storage.Unit{{Code: unit, NameVI: "Đơn vị " + unit, NameEN: "Unit " + unit, Parent: parent}},
		Observations: []storage.Observation{{Unit: unit, Indicator: "budget_revenue",
			Period: storage.MustParsePeriod(period), Value: &value, ReportedPlanPercent: &p, ReportedAt: "2018-07-01"}},
	}
	if parent != "" {
		b.Units = append([]storage.Unit{{Code: parent, NameVI: "Cha " + parent}}, b.Units...)
	}
	if _, err := db.Write(context.Background(), b, storage.Provenance{Via: "api", RecordedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
}
