package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// benchEnv is one unit with 60 indicators (the catalog plus custom flows)
// and ten years (2015–2024) of monthly figures with a yearly plan each.
func benchEnv(b *testing.B) *testEnv {
	b.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	inds := storage.Catalog()
	var batch storage.Batch
	for i := len(inds); i < 60; i++ {
		ind := storage.Indicator{Code: fmt.Sprintf("custom_%02d", i), NameVI: fmt.Sprintf("Chỉ tiêu riêng %d", i),
			NameEN: fmt.Sprintf("Custom indicator %d", i), Measure: "billion_vnd", Kind: storage.KindFlow,
			Direction: storage.DirectionUp, PaceProfile: storage.PaceLinear, GrowthBasis: storage.GrowthNominal}
		batch.Indicators = append(batch.Indicators, ind)
		inds = append(inds, ind)
	}
	batch.Units = []storage.Unit{{Code: "bench", NameVI: "Tỉnh thử", NameEN: "Bench province"}}
	for k, ind := range inds {
		for y := 2015; y <= 2024; y++ {
			base := 100 * float64(k+1) * math.Pow(1.07, float64(y-2015))
			batch.Plans = append(batch.Plans, storage.Plan{Unit: "bench", Indicator: ind.Code, Year: y,
				Basis: storage.BasisValue, Target: f64(base * 12 * 1.02), Version: "original", AdoptedOn: fmt.Sprintf("%d-12-15", y-1)})
			for m := 1; m <= 12; m++ {
				v := base * (1 + 0.05*math.Sin(float64(m+k)))
				batch.Observations = append(batch.Observations, storage.Observation{Unit: "bench", Indicator: ind.Code,
					Period: storage.Period{Year: y, First: m, Last: m}, Value: f64(math.Round(v*10) / 10),
					ReportStatus: storage.StatusOfficial, ReportedAt: fmt.Sprintf("%d-%02d-28", y, m), Source: "bench"})
			}
		}
	}
	if _, err := db.Write(ctx, batch, storage.Provenance{Via: "api", RecordedAt: time.Now()}); err != nil {
		b.Fatal(err)
	}
	pages, err := New(Deps{DB: db})
	if err != nil {
		b.Fatal(err)
	}
	return &testEnv{db: db, pages: pages, mux: routes(pages)}
}

// BenchmarkOverview measures the server time of the overview of a unit
// with 60 indicators over ten years of monthly data, rendered from the
// database (uncached: the fragment cache is emptied every time) and from
// the per-data-version cache, and reports the median and the HTML size.
func BenchmarkOverview(b *testing.B) {
	e := benchEnv(b)
	b.Run("storage-progress-only", func(b *testing.B) {
		// The storage read the page cannot avoid, as the baseline the
		// page's own cost is judged against (machines are noisy: compare
		// ratios within one run).
		var times []time.Duration
		for b.Loop() {
			e.db.ClearMemo()
			start := time.Now()
			if _, err := e.db.Progress(context.Background(), "bench", storage.Period{}, ""); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	})
	for _, tc := range []struct {
		name   string
		cached bool
	}{{"uncached", false}, {"cached", true}} {
		b.Run(tc.name, func(b *testing.B) {
			var times []time.Duration
			size := 0
			for b.Loop() {
				if !tc.cached {
					e.pages.cache = newFragmentCache(256)
					e.db.ClearMemo() // storage keeps Progress answers until the next write too
				}
				r := httptest.NewRequest(http.MethodGet, "/units/bench", nil)
				w := httptest.NewRecorder()
				start := time.Now()
				e.mux.ServeHTTP(w, r)
				times = append(times, time.Since(start))
				if w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
				size = w.Body.Len()
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
			b.ReportMetric(float64(size)/1024, "html-KiB")
		})
	}
}
