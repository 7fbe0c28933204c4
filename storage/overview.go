package storage

// OverviewQuery asks for one unit's overview (see DB.UnitOverview).
type OverviewQuery struct {
	Unit   string
	Period Period // zero: the unit's latest period
	AsOf   string // YYYY-MM-DD; empty: today
	// SpanYears is how many years, up to the shown period's, Spans covers
	// (0: no spans).
	SpanYears int
}

// Overview is everything a unit's overview shows, read together.
type Overview struct {
	Unit      Unit
	Ancestors []Unit // root first
	// Progress is the unit's derived figures at the period; a unit with no
	// figures of its own (a parent whose districts report) has none, with
	// a zero Period, when no period was asked for.
	Progress   Progress
	Indicators []Indicator // the catalog
	// Spans holds, per indicator of Progress, the value of the period's
	// span in each of SpanYears years up to the period's (see SpanValues).
	Spans map[string][]*float64
	// Children are the unit's children in the tree in force on the
	// period's last day (today's tree when the period is zero).
	Children []Unit
	// ChildProgress is each child's progress at Progress.Period (each
	// child's latest period when that is zero); a child without figures is
	// missing.
	ChildProgress map[string]Progress
}
