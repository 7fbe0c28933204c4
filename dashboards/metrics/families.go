// Package metrics exposes plantrack's indicators to Prometheus: the /metrics
// handler of SPEC §3, whose indicator gauges are kept as exposition text
// cached per data version, and the OpenMetrics history writer behind
// `plantrack export --format openmetrics`.
//
// Label "name" of plantrack_indicator_info and plantrack_unit_info carries
// the Vietnamese name (the product's default language), falling back to the
// English name and then the code when it is empty.
package metrics

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// Metric names of SPEC §3. They are a contract with dashboards and alerts.
const (
	IndicatorValue = "plantrack_indicator_value"
	PlanTarget     = "plantrack_plan_target"
	PlanCompletion = "plantrack_plan_completion_ratio"
	PlanExpected   = "plantrack_plan_expected_ratio"
	YoYGrowth      = "plantrack_yoy_growth_ratio"
	PeriodEnd      = "plantrack_report_period_end_timestamp_seconds"
	IndicatorInfo  = "plantrack_indicator_info"
	UnitInfo       = "plantrack_unit_info"
)

// Label names, and the language of the info gauges' name label.
const (
	labelIndicator = "indicator"
	labelUnit      = "unit"
	labelName      = "name"
	labelParent    = "parent"
	labelMeasure   = "measure"
	labelKind      = "kind"
	labelDirection = "direction"
	nameLanguage   = "vi"
)

// gauge is one per-unit×indicator gauge of SPEC §3: its name, help and how
// its value is read from a derived Item (false: no value, leave it out).
type gauge struct {
	name, help string
	value      func(storage.Item) (float64, bool)
}

// pairGauges lists the gauges labelled {indicator, unit}, in name order.
// A value that is not finite (completion against a zero plan) is left out
// like a missing one: Prometheus would store it, but no dashboard can use it.
func pairGauges() []gauge {
	gs := []gauge{
		{IndicatorValue, "Value of the latest period of the unit and indicator, in the indicator's measure; year to date for flows.", indicatorValue},
		{PlanCompletion, "Completion of this year's primary plan in force at the latest period (0.537 for 53.7%); value plans only.", ptr(func(it storage.Item) *float64 { return it.Completion })},
		{PlanExpected, "Completion expected by the end of the latest period under the indicator's pace profile; flows with a value plan only.", ptr(func(it storage.Item) *float64 { return it.Expected })},
		{PlanTarget, "This year's primary value plan in force (stored or implied), in the indicator's measure.", planTarget},
		{PeriodEnd, "End of the latest period (end of its last month, Vietnam time) as a Unix timestamp.", periodEnd},
		{YoYGrowth, "Year-on-year growth of the latest period (0.0743 for +7.43%); real growth as reported, indices by their base.", ptr(func(it storage.Item) *float64 { return it.YoY })},
	}
	for i := range gs {
		get := gs[i].value
		gs[i].value = func(it storage.Item) (float64, bool) {
			v, ok := get(it)
			return v, ok && !math.IsNaN(v) && !math.IsInf(v, 0)
		}
	}
	return gs
}

func ptr(get func(storage.Item) *float64) func(storage.Item) (float64, bool) {
	return func(it storage.Item) (float64, bool) {
		if p := get(it); p != nil {
			return *p, true
		}
		return 0, false
	}
}

// indicatorValue is the value gauge: year-to-date for flows (left out when
// the year-to-date cannot be derived), the period's value for levels.
func indicatorValue(it storage.Item) (float64, bool) {
	v := it.Value
	if it.Kind == storage.KindFlow {
		v = it.YTD
	}
	if v == nil {
		return 0, false
	}
	return *v, true
}

// planTarget is only the primary plan, and only a value plan: a growth or
// points plan's target is a percentage or a change in points, not a figure
// in the indicator's measure.
func planTarget(it storage.Item) (float64, bool) {
	if it.PlanBasis != storage.BasisValue || it.Plan == nil {
		return 0, false
	}
	return *it.Plan, true
}

func periodEnd(it storage.Item) (float64, bool) {
	if it.Period.IsZero() {
		return 0, false
	}
	return float64(it.Period.End().Unix()), true
}

// family is one metric family ready to write: label names sorted, rows
// sorted by label values — the order client_golang's registry produces.
type family struct {
	name, help string
	labels     []string
	rows       []row
}

type row struct {
	values []string
	v      float64
}

// snapshot is everything one exposition is built from.
type snapshot struct {
	items      []storage.Item
	units      []storage.Unit
	indicators []storage.Indicator
}

// loadSnapshot reads the latest items of the units valid today down to
// depth (every depth when negative), those units and every indicator: a
// retired unit leaves the exposition (its history stays in the OpenMetrics
// export).
func loadSnapshot(ctx context.Context, src Source, depth int) (snapshot, error) {
	items, err := src.Latest(ctx, depth, "")
	if err != nil {
		return snapshot{}, fmt.Errorf("read latest figures: %w", err)
	}
	units, err := src.Units(ctx)
	if err != nil {
		return snapshot{}, fmt.Errorf("read units: %w", err)
	}
	inds, err := src.Indicators(ctx)
	if err != nil {
		return snapshot{}, fmt.Errorf("read indicators: %w", err)
	}
	kept, today := units[:0:0], storage.Today()
	for _, u := range units {
		if (depth < 0 || u.Depth <= depth) && u.ValidOn(today) { // a retired unit leaves the exposition
			kept = append(kept, u)
		}
	}
	current := make(map[string]bool, len(kept))
	for _, u := range kept {
		current[u.Code] = true
	}
	valid := items[:0:0]
	for _, it := range items {
		if current[it.Unit] {
			valid = append(valid, it)
		}
	}
	return snapshot{items: valid, units: kept, indicators: inds}, nil
}

// families turns a snapshot into the SPEC §3 families, sorted by name, with
// empty families left out (as the registry does).
func (s snapshot) families() ([]family, error) {
	// in label order once (by pointer: an Item is large), so that each
	// family's rows come out sorted
	items := make([]*storage.Item, len(s.items))
	for i := range s.items {
		items[i] = &s.items[i]
	}
	slices.SortFunc(items, func(a, b *storage.Item) int {
		if c := strings.Compare(a.Indicator, b.Indicator); c != 0 {
			return c
		}
		return strings.Compare(a.Unit, b.Unit)
	})
	var out []family
	for _, g := range pairGauges() {
		f := family{name: g.name, help: g.help, labels: []string{labelIndicator, labelUnit}}
		for _, it := range items {
			if v, ok := g.value(*it); ok {
				f.rows = append(f.rows, row{values: []string{clean(it.Indicator), clean(it.Unit)}, v: v})
			}
		}
		out = append(out, f)
	}
	out = append(out, indicatorInfo(s.indicators), unitInfo(s.units))
	return finish(out)
}

func indicatorInfo(inds []storage.Indicator) family {
	f := family{name: IndicatorInfo, help: "Descriptive labels of an indicator (name in Vietnamese); always 1.",
		labels: []string{labelDirection, labelIndicator, labelKind, labelMeasure, labelName}}
	for _, i := range inds {
		f.rows = append(f.rows, row{values: []string{clean(string(i.Direction)), clean(i.Code),
			clean(string(i.Kind)), clean(i.Measure), clean(i.Name(nameLanguage))}, v: 1})
	}
	return f
}

func unitInfo(units []storage.Unit) family {
	f := family{name: UnitInfo, help: "Descriptive labels of a reporting unit (name in Vietnamese, parent unit code); always 1.",
		labels: []string{labelName, labelParent, labelUnit}}
	for _, u := range units {
		f.rows = append(f.rows, row{values: []string{clean(u.Name(nameLanguage)), clean(u.Parent), clean(u.Code)}, v: 1})
	}
	return f
}

// finish sorts families and rows, drops empty families and refuses
// duplicate series, which Prometheus would reject.
func finish(fams []family) ([]family, error) {
	out := fams[:0]
	for _, f := range fams {
		if len(f.rows) == 0 {
			continue
		}
		byValues := func(a, b row) int { return slices.Compare(a.values, b.values) }
		if !slices.IsSortedFunc(f.rows, byValues) {
			slices.SortFunc(f.rows, byValues)
		}
		for i := 1; i < len(f.rows); i++ {
			if slices.Equal(f.rows[i-1].values, f.rows[i].values) {
				return nil, fmt.Errorf("metric %s: two series with labels %v: the database holds a duplicate unit or indicator",
					f.name, f.rows[i].values)
			}
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b family) int { return strings.Compare(a.name, b.name) })
	return out, nil
}

// clean makes a label value valid UTF-8, which Prometheus requires.
func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
