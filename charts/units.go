package charts

import (
	"cmp"
	"fmt"
	"slices"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// UnitValue is one unit's figure in a unit comparison.
type UnitValue struct {
	Name  string   // the unit's name in the page's language
	Value *float64 // what is compared (a value, or completion ×100 when Percent)
	Pace  string   // PaceAhead … PaceUnknown; colours the bar and is named in its label
}

// UnitsInput is one indicator for one period across units (the children of
// a unit).
type UnitsInput struct {
	Options
	Measure string // axis name, in the page's language; ignored when Percent
	// Percent says Value is completion ×100: the axis is named "% of plan"
	// and axis, labels and tooltips show "%".
	Percent bool
	Units   []UnitValue
}

// Units builds the unit comparison: horizontal bars sorted from the
// greatest value down (units without a figure last, then by name), each bar
// coloured by its pace and its name above it (see hbar) naming the pace in
// words ("Ninh Kiều · chậm tiến độ"), so colour is never the only signal. The
// input slice is not modified.
func Units(in UnitsInput) (*Chart, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	units := slices.Clone(in.Units)
	slices.SortStableFunc(units, CompareUnits)
	labels := make([]string, len(units))
	data := make([]opts.BarData, len(units))
	for i, u := range units {
		labels[i] = u.Name + " · " + PaceWord(u.Pace, in.Lang)
		data[i] = opts.BarData{Value: value(u.Value), ItemStyle: &opts.ItemStyle{Color: PaceColor(u.Pace)}, Label: valueLabel(u.Value, in.Percent, in.Lang)}
	}
	wrapped, lines := wrapNames(labels)
	band := lines*labelLine + unitBarWidth + 14 // the name, the bar, the gaps
	height := in.Height
	if height == 0 {
		height = 80 + band*len(units) + in.space()
	}
	bar := echarts.NewBar()
	bar.SetGlobalOptions(in.globalOpts(height, layout{legend: legendNone, right: 56, axisNameBelow: true})...)
	bar.SetGlobalOptions(
		echarts.WithXAxisOpts(valueAxis(axisName(in.Measure, in.Percent, in.Lang), in.Percent)),
		echarts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	bar.SetXAxis(labels).XYReversal()
	name := axisName(in.Measure, in.Percent, in.Lang)
	if name == "" {
		name = pick(in.Lang, wordValue)
	}
	bar.AddSeries(name, data, func(s *echarts.SingleSeries) {
		s.BarWidth = fmt.Sprint(unitBarWidth)
	})
	c := &Chart{ID: in.ID, Title: in.Title, Height: height, ECharts: hbar{Bar: bar, names: wrapped, labelPad: unitBarWidth/2 + 4}}
	if in.Percent {
		c.ValueSuffix = "%"
	}
	return c, nil
}

// unitBarWidth is the thickness of a unit comparison's bar, in pixels.
const unitBarWidth = 18

// CompareUnits is the order Units draws its bars in: highest value first,
// units without a value last, ties by name. Tables beside the chart sort
// with it so that rows and bars line up.
func CompareUnits(a, b UnitValue) int {
	switch {
	case a.Value == nil && b.Value == nil:
		return cmp.Compare(a.Name, b.Name)
	case a.Value == nil:
		return 1
	case b.Value == nil:
		return -1
	}
	if c := cmp.Compare(*b.Value, *a.Value); c != 0 {
		return c
	}
	return cmp.Compare(a.Name, b.Name)
}

// valueAxis is a horizontal value axis named underneath, with "%" on its
// labels for percentages.
func valueAxis(name string, percent bool) opts.XAxis {
	ax := opts.XAxis{Type: "value", Name: name, NameLocation: "middle", NameGap: 26, SplitNumber: 4,
		AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}
	if percent {
		ax.AxisLabel.Formatter = "{value}%"
	}
	return ax
}

// valueLabel is a bar's end label: the value in the page's number format,
// or nothing for a missing value.
func valueLabel(v *float64, percent bool, lang string) *opts.Label {
	if v == nil {
		return nil
	}
	text := FormatNumber(*v, autoDecimals(*v), lang)
	if percent {
		text += "%"
	}
	return &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: text}
}

// axisName is the value axis name: "% of plan" for completion charts, else
// the measure.
func axisName(measure string, percent bool, lang string) string {
	if percent {
		return pick(lang, wordCompletion)
	}
	return measure
}
