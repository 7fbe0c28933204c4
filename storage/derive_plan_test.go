package storage

import "testing"

func TestPlanVersionsAndPlanInForce(t *testing.T) {
	budget := catalogIndicator(t, "budget_revenue")
	plans := []Plan{
		{Year: 2018, Basis: BasisValue, Target: f64(1000), Version: "original", AdoptedOn: "2018-01-10"},
		{Year: 2018, Basis: BasisValue, Target: f64(1250), Version: "adjusted", AdoptedOn: "2018-07-15"},
		{Year: 2017, Basis: BasisValue, Target: f64(9999), Version: "adjusted", AdoptedOn: "2018-09-01"},
	}
	figs := []Observation{fig(t, "2018-H1", f64(500), "50", "")}
	tests := []struct {
		name        string
		asOf        string
		plan        float64
		source      PlanSource
		version     string
		completion  float64
		original    float64 // -1: absent
		complOrig   float64 // -1: absent
		planPctFlag bool
	}{
		{"before any plan: implied", "2018-01-01", 1000, PlanImplied, "", 0.5, -1, -1, false},
		{"original in force", "2018-06-30", 1000, PlanStored, "original", 0.5, -1, -1, false},
		{"adjusted in force from its adoption day", "2018-07-15", 1250, PlanStored, "adjusted", 0.4, 1000, 0.5, false},
		{"no as_of: newest", "", 1250, PlanStored, "adjusted", 0.4, 1000, 0.5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := Derive(Facts{Indicator: budget, Period: MustParsePeriod("2018-H1"), AsOf: tc.asOf,
				Figures: figs, Plans: plans}, Thresholds{})
			checkOpt(t, "plan", it.Plan, tc.plan, 1e-9)
			checkOpt(t, "completion", it.Completion, tc.completion, 1e-9)
			checkOpt(t, "original_plan", it.OriginalPlan, tc.original, 1e-9)
			checkOpt(t, "completion_original", it.CompletionOriginal, tc.complOrig, 1e-9)
			if it.PlanSource != tc.source || it.PlanVersion != tc.version {
				t.Errorf("plan %s/%q, want %s/%q", it.PlanSource, it.PlanVersion, tc.source, tc.version)
			}
			raised := false
			for _, fl := range it.Flags {
				raised = raised || fl.Code == FlagPlanPercentMismatch
			}
			if raised != tc.planPctFlag {
				t.Errorf("plan_percent_mismatch %v, want %v", raised, tc.planPctFlag)
			}
		})
	}
}

// TestPlanPercentCheckedAgainstPlanWhenReported: a percent is checked
// against the plan in force on the day the figure was reported.
func TestPlanPercentCheckedAgainstPlanWhenReported(t *testing.T) {
	budget := catalogIndicator(t, "budget_revenue")
	plans := []Plan{
		{Year: 2018, Basis: BasisValue, Target: f64(1000), Version: "original", AdoptedOn: "2018-01-10"},
		{Year: 2018, Basis: BasisValue, Target: f64(1250), Version: "adjusted", AdoptedOn: "2018-07-15"},
	}
	tests := []struct {
		reportedAt string
		want       bool
	}{
		{"2018-07-01", false}, // 50% of the original 1,000: right when written
		{"2018-07-20", true},  // after the adjustment 500 is 40%, not 50%
	}
	for _, tc := range tests {
		o := fig(t, "2018-H1", f64(500), "50", "")
		o.ReportedAt = tc.reportedAt
		_, got := flagged(t, Facts{Indicator: budget, Period: MustParsePeriod("2018-H1"), AsOf: "2018-12-31",
			Figures: []Observation{o}, Plans: plans}, FlagPlanPercentMismatch)
		if got != tc.want {
			t.Errorf("reported %s: plan_percent_mismatch %v, want %v", tc.reportedAt, got, tc.want)
		}
	}
}

func TestPlanInForceTies(t *testing.T) {
	plans := []Plan{
		{Year: 2018, Target: f64(2), Version: "adjusted", AdoptedOn: "2018-03-01"},
		{Year: 2018, Target: f64(1), Version: "original", AdoptedOn: "2018-03-01"},
		{Year: 2018, Version: "empty", AdoptedOn: "2018-04-01"}, // no target: ignored
	}
	p, ok := PlanInForce(plans, "2018-12-31")
	if !ok || p.Version != "adjusted" {
		t.Errorf("same-day tie: %+v, want the adjusted version", p)
	}
	if _, ok := PlanInForce(plans, "2018-02-28"); ok {
		t.Error("nothing adopted by 2018-02-28")
	}
}

func TestGrowthAndRangePlans(t *testing.T) {
	grdp := catalogIndicator(t, "grdp")
	growth := []Plan{{Year: 2018, Basis: BasisGrowth, TargetLow: f64(7), TargetHigh: f64(7.5), Version: "original", AdoptedOn: "2018-01-01"}}
	it := Derive(Facts{Indicator: grdp, Period: MustParsePeriod("2018-H1"),
		Figures: []Observation{fig(t, "2018-H1", f64(28478), "", "7.43")}, Plans: growth}, Thresholds{})
	if it.Completion != nil || it.Expected != nil || it.PlanBasis != BasisGrowth {
		t.Errorf("growth plan: completion %v expected %v basis %s, want nulls and growth", show(it.Completion), show(it.Expected), it.PlanBasis)
	}
	checkOpt(t, "plan", it.Plan, 7.25, 1e-9)
	checkOpt(t, "plan_low", it.PlanLow, 7, 1e-9)
	if it.Pace != PaceOnTrack {
		t.Errorf("7.43%% against 7–7.5%%: %s, want on_track", it.Pace)
	}
	// a stored plan wins over the implied one even when a percent is reported
	budget := catalogIndicator(t, "budget_revenue")
	stored := []Plan{{Year: 2018, Basis: BasisValue, TargetLow: f64(900), TargetHigh: f64(1100), Version: "original", AdoptedOn: "2018-01-01"}}
	it = Derive(Facts{Indicator: budget, Period: MustParsePeriod("2018-H1"),
		Figures: []Observation{fig(t, "2018-H1", f64(500), "40", "")}, Plans: stored}, Thresholds{})
	if it.PlanSource != PlanStored {
		t.Errorf("plan_source %s, want stored", it.PlanSource)
	}
	checkOpt(t, "completion", it.Completion, 0.5, 1e-9)
	if len(it.Flags) != 1 || it.Flags[0].Code != FlagPlanPercentMismatch {
		t.Errorf("40%% against 900–1,100 (45.5–55.6%%): flags %+v, want plan_percent_mismatch", it.Flags)
	}
}

func TestThresholdDefaultsFillZeroFields(t *testing.T) {
	got := Thresholds{FlowAhead: 1.2}.orDefaults()
	want := DefaultThresholds()
	want.FlowAhead = 1.2
	if got != want {
		t.Errorf("orDefaults: %+v, want %+v", got, want)
	}
}
