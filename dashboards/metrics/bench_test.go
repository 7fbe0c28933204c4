package metrics

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/plantrack/plantrack/storage"
)

// memSource is an in-memory snapshot, for benchmarks only: it isolates the
// cost of serving from the cost of the database.
type memSource struct {
	items   []storage.Item
	units   []storage.Unit
	inds    []storage.Indicator
	version int64
}

func (m *memSource) Latest(context.Context, int, string) ([]storage.Item, error) { return m.items, nil }
func (m *memSource) Units(context.Context) ([]storage.Unit, error)               { return m.units, nil }
func (m *memSource) Indicators(context.Context) ([]storage.Indicator, error)     { return m.inds, nil }
func (m *memSource) DataVersion(context.Context) (int64, error)                  { return m.version, nil }

// newMemSource has pairs unit × indicator items (25 indicators per unit),
// every gauge present: about 6 series a pair.
func newMemSource(pairs int) *memSource {
	const perUnit = 25
	m := &memSource{inds: storage.Catalog()[:perUnit], version: 1}
	period := storage.MustParsePeriod("2018-H1")
	m.units = append(m.units, storage.Unit{Code: "province", NameVI: "Tỉnh mẫu"})
	for u := 0; u < pairs/perUnit; u++ {
		code := fmt.Sprintf("district-%05d", u)
		m.units = append(m.units, storage.Unit{Code: code, NameVI: "Huyện " + code, Parent: "province", Depth: 1})
		for i, ind := range m.inds {
			k := float64(u*perUnit + i + 1)
			v, plan := 1234.5678*k, 2469.1357*k+0.1
			c, e, y := v/plan, 0.5, 0.0123*float64(i+1)
			m.items = append(m.items, storage.Item{Unit: code, Indicator: ind.Code, Kind: storage.KindLevel,
				Period: period, Value: &v, PlanBasis: storage.BasisValue, Plan: &plan, Completion: &c, Expected: &e, YoY: &y})
		}
	}
	return m
}

// benchGatherer is what cmd registers: Go and process collectors and a
// service counter.
func benchGatherer() prometheus.Gatherer {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "plantrack_imports_total", Help: "Reports imported."}, []string{"format"})
	c.WithLabelValues("csv").Add(3)
	reg.MustRegister(c)
	return reg
}

// scrape GETs url over loopback and reads the whole body, as a scraper
// would (the gzipped body is read, not inflated, for both sides alike).
func scrape(b *testing.B, client *http.Client, url string, gz bool) int64 {
	req, _ := http.NewRequest("GET", url, nil)
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("scrape: %v %d", err, resp.StatusCode)
	}
	return n
}

// BenchmarkScrape compares the handler with the lower bound of serving a
// precomputed buffer of the same exposition, plain and gzipped, at 1,000
// and 10,000 unit × indicator pairs (about 6,000 and 60,000 series).
func BenchmarkScrape(b *testing.B) {
	for _, pairs := range []int{1000, 10000} {
		src := newMemSource(pairs)
		h := NewHandler(src, benchGatherer(), 1, nil)
		plain, zipped := precomputed(b, h)
		buffer := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body := plain
			if r.Header.Get("Accept-Encoding") == "gzip" {
				body = zipped
				w.Header().Set("Content-Encoding", "gzip")
			}
			w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
			_, _ = w.Write(body)
		})
		for _, side := range []struct {
			name string
			h    http.Handler
		}{
			{"handler", h},
			{"handler-without-live-registry", NewHandler(src, nil, 1, nil)},
			{"buffer", buffer},
			// what the live registry alone costs through promhttp: a floor
			// that no cache of the indicator gauges can lower
			{"live-registry-only", promhttp.HandlerFor(benchGatherer(), promhttp.HandlerOpts{})},
		} {
			srv := httptest.NewServer(side.h)
			client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
			for _, gz := range []bool{false, true} {
				name := fmt.Sprintf("pairs=%d/%s/gzip=%v", pairs, side.name, gz)
				b.Run(name, func(b *testing.B) {
					var n int64
					for b.Loop() {
						n = scrape(b, client, srv.URL, gz)
					}
					b.ReportMetric(float64(n), "bytes/scrape")
				})
			}
			srv.Close()
		}
	}
}

// precomputed is one response of h, plain and gzipped: the lower bound
// serves these very bytes.
func precomputed(b *testing.B, h http.Handler) (plain, zipped []byte) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	plain = rec.Body.Bytes()
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	zipped = rec.Body.Bytes()
	if _, err := gzip.NewReader(bytes.NewReader(zipped)); err != nil {
		b.Fatal(err)
	}
	return plain, zipped
}

// BenchmarkRebuild is the cost of the first scrape after an import: read
// the snapshot, render the text and compress it.
func BenchmarkRebuild(b *testing.B) {
	for _, pairs := range []int{1000, 10000} {
		src := newMemSource(pairs)
		b.Run(fmt.Sprintf("pairs=%d", pairs), func(b *testing.B) {
			var size int
			for b.Loop() {
				exp, err := build(context.Background(), src, 1)
				if err != nil {
					b.Fatal(err)
				}
				size = len(exp.plain)
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

// BenchmarkRebuildDemo is the same over the real SQLite database with the
// demo data: the snapshot's derivation in storage included.
func BenchmarkRebuildDemo(b *testing.B) {
	db, _ := demoDB(b)
	for _, depth := range []int{1} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			var size int
			for b.Loop() {
				exp, err := build(context.Background(), db, depth)
				if err != nil {
					b.Fatal(err)
				}
				size = len(exp.plain)
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
