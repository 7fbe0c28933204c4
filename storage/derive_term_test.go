package storage

import (
	"testing"
)

// TestTermAverageGrowth is the third worked example: average
// growth 7% for 2021–2025; reported real growth 5.0, 8.0, 7.0 for
// 2021–2023. Achieved (1.05 × 1.08 × 1.07)^(1/3) − 1 = 1.213380^(1/3) − 1 =
// 0.0666 (0.06659352797); needed over the 2 years left (1.07^5 ÷
// 1.213380)^(1/2) − 1 = 0.0751 (0.07513011804); 6.66 is below 7 but within
// 1 point → behind.
func TestTermAverageGrowth(t *testing.T) {
	grdp := catalogIndicator(t, "grdp")
	figs := []Observation{fig(t, "2021", f64(60000), "", "5.0"), fig(t, "2022", f64(66000), "", "8.0"),
		fig(t, "2023", f64(72000), "", "7.0")}
	term := Term{2021, 2025}
	it := Derive(Facts{Indicator: grdp, Period: MustParsePeriod("2023"), Figures: figs,
		Plans: []Plan{{Term: term, Authority: AuthorityParty, Basis: BasisAverageGrowth, Target: f64(7), Version: "original"}}}, Thresholds{})
	p := planOf(t, it, AuthorityParty, term)
	checkOpt(t, "achieved", p.Achieved, 0.06659352797, 0)
	checkOpt(t, "needed", p.Needed, 0.07513011804, 0)
	if p.Pace != PaceBehind || p.RemainingYears != 2 || p.Basis != BasisAverageGrowth || *p.Target != 7 {
		t.Fatalf("term plan %+v", p)
	}
	// The only plan is the party's term plan: it is primary and drives the item's pace.
	if !p.Primary || it.Pace != PaceBehind || it.PrimaryAuthority != AuthorityParty {
		t.Fatalf("item pace %s primary %s", it.Pace, it.PrimaryAuthority)
	}
	// A year missing its growth leaves the term unjudged.
	it = Derive(Facts{Indicator: grdp, Period: MustParsePeriod("2023"), Figures: []Observation{figs[0], figs[2]},
		Plans: []Plan{{Term: term, Basis: BasisAverageGrowth, Target: f64(7)}}}, Thresholds{})
	if p := planOf(t, it, AuthorityCouncil, term); p.Achieved != nil || p.Pace != PaceUnknown {
		t.Fatalf("with 2022 missing: %+v", p)
	}
}

// TestTermEndLevel: GRDP per head (a level) 3,000 USD in 2020, target 5,000
// by 2025. At 2023's end 3 of 5 years have passed: the straight path stands
// at 3000 + 2000 × 3 ÷ 5 = 4,200. 4,100 is 100 ÷ 4200 = 2.38% below → at
// risk; 4,180 is 0.48% below → behind; 4,250 is 1.19% above → ahead.
// For 4,100: completion 4100 ÷ 5000 = 0.82; achieved (4100 ÷ 3000)^(1/3) − 1
// = 0.1097390471; needed (5000 ÷ 4100)^(1/2) − 1 = 0.1043152607.
func TestTermEndLevel(t *testing.T) {
	ind := Indicator{Code: "grdp_per_head", Measure: "usd", Kind: KindLevel, Direction: DirectionUp, PaceProfile: PaceLinear, GrowthBasis: GrowthNominal}
	term := Term{2021, 2025}
	plans := []Plan{{Term: term, Basis: BasisEndLevel, Target: f64(5000)}}
	for _, tc := range []struct {
		v    float64
		pace Pace
	}{{4100, PaceAtRisk}, {4180, PaceBehind}, {4250, PaceAhead}} {
		it := Derive(Facts{Indicator: ind, Period: MustParsePeriod("2023"), Plans: plans,
			Figures: []Observation{fig(t, "2020", f64(3000), "", ""), fig(t, "2023", f64(tc.v), "", "")}}, Thresholds{})
		p := planOf(t, it, AuthorityCouncil, term)
		if p.Pace != tc.pace {
			t.Errorf("%v: pace %s, want %s", tc.v, p.Pace, tc.pace)
		}
		if tc.v == 4100 {
			checkOpt(t, "completion", p.Completion, 0.82, 0)
			checkOpt(t, "achieved", p.Achieved, 0.1097390471, 0)
			checkOpt(t, "needed", p.Needed, 0.1043152607, 0)
		}
	}
}

// TestTermCumulative: investment over 2021–2025 planned at 500; 2021 100,
// 2022 110, 2023-H1 60 → 270 to date. 2.5 of 5 years have passed: the
// path is 500 × 0.5 = 250, and 270 is 8% above → ahead. Completion and
// achieved 270 ÷ 500 = 0.54, needed 0.46.
func TestTermCumulative(t *testing.T) {
	inv := catalogIndicator(t, "investment")
	term := Term{2021, 2025}
	it := Derive(Facts{Indicator: inv, Period: MustParsePeriod("2023-H1"),
		Plans:   []Plan{{Term: term, Basis: BasisCumulative, Target: f64(500)}},
		Figures: []Observation{fig(t, "2021", f64(100), "", ""), fig(t, "2022", f64(110), "", ""), fig(t, "2023-H1", f64(60), "", "")}}, Thresholds{})
	p := planOf(t, it, AuthorityCouncil, term)
	checkOpt(t, "completion", p.Completion, 0.54, 0)
	checkOpt(t, "achieved", p.Achieved, 0.54, 0)
	checkOpt(t, "needed", p.Needed, 0.46, 0)
	if p.Pace != PaceAhead {
		t.Fatalf("pace %s", p.Pace)
	}
}

// TestDeficitAndZeroCap: a balance (flow, up) planned at −500 for the year.
// At H1 (expected 0.5): d = (ytd − (−500 × 0.5)) ÷ 500. −200 → 0.1 ≥ 0.05 →
// ahead; −260 → −0.02 → on_track; −300 → −0.1 → behind; −400 → −0.3 →
// at_risk. Completion is null. Traffic deaths (down) capped at 0: 0 →
// on_track, 1 → at_risk.
func TestDeficitAndZeroCap(t *testing.T) {
	bal := Indicator{Code: "budget_balance", Measure: "billion_vnd", Kind: KindFlow, Direction: DirectionUp, PaceProfile: PaceLinear, GrowthBasis: GrowthNominal}
	for _, tc := range []struct {
		ytd  float64
		pace Pace
	}{{-200, PaceAhead}, {-260, PaceOnTrack}, {-300, PaceBehind}, {-400, PaceAtRisk}} {
		it := Derive(Facts{Indicator: bal, Period: MustParsePeriod("2020-H1"),
			Plans: []Plan{{Year: 2020, Basis: BasisValue, Target: f64(-500)}}, Figures: []Observation{fig(t, "2020-H1", f64(tc.ytd), "", "")}}, Thresholds{})
		if it.Pace != tc.pace || it.Completion != nil {
			t.Errorf("deficit ytd %v: pace %s completion %v, want %s and null", tc.ytd, it.Pace, show(it.Completion), tc.pace)
		}
	}
	deaths := catalogIndicator(t, "traffic_deaths")
	for _, tc := range []struct {
		v    float64
		pace Pace
	}{{0, PaceOnTrack}, {1, PaceAtRisk}} {
		it := Derive(Facts{Indicator: deaths, Period: MustParsePeriod("2020-H1"),
			Plans: []Plan{{Year: 2020, Basis: BasisValue, Target: f64(0)}}, Figures: []Observation{fig(t, "2020-H1", f64(tc.v), "", "")}}, Thresholds{})
		if it.Pace != tc.pace || it.Completion != nil {
			t.Errorf("zero cap at %v: pace %s completion %v, want %s and null", tc.v, it.Pace, show(it.Completion), tc.pace)
		}
	}
}

// TestFlagPartsMismatch: H1 reported as 700 while Q1 300 + Q2 350 = 650 →
// flagged (precision: three whole numbers, ±1.5). H1 651 is within it.
// Three months 100 + 100 + 100 against a Q1 of 310 → flagged.
func TestFlagPartsMismatch(t *testing.T) {
	ind := catalogIndicator(t, "retail_sales")
	for _, tc := range []struct {
		period string
		figs   []Observation
		want   bool
	}{
		{"2020-H1", []Observation{fig(t, "2020-Q1", f64(300), "", ""), fig(t, "2020-Q2", f64(350), "", ""), fig(t, "2020-H1", f64(700), "", "")}, true},
		{"2020-H1", []Observation{fig(t, "2020-Q1", f64(300), "", ""), fig(t, "2020-Q2", f64(350), "", ""), fig(t, "2020-H1", f64(651), "", "")}, false},
		{"2020-Q1", []Observation{fig(t, "2020-M01", f64(100), "", ""), fig(t, "2020-M02", f64(100), "", ""), fig(t, "2020-M03", f64(100), "", ""), fig(t, "2020-Q1", f64(310), "", "")}, true},
		{"2020-H1", []Observation{fig(t, "2020-Q1", f64(300), "", ""), fig(t, "2020-H1", f64(700), "", "")}, false},
	} {
		fl, got := flagged(t, Facts{Indicator: ind, Period: MustParsePeriod(tc.period), Figures: tc.figs}, FlagPartsMismatch)
		if got != tc.want {
			t.Errorf("%s %v: parts_mismatch %v, want %v", tc.period, tc.figs, got, tc.want)
		}
		if got && tc.period == "2020-H1" && (fl.Figures["parts_sum"] != 650 || fl.Figures["value"] != 700) {
			t.Errorf("figures %v", fl.Figures)
		}
	}
}

// TestFlagMissingPeriod: Q1 and Q3 reported, Q2 not → at Q3 the
// year-to-date cannot be derived and months 4–6 are missing. Q3 alone has
// no reported period before the gap: no flag.
func TestFlagMissingPeriod(t *testing.T) {
	ind := catalogIndicator(t, "retail_sales")
	fl, ok := flagged(t, Facts{Indicator: ind, Period: MustParsePeriod("2020-Q3"),
		Figures: []Observation{fig(t, "2020-Q1", f64(300), "", ""), fig(t, "2020-Q3", f64(320), "", "")}}, FlagMissingPeriod)
	if !ok || fl.Figures["first_missing_month"] != 4 || fl.Figures["last_missing_month"] != 6 {
		t.Fatalf("missing_period %v %+v", ok, fl)
	}
	if _, ok := flagged(t, Facts{Indicator: ind, Period: MustParsePeriod("2020-Q3"),
		Figures: []Observation{fig(t, "2020-Q3", f64(320), "", "")}}, FlagMissingPeriod); ok {
		t.Fatal("a gap opening the year is not between two reported periods")
	}
}

// TestFlagChildrenRange: a poverty rate of 5.0% for a province whose two
// districts report 3.1% and 4.4% lies outside [3.1, 4.4] → flagged; 3.6%
// lies inside; with a district missing nothing is judged.
func TestFlagChildrenRange(t *testing.T) {
	pov := catalogIndicator(t, "poverty_rate")
	kids := map[string][]Observation{"a": {fig(t, "2020-H1", f64(3.1), "", "")}, "b": {fig(t, "2020-H1", f64(4.4), "", "")}}
	for _, tc := range []struct {
		v     float64
		n     int
		kids  map[string][]Observation
		wantF bool
	}{{5.0, 2, kids, true}, {3.6, 2, kids, false}, {5.0, 3, kids, false}} {
		fl, ok := flagged(t, Facts{Indicator: pov, Period: MustParsePeriod("2020-H1"),
			Figures: []Observation{fig(t, "2020-H1", f64(tc.v), "", "")}, Children: tc.kids, ChildCount: tc.n}, FlagChildrenRange)
		if ok != tc.wantF {
			t.Errorf("%v with %d children: children_range %v", tc.v, tc.n, ok)
		}
		if ok && (fl.Figures["children_min"] != 3.1 || fl.Figures["children_max"] != 4.4) {
			t.Errorf("figures %v", fl.Figures)
		}
	}
}

// TestDeficitYTDMayFall: a deficit line −200 by mid-year and −430 for the
// year falls within the year as deficits do: no ytd_decrease (a positive
// flow going from 500 to 480 still is one).
func TestDeficitYTDMayFall(t *testing.T) {
	bal := Indicator{Code: "budget_balance", Measure: "billion_vnd", Kind: KindFlow, Direction: DirectionUp, PaceProfile: PaceLinear, GrowthBasis: GrowthNominal}
	if _, ok := flagged(t, Facts{Indicator: bal, Period: MustParsePeriod("2020"),
		Figures: []Observation{fig(t, "2020-H1", f64(-200), "", ""), fig(t, "2020", f64(-430), "", "")}}, FlagYTDDecrease); ok {
		t.Fatal("a growing deficit flagged as a falling year-to-date")
	}
	if _, ok := flagged(t, Facts{Indicator: bal, Period: MustParsePeriod("2020"),
		Figures: []Observation{fig(t, "2020-H1", f64(500), "", ""), fig(t, "2020", f64(480), "", "")}}, FlagYTDDecrease); !ok {
		t.Fatal("a positive flow falling from 500 to 480 is not flagged")
	}
}
