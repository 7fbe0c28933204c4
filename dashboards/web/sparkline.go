package web

import (
	"html/template"
	"sync"

	"github.com/plantrack/plantrack/charts"

	"github.com/plantrack/plantrack/storage"
)

// sparkYears is how many years a sparkline covers (the same span each year).
const sparkYears = 10

// sparkWorkers bounds the concurrent reads of sparkValues.
const sparkWorkers = 4

// sparkValues returns, per indicator of codes, the value of per's span in
// each of the sparkYears years up to per.Year (oldest first; nil where there
// is none). One read per year fetches the figures ending with the span;
// where the span itself was not reported (H1 when only months were), a
// second read of that year's months derives it, as the overview would.
func (p *Pages) sparkValues(q *request, unit string, per storage.Period, codes []string, inds map[string]storage.Indicator) (map[string][]*float64, error) {
	out := make(map[string][]*float64, len(codes))
	if per.IsZero() {
		return out, nil
	}
	want := make(map[string]bool, len(codes))
	for _, c := range codes {
		want[c] = true
		out[c] = make([]*float64, sparkYears)
	}
	var mu sync.Mutex
	err := parallel(sparkYears, func(i int) error {
		sp := per.SameSpanIn(per.Year - sparkYears + 1 + i)
		vals, err := p.spanValues(q, unit, sp, want, inds)
		mu.Lock()
		defer mu.Unlock()
		for code, v := range vals {
			out[code][i] = v
		}
		return err
	})
	return out, err
}

// spanValues reads the value of exactly sp for the wanted indicators.
func (p *Pages) spanValues(q *request, unit string, sp storage.Period, want map[string]bool, inds map[string]storage.Indicator) (map[string]*float64, error) {
	f := storage.ObservationFilter{Unit: unit, From: sp, To: sp, AsOf: q.query("as_of")}
	figs, err := p.db.Observations(q.ctx, f)
	if err != nil {
		return nil, err
	}
	vals := map[string]*float64{}
	for _, o := range figs {
		if want[o.Indicator] && !o.Retracted && o.Period == sp && o.Value != nil {
			v := *o.Value
			vals[o.Indicator] = &v
		}
	}
	if len(vals) == len(want) || len(figs) == 0 {
		return vals, nil
	}
	f.From = storage.Period{Year: sp.Year, First: 1, Last: 1}
	if figs, err = p.db.Observations(q.ctx, f); err != nil {
		return nil, err
	}
	byInd := map[string][]storage.Observation{}
	for _, o := range figs {
		if want[o.Indicator] && vals[o.Indicator] == nil && !o.Retracted {
			byInd[o.Indicator] = append(byInd[o.Indicator], o)
		}
	}
	for code, obs := range byInd {
		if v := spanValue(indicatorOf(inds, code), sp, obs); v != nil {
			vals[code] = v
		}
	}
	return vals, nil
}

// parallel runs fn(0) … fn(n−1), sparkWorkers at a time, and returns the
// first error.
func parallel(n int, fn func(i int) error) error {
	errs := make([]error, n)
	sem := make(chan struct{}, sparkWorkers)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = fn(i)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
