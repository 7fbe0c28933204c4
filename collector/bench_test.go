package collector

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// Benchmark shape: benchUnits × benchIndicators × benchMonths rows.
const (
	benchUnits      = 500
	benchIndicators = 20
	benchMonths     = 100 // 2010-M01 … 2018-M04
)

// benchRow returns row i of the generated data set.
func benchRow(i int, inds []storage.Indicator) (unit, indicator string, p storage.Period, value float64, pct string) {
	m := i % benchMonths
	ind := (i / benchMonths) % benchIndicators
	u := i / (benchMonths * benchIndicators)
	p = storage.Period{Year: 2010 + m/12, First: m%12 + 1, Last: m%12 + 1}
	value = float64(1000+u*7+ind*13+m) + float64(i%10)/4
	return fmt.Sprintf("bench-%03d", u), inds[ind].Code, p, value, fmt.Sprintf("%d.%d", 40+m%50, i%10)
}

// benchSetup opens a fresh database with the benchmark's units.
func benchSetup(b *testing.B, dir, name string) (*Collector, *storage.DB, string) {
	ctx := context.Background()
	path := filepath.Join(dir, name)
	db, err := storage.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	c := New(db, nil)
	units := []storage.Unit{{Code: "bench", NameEN: "Benchmark province"}}
	for u := 0; u < benchUnits; u++ {
		units = append(units, storage.Unit{Code: fmt.Sprintf("bench-%03d", u), NameEN: "commune", Parent: "bench"})
	}
	if _, err := c.ImportBatch(ctx, storage.Batch{Units: units}, Options{}); err != nil {
		b.Fatal(err)
	}
	return c, db, path
}

func writeBenchCSV(b *testing.B, path string, n int, inds []storage.Indicator) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "unit,indicator,period,value,reported_plan_percent,report_status,reported_at,source")
	for i := 0; i < n; i++ {
		u, ind, p, v, pct := benchRow(i, inds)
		fmt.Fprintf(w, "%s,%s,%s,%s,%s,official,2019-01-15,benchmark\n", u, ind, p, formatValue(v), pct)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

// peakHeap samples HeapInuse every 20ms until stop is called and returns
// the greatest value seen, in bytes.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse > peak.Load() {
			peak.Store(ms.HeapInuse)
		}
	}
	go func() {
		defer wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			sample()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); sample(); return peak.Load() }
}

// rawInsert stores the same rows into the same schema with plain
// modernc.org/sqlite: one transaction, one prepared statement, ids resolved
// in memory beforehand, no parsing and no checks.
func rawInsert(b *testing.B, path string, n int, inds []storage.Indicator) {
	db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(wal)&_pragma=synchronous(normal)&_pragma=busy_timeout(10000)")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ids := func(q string) map[string]int64 {
		m := map[string]int64{}
		rows, err := db.Query(q)
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var code string
			var id int64
			rows.Scan(&code, &id)
			m[code] = id
		}
		return m
	}
	unitIDs, indIDs := ids(`SELECT code, id FROM units`), ids(`SELECT code, id FROM indicators`)
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	// The provenance is stored once (a batch, see migration 0006), the
	// figures clustered by key with numbered revisions.
	now := time.Now().UTC().Format(time.RFC3339Nano)
	res, err := tx.Exec(`INSERT INTO batches (source, via, file_name, recorded_at) VALUES ('benchmark', 'csv', 'bench.csv', ?)`, now)
	if err != nil {
		b.Fatal(err)
	}
	batch, _ := res.LastInsertId()
	st, err := tx.Prepare(`INSERT INTO figures (unit_id, indicator_id, year, first_month, last_month,
		reported_at, id, packed, value, reported_plan_percent, reported_yoy_percent, quote, batch_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i++ {
		u, ind, p, v, pct := benchRow(i, inds)
		packed := (((p.Year*16+p.First)*16+p.Last)*2+0)*4 + 2 // see storage/migrations/0006_compact.sql; 2 = official
		if _, err := st.Exec(unitIDs[u], indIDs[ind], p.Year, p.First, p.Last, "2019-01-15", i+1, packed, v, pct, nil,
			"", batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkImportCSV1M imports a generated 1,000,000-row CSV file and, in
// the same run, inserts the same rows raw; it reports both rates, their
// ratio (by wall time, and by this process's CPU time, which other load on
// the machine disturbs less) and the import's peak heap and resident set.
// Run with -benchtime=1x; PLANTRACK_BENCH_ROWS=N runs a smaller set.
func BenchmarkImportCSV1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M-row benchmark skipped under -short")
	}
	n := benchUnits * benchIndicators * benchMonths
	if v, err := strconv.Atoi(os.Getenv("PLANTRACK_BENCH_ROWS")); err == nil && v > 0 && v < n {
		n = v // a smaller run, for profiling
	}
	inds := storage.Catalog()[:benchIndicators]
	dir := b.TempDir()
	csvPath := filepath.Join(dir, "bench.csv")
	writeBenchCSV(b, csvPath, n, inds)
	for i := 0; i < b.N; i++ {
		c, db, _ := benchSetup(b, dir, fmt.Sprintf("import%d.db", i))
		runtime.GC()
		resetPeakRSS()
		stop := peakHeap()
		start, cpu0 := time.Now(), processCPU()
		rep, err := c.ImportFile(context.Background(), csvPath, Options{})
		importDur, importCPU := time.Since(start), processCPU()-cpu0
		peak := stop()
		rss := peakRSS()
		db.Close()
		if err != nil || rep.Result.New != n {
			b.Fatalf("import: %+v, %v", rep.Result, err)
		}
		_, rdb, rawPath := benchSetup(b, dir, fmt.Sprintf("raw%d.db", i))
		rdb.Close()
		start, cpu0 = time.Now(), processCPU()
		rawInsert(b, rawPath, n, inds)
		rawDur, rawCPU := time.Since(start), processCPU()-cpu0
		importRate, rawRate := float64(n)/importDur.Seconds(), float64(n)/rawDur.Seconds()
		b.ReportMetric(importRate, "import-rows/s")
		b.ReportMetric(rawRate, "raw-rows/s")
		b.ReportMetric(importRate/rawRate, "ratio")
		if importCPU > 0 && rawCPU > 0 { // the same ratio in CPU time, steadier on a shared machine
			b.ReportMetric(rawCPU.Seconds()/importCPU.Seconds(), "cpu-ratio")
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		if rss > 0 {
			b.ReportMetric(float64(rss)/(1<<20), "peak-rss-MB")
		}
	}
}

// resetPeakRSS resets the kernel's record of the process's peak resident
// set (Linux; elsewhere nothing happens and peakRSS reports 0).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns the peak resident set since resetPeakRSS, in bytes: the
// Go heap plus SQLite's page cache and everything else the process holds.
func peakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
