package storage

import (
	"math"
	"testing"
)

// benchFacts is one indicator of a province: ten years of months plus the
// 3M, H1, 9M and year spans, with a plan for each year.
func benchFacts() Facts {
	var figs []Observation
	var plans []Plan
	for y := 2015; y <= 2024; y++ {
		ytd := 0.0
		for m := 1; m <= 12; m++ {
			v := 1000 * math.Pow(1.1, float64(y-2015)) * (1 + 0.05*math.Sin(float64(m*y)))
			ytd += v
			figs = append(figs, Observation{Period: Period{y, m, m}, Value: f64(v), ReportedAt: "2025-01-01"})
			if m%3 == 0 {
				figs = append(figs, Observation{Period: Period{y, 1, m}, Value: f64(ytd), ReportedAt: "2025-01-01",
					ReportedPlanPercent: &Percent{Value: math.Round(ytd / 130), Decimals: 0}})
			}
		}
		plans = append(plans, Plan{Year: y, Basis: BasisValue, Target: f64(13000 * math.Pow(1.1, float64(y-2015))),
			Version: "original", AdoptedOn: "2014-12-10"})
	}
	return Facts{Unit: "u", Period: MustParsePeriod("2024-9M"), AsOf: "2025-06-30", Figures: figs, Plans: plans,
		Indicator: Indicator{Code: "retail_sales", Kind: KindFlow, Direction: DirectionUp, PaceProfile: PaceSeasonal, GrowthBasis: GrowthNominal}}
}

// BenchmarkDerive measures one item with every figure and flag computed.
func BenchmarkDerive(b *testing.B) {
	f := benchFacts()
	th := DefaultThresholds()
	for b.Loop() {
		if it := Derive(f, th); it.Completion == nil {
			b.Fatal("no completion")
		}
	}
}
