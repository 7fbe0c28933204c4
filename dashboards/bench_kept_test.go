package dashboards

import (
	"bytes"
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

// BenchmarkKeptAnswer is the CPU a repeated request costs the server when
// its answer is kept (nothing was written since): each route through the
// whole handler stack beside its bound, the same response bytes written
// from a buffer by a bare handler. Under 20 concurrent readers on two
// cores a request's latency is about 10× its CPU, so this ratio is what the
// bench's "under continuous writes" rows multiply.
func BenchmarkKeptAnswer(b *testing.B) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := demo.Load(ctx, db); err != nil {
		b.Fatal(err)
	}
	s, err := New(DefaultConfig(), Deps{DB: db, Collector: collector.New(db, nil), Registry: prometheus.NewRegistry(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	for _, c := range []struct{ name, path string }{
		{"progress", "/api/v1/progress?unit=demo-province"},
		{"overview", "/units/demo-province"},
		{"compare", "/api/v1/compare?indicator=retail_sales&parent=demo-province&a=2024-H1&b=2023-H1"},
		{"metrics", "/metrics"},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.path, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", c.path, rec.Code, rec.Body)
		}
		body, ctype := rec.Body.Bytes(), rec.Header().Get("Content-Type")
		buffer := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			_, _ = io.Copy(w, bytes.NewReader(body))
		})
		for _, side := range []struct {
			name string
			h    http.Handler
		}{{"handler", h}, {"buffer", buffer}} {
			b.Run(c.name+"/"+side.name, func(b *testing.B) {
				for b.Loop() {
					rec := httptest.NewRecorder()
					side.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.path, nil))
					if rec.Code != http.StatusOK {
						b.Fatalf("%s: %d", c.path, rec.Code)
					}
				}
				b.ReportMetric(float64(len(body)), "bytes")
			})
		}
	}
}
