package charts

import (
	"fmt"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// PairRow is one category (an indicator, or a unit) with its figure in
// period A and in period B.
type PairRow struct {
	Name string   // in the page's language
	A, B *float64 // nil = no figure
}

// PeriodsInput compares two periods: per row, the value (or the completion,
// as a percentage) in A against B.
type PeriodsInput struct {
	Options
	ALabel, BLabel string // the periods' names, in the page's language
	Measure        string // axis name; ignored when Percent
	// Percent says A and B are completion ×100: the axis is named "% of
	// plan" and values show "%".
	Percent bool
	Rows    []PairRow // drawn top to bottom in this order
}

// Colours of the two periods: A (the period looked at) strong, B (the one
// compared against) light, so the pair reads without a legend lookup.
const (
	colorPeriodA = "#1d4e89"
	colorPeriodB = "#9db4d3"
)

// Periods builds the period comparison: grouped horizontal bars, A above B
// for every row, rows in input order, each row's name above its bars (see
// hbar), values labelled at the bar ends.
func Periods(in PeriodsInput) (*Chart, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	names := make([]string, len(in.Rows))
	a := make([]opts.BarData, len(in.Rows))
	b := make([]opts.BarData, len(in.Rows))
	for i, r := range in.Rows {
		names[i] = r.Name
		a[i] = opts.BarData{Value: value(r.A), Label: valueLabel(r.A, in.Percent, in.Lang)}
		b[i] = opts.BarData{Value: value(r.B), Label: valueLabel(r.B, in.Percent, in.Lang)}
	}
	wrapped, lines := wrapNames(names)
	// A band: the name (lines × labelLine), two bars of barWidth and the gaps.
	band := lines*labelLine + 2*barWidth + 14
	height := in.Height
	if height == 0 {
		height = 96 + band*len(in.Rows) + in.space()
	}
	measure := axisName(in.Measure, in.Percent, in.Lang)
	bar := echarts.NewBar()
	bar.SetGlobalOptions(in.globalOpts(height, layout{legend: legendTop, right: 56, axisNameBelow: true})...)
	bar.SetGlobalOptions(
		echarts.WithXAxisOpts(valueAxis(measure, in.Percent)),
		echarts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	bar.SetXAxis(names).XYReversal()
	bar.AddSeries(in.ALabel, a, barColor(colorPeriodA))
	bar.AddSeries(in.BLabel, b, barColor(colorPeriodB))
	// The pair of bars spans barWidth×2 plus ECharts' 30 % gap around the centre line.
	c := &Chart{ID: in.ID, Title: in.Title, Height: height, ECharts: hbar{Bar: bar, names: wrapped, labelPad: barWidth + 6}}
	if in.Percent {
		c.ValueSuffix = "%"
	}
	return c, nil
}

// barWidth is the thickness of one bar of the period comparison, in pixels.
const barWidth = 14

func barColor(color string) echarts.SeriesOpts {
	return func(s *echarts.SingleSeries) {
		s.Color = color
		s.ItemStyle = &opts.ItemStyle{Color: color}
		s.BarWidth = fmt.Sprint(barWidth)
	}
}
