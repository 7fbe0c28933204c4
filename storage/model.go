// Package storage owns plantrack's domain model — units, indicators,
// periods, observations, plans and the figures derived from them — and its
// persistence in SQLite. The model files hold no SQL; the files named
// sqlite*.go talk to the database. The domain's rules have their one home
// here: what a valid record is (the Validate methods, validate.go), code
// patterns, years, percent ranges, the Vietnam time zone, roles and the
// linear pace (rules.go), period and span names (period*.go). Every import
// path and the writer call them.
package storage

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind says whether an indicator accumulates over the year.
type Kind string

const (
	KindFlow  Kind = "flow"  // year-to-date values add up (revenue, exports)
	KindLevel Kind = "level" // a state or rate at the period's end; not additive
)

// Direction says whether higher values are better.
type Direction string

const (
	DirectionUp   Direction = "up"
	DirectionDown Direction = "down" // a cap: accidents, poverty rate
)

// PaceProfile says how the expected completion is drawn through the year.
type PaceProfile string

const (
	PaceLinear   PaceProfile = "linear"
	PaceSeasonal PaceProfile = "seasonal"
	PaceNone     PaceProfile = "none" // events not spread over the year
)

// GrowthBasis says how year-on-year growth is read: from current-price
// values or counts (nominal), as reported at constant prices (real), or
// from an index (GrowthIndex, with an IndexBase).
type GrowthBasis string

const (
	GrowthNominal GrowthBasis = "nominal"
	GrowthReal    GrowthBasis = "real" // the reported growth is the figure; never replaced by a current-price ratio
)

// ReportStatus is how final a reported figure is.
type ReportStatus string

const (
	StatusEstimate    ReportStatus = "estimate"
	StatusPreliminary ReportStatus = "preliminary"
	StatusOfficial    ReportStatus = "official"
)

// PlanBasis says what a plan's target measures.
type PlanBasis string

const (
	BasisValue  PlanBasis = "value"  // a yearly total or level in the indicator's measure
	BasisGrowth PlanBasis = "growth" // a yearly growth in percent
)

// Pace is the verdict on whether an indicator is where it should be.
type Pace string

const (
	PaceAhead   Pace = "ahead"
	PaceOnTrack Pace = "on_track"
	PaceBehind  Pace = "behind"
	PaceAtRisk  Pace = "at_risk"
	PaceUnknown Pace = "unknown"
)

// Unit is a reporting entity: a province, city, district, department or
// party committee.
type Unit struct {
	Code   string `json:"code"`
	NameVI string `json:"name_vi"`
	NameEN string `json:"name_en"`
	Parent string `json:"parent,omitempty"` // the latest parent (see Parents)
	// Parents are the unit's parents with the day each took effect (see
	// unit_time.go); empty when the unit only ever had Parent.
	Parents      []ParentSpan  `json:"parents,omitempty"`
	ValidFrom    string        `json:"valid_from,omitempty"` // first day, YYYY-MM-DD; "" = always
	ValidTo      string        `json:"valid_to,omitempty"`   // last day; "" = still in force
	Predecessors []Predecessor `json:"predecessors,omitempty"`
	Synthetic    bool          `json:"synthetic,omitempty"` // generated sample data, labelled as such everywhere
	Depth        int           `json:"-"`                   // 0 for a root; filled on read
}

// Name returns the unit's name in lang ("en" or Vietnamese otherwise),
// falling back to the other language when one is empty.
func (u Unit) Name(lang string) string { return pick(lang, u.NameVI, u.NameEN, u.Code) }

// Indicator is what is measured.
type Indicator struct {
	Code        string      `json:"code"`
	NameVI      string      `json:"name_vi"`
	NameEN      string      `json:"name_en"`
	Measure     string      `json:"measure"`
	Kind        Kind        `json:"kind"`
	Direction   Direction   `json:"direction"`
	PaceProfile PaceProfile `json:"pace_profile"`
	GrowthBasis GrowthBasis `json:"growth_basis"`
	// IndexBase says what an index equals 100 against (growth_basis index
	// only): same_period_last_year, previous_december, previous_period or
	// base_year:YYYY.
	IndexBase string `json:"index_base,omitempty"`
	// PrimaryAuthority names the plan that drives pace, cards and gauges
	// when several are in force; empty means the first present of council,
	// party, central, own (see Primary).
	PrimaryAuthority Authority `json:"primary_authority,omitempty"`
	// PartOf is the code of the indicator this one is a part of (a GRDP
	// sector, a source of budget revenue); "" for a whole.
	PartOf string `json:"part_of,omitempty"`
}

// Name returns the indicator's name in lang, as Unit.Name does.
func (i Indicator) Name(lang string) string { return pick(lang, i.NameVI, i.NameEN, i.Code) }

func pick(lang, vi, en, code string) string {
	first, second := vi, en
	if lang == "en" {
		first, second = en, vi
	}
	switch {
	case first != "":
		return first
	case second != "":
		return second
	}
	return code
}

// Percent is a percentage as a report wrote it: its value and the number of
// decimals it was written with (53.7 has one), which bounds its precision.
type Percent struct {
	Value    float64
	Decimals int
}

// ParsePercent parses a canonical decimal ("53.7", "-2", "66.25"); the
// number of digits after the point becomes Decimals.
func ParsePercent(s string) (Percent, error) {
	s = strings.TrimSpace(s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || strings.ContainsAny(s, "eExXpP_") {
		return Percent{}, &Error{Code: CodeInvalid, Message: "not a decimal number: " + strconv.Quote(s)}
	}
	d := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		d = len(s) - i - 1
	}
	return Percent{Value: v, Decimals: d}, nil
}

// String writes the percentage with the decimals it was reported with.
func (p Percent) String() string { return strconv.FormatFloat(p.Value, 'f', p.Decimals, 64) }

// Ratio is the percentage as a ratio, rounded from its decimal text rather
// than divided, so 7.43 gives exactly the float64 nearest 0.0743.
func (p Percent) Ratio() float64 {
	r, err := strconv.ParseFloat(p.String()+"e-2", 64)
	if err != nil {
		return p.Value / 100
	}
	return r
}

// HalfWidth is half a unit of the last written decimal: 53.7 → 0.05.
func (p Percent) HalfWidth() float64 { return 0.5 * math.Pow10(-p.Decimals) }

// MarshalJSON writes the percentage as a JSON number with its decimals.
func (p Percent) MarshalJSON() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalJSON reads a JSON number (or a string holding one), keeping its decimals.
func (p *Percent) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	q, err := ParsePercent(s)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// Observation is one revision of one reported figure.
type Observation struct {
	Unit                string       `json:"unit"`
	Indicator           string       `json:"indicator"`
	Period              Period       `json:"period"`
	Value               *float64     `json:"value"` // for the period's own span; nil when only a rate was reported
	ReportStatus        ReportStatus `json:"report_status"`
	ReportedPlanPercent *Percent     `json:"reported_plan_percent"`
	ReportedYoYPercent  *Percent     `json:"reported_yoy_percent"`
	// ReportedPlanPercents are percents of plan that name the plan they
	// refer to; ReportedPlanPercent is the shorthand for the primary plan's.
	ReportedPlanPercents PlanPercents `json:"reported_plan_percents,omitempty"`
	ReportedAt           string       `json:"reported_at"` // YYYY-MM-DD
	Source               string       `json:"source"`
	Quote                string       `json:"quote,omitempty"`
	Retracted            bool         `json:"retracted,omitempty"`
	// Synthetic marks generated sample data on a unit that may be real;
	// every answer derived from it is synthetic too (SPEC §5).
	Synthetic bool `json:"synthetic,omitempty"`
	// Reconstructed marks a successor's figure for a period before it
	// existed: the sum of its predecessors' figures (SPEC §2).
	Reconstructed bool `json:"reconstructed,omitempty"`

	Provenance *Provenance `json:"provenance,omitempty"` // filled on read
	Revision   int64       `json:"revision,omitempty"`   // filled on read; increases with every stored revision
}

// Plan is one version of a target set by one authority, for a year or for
// a multi-year term (then Year is 0).
type Plan struct {
	Unit       string    `json:"unit"`
	Indicator  string    `json:"indicator"`
	Year       int       `json:"year,omitempty"`
	Term       Term      `json:"term,omitzero"`
	Authority  Authority `json:"authority,omitempty"` // empty on input means council; filled on read
	Basis      PlanBasis `json:"basis"`
	Reference  string    `json:"reference,omitempty"` // growth and points plans; empty means same_period_last_year
	Target     *float64  `json:"target"`              // single target; nil when a range is given
	TargetLow  *float64  `json:"target_low"`          // range targets
	TargetHigh *float64  `json:"target_high"`         //
	Version    string    `json:"version"`             // "original", "adjusted", …
	AdoptedOn  string    `json:"adopted_on"`          // YYYY-MM-DD
	Source     string    `json:"source"`

	Provenance *Provenance `json:"provenance,omitempty"` // filled on read
}

// Bounds returns the plan's low and high targets (equal for a single target)
// and whether it has any target.
func (p Plan) Bounds() (low, high float64, ok bool) {
	switch {
	case p.Target != nil:
		return *p.Target, *p.Target, true
	case p.TargetLow != nil && p.TargetHigh != nil:
		return *p.TargetLow, *p.TargetHigh, true
	}
	return 0, 0, false
}

// Provenance records how a revision arrived.
type Provenance struct {
	Via        string    `json:"via"`                  // api, csv, json, xlsx, inbox, form, text, demo
	TokenName  string    `json:"token_name,omitempty"` // the writer's token, if any
	FileName   string    `json:"file_name,omitempty"`
	RecordedAt time.Time `json:"recorded_at"`
}

// Date layout used for reported_at and adopted_on.
const DateLayout = "2006-01-02"
