package storage

import (
	"context"
	"testing"
)

// The children's sum reads every child's exact figure whether the children
// are stored together (one id range) or between their own children (each id
// sought): the flag names all three children and their sum.
func TestProgressChildrenSumDenseAndSparse(t *testing.T) {
	ctx := context.Background()
	o := func(unit string, v float64) Observation {
		return Observation{Unit: unit, Indicator: "exports", Period: MustParsePeriod("2018-H1"), Value: val(v), ReportedAt: "2018-07-01"}
	}
	for name, units := range map[string][]Unit{
		"dense": {{Code: "p"}, {Code: "a", Parent: "p"}, {Code: "b", Parent: "p"}, {Code: "c", Parent: "p"}},
		"sparse": {{Code: "p"}, {Code: "a", Parent: "p"}, {Code: "a1", Parent: "a"}, {Code: "a2", Parent: "a"},
			{Code: "b", Parent: "p"}, {Code: "b1", Parent: "b"}, {Code: "b2", Parent: "b"}, {Code: "c", Parent: "p"}},
	} {
		db, _ := openTestDB(t)
		writeBatch(t, db, Batch{Units: units,
			Observations: []Observation{o("p", 1000), o("a", 100), o("b", 200), o("c", 400)}})
		pr, err := db.Progress(ctx, "p", MustParsePeriod("2018-H1"), "")
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]float64
		for _, f := range itemOf(t, pr.Items, "exports").Flags {
			if f.Code == FlagChildrenSumMismatch {
				got = f.Figures
			}
		}
		if got["children"] != 3 || got["children_sum"] != 700 {
			t.Errorf("%s: children_sum_mismatch figures %v, want 3 children summing to 700", name, got)
		}
	}
}
