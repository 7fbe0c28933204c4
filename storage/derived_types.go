package storage

// PlanSource says where the plan behind a completion came from.
type PlanSource string

const (
	PlanStored  PlanSource = "stored"
	PlanImplied PlanSource = "implied" // value ÷ reported_plan_percent × 100
)

// Item holds the figures derived for one unit × indicator at one period
// (SPEC §2). Nil pointers are figures that cannot be derived; they are
// written as JSON null. Ratios are ratios (0.537), percents are percents.
type Item struct {
	Unit               string       `json:"unit,omitempty"`
	Indicator          string       `json:"indicator"`
	Measure            string       `json:"measure"`
	Kind               Kind         `json:"kind"`
	Direction          Direction    `json:"direction"`
	Period             Period       `json:"period"`
	Value              *float64     `json:"value"` // the period's own value
	YTD                *float64     `json:"ytd"`   // flows: year-to-date value at the period's end
	ReportStatus       ReportStatus `json:"report_status,omitempty"`
	ReportedAt         string       `json:"reported_at,omitempty"`
	PlanBasis          PlanBasis    `json:"plan_basis,omitempty"`
	Plan               *float64     `json:"plan"` // value plan (or growth target in percent, for growth plans: its midpoint)
	PlanLow            *float64     `json:"plan_low"`
	PlanHigh           *float64     `json:"plan_high"`
	PlanSource         PlanSource   `json:"plan_source,omitempty"`
	PlanVersion        string       `json:"plan_version,omitempty"`
	OriginalPlan       *float64     `json:"original_plan,omitempty"`       // only when the plan in force is not the original
	CompletionOriginal *float64     `json:"completion_original,omitempty"` // completion against OriginalPlan
	Completion         *float64     `json:"completion"`
	Expected           *float64     `json:"expected"`
	Pace               Pace         `json:"pace"`
	YoY                *float64     `json:"yoy"`
	// YoYNominal is, for real indicators, the current-price ratio where
	// computable ("at current prices"); it drives nothing.
	YoYNominal *float64 `json:"yoy_nominal"`
	// YoYPoints is, for rates (measure percent), the change in percentage
	// points against the same period last year.
	YoYPoints *float64 `json:"yoy_points"`
	// Plans is every plan in force, one per authority, and the term plans
	// covering the period; the fields above describe the primary one.
	Plans               []PlanProgress `json:"plans"`
	PrimaryAuthority    Authority      `json:"primary_authority,omitempty"`
	ReportedPlanPercent *Percent       `json:"reported_plan_percent"`
	ReportedYoYPercent  *Percent       `json:"reported_yoy_percent"`
	Flags               []Flag         `json:"flags"` // never nil when produced by Derive
	Synthetic           bool           `json:"synthetic,omitempty"`
	// Reconstructed: the figures behind Value are a successor's sum of its
	// predecessors' (SPEC §2 "Units over time").
	Reconstructed bool `json:"reconstructed,omitempty"`
}

// Flag codes (SPEC §2).
const (
	FlagPlanPercentMismatch = "plan_percent_mismatch"
	FlagYTDDecrease         = "ytd_decrease"
	FlagYoYMismatch         = "yoy_mismatch"
	FlagChildrenSumMismatch = "children_sum_mismatch"
	FlagOutlier             = "outlier"
	FlagPartsMismatch       = "parts_mismatch"
	FlagMissingPeriod       = "missing_period"
	FlagChildrenRange       = "children_range"
)

// Flag is a data-quality finding: a code and the figures involved. storage
// leaves Explanation empty: the one wording of each flag is the message
// catalog's (collector/catalog, Catalog.Flag), and whoever shows a flag —
// the pages, the JSON API, the CLI — fills it in the reader's language.
type Flag struct {
	Code        string             `json:"code"`
	Unit        string             `json:"unit,omitempty"`
	Indicator   string             `json:"indicator,omitempty"`
	Period      Period             `json:"period"`
	Authority   Authority          `json:"authority,omitempty"` // the plan a plan_percent_mismatch refers to
	Explanation string             `json:"explanation"`
	Figures     map[string]float64 `json:"figures"`
}

// Thresholds are the configurable pace boundaries of SPEC §2.
type Thresholds struct {
	FlowAhead, FlowOnTrack, FlowBehind float64 // up: r ≥ these; down: r ≤ 2−these
	GrowthAheadMargin                  float64 // ahead above high + this many points
	GrowthBehindMargin                 float64 // behind down to low − this many points
	PointsAheadMargin                  float64 // points plans: ahead beyond high + this many points
	PointsBehindMargin                 float64 // points plans: behind down to low − this many points
	LevelBehindShare                   float64 // behind within this share below plan
	ChildrenSumTolerance               float64 // children_sum_mismatch beyond this share
	OutlierZ                           float64 // robust z-score beyond which a value is an outlier
}

// DefaultThresholds are SPEC §2's boundaries.
func DefaultThresholds() Thresholds {
	return Thresholds{
		FlowAhead: 1.05, FlowOnTrack: 0.95, FlowBehind: 0.85,
		GrowthAheadMargin: 0.5, GrowthBehindMargin: 1,
		PointsAheadMargin: 0.2, PointsBehindMargin: 0.5,
		LevelBehindShare:     0.05,
		ChildrenSumTolerance: 0.02,
		OutlierZ:             3.5,
	}
}

// Facts is everything the derived figures of one unit × indicator at one
// period depend on. Loaders fill it from the database; Derive is a pure
// function of it.
type Facts struct {
	Unit      string
	Indicator Indicator
	Period    Period
	AsOf      string // YYYY-MM-DD: the plan in force is the newest adopted on or before it
	// Figures are the current, non-retracted revisions of this unit ×
	// indicator: at least every period of Period.Year and Period.Year−1,
	// the same span as Period in every year (for outlier detection) and
	// every figure ending in December (the years of a term plan). More is
	// harmless.
	Figures []Observation
	// Plans are every stored plan version of this unit × indicator, of
	// every authority, for Period.Year and the terms covering it (other
	// years are ignored).
	Plans []Plan
	// Children are the children's current figures for exactly Period (and
	// the periods needed to compute their YTD or their level at Period's
	// end); ChildCount is how many children the unit has, so a missing
	// child can be told apart.
	Children   map[string][]Observation
	ChildCount int
	Synthetic  bool
}

// PlanProgress is an item's standing against one plan in force: a yearly
// plan of one authority (stored or implied) or a term plan. Term plans
// carry Achieved and Needed (ratios, 0.0666 for 6.66%): for
// average_growth the average yearly growth since the year before the term
// and the average still needed over RemainingYears; for end_level the
// average yearly change so far and still needed to reach the target; for
// cumulative the share of the term's total reached and still to reach.
type PlanProgress struct {
	Authority  Authority  `json:"authority"`
	Primary    bool       `json:"primary,omitempty"`
	Version    string     `json:"version,omitempty"`
	Basis      PlanBasis  `json:"basis"`
	Reference  string     `json:"reference,omitempty"`
	Year       int        `json:"year,omitempty"`
	Term       Term       `json:"term,omitzero"`
	Target     *float64   `json:"target"`
	TargetLow  *float64   `json:"target_low"`
	TargetHigh *float64   `json:"target_high"`
	PlanSource PlanSource `json:"plan_source"`
	Completion *float64   `json:"completion"`
	// OriginalTarget and CompletionOriginal are the original version's
	// target and the completion against it, when the version in force is
	// another one.
	OriginalTarget     *float64 `json:"original_target,omitempty"`
	CompletionOriginal *float64 `json:"completion_original,omitempty"`
	Expected           *float64 `json:"expected,omitempty"`
	Change             *float64 `json:"change,omitempty"` // previous_december plans: the change since last December (ratio, or points)
	Pace               Pace     `json:"pace"`
	Achieved           *float64 `json:"achieved,omitempty"`
	Needed             *float64 `json:"needed,omitempty"`
	RemainingYears     int      `json:"remaining_years,omitempty"`
}
