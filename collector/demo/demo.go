// Package demo makes plantrack's demo data: the figures of the Cần Thơ H1
// 2018 report quoted in the seed article, and a clearly labelled synthetic
// sample province with its districts, ten years of monthly figures, plans
// and revisions. Batches builds it, the same byte for byte on every call;
// Load stores it.
package demo

import (
	"context"
	"fmt"

	"github.com/plantrack/plantrack/storage"
)

// Demo data: the Cần Thơ H1 2018 report of the seed article, and a clearly
// labelled synthetic sample province (province.go, gen.go).
const (
	canThoSource     = "Báo Cần Thơ (CTO), 11/06/2018"
	canThoReportedAt = "2018-06-11"
)

// Load stores the demo data — the seed report's figures for Cần Thơ,
// H1 2018, and the synthetic sample province with its districts, ten years
// of monthly figures, plans and revisions — one transaction per report,
// recorded as arriving via "demo". It is idempotent: loading it again
// stores nothing new.
func Load(ctx context.Context, db *storage.DB) (storage.WriteResult, error) {
	return write(ctx, db, Batches())
}

// write stores batches, one transaction each, recorded as arriving via "demo".
func write(ctx context.Context, db *storage.DB, batches []storage.Batch) (storage.WriteResult, error) {
	var total storage.WriteResult
	prov := storage.Provenance{Via: "demo"}
	for i, b := range batches {
		res, err := db.Write(ctx, b, prov)
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

// LoadSeed stores the demo data as it stood before the reorganisation of
// 1 July 2025 — everything but the Cần Thơ merger — so that the seed
// report's Cần Thơ is still in force: for tests of what a unit in force
// shows (its /metrics gauges), which the merger retires.
func LoadSeed(ctx context.Context, db *storage.DB) (storage.WriteResult, error) {
	b := Batches()
	return write(ctx, db, b[:len(b)-1])
}

// Batches returns the demo data as reports in the order they are
// written: Cần Thơ first, then the synthetic province's units and, for each
// year, its reports and then the later revisions of them (a figure and its
// revision must travel in different reports). The result is the same, byte
// for byte, on every call.
func Batches() []storage.Batch {
	return append(append([]storage.Batch{canThoBatch()}, provinceBatches()...), mergerBatch())
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
			obs("grdp", num(28478), est, nil, pct(7.43, 2)),
			obs("industrial_production_index", nil, est, nil, pct(7.35, 2)),
			obs("retail_sales", num(63135), est, pct(53.7, 1), nil),
			obs("exports", num(942), est, pct(52.7, 1), nil),
			obs("budget_revenue", num(7060), pre, pct(49.6, 1), nil),
			obs("new_party_members", num(1452), pre, pct(66, 0), nil),
			obs("cadres_assigned", num(53), pre, nil, nil),
			obs("party_members_disciplined", num(50), pre, nil, nil),
			obs("party_orgs_disciplined", num(1), pre, nil, nil),
			obs("midterm_reviews_held", num(7), pre, nil, nil),
		},
		Plans: []storage.Plan{{Unit: unit.Code, Indicator: "midterm_reviews_held", Year: 2018,
			Basis: storage.BasisValue, Target: num(16), Version: "original",
			AdoptedOn: canThoReportedAt, Source: canThoSource + ": 16 party committees under the city committee"}},
	}
}

func num(v float64) *float64 { return &v }

// pc is a reported percentage written with decimals digits.
func pct(v float64, decimals int) *storage.Percent {
	return &storage.Percent{Value: v, Decimals: decimals}
}
