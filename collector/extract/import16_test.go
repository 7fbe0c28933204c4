package extract_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/collector"

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

// TestImportPlans stores the targets a report states as plans, with the
// report as their source: the council's and the central estimates of one
// budget, a growth range and a five-year average (worked from the text:
// 9.600 and 8.900 tỷ đồng, 7–7,5%, 7%/năm over 2021–2025).
func TestImportPlans(t *testing.T) {
	ctx := context.Background()
	c, db := openCollector(t)
	text := "Năm 2024, Trung ương giao dự toán thu ngân sách 8.900 tỷ đồng; HĐND tỉnh giao 9.600 tỷ đồng. " +
		"Năm 2024, phấn đấu tăng trưởng GRDP từ 7% đến 7,5%. Mục tiêu giai đoạn 2021–2025: tốc độ tăng trưởng GRDP bình quân 7%/năm."
	ex := extract.Extract(text, extract.Options{Unit: "hau-giang", Date: "2023-12-14"})
	b, err := extract.PlansToBatch(ex.Plans, "Báo cáo số 12/BC-UBND", "2023-12-14")
	if err != nil || len(b.Plans) != 4 {
		t.Fatalf("plans %+v: %v", ex.Plans, err)
	}
	if _, err := c.ImportBatch(ctx, b, collector.Options{Via: extract.ViaText}); err != nil {
		t.Fatal(err)
	}
	plans, err := db.Plans(ctx, storage.PlanFilter{Unit: "hau-giang"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range plans {
		lo, hi, _ := p.Bounds()
		got = append(got, fmt.Sprintf("%s %d%s %s %s %v..%v %s", p.Indicator, p.Year, p.Term, p.Authority, p.Basis, lo, hi, p.Source))
	}
	slices.Sort(got)
	want := []string{
		"budget_revenue 2024 central value 8900..8900 Báo cáo số 12/BC-UBND",
		"budget_revenue 2024 council value 9600..9600 Báo cáo số 12/BC-UBND",
		"grdp 02021-2025 council average_growth 7..7 Báo cáo số 12/BC-UBND",
		"grdp 2024 council growth 7..7.5 Báo cáo số 12/BC-UBND",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stored plans:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := extract.PlansToBatch([]extract.Plan{{Indicator: "grdp", Year: 2024, Basis: storage.BasisGrowth}}, "", ""); err == nil {
		t.Error("a plan without a unit was accepted")
	}
}
