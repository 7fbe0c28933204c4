package storage

import (
	"math"
	"testing"
)

// flagged derives and returns the flag with code, if raised.
func flagged(t *testing.T, f Facts, code string) (Flag, bool) {
	t.Helper()
	it := Derive(f, DefaultThresholds())
	if it.Flags == nil {
		t.Fatal("Flags is nil")
	}
	for _, fl := range it.Flags {
		if fl.Code == code {
			// storage words no flag: the sentence is the catalog's
			// (collector/catalog), filled in by whoever shows the flag.
			if fl.Explanation != "" || len(fl.Figures) == 0 {
				t.Errorf("flag %s needs its figures and no sentence of storage's own: %+v", code, fl)
			}
			return fl, true
		}
	}
	return Flag{}, false
}

func TestFlagPlanPercentMismatch(t *testing.T) {
	retail := catalogIndicator(t, "retail_sales")
	plan := []Plan{{Year: 2018, Basis: BasisValue, Target: f64(100000), Version: "original", AdoptedOn: "2018-01-01"}}
	tests := []struct {
		name  string
		figs  []Observation
		plans []Plan
		at    string
		want  bool
	}{
		{"matches stored plan", []Observation{fig(t, "2018-H1", f64(53700), "53.7", "")}, plan, "2018-H1", false},
		{"at the precision's edge", []Observation{fig(t, "2018-H1", f64(53750), "53.7", "")}, plan, "2018-H1", false},
		{"beyond the precision", []Observation{fig(t, "2018-H1", f64(53800), "53.7", "")}, plan, "2018-H1", true},
		{"integer percent allows ±0.5", []Observation{fig(t, "2018-H1", f64(66400), "66", "")}, plan, "2018-H1", false},
		{"implied from the same figure never mismatches", []Observation{fig(t, "2018-H1", f64(63135), "53.7", "")}, nil, "2018-H1", false},
		{"earlier percent disagrees with the plan implied later", []Observation{
			fig(t, "2018-Q1", f64(30000), "20", ""), fig(t, "2018-H1", f64(63135), "53.7", "")}, nil, "2018-Q1", true},
		{"no percent reported", []Observation{fig(t, "2018-H1", f64(99999), "", "")}, plan, "2018-H1", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fl, got := flagged(t, Facts{Unit: "u", Indicator: retail, Period: MustParsePeriod(tc.at),
				Figures: tc.figs, Plans: tc.plans}, FlagPlanPercentMismatch)
			if got != tc.want {
				t.Errorf("raised %v, want %v: %+v", got, tc.want, fl)
			}
		})
	}
}

func TestFlagYTDDecrease(t *testing.T) {
	exports := catalogIndicator(t, "exports")
	up := []Observation{fig(t, "2018-M01", f64(100), "", ""), fig(t, "2018-2M", f64(150), "", "")}
	down := []Observation{fig(t, "2018-M01", f64(100), "", ""), fig(t, "2018-2M", f64(90), "", "")}
	if _, ok := flagged(t, Facts{Indicator: exports, Period: MustParsePeriod("2018-2M"), Figures: up}, FlagYTDDecrease); ok {
		t.Error("raised for a rising ytd")
	}
	fl, ok := flagged(t, Facts{Indicator: exports, Period: MustParsePeriod("2018-2M"), Figures: down}, FlagYTDDecrease)
	if !ok || fl.Figures["ytd"] != 90 || fl.Figures["previous_ytd"] != 100 {
		t.Errorf("want ytd_decrease 100 → 90, got %v %+v", ok, fl)
	}
	cpi := catalogIndicator(t, "cpi") // a level may fall
	if _, ok := flagged(t, Facts{Indicator: cpi, Period: MustParsePeriod("2018-2M"), Figures: down}, FlagYTDDecrease); ok {
		t.Error("raised for a level")
	}
}

func TestFlagYoYMismatch(t *testing.T) {
	retail := catalogIndicator(t, "retail_sales") // nominal
	grdp := catalogIndicator(t, "grdp")           // real
	figs := func(yoy string) []Observation {
		return []Observation{fig(t, "2017-H1", f64(1000), "", ""), fig(t, "2018-H1", f64(1100), "", yoy)}
	}
	tests := []struct {
		name string
		ind  Indicator
		yoy  string
		want bool
	}{
		{"agrees", retail, "10", false},
		{"0.5 points off at one decimal", retail, "10.5", false},
		{"0.55 points off at two decimals", retail, "10.55", true},
		{"1.5 points off", retail, "11.5", true},
		{"real growth is not checked", grdp, "11.5", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, got := flagged(t, Facts{Indicator: tc.ind, Period: MustParsePeriod("2018-H1"), Figures: figs(tc.yoy)}, FlagYoYMismatch)
			if got != tc.want {
				t.Errorf("raised %v, want %v", got, tc.want)
			}
		})
	}
	noPrev := []Observation{fig(t, "2018-H1", f64(1100), "", "30")}
	if _, ok := flagged(t, Facts{Indicator: retail, Period: MustParsePeriod("2018-H1"), Figures: noPrev}, FlagYoYMismatch); ok {
		t.Error("raised without a previous-year value")
	}
}

func TestFlagChildrenSumMismatch(t *testing.T) {
	retail := catalogIndicator(t, "retail_sales")
	parent := []Observation{fig(t, "2018-H1", f64(1000), "", "")}
	kids := func(vals ...float64) map[string][]Observation {
		m := map[string][]Observation{}
		for i, v := range vals {
			m[string(rune('a'+i))] = []Observation{fig(t, "2018-H1", f64(v), "", "")}
		}
		return m
	}
	tests := []struct {
		name     string
		ind      Indicator
		children map[string][]Observation
		count    int
		want     bool
	}{
		{"within 2%", retail, kids(500, 300, 185), 3, false},
		{"5% short", retail, kids(500, 300, 150), 3, true},
		{"one child missing", retail, kids(500, 300, 150), 4, false},
		{"levels are not additive", catalogIndicator(t, "poverty_rate"), kids(500, 300, 150), 3, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fl, got := flagged(t, Facts{Indicator: tc.ind, Period: MustParsePeriod("2018-H1"), Figures: parent,
				Children: tc.children, ChildCount: tc.count}, FlagChildrenSumMismatch)
			if got != tc.want {
				t.Errorf("raised %v, want %v: %+v", got, tc.want, fl)
			}
		})
	}
	// children whose H1 is derived from their quarters count as reported
	derived := map[string][]Observation{
		"a": {fig(t, "2018-Q1", f64(200), "", ""), fig(t, "2018-Q2", f64(300), "", "")},
		"b": {fig(t, "2018-H1", f64(300), "", "")},
	}
	if fl, ok := flagged(t, Facts{Indicator: retail, Period: MustParsePeriod("2018-H1"), Figures: parent,
		Children: derived, ChildCount: 2}, FlagChildrenSumMismatch); !ok || fl.Figures["children_sum"] != 800 {
		t.Errorf("want a mismatch with children_sum 800, got %v %+v", ok, fl)
	}
}

func TestFlagOutlier(t *testing.T) {
	retail := catalogIndicator(t, "retail_sales")
	history := func(years int, current float64) []Observation {
		var out []Observation
		base := []float64{100, 104, 97, 102, 99, 103, 98, 101}
		for i := 0; i < years; i++ {
			out = append(out, fig(t, MustParsePeriod("2010-H1").SameSpanIn(2010+i).String(), f64(base[i]), "", ""))
		}
		return append(out, fig(t, "2018-H1", f64(current), "", ""))
	}
	tests := []struct {
		name    string
		years   int
		current float64
		want    bool
	}{
		{"far outside eight years", 8, 200, true},
		{"far below eight years", 8, 20, true},
		{"inside eight years", 8, 103, false},
		{"too little history", 4, 200, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fl, got := flagged(t, Facts{Indicator: retail, Period: MustParsePeriod("2018-H1"),
				Figures: history(tc.years, tc.current)}, FlagOutlier)
			if got != tc.want {
				t.Errorf("raised %v, want %v: %+v", got, tc.want, fl)
			}
		})
	}
	// a steadily growing history: continuing the trend is normal, falling off it is not
	grow := func(current float64) []Observation {
		var out []Observation
		noise := []float64{1, 1.02, 0.98, 1.01, 0.99, 1.02, 0.97, 1.01}
		for i, n := range noise {
			out = append(out, fig(t, MustParsePeriod("2010").SameSpanIn(2010+i).String(), f64(100*math.Pow(1.12, float64(i))*n), "", ""))
		}
		return append(out, fig(t, "2018", f64(current), "", ""))
	}
	onTrend := 100 * math.Pow(1.12, 8)
	if fl, ok := flagged(t, Facts{Indicator: retail, Period: MustParsePeriod("2018"), Figures: grow(onTrend)}, FlagOutlier); ok {
		t.Errorf("raised for a value on a 12%%-a-year trend: %+v", fl)
	}
	fl, ok := flagged(t, Facts{Indicator: retail, Period: MustParsePeriod("2018"), Figures: grow(onTrend * 0.7)}, FlagOutlier)
	if !ok || math.Abs(fl.Figures["expected_value"]-onTrend)/onTrend > 0.03 {
		t.Errorf("want an outlier 30%% below the trend's %.1f, got %v %+v", onTrend, ok, fl)
	}
	flat := []Observation{}
	for y := 2010; y < 2018; y++ {
		flat = append(flat, fig(t, MustParsePeriod("2010").SameSpanIn(y).String(), f64(0), "", ""))
	}
	flat = append(flat, fig(t, "2018", f64(1), "", ""))
	if _, ok := flagged(t, Facts{Indicator: retail, Period: MustParsePeriod("2018"), Figures: flat}, FlagOutlier); ok {
		t.Error("raised against a history with no spread")
	}
}
