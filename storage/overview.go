package storage

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
