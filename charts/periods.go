package charts

import (
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
// for every row, rows in input order, values labelled at the bar ends.
func Periods(in PeriodsInput) (*Chart, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	height := in.Height
	if height == 0 {
		height = 96 + 44*len(in.Rows) + in.space()
	}
	names := make([]string, len(in.Rows))
	a := make([]opts.BarData, len(in.Rows))
	b := make([]opts.BarData, len(in.Rows))
	for i, r := range in.Rows {
		names[i] = r.Name
		a[i] = opts.BarData{Value: value(r.A), Label: valueLabel(r.A, in.Percent, in.Lang)}
		b[i] = opts.BarData{Value: value(r.B), Label: valueLabel(r.B, in.Percent, in.Lang)}
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
	c := &Chart{ID: in.ID, Title: in.Title, Height: height, ECharts: bar}
	if in.Percent {
		c.ValueSuffix = "%"
	}
	return c, nil
}

func barColor(color string) echarts.SeriesOpts {
	return func(s *echarts.SingleSeries) {
		s.Color = color
		s.ItemStyle = &opts.ItemStyle{Color: color}
		s.BarMaxWidth = "18"
	}
}
