package storage

import (
	"context"
	"slices"
	"testing"
)

// Kept answers last only until the next write, by this handle or another,
// and callers may reorder what they get without touching the kept copy.
func TestMemoForgetsOnWriteAndHandsOutCopies(t *testing.T) {
	ctx := context.Background()
	db, path := openTestDB(t)
	seedSmall(t, db)
	h1 := MustParsePeriod("2018-H1")
	exports := func(d *DB) float64 {
		t.Helper()
		pr, err := d.Progress(ctx, "can-tho", h1, "2018-12-31")
		if err != nil {
			t.Fatal(err)
		}
		return *itemOf(t, pr.Items, "exports").Value
	}
	if v := exports(db); v != 942 {
		t.Fatalf("exports %v, want 942", v)
	}
	writeBatch(t, db, Batch{Observations: []Observation{{Unit: "can-tho", Indicator: "exports", Period: h1,
		Value: val(950), ReportedAt: "2018-07-15"}}})
	if v := exports(db); v != 950 {
		t.Fatalf("after a revision by the same handle: exports %v, want 950", v)
	}
	series := func() float64 {
		t.Helper()
		s, err := db.Series(ctx, "can-tho", "exports", "2018-12-31")
		if err != nil || len(s.Points) == 0 {
			t.Fatalf("series: %d points, %v", len(s.Points), err)
		}
		return *s.Points[len(s.Points)-1].Value
	}
	if v := series(); v != 950 {
		t.Fatalf("series: exports %v, want 950", v)
	}
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	writeBatch(t, other, Batch{Observations: []Observation{{Unit: "can-tho", Indicator: "exports", Period: h1,
		Value: val(960), ReportedAt: "2018-07-20"}}})
	if v := exports(db); v != 960 {
		t.Fatalf("after a revision by another handle: exports %v, want 960", v)
	}
	if v := series(); v != 960 {
		t.Fatalf("series after a revision by another handle: exports %v, want 960", v)
	}

	q := CompareQuery{Unit: "can-tho", A: h1, B: MustParsePeriod("2017-H1"), AsOf: "2018-12-31"}
	first, err := db.Compare(ctx, q)
	if err != nil || len(first.Rows) < 2 {
		t.Fatalf("compare: %d rows, %v", len(first.Rows), err)
	}
	want := slices.Clone(first.Rows)
	slices.Reverse(first.Rows)
	again, err := db.Compare(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if again.Rows[i].Indicator != want[i].Indicator {
			t.Fatalf("row %d is %s after the caller reordered its copy, want %s", i, again.Rows[i].Indicator, want[i].Indicator)
		}
	}
}
