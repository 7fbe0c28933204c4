package extract_test

import (
	"context"
	"testing"

	"github.com/plantrack/plantrack/collector/extract"
	"github.com/plantrack/plantrack/storage"
)

// TestImportParts stores a part as its part indicator, never as the whole:
// "chi thường xuyên 9.120 tỷ đồng" is budget_expenditure_recurrent 9120,
// while the whole keeps its own 15300.
func TestImportParts(t *testing.T) {
	ctx := context.Background()
	c, db := openCollector(t)
	ex := extract.Extract("Chi ngân sách địa phương năm 2022 đạt 15.300 tỷ đồng, trong đó chi thường xuyên 9.120 tỷ đồng.", extract.Options{Unit: "hau-giang"})
	if len(ex.Figures) != 2 || ex.Figures[1].Indicator != "budget_expenditure" || ex.Figures[1].Component != "budget_expenditure_recurrent" {
		t.Fatalf("figures %+v", ex.Figures)
	}
	if _, err := importFigures(ctx, c, ex.Figures); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]float64{"budget_expenditure": 15300, "budget_expenditure_recurrent": 9120} {
		obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "hau-giang", Indicator: code})
		if err != nil || len(obs) != 1 || obs[0].Value == nil || *obs[0].Value != want {
			t.Errorf("%s: %+v, %v; want one figure of %v", code, obs, err, want)
		}
	}
}

// TestImportPercentsByAuthority stores both percents of "đạt 78,2% dự toán
// Trung ương giao và 70,4% dự toán HĐND tỉnh giao", each naming its plan,
// and the council's (the primary) as reported_plan_percent.
func TestImportPercentsByAuthority(t *testing.T) {
	ctx := context.Background()
	c, db := openCollector(t)
	ex := extract.Extract("9 tháng năm 2019, thu ngân sách đạt 5.630 tỷ đồng, đạt 78,2% dự toán Trung ương giao và 70,4% dự toán HĐND tỉnh giao.", extract.Options{Unit: "hau-giang"})
	if _, err := importFigures(ctx, c, ex.Figures); err != nil {
		t.Fatal(err)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "hau-giang", Indicator: "budget_revenue"})
	if err != nil || len(obs) != 1 {
		t.Fatalf("%+v, %v", obs, err)
	}
	central, okC := obs[0].ReportedPlanPercents.Of(storage.AuthorityCentral)
	council, okH := obs[0].ReportedPlanPercents.Of(storage.AuthorityCouncil)
	if !okC || !okH || central.String() != "78.2" || council.String() != "70.4" || obs[0].ReportedPlanPercent == nil || obs[0].ReportedPlanPercent.String() != "70.4" {
		t.Errorf("percents %+v / %v", obs[0].ReportedPlanPercents, obs[0].ReportedPlanPercent)
	}
}
