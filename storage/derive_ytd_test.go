package storage

import (
	"reflect"
	"testing"
)

func TestDeriveValueAndYTD(t *testing.T) {
	exports := catalogIndicator(t, "exports")
	months := func(vals ...float64) []Observation {
		var out []Observation
		for i, v := range vals {
			out = append(out, fig(t, Period{2018, i + 1, i + 1}.String(), f64(v), "", ""))
		}
		return out
	}
	tests := []struct {
		name       string
		figs       []Observation
		at         string
		value, ytd float64 // -1: null
	}{
		{"reported ytd", []Observation{fig(t, "2018-H1", f64(250), "", "")}, "2018-H1", 250, 250},
		{"summed quarters", []Observation{fig(t, "2018-Q1", f64(100), "", ""), fig(t, "2018-Q2", f64(150), "", "")}, "2018-Q2", 150, 250},
		{"summed months M01..M05", months(10, 20, 30, 40, 50), "2018-M05", 50, 150},
		{"5M from months", months(10, 20, 30, 40, 50), "2018-5M", 150, 150},
		{"Q2 = H1 − Q1", []Observation{fig(t, "2018-H1", f64(250), "", ""), fig(t, "2018-Q1", f64(100), "", "")}, "2018-Q2", 150, 250},
		{"Q1 = H1 − Q2", []Observation{fig(t, "2018-H1", f64(250), "", ""), fig(t, "2018-Q2", f64(150), "", "")}, "2018-Q1", 100, 100},
		{"9M = H1 + Q3", []Observation{fig(t, "2018-H1", f64(250), "", ""), fig(t, "2018-Q3", f64(130), "", "")}, "2018-9M", 380, 380},
		{"Q4 = year − 9M", []Observation{fig(t, "2018", f64(500), "", ""), fig(t, "2018-9M", f64(380), "", "")}, "2018-Q4", 120, 500},
		{"reported value wins over derivation", []Observation{fig(t, "2018-Q1", f64(100), "", ""), fig(t, "2018-Q2", f64(150), "", ""),
			fig(t, "2018-H1", f64(260), "", "")}, "2018-H1", 260, 260},
		{"gap: not derivable", []Observation{fig(t, "2018-Q1", f64(100), "", ""), fig(t, "2018-Q3", f64(150), "", "")}, "2018-Q3", 150, -1},
		{"other year ignored", []Observation{fig(t, "2017-Q1", f64(100), "", ""), fig(t, "2018-Q2", f64(150), "", "")}, "2018-Q2", 150, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := Derive(Facts{Indicator: exports, Period: MustParsePeriod(tc.at), Figures: tc.figs}, Thresholds{})
			checkOpt(t, "value", it.Value, tc.value, 1e-9)
			checkOpt(t, "ytd", it.YTD, tc.ytd, 1e-9)
		})
	}
	zero := Derive(Facts{Indicator: exports, Figures: []Observation{fig(t, "2018-Q1", f64(100), "", "")}}, Thresholds{})
	if zero.Value != nil || zero.YTD != nil || zero.Flags == nil {
		t.Errorf("a zero period has no figures: %+v", zero)
	}
	level := catalogIndicator(t, "poverty_rate")
	it := Derive(Facts{Indicator: level, Period: MustParsePeriod("2018-H1"),
		Figures: []Observation{fig(t, "2018-Q1", f64(4), "", ""), fig(t, "2018-Q2", f64(3.9), "", "")}}, Thresholds{})
	if it.YTD != nil || !near(it.Value, 3.9, 0) {
		t.Errorf("a level at H1 is its state at the end of June (Q2's 3.9), never a sum nor a ytd: value %v ytd %v",
			show(it.Value), show(it.YTD))
	}
	it = Derive(Facts{Indicator: level, Period: MustParsePeriod("2018-Q3"),
		Figures: []Observation{fig(t, "2018-Q1", f64(4), "", ""), fig(t, "2018-Q2", f64(3.9), "", "")}}, Thresholds{})
	if it.Value != nil {
		t.Errorf("no figure ends in September: value %v, want null", *it.Value)
	}
}

func TestDeriveYoY(t *testing.T) {
	retail := catalogIndicator(t, "retail_sales")
	tests := []struct {
		name string
		figs []Observation
		want float64
	}{
		{"from values", []Observation{fig(t, "2017-H1", f64(100), "", ""), fig(t, "2018-H1", f64(110), "", "9")}, 0.1},
		{"from derived last-year span", []Observation{fig(t, "2017-Q1", f64(40), "", ""), fig(t, "2017-Q2", f64(60), "", ""),
			fig(t, "2018-H1", f64(120), "", "")}, 0.2},
		{"from reported percent", []Observation{fig(t, "2018-H1", f64(110), "", "7.43")}, 0.0743},
		{"different span last year is not compared", []Observation{fig(t, "2017-Q2", f64(100), "", ""), fig(t, "2018-H1", f64(110), "", "")}, -1},
		{"no value, reported percent", []Observation{fig(t, "2018-H1", nil, "", "7.35")}, 0.0735},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := Derive(Facts{Indicator: retail, Period: MustParsePeriod("2018-H1"), Figures: tc.figs}, Thresholds{})
			checkOpt(t, "yoy", it.YoY, tc.want, 1e-9)
		})
	}
}

func TestDeriveSeasonalExpected(t *testing.T) {
	retail := catalogIndicator(t, "retail_sales") // seasonal
	budget := catalogIndicator(t, "budget_revenue")
	var lastYear []Observation
	for m := 1; m <= 12; m++ { // 2017: months 1–6 give 30 of 150
		v := 5.0
		if m > 6 {
			v = 20
		}
		lastYear = append(lastYear, fig(t, Period{2017, m, m}.String(), f64(v), "", ""))
	}
	plan := []Plan{{Year: 2018, Basis: BasisValue, Target: f64(200), Version: "original", AdoptedOn: "2018-01-01"}}
	cur := fig(t, "2018-H1", f64(60), "", "")
	tests := []struct {
		name string
		ind  Indicator
		figs []Observation
		want float64
		pace Pace
	}{
		{"seasonal from last year's months", retail, append(append([]Observation{}, lastYear...), cur), 0.2, PaceAhead},
		{"seasonal without last year falls back to linear", retail, []Observation{cur}, 0.5, PaceAtRisk},
		{"linear ignores last year", budget, append(append([]Observation{}, lastYear...), cur), 0.5, PaceAtRisk},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := Derive(Facts{Indicator: tc.ind, Period: MustParsePeriod("2018-H1"), Figures: tc.figs, Plans: plan}, Thresholds{})
			checkOpt(t, "expected", it.Expected, tc.want, 1e-9)
			if it.Pace != tc.pace {
				t.Errorf("pace %s, want %s", it.Pace, tc.pace)
			}
		})
	}
	// expected is only for flows with a value plan
	noPlan := Derive(Facts{Indicator: retail, Period: MustParsePeriod("2018-H1"), Figures: []Observation{cur}}, Thresholds{})
	if noPlan.Expected != nil {
		t.Errorf("expected without a plan = %v, want null", *noPlan.Expected)
	}
}

func TestRepresentativeAndMonthEnds(t *testing.T) {
	figs := []Observation{
		fig(t, "2018-M06", f64(1), "", ""), fig(t, "2018-Q2", f64(2), "", ""), fig(t, "2018-H1", f64(3), "", ""),
		fig(t, "2018-M03", f64(4), "", ""), fig(t, "2018-Q1", f64(5), "", ""),
		fig(t, "2017", f64(6), "", ""),
	}
	retracted := fig(t, "2018-M07", f64(7), "", "")
	retracted.Retracted = true
	figs = append(figs, retracted)
	if o, ok := Representative(figs, MustParsePeriod("2018-M06").EndMonth()); !ok || o.Period.String() != "2018-H1" {
		t.Errorf("representative of June: %v %v, want 2018-H1", o.Period, ok)
	}
	if o, ok := Representative(figs, MustParsePeriod("2018-M03").EndMonth()); !ok || o.Period.String() != "2018-Q1" {
		t.Errorf("representative of March: %v %v, want 2018-Q1", o.Period, ok)
	}
	if _, ok := Representative(figs, MustParsePeriod("2018-M05").EndMonth()); ok {
		t.Error("May has no figure")
	}
	if o, ok := LatestRepresentative(figs); !ok || o.Period.String() != "2018-H1" {
		t.Errorf("latest: %v %v, want 2018-H1 (the retracted July figure does not count)", o.Period, ok)
	}
	var got []string
	for _, p := range MonthEnds(figs) {
		got = append(got, p.String())
	}
	if want := []string{"2017", "2018-Q1", "2018-H1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("month ends %v, want %v", got, want)
	}
	if _, ok := LatestRepresentative(nil); ok {
		t.Error("no figures, no latest")
	}
}

// TestSummedYTDCarriesNoBinaryNoise: months written with one decimal sum to
// a value with one decimal, as a person adding them would write it.
func TestSummedYTDCarriesNoBinaryNoise(t *testing.T) {
	var figs []Observation
	months := []float64{600.1, 600.2, 600.1, 600.2, 600.1, 600.2} // float64 adds these to 3600.9000000000005
	for i, v := range months {
		v := v
		figs = append(figs, Observation{Unit: "u", Indicator: "retail_sales", Value: &v,
			Period: Period{Year: 2017, First: i + 1, Last: i + 1}, ReportedAt: "2017-07-01"})
	}
	it := Derive(Facts{Unit: "u", Indicator: Indicator{Code: "retail_sales", Kind: KindFlow, Direction: DirectionUp,
		PaceProfile: PaceLinear}, Period: MustParsePeriod("2017-H1"), AsOf: "2018-01-01", Figures: figs}, Thresholds{})
	if it.YTD == nil || *it.YTD != 3600.9 {
		t.Fatalf("ytd = %v, want exactly 3600.9", it.YTD)
	}
	for v, want := range map[float64]int{0: 0, 7060: 0, 53.7: 1, 3626.4: 1, 0.4375: 4, 117569.8: 1, 1e-12: 9} {
		if got := decimalsOf(v); got != want {
			t.Errorf("decimalsOf(%v) = %d, want %d", v, got, want)
		}
	}
}
