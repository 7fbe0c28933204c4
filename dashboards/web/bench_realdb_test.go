package web

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkOverviewRealDB measures the uncached overview page of a province
// (its cards, sparklines and its hundred communes' status) on a database
// that `plantrack bench` generated: PLANTRACK_BENCH_DB=/tmp/bprov/plantrack.db
// (skipped without it); PLANTRACK_BENCH_UNIT names the unit (default p01).
// It reports the median wall time and the CPU time per page, which varies
// far less on a shared machine.
func BenchmarkOverviewRealDB(b *testing.B) {
	_, db, pages, unit := realBenchDB(b)
	mux := routes(pages)
	var times []time.Duration
	cpu0 := processCPU()
	for b.Loop() {
		pages.cache = newFragmentCache(256)
		db.ClearMemo()
		w := httptest.NewRecorder()
		start := time.Now()
		mux.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/units/"+unit, nil))
		times = append(times, time.Since(start))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/1000/float64(len(times)), "cpu-ms/op")
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}

// processCPU is the user and system CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
