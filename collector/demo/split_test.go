package demo

import (
	"reflect"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// A unit's progress keeps its own items apart from the checks against its
// children (storage derives the two separately, so that a child's report
// does not derive the parent's items again); on the whole demo, every
// unit's progress at every month end of every indicator gives the item —
// every field, and the flags in the same order with the same figures — that
// the series, one whole Derive per point with the children's figures, gives.
// The demo's districts do not always add up to their province, so the
// children's checks are among the flags compared.
func TestDemoProgressMatchesSeriesPoints(t *testing.T) {
	ctx, db := loadedDemo(t)
	units, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inds, err := db.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const asOf = "2030-01-01"
	compared, childFlags := 0, map[string]int{}
	progress := map[string]map[string]storage.Item{} // by unit, period and indicator
	for _, u := range units {
		for _, ind := range inds {
			s, err := db.Series(ctx, u.Code, ind.Code, asOf)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range s.Points {
				key := u.Code + " " + want.Period.String()
				if progress[key] == nil {
					pr, err := db.Progress(ctx, u.Code, want.Period, asOf)
					if err != nil {
						t.Fatalf("progress of %s: %v", key, err)
					}
					progress[key] = map[string]storage.Item{}
					for _, it := range pr.Items {
						progress[key][it.Indicator] = it
					}
				}
				got, ok := progress[key][ind.Code]
				if !ok {
					t.Fatalf("progress of %s has no %s, its series has", key, ind.Code)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %s: progress item %+v (flags %+v), series point %+v (flags %+v)", key, ind.Code, got, got.Flags, want, want.Flags)
				}
				compared++
				for _, fl := range got.Flags {
					if fl.Code == storage.FlagChildrenSumMismatch || fl.Code == storage.FlagChildrenRange {
						childFlags[fl.Code]++
					}
				}
			}
		}
	}
	t.Logf("%d items compared; children's checks raised: %v", compared, childFlags)
	if childFlags[storage.FlagChildrenSumMismatch] == 0 {
		t.Fatal("no children_sum_mismatch in the demo: the comparison proves less than it claims")
	}
}
