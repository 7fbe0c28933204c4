package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkUnitsOverTime measures what dates cost the readers: a
// comparison of 1,000 communes' budget revenue (2024-H2 against 2023-H2,
// monthly year-to-date figures) when the tree has no dates ("undated", the
// release's shape) and when every commune moved from a district that ended
// on 2024-06-30 to the province ("dated"); and a unit's comparison when it
// is a plain unit and when it is a successor of three units whose figures
// are summed ("reconstructed"). Memos are cleared so that every run derives.
func BenchmarkUnitsOverTime(b *testing.B) {
	for _, dated := range []bool{false, true} {
		name := map[bool]string{false: "children/undated", true: "children/dated"}[dated]
		db, _ := openTestDB(b)
		writeBenchTree(b, db, dated)
		q := CompareQuery{Indicator: "budget_revenue", Parent: "p", A: MustParsePeriod("2024-H2"), B: MustParsePeriod("2023-H2"), AsOf: "2025-06-01"}
		b.Run(name, func(b *testing.B) { timeCompare(b, db, q, 1000) })
	}
	db, _ := openTestDB(b)
	writeBenchSuccession(b, db)
	for _, unit := range []string{"plain", "succ"} {
		name := map[string]string{"plain": "unit/plain", "succ": "unit/reconstructed"}[unit]
		q := CompareQuery{Unit: unit, A: MustParsePeriod("2025-H2"), B: MustParsePeriod("2024-H2"), AsOf: "2026-06-01"}
		b.Run(name, func(b *testing.B) { timeCompare(b, db, q, 1) })
	}
}

func timeCompare(b *testing.B, db *DB, q CompareQuery, rows int) {
	ctx := context.Background()
	var times []time.Duration
	for b.Loop() {
		db.ClearMemo()
		start := time.Now()
		c, err := db.Compare(ctx, q)
		if err != nil || len(c.Rows) < rows {
			b.Fatalf("compare: %d rows, %v", len(c.Rows), err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
}

func monthlyYTD(unit string, years ...int) []Observation {
	var out []Observation
	for _, y := range years {
		for m := 1; m <= 12; m++ {
			out = append(out, Observation{Unit: unit, Indicator: "budget_revenue", Period: Period{y, 1, m},
				Value: val(float64(10 * m)), ReportedAt: fmt.Sprintf("%d-%02d-25", y, m)})
		}
	}
	return out
}

func writeBenchTree(b *testing.B, db *DB, dated bool) {
	batch := Batch{Units: []Unit{{Code: "p", NameVI: "P"}}}
	for d := 0; d < 10; d++ {
		dist := Unit{Code: fmt.Sprintf("d%d", d), NameVI: "D", Parent: "p"}
		if dated {
			dist.ValidTo = "2024-06-30"
		}
		batch.Units = append(batch.Units, dist)
	}
	for c := 0; c < 1000; c++ {
		u := Unit{Code: fmt.Sprintf("c%04d", c), NameVI: "C", Parent: "p"}
		if dated {
			u.Parent, u.Parents = "", []ParentSpan{{Parent: fmt.Sprintf("d%d", c%10)}, {Parent: "p", From: "2024-07-01"}}
		}
		batch.Units = append(batch.Units, u)
		batch.Observations = append(batch.Observations, monthlyYTD(u.Code, 2023, 2024)...)
	}
	if _, err := db.Write(context.Background(), batch, Provenance{Via: "demo"}); err != nil {
		b.Fatal(err)
	}
}

func writeBenchSuccession(b *testing.B, db *DB) {
	on := "2025-07-01"
	batch := Batch{Units: []Unit{{Code: "plain", NameVI: "Plain"},
		{Code: "a", NameVI: "A", ValidTo: "2025-06-30"}, {Code: "b", NameVI: "B", ValidTo: "2025-06-30"},
		{Code: "c", NameVI: "C", ValidTo: "2025-06-30"},
		{Code: "succ", NameVI: "S", ValidFrom: on, Predecessors: []Predecessor{{"a", on}, {"b", on}, {"c", on}}}}}
	batch.Observations = append(batch.Observations, monthlyYTD("plain", 2024, 2025)...)
	for _, u := range []string{"a", "b", "c"} {
		batch.Observations = append(batch.Observations, monthlyYTD(u, 2024)...)
	}
	for _, o := range monthlyYTD("succ", 2025) {
		if o.Period.Last >= 7 {
			batch.Observations = append(batch.Observations, o)
		}
	}
	if _, err := db.Write(context.Background(), batch, Provenance{Via: "demo"}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkChildrenSelect compares selecting 1,000 children by the tree in
// force on a day (belowAt) with the release's undated subquery on
// units.parent_id, on the same undated tree: the price of dates when no
// unit has any.
func BenchmarkChildrenSelect(b *testing.B) {
	ctx := context.Background()
	db, _ := openTestDB(b)
	writeBenchTree(b, db, false)
	p, err := db.unitRef(ctx, "p")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("release-parent_id", func(b *testing.B) {
		for b.Loop() {
			if kids, err := db.unitsWhere(ctx, `id IN (SELECT id FROM units WHERE parent_id = ?)`, p.id); err != nil || len(kids) != 1010 {
				b.Fatal(len(kids), err)
			}
		}
	})
	b.Run("tree-in-force", func(b *testing.B) {
		for b.Loop() {
			sub, args := belowAt(p.id, 1, "2024-12-31")
			if kids, err := db.unitsWhere(ctx, `id IN (`+sub+`)`, args...); err != nil || len(kids) != 1010 {
				b.Fatal(len(kids), err)
			}
		}
	})
}
