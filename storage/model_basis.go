package storage

import (
	"strconv"
	"strings"
)

// GrowthIndex marks an indicator whose value is an index; IndexBase says
// what equals 100 (SPEC §2 growth_basis).
const GrowthIndex GrowthBasis = "index"

// Index bases: what an index value of 100 stands for.
const (
	IndexSamePeriodLastYear = "same_period_last_year" // IIP, CPI "so với cùng kỳ"
	IndexPreviousDecember   = "previous_december"     // CPI "so với tháng 12 năm trước"
	IndexPreviousPeriod     = "previous_period"       // "so với tháng trước"
	indexBaseYearPrefix     = "base_year:"            // base_year:2010
)

// IndexBaseYear returns the year of a "base_year:YYYY" index base.
func IndexBaseYear(base string) (int, bool) {
	y, ok := strings.CutPrefix(base, indexBaseYearPrefix)
	if !ok || len(y) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(y)
	if err != nil || !ValidYear(n) {
		return 0, false
	}
	return n, true
}

// validIndexBase reports whether s is one of the index bases.
func validIndexBase(s string) bool {
	switch s {
	case IndexSamePeriodLastYear, IndexPreviousDecember, IndexPreviousPeriod:
		return true
	}
	_, ok := IndexBaseYear(s)
	return ok
}

// Primary returns the authority whose plan drives an indicator's pace,
// cards and gauges when several are in force: its primary_authority, else
// the first of council, party, central, own that has a plan in present
// (present may be nil: council).
func (i Indicator) Primary(present func(Authority) bool) Authority {
	if i.PrimaryAuthority != "" {
		return i.PrimaryAuthority
	}
	if present != nil {
		for _, a := range primaryOrder {
			if present(a) {
				return a
			}
		}
	}
	return AuthorityCouncil
}

// Plan bases beyond value and growth (SPEC §2 Plan).
const (
	BasisPoints        PlanBasis = "points"         // a signed change of a rate in percentage points
	BasisAverageGrowth PlanBasis = "average_growth" // term plans: growth per year on average, in percent
	BasisEndLevel      PlanBasis = "end_level"      // term plans: a level to reach by the term's last year
	BasisCumulative    PlanBasis = "cumulative"     // term plans: a total over the term
)

// IsTermBasis reports whether b is one of the bases of term plans.
func (b PlanBasis) IsTermBasis() bool {
	return b == BasisAverageGrowth || b == BasisEndLevel || b == BasisCumulative
}

// IsChange reports whether b's target is a change (growth or points)
// rather than a level or total.
func (b PlanBasis) IsChange() bool { return b == BasisGrowth || b == BasisPoints }

// Plan references: what a growth or points plan is measured against.
const (
	ReferenceSamePeriodLastYear = "same_period_last_year" // the default
	ReferencePreviousDecember   = "previous_december"     // credit, deposits "so với đầu năm"
)

// ReferenceOrDefault returns the plan's reference, same_period_last_year
// when none is given.
func (p Plan) ReferenceOrDefault() string {
	if p.Reference == "" {
		return ReferenceSamePeriodLastYear
	}
	return p.Reference
}

// Covers reports whether the plan applies to year: its own year, or a
// year of its term.
func (p Plan) Covers(year int) bool {
	if !p.Term.IsZero() {
		return p.Term.Contains(year)
	}
	return p.Year == year
}
