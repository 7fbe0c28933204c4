package storage

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRealDB measures the hot reads on a database that `plantrack
// bench` generated (PLANTRACK_BENCH_DB=/tmp/bprov/plantrack.db; skipped
// without it), so that they can be profiled with -cpuprofile at the scale
// they are slow at: progress of a province with a hundred communes, series
// of a commune, and compare across the communes of the nation.
// PLANTRACK_BENCH_UNIT names the province (default p01).
func BenchmarkRealDB(b *testing.B) {
	path := os.Getenv("PLANTRACK_BENCH_DB")
	if path == "" {
		b.Skip("PLANTRACK_BENCH_DB is not set: point it at a database made by `plantrack bench`")
	}
	ctx := context.Background()
	// A copy, so that opening (migrations, catalog) never writes to the
	// generator's file.
	dst := filepath.Join(b.TempDir(), "copy.db")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		b.Fatal(err)
	}
	db, err := Open(ctx, dst)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	prov := os.Getenv("PLANTRACK_BENCH_UNIT")
	if prov == "" {
		prov = "p01"
	}
	a, bb := MustParsePeriod("2024-H1"), MustParsePeriod("2023-H1")
	cases := []struct {
		name string
		run  func() error
	}{
		{"progress-province", func() error { _, err := db.Progress(ctx, prov, Period{}, ""); return err }},
		{"progress-commune", func() error { _, err := db.Progress(ctx, prov+"-c001", Period{}, ""); return err }},
		{"series-commune", func() error { _, err := db.Series(ctx, prov+"-c001", "retail_sales", ""); return err }},
		{"compare-level2", func() error {
			_, err := db.Compare(ctx, CompareQuery{Indicator: "retail_sales", Parent: "vn", Level: 2, A: a, B: bb})
			return err
		}},
		{"spans-province", func() error {
			_, err := db.SpanValues(ctx, prov, MustParsePeriod("2024"), 2015, nil, "")
			return err
		}},
	}
	// Cold reads, the memo emptied before each, and one kept answer.
	cases = append(cases, struct {
		name string
		run  func() error
	}{"progress-province-kept", func() error { _, err := db.Progress(ctx, prov, Period{}, ""); return err }})
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var times []time.Duration
			cpu0 := cpuTime()
			for b.Loop() {
				if c.name != "progress-province-kept" {
					db.ClearMemo()
				}
				start := time.Now()
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			// The process's CPU time per call: on a shared, overloaded
			// machine it varies far less than the wall-clock time.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(times)), "cpu-ms/op")
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
		})
	}
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
