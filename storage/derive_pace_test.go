package storage

import "testing"

func TestFlowPaceBoundaries(t *testing.T) {
	th := DefaultThresholds()
	tests := []struct {
		dir  Direction
		r    float64
		want Pace
	}{
		{DirectionUp, 1.2, PaceAhead},
		{DirectionUp, 1.05, PaceAhead},
		{DirectionUp, 1.0499, PaceOnTrack},
		{DirectionUp, 0.95, PaceOnTrack},
		{DirectionUp, 0.9499, PaceBehind},
		{DirectionUp, 0.85, PaceBehind},
		{DirectionUp, 0.8499, PaceAtRisk},
		{DirectionUp, 0, PaceAtRisk},
		{DirectionDown, 0.5, PaceAhead},
		{DirectionDown, 0.95, PaceAhead},
		{DirectionDown, 0.9501, PaceOnTrack},
		{DirectionDown, 1.05, PaceOnTrack},
		{DirectionDown, 1.0501, PaceBehind},
		{DirectionDown, 1.15, PaceBehind},
		{DirectionDown, 1.1501, PaceAtRisk},
	}
	for _, tc := range tests {
		if got := flowPace(tc.dir, tc.r, th); got != tc.want {
			t.Errorf("flow %s r=%v: %s, want %s", tc.dir, tc.r, got, tc.want)
		}
	}
}

func TestGrowthPaceBoundaries(t *testing.T) {
	th := DefaultThresholds()
	tests := []struct {
		dir       Direction
		g         float64
		low, high float64
		want      Pace
	}{
		{DirectionUp, 8.01, 7, 7.5, PaceAhead},
		{DirectionUp, 8.0, 7, 7.5, PaceOnTrack},
		{DirectionUp, 7.0, 7, 7.5, PaceOnTrack},
		{DirectionUp, 6.99, 7, 7.5, PaceBehind},
		{DirectionUp, 6.0, 7, 7.5, PaceBehind},
		{DirectionUp, 5.99, 7, 7.5, PaceAtRisk},
		{DirectionUp, 7.51, 7, 7, PaceAhead}, // single target: low = high
		{DirectionUp, 7.5, 7, 7, PaceOnTrack},
		{DirectionDown, 2.49, 3, 4, PaceAhead},
		{DirectionDown, 2.5, 3, 4, PaceOnTrack},
		{DirectionDown, 4.0, 3, 4, PaceOnTrack},
		{DirectionDown, 4.01, 3, 4, PaceBehind},
		{DirectionDown, 5.0, 3, 4, PaceBehind},
		{DirectionDown, 5.01, 3, 4, PaceAtRisk},
	}
	for _, tc := range tests {
		if got := growthPace(tc.dir, tc.g, tc.low, tc.high, th); got != tc.want {
			t.Errorf("growth %s g=%v in [%v,%v]: %s, want %s", tc.dir, tc.g, tc.low, tc.high, got, tc.want)
		}
	}
}

func TestLevelPaceBoundaries(t *testing.T) {
	th := DefaultThresholds()
	tests := []struct {
		dir  Direction
		v    float64
		plan float64
		want Pace
	}{
		{DirectionUp, 120, 100, PaceOnTrack}, // levels are never "ahead"
		{DirectionUp, 100, 100, PaceOnTrack},
		{DirectionUp, 99.99, 100, PaceBehind},
		{DirectionUp, 95, 100, PaceBehind},
		{DirectionUp, 94.99, 100, PaceAtRisk},
		{DirectionDown, 4, 5, PaceOnTrack},
		{DirectionDown, 5, 5, PaceOnTrack},
		{DirectionDown, 5.01, 5, PaceBehind},
		{DirectionDown, 5.25, 5, PaceBehind},
		{DirectionDown, 5.26, 5, PaceAtRisk},
	}
	for _, tc := range tests {
		if got := levelPace(tc.dir, tc.v, tc.plan, tc.plan, th); got != tc.want {
			t.Errorf("level %s v=%v plan %v: %s, want %s", tc.dir, tc.v, tc.plan, got, tc.want)
		}
	}
}

// TestDerivePaceBranches drives each branch through Derive, with stored plans.
func TestDerivePaceBranches(t *testing.T) {
	valuePlan := func(v float64) []Plan {
		return []Plan{{Year: 2018, Basis: BasisValue, Target: f64(v), Version: "original", AdoptedOn: "2018-01-05"}}
	}
	growthPlan := []Plan{{Year: 2018, Basis: BasisGrowth, TargetLow: f64(7), TargetHigh: f64(7.5),
		Version: "original", AdoptedOn: "2018-01-05"}}
	budget := catalogIndicator(t, "budget_revenue")       // flow, up, linear
	accidents := catalogIndicator(t, "traffic_accidents") // flow, down, linear
	poverty := catalogIndicator(t, "poverty_rate")        // level, down
	coverage := catalogIndicator(t, "health_insurance_coverage")
	midterm := catalogIndicator(t, "midterm_reviews_held") // pace_profile none
	tests := []struct {
		name   string
		ind    Indicator
		period string
		figs   []Observation
		plans  []Plan
		th     Thresholds
		want   Pace
	}{
		{"flow up r=1.05 at H1", budget, "2018-H1", []Observation{fig(t, "2018-H1", f64(525), "", "")}, valuePlan(1000), Thresholds{}, PaceAhead},
		{"flow up r just below 0.95 at 9M", budget, "2018-9M", []Observation{fig(t, "2018-9M", f64(712), "", "")}, valuePlan(1000), Thresholds{}, PaceBehind},
		{"flow up at risk", budget, "2018-Q1", []Observation{fig(t, "2018-Q1", f64(200), "", "")}, valuePlan(1000), Thresholds{}, PaceAtRisk},
		{"flow up with stricter thresholds", budget, "2018-H1", []Observation{fig(t, "2018-H1", f64(525), "", "")}, valuePlan(1000),
			Thresholds{FlowAhead: 1.1, FlowOnTrack: 1, FlowBehind: 0.9}, PaceOnTrack},
		{"flow down cap ahead", accidents, "2018-H1", []Observation{fig(t, "2018-H1", f64(200), "", "")}, valuePlan(500), Thresholds{}, PaceAhead},
		{"flow down cap at risk", accidents, "2018-H1", []Observation{fig(t, "2018-H1", f64(300), "", "")}, valuePlan(500), Thresholds{}, PaceAtRisk},
		{"flow without plan", budget, "2018-H1", []Observation{fig(t, "2018-H1", f64(300), "", "")}, nil, Thresholds{}, PaceUnknown},
		{"flow with pace_profile none", midterm, "2018-H1", []Observation{fig(t, "2018-H1", f64(16), "", "")}, valuePlan(16), Thresholds{}, PaceUnknown},
		{"growth plan from values: 7.2%", budget, "2018-H1", []Observation{fig(t, "2017-H1", f64(1000), "", ""), fig(t, "2018-H1", f64(1072), "", "")}, growthPlan, Thresholds{}, PaceOnTrack},
		{"growth plan from reported percent: 8.5%", budget, "2018-H1", []Observation{fig(t, "2018-H1", f64(1072), "", "8.5")}, growthPlan, Thresholds{}, PaceAhead},
		{"growth plan without yoy", budget, "2018-H1", []Observation{fig(t, "2018-H1", f64(1072), "", "")}, growthPlan, Thresholds{}, PaceUnknown},
		{"level down over plan by 4%", poverty, "2018-H1", []Observation{fig(t, "2018-H1", f64(5.2), "", "")}, valuePlan(5), Thresholds{}, PaceBehind},
		{"level up at plan", coverage, "2018-H1", []Observation{fig(t, "2018-H1", f64(90), "", "")}, valuePlan(90), Thresholds{}, PaceOnTrack},
		{"level up far below", coverage, "2018-H1", []Observation{fig(t, "2018-H1", f64(80), "", "")}, valuePlan(90), Thresholds{}, PaceAtRisk},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := Derive(Facts{Unit: "u", Indicator: tc.ind, Period: MustParsePeriod(tc.period),
				AsOf: "2018-12-31", Figures: tc.figs, Plans: tc.plans}, tc.th)
			if it.Pace != tc.want {
				t.Errorf("pace %s, want %s (completion %v, expected %v, yoy %v)",
					it.Pace, tc.want, show(it.Completion), show(it.Expected), show(it.YoY))
			}
		})
	}
}
