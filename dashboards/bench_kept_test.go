package dashboards

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkKeptAnswer is the CPU a repeated request costs the server when
// its answer is kept (nothing was written since): each route through the
// whole handler stack beside its bound, the same response bytes written
// from a buffer by a bare handler. Under 20 concurrent readers on two
// cores a request's latency is about 10× its CPU, so this ratio is what the
// bench's "under continuous writes" rows multiply.
func BenchmarkKeptAnswer(b *testing.B) {
	_, h := demoServer(b)
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
