package extract

import (
	"fmt"

	"github.com/plantrack/plantrack/storage"
)

// ViaText is the provenance of figures imported from report prose.
const ViaText = "text"

// FiguresToBatch turns reviewed figures into observations, keeping each
// quote. source and reportedAt (YYYY-MM-DD) go on every observation; empty
// source becomes "extracted text", empty reportedAt the recording date. A
// figure that cannot be stored as it stands — no period, no unit, an
// indicator still "other", nothing reported — is refused by index,
// indicator and quote in one CodeValidation error, so nothing is guessed.
func FiguresToBatch(figs []Figure, source, reportedAt string) (storage.Batch, error) {
	if source == "" {
		source = "extracted text"
	}
	var b storage.Batch
	var bad []storage.Detail
	for i, f := range figs {
		fail := func(field string, why *storage.Error) {
			bad = append(bad, storage.Detail{Row: i + 1, Field: field, Value: f.Quote}.
				Says("figure %d (%s): %s", i+1, figureName(f), why))
		}
		why := func(key string, args ...any) *storage.Error {
			return storage.Errorf(storage.CodeValidation, key, args...)
		}
		switch {
		case f.Indicator == "" || f.Indicator == other:
			fail("indicator", why("choose an indicator code for it, or add the indicator first"))
		case f.Period == nil:
			fail("period", why("the period is not one the codes express (%s); set it or drop the figure", or(f.Note, "none found")))
		case f.Unit == "":
			fail("unit", why("no unit: pass --unit or set the unit of the figure"))
		case !f.Storable():
			fail("value", why("no value, %% of plan or growth to store"))
		default:
			o := storage.Observation{Unit: f.Unit, Indicator: f.Code(),
				Period: *f.Period, Value: f.Value, ReportStatus: f.ReportStatus, ReportedPlanPercent: f.ReportedPlanPercent,
				ReportedYoYPercent: f.ReportedYoYPercent, ReportedAt: reportedAt, Source: source, Quote: f.Quote}
			if len(f.ReportedPlanPercents) > 1 || f.ReportedPlanPercent == nil {
				o.ReportedPlanPercents = f.ReportedPlanPercents // a plan other than the primary is named
			}
			b.Observations = append(b.Observations, o)
		}
	}
	if len(bad) > 0 {
		return storage.Batch{}, storage.Errorf(storage.CodeValidation,
			"%d of %d extracted figures cannot be imported as they stand; nothing was stored", len(bad), len(figs)).WithDetails(bad...)
	}
	return b, nil
}

// Code is the indicator a figure is stored as: the part indicator for a
// part (Component), else Indicator.
func (f Figure) Code() string {
	if f.Component != "" {
		return f.Component
	}
	return f.Indicator
}

// Storable reports whether the figure holds something an observation can
// store: a value, a % of plan or a growth. A growth given only as a range
// or a change given only in points is for the reviewer to settle.
func (f Figure) Storable() bool {
	return f.Value != nil || f.ReportedPlanPercent != nil || f.ReportedYoYPercent != nil || len(f.ReportedPlanPercents) > 0
}

func figureName(f Figure) string {
	q := []rune(f.Quote)
	if len(q) > 80 {
		q = append(q[:77], '…')
	}
	return fmt.Sprintf("%s, %q", or(f.Indicator, "no indicator"), string(q))
}

// Code is the indicator a plan is stored for: the part indicator for a
// part, else Indicator.
func (p Plan) Code() string {
	if p.Component != "" {
		return p.Component
	}
	return p.Indicator
}

// PlansToBatch turns reviewed plans into storage plans: version
// "original", adopted on adoptedOn (the report's date; empty leaves it to
// the import's default), source the report. A plan without a unit is
// refused by index and quote in one CodeValidation error.
func PlansToBatch(plans []Plan, source, adoptedOn string) (storage.Batch, error) {
	if source == "" {
		source = "extracted text"
	}
	var b storage.Batch
	var bad []storage.Detail
	for i, p := range plans {
		sp := storage.Plan{Unit: p.Unit, Indicator: p.Code(), Year: p.Year, Authority: p.Authority, Basis: p.Basis,
			Target: p.Target, TargetLow: p.TargetLow, TargetHigh: p.TargetHigh, Version: "original", AdoptedOn: adoptedOn, Source: source}
		var err error
		if p.Term != "" {
			sp.Term, err = storage.ParseTerm(p.Term)
		}
		fail := func(field, value string, why *storage.Error) {
			bad = append(bad, storage.Detail{Row: i + 1, Field: field, Value: value}.Says("plan %d (%s): %s", i+1, p.Code(), why))
		}
		switch {
		case p.Unit == "":
			fail("unit", p.Quote, storage.Errorf(storage.CodeValidation, "no unit: pass --unit or set the unit of the plan"))
		case err != nil:
			fail("term", p.Term, storage.Errorf(storage.CodeValidation, "the term %s is not two years such as 2021-2025", p.Term))
		default:
			b.Plans = append(b.Plans, sp)
		}
	}
	if len(bad) > 0 {
		return storage.Batch{}, storage.Errorf(storage.CodeValidation,
			"%d of %d extracted plans cannot be imported as they stand; nothing was stored", len(bad), len(plans)).WithDetails(bad...)
	}
	return b, nil
}
