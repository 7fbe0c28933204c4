package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// BenchmarkOverviewAfterReportRealDB measures the overview page of a
// province as the first request after one of its communes reported every
// indicator (as `plantrack bench` does: a second handle, like a CLI import
// beside `serve`, writes a 60-figure report untimed before each timed
// request), on a database that `plantrack bench` generated:
// PLANTRACK_BENCH_DB=/tmp/bprov/plantrack.db (skipped without it; its WAL
// checkpointed). PLANTRACK_BENCH_UNIT names the province (default p01).
func BenchmarkOverviewAfterReportRealDB(b *testing.B) {
	ctx := context.Background()
	dst, db, pages, unit := realBenchDB(b)
	writer, err := storage.Open(ctx, dst)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { writer.Close() })
	mux := routes(pages)
	inds, err := db.Indicators(ctx)
	if err != nil {
		b.Fatal(err)
	}
	get := func() {
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/units/"+unit, nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
	get()
	var times []time.Duration
	n := 0
	cpu0 := processCPU()
	for b.Loop() {
		b.StopTimer()
		n++
		report(b, writer, fmt.Sprintf("%s-c%03d", unit, n%100+1), inds, n)
		b.StartTimer()
		start := time.Now()
		get()
		times = append(times, time.Since(start))
	}
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/1000/float64(len(times)), "cpu-ms/op")
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}

// report writes one commune's year-to-date figure of every indicator for
// a month of 2026 (after the generated years, reported before today, like
// the bench's reports), a new value each time.
func report(b *testing.B, db *storage.DB, commune string, inds []storage.Indicator, n int) {
	var obs []storage.Observation
	for i, ind := range inds {
		v := float64(n)*10 + float64(i) + 0.5
		obs = append(obs, storage.Observation{Unit: commune, Indicator: ind.Code, Period: storage.Period{Year: 2026, First: 1, Last: n%11 + 1},
			Value: &v, ReportStatus: storage.StatusEstimate, ReportedAt: fmt.Sprintf("2026-%02d-28", n%11+1)})
	}
	if _, err := db.Write(context.Background(), storage.Batch{Observations: obs}, storage.Provenance{Via: "bench"}); err != nil {
		b.Fatal(err)
	}
}
