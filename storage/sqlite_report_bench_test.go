package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkProgressAfterReport measures a province's progress (a hundred
// communes, 60 indicators, 2023–2024 monthly year-to-date figures) as the
// first request after a 60-figure report, written by a second handle as a
// CLI import beside `serve` would (each a revision of December 2024, so the
// province's latest period stays): "child" after one commune's report (the
// province's own items are kept; only the checks against its children are
// made again, from that commune's values read again), "own" after the
// province's own report (its 60 items derived again). Each iteration
// times both and the bare SQL a progress cannot avoid — the province's
// figures of two years, as `plantrack bench` bounds it — in turn, so a
// busy machine slows them alike; it reports their medians and each
// median's ratio to the bound's.
func BenchmarkProgressAfterReport(b *testing.B) {
	ctx := context.Background()
	db, path := openTestDB(b)
	all, extra := benchIndicators(60)
	batch := provinceBatch("prov", all, 2023, 2024, true)
	batch.Indicators = extra
	writeBatch(b, db, batch)
	writer := secondHandle(b, path)
	provID, err := db.unitIDOf(ctx, "prov")
	if err != nil {
		b.Fatal(err)
	}
	progress := func() time.Duration {
		start := time.Now()
		if pr, err := db.Progress(ctx, "prov", Period{}, ""); err != nil || len(pr.Items) != 60 {
			b.Fatalf("progress: %d items, %v", len(pr.Items), err)
		}
		return time.Since(start)
	}
	bound := func() time.Duration {
		start := time.Now()
		rows, err := db.r.QueryContext(ctx, `SELECT indicator_id, year, first_month, last_month, reported_at, id, packed, value,
			reported_plan_percent, reported_yoy_percent FROM figures WHERE unit_id = ? AND year IN (?, ?)`, provID, 2024, 2023)
		if err != nil {
			b.Fatal(err)
		}
		vals := make([]any, 10)
		for i := range vals {
			vals[i] = new(any)
		}
		for rows.Next() {
			if err := rows.Scan(vals...); err != nil {
				b.Fatal(err)
			}
		}
		rows.Close()
		return time.Since(start)
	}
	progress()
	var child, own, bare []time.Duration
	n := 0
	for b.Loop() {
		n++
		report(b, writer, fmt.Sprintf("prov-c%03d", n%100+1), all, n)
		child = append(child, progress())
		report(b, writer, "prov", all, n)
		own = append(own, progress())
		bare = append(bare, bound())
	}
	med := func(ds []time.Duration) float64 {
		slices.Sort(ds)
		return float64(ds[len(ds)/2].Microseconds()) / 1000
	}
	mc, mo, mb := med(child), med(own), med(bare)
	b.ReportMetric(mc, "child-ms")
	b.ReportMetric(mo, "own-ms")
	b.ReportMetric(mb, "bound-ms")
	b.ReportMetric(mc/mb, "child/bound")
	b.ReportMetric(mo/mb, "own/bound")
}

// report writes, through db, a revision of unit's December 2024
// year-to-date figure of every indicator (the province's latest period
// stays the same), reported on a new day of 2025 with a new value.
func report(b *testing.B, db *DB, unit string, inds []Indicator, n int) {
	b.Helper()
	at := fmt.Sprintf("2025-%02d-%02d", n/28%12+1, n%28+1)
	var obs []Observation
	for i, ind := range inds {
		obs = append(obs, Observation{Unit: unit, Indicator: ind.Code, Period: Period{2024, 1, 12},
			Value: val(float64(n*100+i) + 0.5), ReportStatus: StatusEstimate, ReportedAt: at})
	}
	writeBatch(b, db, Batch{Observations: obs})
}
