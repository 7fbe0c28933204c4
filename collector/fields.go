package collector

import (
	"slices"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// field identifies one column of the import formats (SPEC §2 names).
type field int

const (
	fUnit field = iota
	fIndicator
	fPeriod
	fValue
	fReportStatus
	fPlanPercent
	fYoYPercent
	fReportedAt
	fSource
	fQuote
	fRetracted
	fYear
	fBasis
	fTarget
	fTargetLow
	fTargetHigh
	fVersion
	fAdoptedOn
	fPlanPercentCouncil // reported_plan_percent_<authority>, in storage.Authorities order
	fPlanPercentCentral
	fPlanPercentParty
	fPlanPercentOwn
	fAuthority
	fReference
	fTerm
	fCode
	fNameVI
	fNameEN
	fParent
	fParents
	fValidFrom
	fValidTo
	fPredecessors
	fSynthetic
	fMeasure
	fKind
	fDirection
	fPaceProfile
	fGrowthBasis
	fIndexBase
	fPrimaryAuthority
	fPartOf
	numFields
)

var fieldNames = [numFields]string{
	"unit", "indicator", "period", "value", "report_status", "reported_plan_percent",
	"reported_yoy_percent", "reported_at", "source", "quote", "retracted",
	"year", "basis", "target", "target_low", "target_high", "version", "adopted_on",
	"reported_plan_percent_council", "reported_plan_percent_central", "reported_plan_percent_party",
	"reported_plan_percent_own", "authority", "reference", "term",
	"code", "name_vi", "name_en", "parent", "parents", "valid_from", "valid_to", "predecessors", "synthetic",
	"measure", "kind", "direction", "pace_profile", "growth_basis", "index_base", "primary_authority", "part_of",
}

// authorityPercentFields pairs each authority with its column.
var authorityPercentFields = [...]struct {
	a storage.Authority
	f field
}{
	{storage.AuthorityCouncil, fPlanPercentCouncil}, {storage.AuthorityCentral, fPlanPercentCentral},
	{storage.AuthorityParty, fPlanPercentParty}, {storage.AuthorityOwn, fPlanPercentOwn},
}

// percentFieldOf returns the column of an authority's reported percent.
func percentFieldOf(a storage.Authority) (field, bool) {
	for _, af := range authorityPercentFields {
		if af.a == a {
			return af.f, true
		}
	}
	return 0, false
}

func (f field) String() string { return fieldNames[f] }

// observationColumns, planColumns, unitColumns and indicatorColumns are the
// columns of the tabular formats, in the order Export writes them.
var (
	observationColumns = []field{fUnit, fIndicator, fPeriod, fValue, fReportStatus, fPlanPercent,
		fYoYPercent, fReportedAt, fSource, fQuote, fRetracted,
		fPlanPercentCouncil, fPlanPercentCentral, fPlanPercentParty, fPlanPercentOwn, fSynthetic}
	planColumns = []field{fUnit, fIndicator, fYear, fTerm, fAuthority, fBasis, fReference, fTarget, fTargetLow,
		fTargetHigh, fVersion, fAdoptedOn, fSource}
	unitColumns      = []field{fCode, fNameVI, fNameEN, fParent, fParents, fValidFrom, fValidTo, fPredecessors, fSynthetic}
	indicatorColumns = []field{fCode, fNameVI, fNameEN, fMeasure, fKind, fDirection, fPaceProfile, fGrowthBasis,
		fIndexBase, fPrimaryAuthority, fPartOf}
)

// tableKind says whether a sheet or CSV holds observations or plans.
type tableKind int

const (
	tableObservations tableKind = iota
	tablePlans
	tableUnits
	tableIndicators
)

func (k tableKind) String() string {
	switch k {
	case tablePlans:
		return "plans"
	case tableUnits:
		return "units"
	case tableIndicators:
		return "indicators"
	}
	return "observations"
}

// header maps each column position to its field.
type header struct {
	kind tableKind
	cols []field
}

// parseHeader recognises a header row: a "period" column means
// observations, a "year" or "term" column plans, and a "code" column (with
// none of those) units, or indicators when a "measure", "kind",
// "direction" or "part_of" column is present too. Names are matched without
// regard to case or surrounding spaces; an unknown or repeated column is an
// error naming it.
func parseHeader(names []string, sheet string) (header, error) {
	clean := make([]string, len(names))
	kind, found := tableObservations, false
	for i, n := range names {
		clean[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(n, "\ufeff")))
		switch clean[i] {
		case "period":
			kind, found = tableObservations, true
		case "year", "term":
			if !found {
				kind, found = tablePlans, true
			}
		}
	}
	if !found && slices.Contains(clean, "code") {
		kind, found = tableUnits, true
		for _, n := range []string{"measure", "kind", "direction", "part_of"} {
			if slices.Contains(clean, n) {
				kind = tableIndicators
			}
		}
	}
	if !found {
		return header{}, invalidf(sheet, "the header row names no period column (observations), year or term column (plans) "+
			"or code column (units); the first row must name the columns, e.g. unit,indicator,period,value")
	}
	allowed, required := observationColumns, []field{fUnit, fIndicator}
	switch kind {
	case tablePlans:
		allowed = planColumns
	case tableUnits:
		allowed, required = unitColumns, []field{fCode}
	case tableIndicators:
		allowed, required = indicatorColumns, []field{fCode}
	}
	h := header{kind: kind, cols: make([]field, len(clean))}
	seen := map[string]bool{}
	var bad []storage.Detail
	for i, n := range clean {
		f, ok := lookupField(n, allowed)
		switch {
		case !ok:
			bad = append(bad, storage.Detail{Sheet: sheet, Row: 1, Field: names[i]}.
				Says("unknown column %q in a %s table; allowed: %s", names[i], kind, columnList(allowed)))
		case seen[n]:
			bad = append(bad, storage.Detail{Sheet: sheet, Row: 1, Field: n}.Says("column appears twice"))
		}
		seen[n] = true
		h.cols[i] = f
	}
	if len(bad) > 0 {
		return header{}, storage.Errorf(storage.CodeInvalid,
			"the header row has columns this format does not know; rename or remove them").WithDetails(bad...)
	}
	for _, req := range required {
		if !seen[req.String()] {
			return header{}, invalidf(sheet, "the header row has no %s column; add one", req)
		}
	}
	return h, nil
}

func lookupField(name string, allowed []field) (field, bool) {
	for _, f := range allowed {
		if f.String() == name {
			return f, true
		}
	}
	return 0, false
}

func columnList(fs []field) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = f.String()
	}
	return strings.Join(s, ",")
}

// invalidf returns a CodeInvalid error for a malformed file or sheet; key
// is the message's catalog key.
func invalidf(sheet, key string, args ...any) *storage.Error {
	if sheet != "" {
		return storage.Errorf(storage.CodeInvalid, "sheet %s: %s", sheet, storage.Errorf(storage.CodeInvalid, key, args...))
	}
	return storage.Errorf(storage.CodeInvalid, key, args...)
}

// record is one data row of any format: its position and the text of each
// field. canon marks fields that hold machine-written numbers (JSON numbers,
// numeric spreadsheet cells), which are read without locale guessing.
type record struct {
	sheet string
	row   int
	vals  [numFields]string
	canon [numFields]bool
}

func (r *record) reset(sheet string, row int) {
	*r = record{sheet: sheet, row: row}
}
