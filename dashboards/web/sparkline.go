package web

import (
	"html/template"
	"sync"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/storage"
)

// sparkYears is how many years a sparkline covers (the same span each year).
const sparkYears = 10

// sparkWorkers bounds the concurrent reads of parallel.
const sparkWorkers = 4

// sparkValues returns, per indicator of codes, the value of per's span in
// each of the sparkYears years up to per.Year (oldest first; nil where there
// is none): reported, or derived where the span itself was not reported
// (H1 when only months were), as the overview would. Storage reads them in
// two index reads for all years (storage.DB.SpanValues).
func (p *Pages) sparkValues(q *request, unit string, per storage.Period, codes []string) (map[string][]*float64, error) {
	if per.IsZero() {
		return map[string][]*float64{}, nil
	}
	return p.db.SpanValues(q.ctx, unit, per, per.Year-sparkYears+1, codes, q.query("as_of"))
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
