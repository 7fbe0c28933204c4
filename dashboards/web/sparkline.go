package web

import (
	"html/template"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/storage"
)

// sparkYears is how many years a sparkline covers (the same span each
// year); storage.DB.UnitOverview reads them (SpanValues: the span reported,
// or derived where only its months were).
const sparkYears = 10

// spark draws a card's sparkline: per's span over the years, coloured by pace.
func (l *Locale) spark(c card, per storage.Period, vals []*float64) template.HTML {
	n := 0
	for _, v := range vals {
		if v != nil {
			n++
		}
	}
	if n < 2 {
		return "" // one point is no trend
	}
	title := c.Name + " · " + l.spanName(per) + " " + itoa(per.Year-sparkYears+1) + "–" + itoa(per.Year)
	return charts.Sparkline(charts.SparklineInput{Values: vals, Title: title, Pace: c.Pace.Class, Width: 132, Height: 36})
}
