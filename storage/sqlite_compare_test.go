package storage

import (
	"context"
	"testing"
)

// TestCompareGrandchildren compares one indicator across the units two
// levels below a parent (every commune of a nation), with their plans.
func TestCompareGrandchildren(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	a, b := MustParsePeriod("2017-H1"), MustParsePeriod("2018-H1")
	batch := Batch{
		Units: []Unit{{Code: "vn", NameVI: "Việt Nam"}, {Code: "p1", Parent: "vn"}, {Code: "p2", Parent: "vn"},
			{Code: "p1-c1", Parent: "p1"}, {Code: "p1-c2", Parent: "p1"}, {Code: "p2-c1", Parent: "p2"}},
		Observations: []Observation{
			{Unit: "p1-c1", Indicator: "budget_revenue", Period: a, Value: val(100), ReportedAt: "2017-07-01"},
			{Unit: "p1-c1", Indicator: "budget_revenue", Period: b, Value: val(120), ReportedAt: "2018-07-01"},
			{Unit: "p2-c1", Indicator: "budget_revenue", Period: b, Value: val(50), ReportedAt: "2018-07-01"},
			{Unit: "p1", Indicator: "budget_revenue", Period: b, Value: val(999), ReportedAt: "2018-07-01"},
		},
		Plans: []Plan{{Unit: "p1-c1", Indicator: "budget_revenue", Year: 2018, Basis: BasisValue, Target: val(240),
			Version: "original", AdoptedOn: "2018-01-02"}},
	}
	if _, err := db.Write(ctx, batch, Provenance{Via: "api"}); err != nil {
		t.Fatal(err)
	}
	c, err := db.Compare(ctx, CompareQuery{Indicator: "budget_revenue", Parent: "vn", Level: 2, A: a, B: b})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows) != 3 || c.Rows[0].Unit != "p1-c1" || c.Rows[1].Unit != "p1-c2" || c.Rows[2].Unit != "p2-c1" {
		t.Fatalf("grandchildren rows %+v", c.Rows)
	}
	if r := c.Rows[0]; !approx(r.ValueA, 100, 0) || !approx(r.ValueB, 120, 0) || !approx(r.Ratio, 0.8333333333, 0) /* 100 ÷ 120 at 10 significant digits */ || !approx(r.Difference, -20, 0) ||
		!approx(r.CompletionB, 0.5, 1e-12) || r.PaceB != PaceOnTrack {
		t.Errorf("p1-c1 row %+v", r)
	}
	if r := c.Rows[2]; r.ValueA != nil || !approx(r.ValueB, 50, 0) || r.CompletionB != nil {
		t.Errorf("p2-c1 row %+v", r)
	}
	children, err := db.Compare(ctx, CompareQuery{Indicator: "budget_revenue", Parent: "vn", A: a, B: b})
	if err != nil || len(children.Rows) != 2 || !approx(children.Rows[0].ValueB, 999, 0) {
		t.Fatalf("level 0 must mean children: %+v, %v", children.Rows, err)
	}
	for _, level := range []int{-1, MaxCompareLevel + 1} {
		if _, err := db.Compare(ctx, CompareQuery{Indicator: "budget_revenue", Parent: "vn", Level: level, A: a, B: b}); ErrorCode(err) != CodeInvalid {
			t.Errorf("level %d: %v, want invalid", level, err)
		}
	}
}
