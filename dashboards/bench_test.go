package dashboards

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/demo"
	"github.com/plantrack/plantrack/storage"
)

// BenchmarkAPIOnDemo times API answers through the whole handler stack
// (middleware, routing, storage, JSON) on the demo data.
func BenchmarkAPIOnDemo(b *testing.B) {
	ctx := context.Background()
	db, h := demoServer(b)
	units, err := db.Units(ctx)
	if err != nil {
		b.Fatalf("demo units: %v", err)
	}
	// The first district with figures: since the demo's 2025 reform the
	// province's children in force are communes, and the districts with
	// ten years of figures are retired.
	district := ""
	for _, u := range units {
		if _, err := db.LatestPeriod(ctx, u.Code, "", ""); err == nil && u.Depth == 1 && u.Code != "can-tho" {
			district = u.Code
			break
		}
	}
	if district == "" {
		b.Fatal("no demo district has figures")
	}
	for _, c := range []struct{ name, path string }{
		{"progress-seed", "/api/v1/progress?unit=can-tho&period=2018-H1"},
		{"progress-district-latest", "/api/v1/progress?unit=" + district},
		{"series-district", "/api/v1/series?unit=" + district + "&indicator=retail_sales"},
		{"compare-children", "/api/v1/compare?indicator=retail_sales&parent=demo-province&a=2024-H1&b=2023-H1"},
		{"observations-district-year", "/api/v1/observations?unit=" + district + "&from=2024-M01&to=2024-M12"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.path, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", c.path, rec.Code, rec.Body)
				}
			}
		})
	}
}

// demoServer is the whole handler stack on a fresh database holding the
// demo data, for benchmarks; the database closes when b ends.
func demoServer(b *testing.B) (*storage.DB, http.Handler) {
	b.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := demo.Load(ctx, db); err != nil {
		b.Fatal(err)
	}
	s, err := New(DefaultConfig(), Deps{DB: db, Collector: collector.New(db, nil), Registry: prometheus.NewRegistry(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	return db, s.Handler()
}
