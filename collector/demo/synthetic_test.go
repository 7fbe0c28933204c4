package demo

import (
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestDemoMarksItsFiguresOnCanThoSynthetic: Cần Thơ is the seed report's
// real unit, but the merger gives it made-up figures for 2024 and H1 2025.
// Every 2024 item derived from them is synthetic, and so are the figures
// the audit trail lists; the seed's 2018-H1 items and figures are not.
func TestDemoMarksItsFiguresOnCanThoSynthetic(t *testing.T) {
	ctx, db := loadedDemo(t)
	synthetic := map[string]int{}
	for _, period := range []string{"2018-H1", "2024", "2025-H1"} {
		pr, err := db.Progress(ctx, "can-tho", storage.MustParsePeriod(period), "")
		if err != nil {
			t.Fatal(err)
		}
		if pr.Unit.Synthetic {
			t.Fatalf("can-tho itself is marked synthetic")
		}
		for _, it := range pr.Items {
			if it.Synthetic {
				synthetic[period]++
			} else if period != "2018-H1" && it.Value != nil {
				t.Errorf("%s %s: a value from the merger's figures, not marked synthetic", period, it.Indicator)
			}
		}
	}
	// The merger gives can-tho four indicators' figures for 2024-H1, 2024-H2
	// and 2025-H1: 4 synthetic items at 2024 and at 2025-H1, none at 2018-H1.
	if synthetic["2018-H1"] != 0 || synthetic["2024"] < 4 || synthetic["2025-H1"] < 4 {
		t.Errorf("synthetic items by period %v, want 0 at 2018-H1 and at least 4 at 2024 and 2025-H1", synthetic)
	}
	seen := map[bool]int{}
	err := db.EachObservation(ctx, storage.ObservationFilter{Unit: "can-tho"}, func(o storage.Observation) error {
		if want := o.Period.Year >= 2024; o.Synthetic != want {
			t.Errorf("%s %s synthetic %v, want %v", o.Indicator, o.Period, o.Synthetic, want)
		}
		seen[o.Synthetic]++
		return nil
	})
	if err != nil || seen[true] != 12 || seen[false] != 10 {
		t.Errorf("can-tho figures by synthetic mark %v (want 12 merger, 10 seed): %v", seen, err)
	}
}
