package collector

import (
	"context"
	"fmt"

	"github.com/plantrack/plantrack/storage"
)

// Demo data: the Cần Thơ H1 2018 report of the seed article, and a clearly
// labelled synthetic sample province (demo_province.go, demo_gen.go).
const (
	canThoSource     = "Báo Cần Thơ (CTO), 11/06/2018"
	canThoReportedAt = "2018-06-11"
)

// LoadDemo stores the demo data — the seed report's figures for Cần Thơ,
// H1 2018, and the synthetic sample province with its districts, ten years
// of monthly figures, plans and revisions — one transaction per report,
// recorded as arriving via "demo". It is idempotent: loading it again
// stores nothing new.
func (c *Collector) LoadDemo(ctx context.Context) (storage.WriteResult, error) {
	var total storage.WriteResult
	prov := storage.Provenance{Via: "demo"}
	batches := DemoBatches()
	for i, b := range batches {
		res, err := c.db.Write(ctx, b, prov)
		if err != nil {
			return total, fmt.Errorf("load demo data, report %d of %d: %w", i+1, len(batches), err)
		}
		total.New += res.New
		total.Unchanged += res.Unchanged
		total.UnitsNew += res.UnitsNew
		total.IndicatorsNew += res.IndicatorsNew
	}
	return total, nil
}

// DemoBatches returns the demo data as reports in the order they are
// written: Cần Thơ first, then the synthetic province's units and, for each
// year, its reports and then the later revisions of them (a figure and its
// revision must travel in different reports). The result is the same, byte
// for byte, on every call.
func DemoBatches() []storage.Batch {
	return append([]storage.Batch{canThoBatch()}, provinceBatches()...)
}

// canThoBatch is the report the Can Tho City party committee's standing
// board reviewed on 11 June 2018 (seed article). The four figures the
// article calls estimated are estimates; the rest are preliminary.
func canThoBatch() storage.Batch {
	unit := storage.Unit{Code: "can-tho", NameVI: "Thành phố Cần Thơ", NameEN: "Can Tho City"}
	h1 := storage.MustParsePeriod("2018-H1")
	// No quotes: a quote is the report's own sentence, and the article's
	// sentences are not ours to copy; `plantrack extract` on the article
	// stores them with their quotes.
	obs := func(ind string, value *float64, status storage.ReportStatus, pct, yoy *storage.Percent) storage.Observation {
		return storage.Observation{Unit: unit.Code, Indicator: ind, Period: h1, Value: value,
			ReportStatus: status, ReportedPlanPercent: pct, ReportedYoYPercent: yoy,
			ReportedAt: canThoReportedAt, Source: canThoSource}
	}
	est, pre := storage.StatusEstimate, storage.StatusPreliminary
	return storage.Batch{
		Units: []storage.Unit{unit},
		Observations: []storage.Observation{
			obs("grdp", demoNum(28478), est, nil, demoPct(7.43, 2)),
			obs("industrial_production_index", nil, est, nil, demoPct(7.35, 2)),
			obs("retail_sales", demoNum(63135), est, demoPct(53.7, 1), nil),
			obs("exports", demoNum(942), est, demoPct(52.7, 1), nil),
			obs("budget_revenue", demoNum(7060), pre, demoPct(49.6, 1), nil),
			obs("new_party_members", demoNum(1452), pre, demoPct(66, 0), nil),
			obs("cadres_assigned", demoNum(53), pre, nil, nil),
			obs("party_members_disciplined", demoNum(50), pre, nil, nil),
			obs("party_orgs_disciplined", demoNum(1), pre, nil, nil),
			obs("midterm_reviews_held", demoNum(7), pre, nil, nil),
		},
		Plans: []storage.Plan{{Unit: unit.Code, Indicator: "midterm_reviews_held", Year: 2018,
			Basis: storage.BasisValue, Target: demoNum(16), Version: "original",
			AdoptedOn: canThoReportedAt, Source: canThoSource + ": 16 party committees under the city committee"}},
	}
}

func demoNum(v float64) *float64 { return &v }

// pc is a reported percentage written with decimals digits.
func demoPct(v float64, decimals int) *storage.Percent {
	return &storage.Percent{Value: v, Decimals: decimals}
}
