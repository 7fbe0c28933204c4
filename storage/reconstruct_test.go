package storage

import (
	"context"
	"testing"
)

// mergerBatch: a, b and c end on 2025-06-30 and become n on 2025-07-01.
// x ends the same day and is split into y and z.
func mergerBatch() Batch {
	on := "2025-07-01"
	return Batch{Units: []Unit{
		{Code: "vn", NameVI: "Việt Nam"},
		{Code: "a", NameVI: "A", Parent: "vn", ValidTo: "2025-06-30"},
		{Code: "b", NameVI: "B", Parent: "vn", ValidTo: "2025-06-30"},
		{Code: "c", NameVI: "C", Parent: "vn", ValidTo: "2025-06-30"},
		{Code: "n", NameVI: "N", Parent: "vn", ValidFrom: on,
			Predecessors: []Predecessor{{"a", on}, {"b", on}, {"c", on}}},
		{Code: "x", NameVI: "X", Parent: "vn", ValidTo: "2025-06-30"},
		{Code: "y", NameVI: "Y", Parent: "vn", ValidFrom: on, Predecessors: []Predecessor{{"x", on}}},
		{Code: "z", NameVI: "Z", Parent: "vn", ValidFrom: on, Predecessors: []Predecessor{{"x", on}}},
	}}
}

func rev(u, ind, p string, v float64) Observation {
	return Observation{Unit: u, Indicator: ind, Period: MustParsePeriod(p), Value: val(v), ReportedAt: "2026-01-15"}
}

// TestThreeWayMergerYoY, worked by hand: in 2024-H2 a, b and c reported
// 100, 50 and 30, so n's reconstructed 2024-H2 is 180; n reports 198 for
// 2025-H2, a growth of 198 / 180 − 1 = 0.10. In 2024-H1 c reported
// nothing, so n has no 2024-H1 figure. The poverty rate (a level) is not
// summed; n's own 2024-H2 rate, imported for before it existed, is marked.
func TestThreeWayMergerYoY(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	b := mergerBatch()
	b.Observations = []Observation{
		rev("a", "budget_revenue", "2024-H2", 100), rev("b", "budget_revenue", "2024-H2", 50), rev("c", "budget_revenue", "2024-H2", 30),
		rev("a", "budget_revenue", "2024-H1", 90), rev("b", "budget_revenue", "2024-H1", 40),
		rev("n", "budget_revenue", "2025-H2", 198),
		rev("a", "poverty_rate", "2024-H2", 3), rev("b", "poverty_rate", "2024-H2", 4), rev("c", "poverty_rate", "2024-H2", 5),
		rev("n", "poverty_rate", "2024-H2", 3.6), rev("n", "poverty_rate", "2025-H2", 3.2),
	}
	writeBatch(t, db, b)
	const asOf = "2026-02-01"
	pr, err := db.Progress(ctx, "n", MustParsePeriod("2025-H2"), asOf)
	if err != nil {
		t.Fatal(err)
	}
	rev := pr.Items[0]
	if rev.Indicator != "budget_revenue" || !approx(rev.YoY, 0.10, 1e-12) || rev.Reconstructed {
		t.Fatalf("n 2025-H2: %+v, want yoy 0.10 from a reconstructed 180", rev)
	}
	s, err := db.Series(ctx, "n", "budget_revenue", asOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Points) != 2 || s.Points[0].Period != MustParsePeriod("2024-H2") || !approx(s.Points[0].Value, 180, 0) ||
		!s.Points[0].Reconstructed || s.Points[1].Reconstructed || !approx(s.Points[1].YoY, 0.10, 1e-12) {
		t.Fatalf("series points %+v", s.Points)
	}
	c, err := db.Compare(ctx, CompareQuery{Unit: "n", A: MustParsePeriod("2025-H2"), B: MustParsePeriod("2024-H2"), AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rows {
		switch r.Indicator {
		case "budget_revenue":
			if !approx(r.ValueB, 180, 0) || !approx(r.Ratio, 1.1, 1e-12) || r.ReconstructedA || !r.ReconstructedB {
				t.Errorf("compare row %+v", r)
			}
		case "poverty_rate": // imported for before n existed: reconstructed as imported, not summed (3+4+5)
			if !approx(r.ValueB, 3.6, 0) || !r.ReconstructedB {
				t.Errorf("level row %+v", r)
			}
		}
	}
	// Across the country in the tree of 2025-H2's end: n, y and z.
	kids, err := db.Compare(ctx, CompareQuery{Indicator: "budget_revenue", Parent: "vn", A: MustParsePeriod("2025-H2"),
		B: MustParsePeriod("2024-H2"), AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(kids.Rows) != 3 || kids.Rows[0].Unit != "n" || !approx(kids.Rows[0].ValueB, 180, 0) || !kids.Rows[0].ReconstructedB {
		t.Fatalf("children rows %+v", kids.Rows)
	}
	st, err := db.ChildrenStatus(ctx, "vn", MustParsePeriod("2025-H2"), asOf)
	if err != nil || len(st["n"].Items) == 0 || !approx(st["n"].Items[0].YoY, 0.10, 1e-12) {
		t.Fatalf("children status of vn: %+v %v", st["n"], err)
	}
}

// TestSplitIsNotReconstructed: x (100 in 2024-H2) became y and z; neither
// gets a 2024-H2 figure, and the reason is "split".
func TestSplitIsNotReconstructed(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	b := mergerBatch()
	b.Observations = []Observation{rev("x", "budget_revenue", "2024-H2", 100), rev("y", "budget_revenue", "2025-H2", 60)}
	writeBatch(t, db, b)
	c, err := db.Compare(ctx, CompareQuery{Unit: "y", A: MustParsePeriod("2025-H2"), B: MustParsePeriod("2024-H2"), AsOf: "2026-02-01"})
	if err != nil || len(c.Rows) != 1 || c.Rows[0].ValueB != nil || c.Rows[0].ReconstructedB {
		t.Fatalf("split compare %+v %v", c.Rows, err)
	}
	for code, want := range map[string]string{"y": NotReconstructedSplit, "z": NotReconstructedSplit, "n": "", "a": ""} {
		if why, err := db.NotReconstructed(ctx, code); err != nil || why != want {
			t.Errorf("%s: %q %v, want %q", code, why, err, want)
		}
	}
}

// TestContinuingUnitAbsorbs: b and c merge into a, which goes on (no
// valid_from). a's 2024-H2 becomes 100 + 50 + 30 = 180, marked.
func TestContinuingUnitAbsorbs(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	on := "2025-07-01"
	b := Batch{Units: []Unit{{Code: "a", NameVI: "A"}, {Code: "b", NameVI: "B", ValidTo: "2025-06-30"},
		{Code: "c", NameVI: "C", ValidTo: "2025-06-30"}},
		Observations: []Observation{rev("a", "budget_revenue", "2024-H2", 100), rev("b", "budget_revenue", "2024-H2", 50),
			rev("c", "budget_revenue", "2024-H2", 30), rev("a", "budget_revenue", "2025-H2", 198)}}
	writeBatch(t, db, b)
	writeBatch(t, db, Batch{Units: []Unit{{Code: "a", Predecessors: []Predecessor{{"b", on}, {"c", on}}}}})
	pr, err := db.Progress(ctx, "a", MustParsePeriod("2025-H2"), "2026-02-01")
	if err != nil || !approx(pr.Items[0].YoY, 0.10, 1e-12) {
		t.Fatalf("a 2025-H2 %+v %v", pr.Items, err)
	}
}

// TestReconstructionFollowsPredecessorRevisions: kept answers about n are
// dropped when a predecessor's figure is revised. a's 2024-H2 goes from
// 100 to 120, so n's reconstructed 2024-H2 goes from 180 to 200 and its
// 2025-H2 growth from 198/180 − 1 = 0.10 to 198/200 − 1 = −0.01.
func TestReconstructionFollowsPredecessorRevisions(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	b := mergerBatch()
	b.Observations = []Observation{
		rev("a", "budget_revenue", "2024-H2", 100), rev("b", "budget_revenue", "2024-H2", 50), rev("c", "budget_revenue", "2024-H2", 30),
		rev("n", "budget_revenue", "2025-H2", 198),
	}
	writeBatch(t, db, b)
	h2, h2p := MustParsePeriod("2025-H2"), MustParsePeriod("2024-H2")
	check := func(want float64) {
		t.Helper()
		pr, err := db.Progress(ctx, "n", h2, "")
		if err != nil || !approx(pr.Items[0].YoY, want, 1e-12) {
			t.Errorf("progress yoy %+v %v, want %v", pr.Items, err, want)
		}
		c, err := db.Compare(ctx, CompareQuery{Indicator: "budget_revenue", Parent: "vn", A: h2, B: h2p})
		if err != nil || !approx(c.Rows[0].Ratio, 1+want, 1e-12) {
			t.Errorf("compare children %+v %v, want ratio %v", c.Rows, err, 1+want)
		}
		st, err := db.ChildrenStatus(ctx, "vn", h2, "")
		if err != nil || !approx(st["n"].Items[0].YoY, want, 1e-12) {
			t.Errorf("children status %+v %v, want %v", st["n"], err, want)
		}
	}
	check(0.10)
	writeBatch(t, db, Batch{Observations: []Observation{{Unit: "a", Indicator: "budget_revenue", Period: h2p,
		Value: val(120), ReportedAt: "2026-01-20"}}})
	check(198.0/200 - 1)
}

// TestObservationsMarkImportedReconstructions: n's poverty rate for
// 2024-H2, a period before n began, is marked reconstructed when read back;
// its 2025-H2 figure is not.
func TestObservationsMarkImportedReconstructions(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	b := mergerBatch()
	b.Observations = []Observation{rev("n", "poverty_rate", "2024-H2", 3.6), rev("n", "poverty_rate", "2025-H2", 3.2)}
	writeBatch(t, db, b)
	obs, err := db.Observations(ctx, ObservationFilter{Unit: "n"})
	if err != nil || len(obs) != 2 {
		t.Fatalf("%+v %v", obs, err)
	}
	for _, o := range obs {
		if want := o.Period.Year == 2024; o.Reconstructed != want {
			t.Errorf("%v reconstructed %v, want %v", o.Period, o.Reconstructed, want)
		}
	}
}
