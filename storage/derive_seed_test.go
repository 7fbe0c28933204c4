package storage

import (
	"math"
	"testing"
)

// catalogIndicator returns the catalog's indicator code, failing the test if
// the catalog lacks it.
func catalogIndicator(t *testing.T, code string) Indicator {
	t.Helper()
	for _, i := range Catalog() {
		if i.Code == code {
			return i
		}
	}
	t.Fatalf("catalog has no indicator %q", code)
	return Indicator{}
}

// fig builds a current figure; pct and yoy are percent strings as a report
// writes them ("" for none).
func fig(t *testing.T, period string, value *float64, pct, yoy string) Observation {
	t.Helper()
	o := Observation{Period: MustParsePeriod(period), Value: value, ReportedAt: "2018-06-11",
		ReportStatus: StatusEstimate}
	if pct != "" {
		p, err := ParsePercent(pct)
		if err != nil {
			t.Fatal(err)
		}
		o.ReportedPlanPercent = &p
	}
	if yoy != "" {
		p, err := ParsePercent(yoy)
		if err != nil {
			t.Fatal(err)
		}
		o.ReportedYoYPercent = &p
	}
	return o
}

func f64(v float64) *float64 { return &v }

func near(got *float64, want, tol float64) bool {
	return got != nil && math.Abs(*got-want) <= tol
}

func show(p *float64) any {
	if p == nil {
		return "null"
	}
	return *p
}

// TestDeriveSeedFigures works SPEC §2 on the Cần Thơ H1 2018 report's numbers.
func TestDeriveSeedFigures(t *testing.T) {
	h1 := "2018-H1"
	valuePlan16 := Plan{Year: 2018, Basis: BasisValue, Target: f64(16), Version: "original", AdoptedOn: "2018-01-01"}
	tests := []struct {
		name      string
		ind       string
		obs       Observation
		plans     []Plan
		plan      float64 // 0: no plan expected
		low, high float64 // 0: no interval expected
		src       PlanSource
		compl     float64 // -1: null
		expected  float64 // -1: null
		pace      Pace
		yoy       float64 // -1: null
	}{
		{"retail sales implied plan, ahead", "retail_sales", fig(t, h1, f64(63135), "53.7", ""), nil,
			117569.8, 117460.5, 117679.4, PlanImplied, 0.537, 0.5, PaceAhead, -1},
		{"new party members 66%", "new_party_members", fig(t, h1, f64(1452), "66", ""), nil,
			2200, 2183.5, 2216.8, PlanImplied, 0.66, 0.5, PaceAhead, -1},
		{"budget revenue on track", "budget_revenue", fig(t, h1, f64(7060), "49.6", ""), nil,
			14233.9, 14219.5, 14248.2, PlanImplied, 0.496, 0.5, PaceOnTrack, -1},
		{"exports 52.7% ahead", "exports", fig(t, h1, f64(942), "52.7", ""), nil,
			1787.5, 1785.8, 1789.2, PlanImplied, 0.527, 0.5, PaceAhead, -1},
		{"midterm reviews stored plan, pace none", "midterm_reviews_held", fig(t, h1, f64(7), "", ""),
			[]Plan{valuePlan16}, 16, 0, 0, PlanStored, 0.4375, -1, PaceUnknown, -1},
		{"grdp yoy from reported percent", "grdp", fig(t, h1, f64(28478), "", "7.43"), nil,
			0, 0, 0, "", -1, -1, PaceUnknown, 0.0743},
		{"cadres assigned, no plan", "cadres_assigned", fig(t, h1, f64(53), "", ""), nil,
			0, 0, 0, "", -1, -1, PaceUnknown, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.obs.Unit, tc.obs.Indicator = "can-tho", tc.ind
			it := Derive(Facts{Unit: "can-tho", Indicator: catalogIndicator(t, tc.ind),
				Period: MustParsePeriod(h1), AsOf: "2018-06-30",
				Figures: []Observation{tc.obs}, Plans: tc.plans}, DefaultThresholds())
			if !near(it.Value, *tc.obs.Value, 0) || !near(it.YTD, *tc.obs.Value, 0) {
				t.Errorf("value %v ytd %v, want %v", show(it.Value), show(it.YTD), *tc.obs.Value)
			}
			checkOpt(t, "plan", it.Plan, tc.plan, 0.05)
			checkOpt(t, "plan_low", it.PlanLow, tc.low, 0.05)
			checkOpt(t, "plan_high", it.PlanHigh, tc.high, 0.05)
			checkOpt(t, "completion", it.Completion, tc.compl, 1e-9)
			checkOpt(t, "expected", it.Expected, tc.expected, 1e-9)
			checkOpt(t, "yoy", it.YoY, tc.yoy, 1e-9)
			if it.PlanSource != tc.src {
				t.Errorf("plan_source %q, want %q", it.PlanSource, tc.src)
			}
			if it.Pace != tc.pace {
				t.Errorf("pace %q, want %q", it.Pace, tc.pace)
			}
			if it.Flags == nil || len(it.Flags) != 0 {
				t.Errorf("flags %v, want an empty non-nil slice", it.Flags)
			}
		})
	}
}

// checkOpt compares an optional figure: want 0 for the plan fields or −1
// elsewhere means null.
func checkOpt(t *testing.T, name string, got *float64, want, tol float64) {
	t.Helper()
	isNull := want == -1 || (want == 0 && (name == "plan" || name == "plan_low" || name == "plan_high"))
	if isNull {
		if got != nil {
			t.Errorf("%s = %v, want null", name, *got)
		}
		return
	}
	if !near(got, want, tol) {
		t.Errorf("%s = %v, want %v (±%g)", name, show(got), want, tol)
	}
}

// TestImpliedPlanRounding checks the exact interval SPEC §2 quotes.
func TestImpliedPlanRounding(t *testing.T) {
	it := Derive(Facts{Indicator: catalogIndicator(t, "retail_sales"), Period: MustParsePeriod("2018-H1"),
		Figures: []Observation{fig(t, "2018-H1", f64(63135), "53.7", "")}}, Thresholds{})
	if *it.Plan != 117569.8 || *it.PlanLow != 117460.5 || *it.PlanHigh != 117679.4 {
		t.Errorf("implied plan %v in %v–%v, want 117569.8 in 117460.5–117679.4", *it.Plan, *it.PlanLow, *it.PlanHigh)
	}
	it = Derive(Facts{Indicator: catalogIndicator(t, "new_party_members"), Period: MustParsePeriod("2018-H1"),
		Figures: []Observation{fig(t, "2018-H1", f64(1452), "66", "")}}, Thresholds{})
	if *it.Plan != 2200 || *it.PlanLow != 2183.5 || *it.PlanHigh != 2216.8 {
		t.Errorf("implied plan %v in %v–%v, want 2200 in 2183.5–2216.8", *it.Plan, *it.PlanLow, *it.PlanHigh)
	}
}
