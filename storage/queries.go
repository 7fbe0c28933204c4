package storage

// The query types: what a caller asks of the database, free of SQL. The
// sqlite*.go files answer them.

// ObservationFilter selects observations. Empty fields select everything;
// From and To bound the period's end month (inclusive); AsOf "" means today.
// History returns every revision (retractions included) reported by AsOf —
// or every revision at all when AsOf is empty — oldest first within each
// figure; otherwise only each figure's current revision, without retracted
// ones unless IncludeRetracted.
type ObservationFilter struct {
	Unit, Indicator  string
	From, To         Period
	AsOf             string
	History          bool
	IncludeRetracted bool
}

// PlanFilter selects plans. Empty fields (Year 0) select everything; a
// Year selects that year's plans and the term plans whose term covers it.
// Without History only the current row of each version is returned (the
// newest stored for that unit, indicator, year and version); with History
// every stored row.
type PlanFilter struct {
	Unit, Indicator string
	Year            int
	History         bool
}

// QualityFilter selects data-quality flags; empty fields (Year 0) select
// everything. AsOf "" means today.
type QualityFilter struct {
	Unit, Indicator string
	Year            int
	AsOf            string
}

// CompareQuery asks for two periods side by side: either every indicator
// of Unit (optionally only Indicator), or Indicator for every unit Level
// levels below Parent (1, the default, is its children; 2 its
// grandchildren, e.g. every commune of a nation). AsOf "" means today.
type CompareQuery struct {
	Unit, Indicator, Parent string
	Level                   int
	A, B                    Period
	AsOf                    string
}

// OverviewQuery asks for one unit's overview (see DB.UnitOverview).
type OverviewQuery struct {
	Unit   string
	Period Period // zero: the unit's latest period
	AsOf   string // YYYY-MM-DD; empty: today
	// SpanYears is how many years, up to the shown period's, Spans covers
	// (0: no spans).
	SpanYears int
}
