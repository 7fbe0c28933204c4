package demo

import (
	"fmt"
	"math"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestDemoShowsTheCanThoMerger: the new Cần Thơ's 2025-H2 budget revenue
// (15,300) is compared with its predecessors' 2024-H2 summed: Cần Thơ
// 8,600 + Sóc Trăng 3,400 + Hậu Giang 2,500 = 14,500, marked
// reconstructed; growth 15,300 / 14,500 − 1 ≈ 5.5%. The sample province's
// districts end on 2025-06-30 and their communes move up.
func TestDemoShowsTheCanThoMerger(t *testing.T) {
	ctx, db := loadedDemo(t)
	c, err := db.Compare(ctx, storage.CompareQuery{Unit: "can-tho-2025", Indicator: "budget_revenue",
		A: storage.MustParsePeriod("2025-H2"), B: storage.MustParsePeriod("2024-H2")})
	if err != nil || len(c.Rows) != 1 {
		t.Fatalf("compare: %+v %v", c.Rows, err)
	}
	r := c.Rows[0]
	if r.ValueB == nil || *r.ValueB != 14500 || !r.ReconstructedB || r.ReconstructedA || r.Ratio == nil ||
		math.Abs(*r.Ratio-15300.0/14500) > 1e-9 {
		t.Errorf("the merger's comparison: %+v", r)
	}
	pr, err := db.Progress(ctx, "can-tho-2025", storage.MustParsePeriod("2026-H1"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range pr.Items {
		if it.Indicator == "budget_revenue" && (it.YoY == nil || math.Abs(*it.YoY-(14800.0/13950-1)) > 1e-9) {
			t.Errorf("2026-H1 growth %v, want 14,800 / (8,300 + 3,300 + 2,350) − 1", ptrString(it.YoY))
		}
	}
	before, err := db.ChildrenAt(ctx, province, "2024-12-31")
	if err != nil || len(before) != len(districts()) {
		t.Fatalf("children in 2024: %d %v", len(before), err)
	}
	after, err := db.ChildrenAt(ctx, province, "2025-12-31")
	if err != nil || len(after) != 2*len(districts()) || after[0].Parents[0].Parent == province {
		t.Fatalf("children after the reorganisation: %d %v", len(after), err)
	}
}

func ptrString(v *float64) string {
	if v == nil {
		return "nil"
	}
	return fmt.Sprint(*v)
}
