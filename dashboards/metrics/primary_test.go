package metrics

import (
	"context"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// TestGaugesDescribeThePrimaryPlan: with a council plan of 14,765 and a
// central plan of 14,000 in force, 14,490 by 2020-9M gives completion
// 14490 ÷ 14765 = 0.981374873 and target 14,765 (council is primary); when
// the indicator names central as primary, 14490 ÷ 14000 = 1.035 and
// 14,000. GRDP reported +7.43% at constant prices beside current-price
// values 26,000 → 28,478 is exposed as 0.0743, not 0.0953; a points plan
// has no target in the indicator's measure and no plan_target gauge.
func TestGaugesDescribeThePrimaryPlan(t *testing.T) {
	db, _ := openDB(t)
	ctx := context.Background()
	p := func(s string) *storage.Percent { v, _ := storage.ParsePercent(s); return &v }
	v := func(f float64) *float64 { return &f }
	b := storage.Batch{
		Units: []storage.Unit{{Code: "tinh", NameVI: "Tỉnh"}},
		Observations: []storage.Observation{
			{Unit: "tinh", Indicator: "budget_revenue", Period: storage.MustParsePeriod("2020-9M"), Value: v(14490), ReportedAt: "2020-09-25",
				ReportedPlanPercents: storage.PlanPercents{{Authority: storage.AuthorityCentral, Percent: *p("103.5")}}},
			{Unit: "tinh", Indicator: "grdp", Period: storage.MustParsePeriod("2019-H1"), Value: v(26000), ReportedYoYPercent: p("7.0"), ReportedAt: "2019-07-01"},
			{Unit: "tinh", Indicator: "grdp", Period: storage.MustParsePeriod("2020-H1"), Value: v(28478), ReportedYoYPercent: p("7.43"), ReportedAt: "2020-07-01"},
			{Unit: "tinh", Indicator: "poverty_rate", Period: storage.MustParsePeriod("2019"), Value: v(4.8), ReportedAt: "2020-01-10"},
			{Unit: "tinh", Indicator: "poverty_rate", Period: storage.MustParsePeriod("2020-H1"), Value: v(3.6), ReportedAt: "2020-07-01"},
		},
		Plans: []storage.Plan{
			{Unit: "tinh", Indicator: "budget_revenue", Year: 2020, Basis: storage.BasisValue, Target: v(14765), AdoptedOn: "2019-12-10"},
			{Unit: "tinh", Indicator: "budget_revenue", Year: 2020, Authority: storage.AuthorityCentral, Basis: storage.BasisValue, Target: v(14000), AdoptedOn: "2019-11-20"},
			{Unit: "tinh", Indicator: "poverty_rate", Year: 2020, Basis: storage.BasisPoints, TargetLow: v(-1.5), TargetHigh: v(-1), AdoptedOn: "2019-12-10"},
		},
	}
	if _, err := db.Write(ctx, b, storage.Provenance{Via: "api", RecordedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	check := func(name, ind string, want float64) {
		t.Helper()
		fams := parse(t, get(t, NewHandler(db, nil, 1, nil), "GET", nil).Body.Bytes())
		if got, ok := sample(fams, name, map[string]string{"unit": "tinh", "indicator": ind}); !ok || got != want {
			t.Errorf("%s{%s} = %v (present %v), want %v", name, ind, got, ok, want)
		}
	}
	check(PlanCompletion, "budget_revenue", 0.981374873)
	check(PlanTarget, "budget_revenue", 14765)
	check(YoYGrowth, "grdp", 0.0743)
	fams := parse(t, get(t, NewHandler(db, nil, 1, nil), "GET", nil).Body.Bytes())
	if _, ok := sample(fams, PlanTarget, map[string]string{"unit": "tinh", "indicator": "poverty_rate"}); ok {
		t.Error("a points plan is exposed as a plan target")
	}
	if _, err := db.Write(ctx, storage.Batch{Indicators: []storage.Indicator{{Code: "budget_revenue", PrimaryAuthority: storage.AuthorityCentral}}},
		storage.Provenance{Via: "api", RecordedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	check(PlanCompletion, "budget_revenue", 1.035)
	check(PlanTarget, "budget_revenue", 14000)
}
