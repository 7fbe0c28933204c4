package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkCompareAfterWrite measures the comparison of one indicator
// across a province's hundred communes (2024-H1 against 2023-H1), each
// time right after another handle (another process: a CLI import) wrote a
// report of one commune, against its bound in the same run: the bare SQL
// reading both periods of the children (the bench's bound). It reports the
// p50 of each and their ratio; "kept" is the same comparison with no write
// in between.
func BenchmarkCompareAfterWrite(b *testing.B) {
	ctx := context.Background()
	db, path := openTestDB(b)
	inds, extra := benchIndicators(4)
	batch := provinceBatch("p01", inds, 2015, 2024, false)
	batch.Indicators = extra
	writeBatch(b, db, batch)
	other := secondHandle(b, path)
	q := CompareQuery{Indicator: inds[0].Code, Parent: "p01", A: MustParsePeriod("2024-H1"), B: MustParsePeriod("2023-H1")}
	var parent, ind int64
	if err := db.r.QueryRowContext(ctx, `SELECT (SELECT id FROM units WHERE code = 'p01'),
		(SELECT id FROM indicators WHERE code = ?)`, q.Indicator).Scan(&parent, &ind); err != nil {
		b.Fatal(err)
	}
	bare := func() error {
		rows, err := db.r.QueryContext(ctx, `SELECT unit_id, year, reported_at, id, value FROM figures
			WHERE indicator_id = ?1 AND year IN (?2, ?3) AND last_month = 6 AND first_month = 1
			AND unit_id IN (SELECT id FROM units WHERE parent_id = ?4)`, ind, 2024, 2023, parent)
		if err != nil {
			return err
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var u, y, id int64
			var at string
			var v *float64
			if err := rows.Scan(&u, &y, &at, &id, &v); err != nil {
				return err
			}
			n++
		}
		if n != 200 { // a hundred communes, two periods
			return fmt.Errorf("bare SQL read %d rows, want 200", n)
		}
		return rows.Err()
	}
	compare := func() error {
		c, err := db.Compare(ctx, q)
		if err == nil && len(c.Rows) != 100 {
			err = fmt.Errorf("compare: %d rows, want 100", len(c.Rows))
		}
		return err
	}
	if err := compare(); err != nil {
		b.Fatal(err)
	}
	n := 0
	report := func() { // a revision of one commune's 2025 January, all indicators
		n++
		var rep []Observation
		for _, ind := range inds {
			rep = append(rep, Observation{Unit: fmt.Sprintf("p01-c%03d", n%100+1), Indicator: ind.Code,
				Period: MustParsePeriod("2025-M01"), Value: val(float64(n)), ReportedAt: "2025-01-28"})
		}
		if _, err := other.Write(ctx, Batch{Observations: rep}, Provenance{Via: "csv"}); err != nil {
			b.Fatal(err)
		}
	}
	var after, kept, bound []time.Duration
	timed := func(dst *[]time.Duration, fn func() error) {
		start := time.Now()
		if err := fn(); err != nil {
			b.Fatal(err)
		}
		*dst = append(*dst, time.Since(start))
	}
	// Interleaved, so that a busy machine slows all three alike.
	for b.Loop() {
		b.StopTimer()
		report()
		b.StartTimer()
		timed(&after, compare)
		timed(&kept, compare)
		timed(&bound, bare)
	}
	p50 := func(ds []time.Duration) float64 {
		slices.Sort(ds)
		return float64(ds[len(ds)/2].Microseconds()) / 1000
	}
	a, k, s := p50(after), p50(kept), p50(bound)
	b.ReportMetric(a, "after-write-p50-ms")
	b.ReportMetric(k, "kept-p50-ms")
	b.ReportMetric(s, "bare-sql-p50-ms")
	b.ReportMetric(a/s, "after-write/bare")
}
