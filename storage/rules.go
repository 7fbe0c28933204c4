package storage

import "time"

// The domain's small rules, each written once: every import path, the
// writer and the pages call these rather than keeping a copy.

// Years a period, plan, term or index base may name.
const (
	MinYear = 1900
	MaxYear = 2999
)

// ValidYear reports whether y lies within MinYear–MaxYear.
func ValidYear(y int) bool { return y >= MinYear && y <= MaxYear }

// Code patterns, as regular expressions (anchors left out).
const (
	UnitCodePattern      = `[a-z0-9][a-z0-9-]*`
	IndicatorCodePattern = `[a-z][a-z0-9_]*`
)

// ValidUnitCode reports whether s matches UnitCodePattern.
func ValidUnitCode(s string) bool {
	if s == "" || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// ValidIndicatorCode reports whether s matches IndicatorCodePattern.
func ValidIndicatorCode(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Plausible percentage ranges, lower bound included, upper excluded: a
// report may exceed its plan several times over, but not tenfold; a fall
// of more than 100% is impossible. Because no percentage reaches 1000, a
// cell such as 2.125 (2125 if '.' grouped thousands) is never ambiguous.
const (
	PlanPercentMin, PlanPercentMax   = 0, 1000
	YoYPercentMin, YoYPercentMax     = -100, 1000
	GrowthTargetMin, GrowthTargetMax = -100, 1000
	PointsTargetMin, PointsTargetMax = -100, 100
)

// VietnamTime is UTC+7, the zone in which every period ends and every
// "today" of the application is reckoned.
func VietnamTime() *time.Location { return time.FixedZone("ICT", 7*3600) }

// VietnamDate is t's date (YYYY-MM-DD) in Vietnam.
func VietnamDate(t time.Time) string { return t.In(VietnamTime()).Format(DateLayout) }

// Writer roles.
const (
	RoleAdmin    = "admin"    // may write every unit and manage tokens
	RoleReporter = "reporter" // may write its unit and that unit's descendants
)

// ValidRole reports whether r is a role a token may hold.
func ValidRole(r string) bool { return r == RoleAdmin || r == RoleReporter }

// Valid reports whether s is a report status, or empty (the default).
func (s ReportStatus) Valid() bool {
	switch s {
	case "", StatusEstimate, StatusPreliminary, StatusOfficial:
		return true
	}
	return false
}

// LinearShare is the share of a year's plan a flow with a linear pace
// should have reached by the end of month m (1–12): m ÷ 12 (SPEC §2). The
// derivation's expected pace and the pages' reference line both use it.
func LinearShare(m int) float64 { return float64(m) / 12 }
