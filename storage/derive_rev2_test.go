package storage

import (
	"encoding/json"
	"strings"
	"testing"
)

// planOf returns the item's plan entry of authority a (yearly when term is zero).
func planOf(t *testing.T, it Item, a Authority, term Term) PlanProgress {
	t.Helper()
	for _, p := range it.Plans {
		if p.Authority == a && p.Term == term {
			return p
		}
	}
	t.Fatalf("no %s plan (term %q) among %+v", a, term, it.Plans)
	return PlanProgress{}
}

func itemFlag(it Item, code string, a Authority) bool {
	for _, f := range it.Flags {
		if f.Code == code && (a == "" || f.Authority == a) {
			return true
		}
	}
	return false
}

// TestRealGrowthNeverReplaced is the first worked example. GRDP
// (real): 2019-H1 26,000 (+7.0%), 2020-H1 28,478 reported +7.43%, growth
// plan 7–7.5. yoy is the reported 7.43% → 0.0743; the current-price ratio
// 28478 ÷ 26000 − 1 = 0.0953076923 is yoy_nominal only; 7.43 lies in
// [7, 7.5] → on_track (the ratio, 9.53, would have said ahead).
func TestRealGrowthNeverReplaced(t *testing.T) {
	grdp := catalogIndicator(t, "grdp")
	it := Derive(Facts{Indicator: grdp, Period: MustParsePeriod("2020-H1"),
		Figures: []Observation{fig(t, "2019-H1", f64(26000), "", "7.0"), fig(t, "2020-H1", f64(28478), "", "7.43")},
		Plans:   []Plan{{Year: 2020, Basis: BasisGrowth, TargetLow: f64(7), TargetHigh: f64(7.5), AdoptedOn: "2019-12-10"}}},
		Thresholds{})
	checkOpt(t, "yoy", it.YoY, 0.0743, 0)
	checkOpt(t, "yoy_nominal", it.YoYNominal, 0.09530769231, 0)
	if it.Pace != PaceOnTrack || it.YoYPoints != nil {
		t.Fatalf("pace %s, yoy_points %v; want on_track and none", it.Pace, show(it.YoYPoints))
	}
	// Without a reported growth a real indicator has no yoy at all.
	it = Derive(Facts{Indicator: grdp, Period: MustParsePeriod("2020-H1"),
		Figures: []Observation{fig(t, "2019-H1", f64(26000), "", ""), fig(t, "2020-H1", f64(28478), "", "")}}, Thresholds{})
	if it.YoY != nil || it.YoYNominal == nil {
		t.Fatalf("unreported real growth: yoy %v, yoy_nominal %v", show(it.YoY), show(it.YoYNominal))
	}
}

// TestIndexBases: the yoy of an index by its base.
func TestIndexBases(t *testing.T) {
	idx := func(base string) Indicator {
		return Indicator{Code: "i", Measure: "index", Kind: KindLevel, Direction: DirectionUp, PaceProfile: PaceLinear,
			GrowthBasis: GrowthIndex, IndexBase: base}
	}
	tests := []struct {
		name   string
		ind    Indicator
		period string
		figs   []Observation
		want   float64
	}{
		// IIP 2020-H1 = 107.35 against the same period last year = 100 → 107.35 ÷ 100 − 1 = 0.0735
		// (the release divided it by 2019-H1's 106.1: 0.0118).
		{"same period last year", idx(IndexSamePeriodLastYear), "2020-H1",
			[]Observation{fig(t, "2019-H1", f64(106.1), "", ""), fig(t, "2020-H1", f64(107.35), "", "")}, 0.0735},
		// "CPI bình quân 9 tháng tăng 3,1%": 2024-9M = 103.1 → 0.031.
		{"average over nine months", idx(IndexSamePeriodLastYear), "2024-9M",
			[]Observation{fig(t, "2024-9M", f64(103.1), "", "")}, 0.031},
		// 2010 = 100: 2019-H1 120.0, 2020-H1 126.0 → 126 ÷ 120 − 1 = 0.05.
		{"base year", idx("base_year:2010"), "2020-H1",
			[]Observation{fig(t, "2019-H1", f64(120.0), "", ""), fig(t, "2020-H1", f64(126.0), "", "")}, 0.05},
		// Against last December 102.0, reported +3.5% year on year → the reported 0.035.
		{"previous December: the reported growth", idx(IndexPreviousDecember), "2020-M06",
			[]Observation{fig(t, "2020-M06", f64(102.0), "", "3.5")}, 0.035},
		{"previous period: the reported growth", idx(IndexPreviousPeriod), "2020-M06",
			[]Observation{fig(t, "2020-M06", f64(100.4), "", "3.2")}, 0.032},
	}
	for _, tc := range tests {
		it := Derive(Facts{Indicator: tc.ind, Period: MustParsePeriod(tc.period), Figures: tc.figs}, Thresholds{})
		if it.YoY == nil || *it.YoY != tc.want {
			t.Errorf("%s: yoy %v, want %v", tc.name, show(it.YoY), tc.want)
		}
		if itemFlag(it, FlagYoYMismatch, "") {
			t.Errorf("%s: an index raised yoy_mismatch", tc.name)
		}
	}
	// CPI as an index (2019-H1 102.8, 2020-H1 104.1 reported +4.1%): yoy 0.041 and no
	// yoy_mismatch, where as a nominal value it read 104.1 ÷ 102.8 − 1 = 1.26% and was flagged.
	cpi := idx(IndexSamePeriodLastYear)
	figs := []Observation{fig(t, "2019-H1", f64(102.8), "", "2.8"), fig(t, "2020-H1", f64(104.1), "", "4.1")}
	it := Derive(Facts{Indicator: cpi, Period: MustParsePeriod("2020-H1"), Figures: figs}, Thresholds{})
	checkOpt(t, "cpi yoy", it.YoY, 0.041, 0)
	cpi.GrowthBasis, cpi.IndexBase = GrowthNominal, ""
	if it := Derive(Facts{Indicator: cpi, Period: MustParsePeriod("2020-H1"), Figures: figs}, Thresholds{}); !itemFlag(it, FlagYoYMismatch, "") {
		t.Fatal("the same CPI read as nominal values should be flagged (the old behaviour this replaces)")
	}
}

// TestPlansByAuthority is the second worked example. Budget
// 2020-9M 14,490; council plan 14,765, central plan 14,000; the report says
// 103.5% of the central plan. Primary (council): 14490 ÷ 14765 =
// 0.981374873; central: 14490 ÷ 14000 = 1.035, which the report's 103.5 ±
// 0.05 matches → no mismatch. Expected (linear) 9 ÷ 12 = 0.75; r = 0.9814 ÷
// 0.75 = 1.31 ≥ 1.05 → ahead.
func TestPlansByAuthority(t *testing.T) {
	budget := catalogIndicator(t, "budget_revenue")
	o := fig(t, "2020-9M", f64(14490), "", "")
	o.ReportedAt = "2020-09-25"
	o.ReportedPlanPercents = PlanPercents{{Authority: AuthorityCentral, Percent: *pct(t, "103.5")}}
	plans := []Plan{
		{Year: 2020, Basis: BasisValue, Target: f64(14765), Version: "original", AdoptedOn: "2019-12-10"},
		{Year: 2020, Authority: AuthorityCentral, Basis: BasisValue, Target: f64(14000), Version: "original", AdoptedOn: "2019-11-20"},
	}
	f := Facts{Indicator: budget, Period: MustParsePeriod("2020-9M"), AsOf: "2020-10-01", Figures: []Observation{o}, Plans: plans}
	it := Derive(f, Thresholds{})
	checkOpt(t, "completion", it.Completion, 0.981374873, 0)
	checkOpt(t, "plan", it.Plan, 14765, 0)
	if it.Pace != PaceAhead || it.PrimaryAuthority != AuthorityCouncil || len(it.Plans) != 2 || itemFlag(it, FlagPlanPercentMismatch, "") {
		t.Fatalf("pace %s, primary %s, %d plans, flags %+v", it.Pace, it.PrimaryAuthority, len(it.Plans), it.Flags)
	}
	if it.ReportedPlanPercent != nil {
		t.Fatalf("the item's reported_plan_percent is the primary plan's; the report gave none: %v", it.ReportedPlanPercent)
	}
	central := planOf(t, it, AuthorityCentral, Term{})
	checkOpt(t, "central completion", central.Completion, 1.035, 0)
	if central.Pace != PaceAhead || central.Primary || central.PlanSource != PlanStored || *central.Target != 14000 {
		t.Fatalf("central plan %+v", central)
	}
	// 61.2% of the central plan would be wrong (14490 ÷ 14000 = 103.5%): flagged, naming central only.
	f.Figures[0].ReportedPlanPercents[0].Percent = *pct(t, "61.2")
	it = Derive(f, Thresholds{})
	if !itemFlag(it, FlagPlanPercentMismatch, AuthorityCentral) || itemFlag(it, FlagPlanPercentMismatch, AuthorityCouncil) {
		t.Fatalf("flags %+v, want plan_percent_mismatch against the central plan only", it.Flags)
	}
	// With primary_authority central, the central plan drives the item; a later
	// central adjustment (14,500, adopted after the report) is its version in force: 14490 ÷ 14500 = 0.9993103448.
	f.Figures[0].ReportedPlanPercents[0].Percent = *pct(t, "103.5")
	f.Indicator.PrimaryAuthority = AuthorityCentral
	f.Plans = append(f.Plans, Plan{Year: 2020, Authority: AuthorityCentral, Basis: BasisValue, Target: f64(14500), Version: "adjusted", AdoptedOn: "2020-09-30"})
	it = Derive(f, Thresholds{})
	checkOpt(t, "completion (central, adjusted)", it.Completion, 0.9993103448, 0)
	checkOpt(t, "completion_original (central)", it.CompletionOriginal, 1.035, 0)
	if it.PlanVersion != "adjusted" || it.ReportedPlanPercent == nil || it.ReportedPlanPercent.String() != "103.5" {
		t.Fatalf("primary central: version %q, reported %v", it.PlanVersion, it.ReportedPlanPercent)
	}
	// Checked against the plan in force when reported (the original 14,000): no flag.
	if itemFlag(it, FlagPlanPercentMismatch, "") {
		t.Fatalf("flags %+v", it.Flags)
	}
	// Back with council primary, the central entry still shows its original: 14490 ÷ 14000 = 1.035.
	f.Indicator.PrimaryAuthority = ""
	it = Derive(f, Thresholds{})
	c := planOf(t, it, AuthorityCentral, Term{})
	checkOpt(t, "central completion_original", c.CompletionOriginal, 1.035, 0)
	checkOpt(t, "central original_target", c.OriginalTarget, 14000, 0)
	if it.CompletionOriginal != nil {
		t.Fatalf("the council plan has one version, yet completion_original %v", *it.CompletionOriginal)
	}
}

// TestImpliedPlansPerAuthority: without stored plans, each authority's plan
// is implied from the percents reported against it. 7,060 at 49.6% of the
// council plan → 7060 ÷ 49.6 × 100 = 14,233.9 (roundPlan); at 52.7% of the
// central plan → 13,396.6. The named percents make council primary (first
// of council, party, central, own that a percent named).
func TestImpliedPlansPerAuthority(t *testing.T) {
	o := fig(t, "2020-H1", f64(7060), "", "")
	o.ReportedPlanPercents = PlanPercents{{Authority: AuthorityCentral, Percent: *pct(t, "52.7")},
		{Authority: AuthorityCouncil, Percent: *pct(t, "49.6")}}
	it := Derive(Facts{Indicator: catalogIndicator(t, "budget_revenue"), Period: MustParsePeriod("2020-H1"),
		Figures: []Observation{o}}, Thresholds{})
	checkOpt(t, "plan", it.Plan, 14233.9, 0)
	checkOpt(t, "completion", it.Completion, 0.496, 0)
	central := planOf(t, it, AuthorityCentral, Term{})
	checkOpt(t, "central target", central.Target, 13396.6, 0)
	checkOpt(t, "central completion", central.Completion, 0.527, 0)
	if it.PlanSource != PlanImplied || central.PlanSource != PlanImplied || it.PrimaryAuthority != AuthorityCouncil {
		t.Fatalf("sources %s/%s primary %s", it.PlanSource, central.PlanSource, it.PrimaryAuthority)
	}
	if central.TargetLow == nil || central.TargetHigh == nil || !(*central.TargetLow < 13396.6 && 13396.6 < *central.TargetHigh) {
		t.Fatalf("central interval %v–%v", show(central.TargetLow), show(central.TargetHigh))
	}
	// A stored central plan wins over the implied one of the same authority only.
	it = Derive(Facts{Indicator: catalogIndicator(t, "budget_revenue"), Period: MustParsePeriod("2020-H1"),
		Figures: []Observation{o}, Plans: []Plan{{Year: 2020, Authority: AuthorityCentral, Basis: BasisValue, Target: f64(13400)}}}, Thresholds{})
	if c := planOf(t, it, AuthorityCentral, Term{}); c.PlanSource != PlanStored || planOf(t, it, AuthorityCouncil, Term{}).PlanSource != PlanImplied {
		t.Fatalf("plans %+v", it.Plans)
	}
	// With a stored central plan and no council one, central is primary.
	if it.PrimaryAuthority != AuthorityCentral {
		t.Fatalf("primary %s, want central (the only stored plan)", it.PrimaryAuthority)
	}
}

// TestPointsPlan: poverty rate (percent, down) 2019-H1 4.8%, 2020-H1 3.6%;
// plan "giảm 1–1,5 điểm %" → low −1.5, high −1. yoy_points = 3.6 − 4.8 =
// −1.2 (not −1.1999999999999997); −1.2 ≤ −1 and not below −1.5 − 0.2 →
// on_track; −1.8 < −1.7 → ahead; −0.7 ≤ −1 + 0.5 → behind; −0.4 → at_risk.
func TestPointsPlan(t *testing.T) {
	pov := catalogIndicator(t, "poverty_rate")
	plan := []Plan{{Year: 2020, Basis: BasisPoints, TargetLow: f64(-1.5), TargetHigh: f64(-1)}}
	for _, tc := range []struct {
		now  float64
		pts  float64
		pace Pace
	}{{3.6, -1.2, PaceOnTrack}, {3.0, -1.8, PaceAhead}, {4.1, -0.7, PaceBehind}, {4.4, -0.4, PaceAtRisk}} {
		it := Derive(Facts{Indicator: pov, Period: MustParsePeriod("2020-H1"), Plans: plan,
			Figures: []Observation{fig(t, "2019-H1", f64(4.8), "", ""), fig(t, "2020-H1", f64(tc.now), "", "")}}, Thresholds{})
		if it.YoYPoints == nil || *it.YoYPoints != tc.pts || it.Pace != tc.pace || it.Completion != nil {
			t.Errorf("%v%%: points %v pace %s completion %v, want %v %s null", tc.now, show(it.YoYPoints), it.Pace, show(it.Completion), tc.pts, tc.pace)
		}
	}
}

// TestPreviousDecemberReference: outstanding credit (level) 100,000 in
// December 2019; plan +14% "so với đầu năm". June: 107,000 → change 0.07,
// expected 14 × 6 ÷ 12 = 7 points → r = 1 → on_track. September: 112,000 →
// change 0.12 against 10.5 → r = 1.143 → ahead. A rate planned to fall 1.2
// points from December's 10.0: June 9.4 → change −0.6 against −1.2 × 6 ÷ 12
// = −0.6 → r = 1 → on_track (a negative target mirrors the direction).
func TestPreviousDecemberReference(t *testing.T) {
	credit := catalogIndicator(t, "credit_outstanding")
	plan := []Plan{{Year: 2020, Basis: BasisGrowth, Reference: ReferencePreviousDecember, Target: f64(14)}}
	for _, tc := range []struct {
		period string
		v      float64
		change float64
		pace   Pace
	}{{"2020-M06", 107000, 0.07, PaceOnTrack}, {"2020-M09", 112000, 0.12, PaceAhead}} {
		it := Derive(Facts{Indicator: credit, Period: MustParsePeriod(tc.period), Plans: plan,
			Figures: []Observation{fig(t, "2019", f64(100000), "", ""), fig(t, tc.period, f64(tc.v), "", "")}}, Thresholds{})
		p := planOf(t, it, AuthorityCouncil, Term{})
		if p.Change == nil || *p.Change != tc.change || it.Pace != tc.pace || p.Reference != ReferencePreviousDecember {
			t.Errorf("%s: change %v pace %s (%+v), want %v %s", tc.period, show(p.Change), it.Pace, p, tc.change, tc.pace)
		}
	}
	rate := Indicator{Code: "npl", Measure: "percent", Kind: KindLevel, Direction: DirectionDown, PaceProfile: PaceLinear, GrowthBasis: GrowthNominal}
	it := Derive(Facts{Indicator: rate, Period: MustParsePeriod("2020-H1"),
		Plans:   []Plan{{Year: 2020, Basis: BasisPoints, Reference: ReferencePreviousDecember, Target: f64(-1.2)}},
		Figures: []Observation{fig(t, "2019-M12", f64(10.0), "", ""), fig(t, "2020-H1", f64(9.4), "", "")}}, Thresholds{})
	if p := planOf(t, it, AuthorityCouncil, Term{}); p.Change == nil || *p.Change != -0.6 || it.Pace != PaceOnTrack {
		t.Fatalf("points since December: %+v pace %s", p, it.Pace)
	}
}

// TestNoBinaryNoise: 105 ÷ 100 − 1 is 0.050000000000000044 in binary; the
// answer says 0.05.
func TestNoBinaryNoise(t *testing.T) {
	it := Derive(Facts{Indicator: catalogIndicator(t, "retail_sales"), Period: MustParsePeriod("2020-H1"),
		Figures: []Observation{fig(t, "2019-H1", f64(100), "", ""), fig(t, "2020-H1", f64(105), "", "")}}, Thresholds{})
	b, err := json.Marshal(it)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"yoy":0.05,`) {
		t.Fatalf("item JSON %s, want yoy 0.05", b)
	}
}
