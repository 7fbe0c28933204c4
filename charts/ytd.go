package charts

import (
	"fmt"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// MonthPoint is one month of a year for the year-to-date chart.
type MonthPoint struct {
	Month    int      // 1–12
	Value    *float64 // YTD at the month's end (flows) or the level; nil = no figure
	Expected *float64 // where the value should be by then; nil = not drawn
}

// YTDInput is one unit × indicator × year: the figures by month against
// the yearly plan line and the expected-pace line.
type YTDInput struct {
	Options
	Year    int
	Measure string       // axis name, already in the page's language ("tỷ đồng")
	Level   bool         // the indicator is a level: the series is its value, not a YTD
	Points  []MonthPoint // any subset of months; months without a point are gaps
	Plan    *float64     // plan in force; nil = no plan line
	// OriginalPlan is drawn as a second, dotted line when the plan in force
	// was adjusted (nil or equal to Plan = not drawn).
	OriginalPlan *float64
}

// Colours of the YTD chart's lines (not pace colours: these are reference
// lines, drawn in neutral tones so they are not read as verdicts).
const (
	colorActual   = "#1d4e89"
	colorExpected = "#7b8794"
	colorPlan     = "#344054"
)

// YTD builds the line chart of an indicator's year by month: the reported
// value, the expected-pace line and the yearly plan line (and the original
// plan when it was adjusted). Twelve months are always on the axis.
func YTD(in YTDInput) (*Chart, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	var vals, exp [12]interface{}
	for m := range 12 {
		vals[m], exp[m] = missing, missing
	}
	hasExpected := false
	for _, p := range in.Points {
		if p.Month < 1 || p.Month > 12 {
			return nil, fmt.Errorf("charts: month %d of %d is outside 1–12", p.Month, in.Year)
		}
		vals[p.Month-1] = value(p.Value)
		if p.Expected != nil {
			exp[p.Month-1], hasExpected = *p.Expected, true
		}
	}
	height := in.Height
	if height == 0 {
		height = 360 + in.space()
	}
	months := make([]string, 12)
	for m := range 12 {
		months[m] = monthLabel(m+1, in.Lang)
	}
	line := echarts.NewLine()
	line.SetGlobalOptions(in.globalOpts(height, layout{legend: legendBottom, right: 24})...)
	line.SetGlobalOptions(
		echarts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		echarts.WithYAxisOpts(opts.YAxis{Type: "value", Name: in.Measure}),
	)
	line.SetXAxis(months)
	name := pick(in.Lang, wordYTD)
	if in.Level {
		name = pick(in.Lang, wordValue)
	}
	line.AddSeries(name, lineData(vals[:]), lineStyle(colorActual, "solid", 3, true))
	if hasExpected {
		line.AddSeries(pick(in.Lang, wordExpected), lineData(exp[:]), lineStyle(colorExpected, "dashed", 2, false))
	}
	if in.Plan != nil {
		line.AddSeries(pick(in.Lang, wordPlan), constant(*in.Plan), lineStyle(colorPlan, "solid", 1.5, false))
	}
	if in.OriginalPlan != nil && (in.Plan == nil || *in.OriginalPlan != *in.Plan) {
		line.AddSeries(pick(in.Lang, wordOrigPlan), constant(*in.OriginalPlan), lineStyle(colorPlan, "dotted", 1.5, false))
	}
	return &Chart{ID: in.ID, Title: in.Title, Height: height, ECharts: line}, nil
}

func lineData(vals []interface{}) []opts.LineData {
	d := make([]opts.LineData, len(vals))
	for i, v := range vals {
		d[i] = opts.LineData{Value: v}
	}
	return d
}

// constant is a twelve-month horizontal line at v.
func constant(v float64) []opts.LineData {
	d := make([]opts.LineData, 12)
	for i := range d {
		d[i] = opts.LineData{Value: v}
	}
	return d
}

// lineStyle colours a line series; symbols mark reported points only.
func lineStyle(color, kind string, width float32, symbols bool) echarts.SeriesOpts {
	return func(s *echarts.SingleSeries) {
		s.Color = color
		s.LineStyle = &opts.LineStyle{Color: color, Type: kind, Width: width}
		s.ItemStyle = &opts.ItemStyle{Color: color}
		s.ShowSymbol = opts.Bool(symbols)
		s.ConnectNulls = opts.Bool(true) // quarterly reports leave months between points
		if symbols {
			s.Symbol, s.SymbolSize = "circle", 7
		} else {
			s.Symbol = "none"
		}
	}
}
