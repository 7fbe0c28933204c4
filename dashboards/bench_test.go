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
	db, err := storage.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	col := collector.New(db, nil)
	if _, err := demo.Load(ctx, db); err != nil {
		b.Fatal(err)
	}
	s, err := New(DefaultConfig(), Deps{DB: db, Collector: col, Registry: prometheus.NewRegistry(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	units, err := db.Children(ctx, "demo-province")
	if err != nil || len(units) == 0 {
		b.Fatalf("demo districts: %v", err)
	}
	district := units[0].Code
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
