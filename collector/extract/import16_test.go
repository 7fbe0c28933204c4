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
