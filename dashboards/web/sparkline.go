package web

import (
	"html/template"

	"github.com/plantrack/plantrack/charts"

	"github.com/plantrack/plantrack/storage"
)

// sparkYears is how many years a sparkline covers (the same span each year).
const sparkYears = 10

// sparkValues returns, per indicator, the value of per's span in each of the
// sparkYears years up to per.Year (oldest first; nil where there is none).
// A span not reported as such (H1 when only months were) is derived from the
// year's figures, as the overview itself would.
func (p *Pages) sparkValues(q *request, unit string, per storage.Period, inds map[string]storage.Indicator) (map[string][]*float64, error) {
	out := map[string][]*float64{}
	if per.IsZero() {
		return out, nil
	}
	asOf := q.query("as_of")
	for i := range sparkYears {
		sp := per.SameSpanIn(per.Year - sparkYears + 1 + i)
		figs, err := p.db.Observations(q.ctx, storage.ObservationFilter{Unit: unit,
			From: storage.Period{Year: sp.Year, First: 1, Last: 1}, To: sp, AsOf: asOf})
		if err != nil {
			return nil, err
		}
		byInd := map[string][]storage.Observation{}
		for _, o := range figs {
			if !o.Retracted {
				byInd[o.Indicator] = append(byInd[o.Indicator], o)
			}
		}
		for code, obs := range byInd {
			v := spanValue(indicatorOf(inds, code), sp, obs)
			if v == nil {
				continue
			}
			if out[code] == nil {
				out[code] = make([]*float64, sparkYears)
			}
			out[code][i] = v
		}
	}
	return out, nil
}

// spanValue is the value of exactly sp from one year's figures: reported,
// or derived (a YTD summed from months) by storage.Derive.
func spanValue(ind storage.Indicator, sp storage.Period, obs []storage.Observation) *float64 {
	for _, o := range obs {
		if o.Period == sp && o.Value != nil {
			v := *o.Value
			return &v
		}
	}
	it := storage.Derive(storage.Facts{Unit: obs[0].Unit, Indicator: ind, Period: sp, Figures: obs}, storage.DefaultThresholds())
	return it.Value
}

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
