package charts

import (
	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// YearValue is one year's figure for the same span (H1 2015, H1 2016, …).
type YearValue struct {
	Label string   // the period's name in the page's language ("6 tháng đầu năm 2018")
	Value *float64 // nil = no figure (no bar)
	YoY   *float64 // ratio against the year before (0.0743); nil = no label
}

// YearsInput is the same period of one unit × indicator across years.
type YearsInput struct {
	Options
	Measure string      // axis name, in the page's language
	Years   []YearValue // in the order to draw, oldest first
}

// colorYears is the bar colour of the across-years chart: one neutral hue,
// since the bars are not verdicts.
const colorYears = "#1d4e89"

// Years builds the bar chart of the same period across years, each bar
// labelled with its year-on-year change ("+7,4%"); bars without a figure
// are left out and bars without a yoy carry no label.
func Years(in YearsInput) (*Chart, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	height := in.Height
	if height == 0 {
		height = 320 + in.space()
	}
	labels := make([]string, len(in.Years))
	data := make([]opts.BarData, len(in.Years))
	for i, y := range in.Years {
		labels[i] = y.Label
		data[i] = opts.BarData{Value: value(y.Value)}
		if y.YoY != nil && y.Value != nil {
			data[i].Label = &opts.Label{Show: opts.Bool(true), Position: "top", Formatter: formatSignedPercent(*y.YoY, in.Lang)}
		}
	}
	bar := echarts.NewBar()
	bar.SetGlobalOptions(in.globalOpts(height, layout{legend: legendNone, right: 24})...)
	bar.SetGlobalOptions(
		echarts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: yearsAxisLabel(labels)}),
		echarts.WithYAxisOpts(opts.YAxis{Type: "value", Name: in.Measure}),
	)
	bar.SetXAxis(labels)
	bar.AddSeries(pick(in.Lang, wordValue), data, func(s *echarts.SingleSeries) {
		s.ItemStyle = &opts.ItemStyle{Color: colorYears}
		s.BarMaxWidth = "48"
		// a phone's narrow bars: a yoy label that would cover its neighbour is left out
		s.LabelLayout = &opts.LabelLayout{HideOverlap: opts.Bool(true)}
	})
	return &Chart{ID: in.ID, Title: in.Title, Height: height, ECharts: bar}, nil
}

// yearsAxisLabel slants the period labels when there are many long ones,
// so that ECharts can show every one instead of skipping some.
func yearsAxisLabel(labels []string) *opts.AxisLabel {
	chars := 0
	for _, l := range labels {
		chars += len([]rune(l))
	}
	if len(labels) > 6 && chars > 5*len(labels) {
		return &opts.AxisLabel{Rotate: 30}
	}
	return nil
}
