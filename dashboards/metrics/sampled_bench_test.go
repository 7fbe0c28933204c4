package metrics

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/plantrack/plantrack/collector"
)

// serveRegistry is what `plantrack serve` registers: the Go and process
// collectors (wrapped by wrap), the collector's import counters and the
// HTTP latency histogram with the series a benchmark run leaves: every
// route answered 200, a few 304, 400 and 404.
func serveRegistry(wrap func(prometheus.Collector) prometheus.Collector) *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(wrap(collectors.NewGoCollector()),
		wrap(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})))
	collector.NewMetrics(reg)
	latency := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "plantrack_http_request_duration_seconds",
		Help:    "Time to answer HTTP requests, by route pattern and status code.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route", "code"})
	reg.MustRegister(latency)
	routes := []string{"GET /api/v1/units", "GET /api/v1/observations", "POST /api/v1/observations",
		"GET /api/v1/series", "GET /api/v1/progress", "GET /api/v1/compare", "GET /{$}", "GET /units/{code}",
		"GET /compare", "GET /assets/", "GET /metrics", "GET /healthz"}
	for i, route := range routes {
		for j := range 50 {
			latency.WithLabelValues(route, "200").Observe(float64(i*j) / 1e4)
		}
	}
	for _, code := range []string{"304", "400", "404"} {
		latency.WithLabelValues("GET /api/v1/series", code).Observe(0.002)
	}
	return reg
}

// BenchmarkScrapeSampledRuntime is one full /metrics scrape through the
// Handler with the serve registry, its Go and process collectors live
// (collected at every scrape) or sampled once a second as serve does. The
// sampled side collects about once per benchmark second, as it would
// under continuous scraping.
func BenchmarkScrapeSampledRuntime(b *testing.B) {
	src := newMemSource(1000)
	for _, side := range []struct {
		name string
		wrap func(prometheus.Collector) prometheus.Collector
	}{
		{"live", func(c prometheus.Collector) prometheus.Collector { return c }},
		{"sampled", func(c prometheus.Collector) prometheus.Collector { return NewSampled(c, time.Second) }},
	} {
		h := NewHandler(src, serveRegistry(side.wrap), 1, nil)
		for _, gz := range []bool{false, true} {
			header := map[string]string{}
			if gz {
				header["Accept-Encoding"] = "gzip"
			}
			b.Run(fmt.Sprintf("%s/gzip=%v", side.name, gz), func(b *testing.B) {
				req := httptest.NewRequest("GET", "/metrics", nil)
				for k, v := range header {
					req.Header.Set(k, v)
				}
				var w discardWriter
				for b.Loop() {
					w = discardWriter{header: http.Header{}}
					h.ServeHTTP(&w, req)
					if w.code != 0 && w.code != http.StatusOK {
						b.Fatalf("scrape: %d", w.code)
					}
				}
				b.ReportMetric(float64(w.n), "bytes/scrape")
			})
		}
	}
}

// BenchmarkSampledCollect is the replay alone against the inner
// collection, for the Go and process collectors.
func BenchmarkSampledCollect(b *testing.B) {
	for _, inner := range []struct {
		name string
		new  func() prometheus.Collector
	}{
		{"go", func() prometheus.Collector { return collectors.NewGoCollector() }},
		{"process", func() prometheus.Collector {
			return collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})
		}},
	} {
		for _, sampled := range []bool{false, true} {
			c := inner.new()
			if sampled {
				c = NewSampled(c, time.Hour)
			}
			reg := prometheus.NewRegistry()
			reg.MustRegister(c)
			b.Run(fmt.Sprintf("%s/sampled=%v", inner.name, sampled), func(b *testing.B) {
				for b.Loop() {
					if _, err := reg.Gather(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// discardWriter is a ResponseWriter that counts the body and keeps none of
// it: the cost measured is the handler's, not a recorder's buffer growing
// to the plain exposition's 600 KB.
type discardWriter struct {
	header http.Header
	code   int
	n      int
}

func (w *discardWriter) Header() http.Header  { return w.header }
func (w *discardWriter) WriteHeader(code int) { w.code = code }
func (w *discardWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}
