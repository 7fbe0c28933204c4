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
	Unit                string       `json:"unit,omitempty"`
	Indicator           string       `json:"indicator"`
	Measure             string       `json:"measure"`
	Kind                Kind         `json:"kind"`
	Direction           Direction    `json:"direction"`
	Period              Period       `json:"period"`
	Value               *float64     `json:"value"` // the period's own value
	YTD                 *float64     `json:"ytd"`   // flows: year-to-date value at the period's end
	ReportStatus        ReportStatus `json:"report_status,omitempty"`
	ReportedAt          string       `json:"reported_at,omitempty"`
	PlanBasis           PlanBasis    `json:"plan_basis,omitempty"`
	Plan                *float64     `json:"plan"` // value plan (or growth target in percent, for growth plans: its midpoint)
	PlanLow             *float64     `json:"plan_low"`
	PlanHigh            *float64     `json:"plan_high"`
	PlanSource          PlanSource   `json:"plan_source,omitempty"`
	PlanVersion         string       `json:"plan_version,omitempty"`
	OriginalPlan        *float64     `json:"original_plan,omitempty"`       // only when the plan in force is not the original
	CompletionOriginal  *float64     `json:"completion_original,omitempty"` // completion against OriginalPlan
	Completion          *float64     `json:"completion"`
	Expected            *float64     `json:"expected"`
	Pace                Pace         `json:"pace"`
	YoY                 *float64     `json:"yoy"`
	ReportedPlanPercent *Percent     `json:"reported_plan_percent"`
	ReportedYoYPercent  *Percent     `json:"reported_yoy_percent"`
	Flags               []Flag       `json:"flags"` // never nil when produced by Derive
	Synthetic           bool         `json:"synthetic,omitempty"`
}

// Flag codes (SPEC §2).
const (
	FlagPlanPercentMismatch = "plan_percent_mismatch"
	FlagYTDDecrease         = "ytd_decrease"
	FlagYoYMismatch         = "yoy_mismatch"
	FlagChildrenSumMismatch = "children_sum_mismatch"
	FlagOutlier             = "outlier"
)

// Flag is a data-quality finding: a code, one sentence that explains it, and
// the figures involved.
type Flag struct {
	Code        string             `json:"code"`
	Unit        string             `json:"unit,omitempty"`
	Indicator   string             `json:"indicator,omitempty"`
	Period      Period             `json:"period"`
	Explanation string             `json:"explanation"`
	Figures     map[string]float64 `json:"figures"`
}

// Thresholds are the configurable pace boundaries of SPEC §2.
type Thresholds struct {
	FlowAhead, FlowOnTrack, FlowBehind float64 // up: r ≥ these; down: r ≤ 2−these
	GrowthAheadMargin                  float64 // ahead above high + this many points
	GrowthBehindMargin                 float64 // behind down to low − this many points
	LevelBehindShare                   float64 // behind within this share below plan
	ChildrenSumTolerance               float64 // children_sum_mismatch beyond this share
	OutlierZ                           float64 // robust z-score beyond which a value is an outlier
}

// DefaultThresholds are SPEC §2's boundaries.
func DefaultThresholds() Thresholds {
	return Thresholds{
		FlowAhead: 1.05, FlowOnTrack: 0.95, FlowBehind: 0.85,
		GrowthAheadMargin: 0.5, GrowthBehindMargin: 1,
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
	// indicator: at least every period of Period.Year and Period.Year−1, and
	// the same span as Period in every year (for outlier detection). More is
	// harmless.
	Figures []Observation
	// Plans are every stored plan version of this unit × indicator for
	// Period.Year (other years are ignored).
	Plans []Plan
	// Children are the children's current figures for exactly Period (and
	// the periods needed to compute their YTD); ChildCount is how many
	// children the unit has, so a missing child can be told apart.
	Children   map[string][]Observation
	ChildCount int
	Synthetic  bool
}
