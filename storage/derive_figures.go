package storage

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// Representative returns, of the figures whose period ends in the month
// endMonth (a Period.EndMonth index), the one with the longest span (H1 over
// Q2 over M06), and whether there is one. Retracted figures are ignored;
// between two figures of the same period the newer revision wins.
func Representative(figs []Observation, endMonth int) (Observation, bool) {
	var best Observation
	found := false
	for _, o := range figs {
		if o.Retracted || o.Period.EndMonth() != endMonth {
			continue
		}
		if !found || o.Period.Months() > best.Period.Months() ||
			(o.Period == best.Period && newerRevision(o, best)) {
			best, found = o, true
		}
	}
	return best, found
}

// LatestRepresentative returns the representative figure of the greatest end
// month that has a figure, and whether there is any figure at all.
func LatestRepresentative(figs []Observation) (Observation, bool) {
	last, found := 0, false
	for _, o := range figs {
		if o.Retracted {
			continue
		}
		if m := o.Period.EndMonth(); !found || m > last {
			last, found = m, true
		}
	}
	if !found {
		return Observation{}, false
	}
	return Representative(figs, last)
}

// MonthEnds returns the representative period of every month end that has a
// figure, in ascending order of end month.
func MonthEnds(figs []Observation) []Period {
	best := map[int]Period{}
	for _, o := range figs {
		if o.Retracted {
			continue
		}
		m := o.Period.EndMonth()
		if p, ok := best[m]; !ok || o.Period.Months() > p.Months() {
			best[m] = o.Period
		}
	}
	out := make([]Period, 0, len(best))
	for _, p := range best {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].EndMonth() < out[j].EndMonth() })
	return out
}

// newerRevision reports whether a is a later revision than b.
func newerRevision(a, b Observation) bool {
	if a.ReportedAt != b.ReportedAt {
		return a.ReportedAt > b.ReportedAt
	}
	return a.Revision > b.Revision
}

// figIndex holds one unit × indicator's current figures by period. It keeps
// indices into the caller's slice rather than copies: Derive runs once per
// item of every page, and an Observation is large.
type figIndex struct {
	figs     []Observation
	byPeriod map[periodKey]int // the newest revision of each period
	byYear   map[int][]figSpan // figures with a value, longest span first
}

// periodKey packs a period into one integer, a cheaper map key.
type periodKey int32

func keyOf(p Period) periodKey { return periodKey(p.Year*256 + p.First*16 + p.Last) }

// figSpan is a figure's months and value, all flowSpan needs, and the
// number of decimals the value was written with.
type figSpan struct {
	first, last, dec int
	v                float64
}

// decimalsOf is how many decimals v needs (at most 9): 3626.4 has one.
// The test allows a few units in the last place of v·10^d, so values that
// came from decimal text are read as written.
func decimalsOf(v float64) int {
	scale := 1.0
	for d := 0; d < 9; d++ {
		s := v * scale
		if math.Abs(s-math.Round(s)) <= 1e-14*math.Abs(s) {
			return d
		}
		scale *= 10
	}
	return 9
}

// roundTo rounds v to d decimals, so that sums and differences of figures
// written with d decimals carry no binary noise (3626.4, not
// 3626.4000000000005).
func roundTo(v float64, d int) float64 {
	if d >= 9 {
		return v
	}
	p := math.Pow10(d)
	return math.Round(v*p) / p
}

func newFigIndex(figs []Observation) figIndex {
	x := figIndex{figs: figs, byPeriod: make(map[periodKey]int, len(figs)), byYear: map[int][]figSpan{}}
	for i := range figs {
		o := &figs[i]
		if o.Retracted {
			continue
		}
		k := keyOf(o.Period)
		if cur, ok := x.byPeriod[k]; ok && !newerRevision(*o, figs[cur]) {
			continue
		}
		x.byPeriod[k] = i
	}
	for _, i := range x.byPeriod {
		if p, v := figs[i].Period, figs[i].Value; v != nil {
			x.byYear[p.Year] = append(x.byYear[p.Year], figSpan{p.First, p.Last, decimalsOf(*v), *v})
		}
	}
	for _, list := range x.byYear {
		slices.SortFunc(list, func(a, b figSpan) int {
			if c := cmp.Compare(b.last-b.first, a.last-a.first); c != 0 {
				return c
			}
			return cmp.Compare(a.first, b.first)
		})
	}
	return x
}

// own returns the figure for exactly p.
func (x figIndex) own(p Period) (Observation, bool) {
	if i, ok := x.byPeriod[keyOf(p)]; ok {
		return x.figs[i], true
	}
	return Observation{}, false
}

// reported returns the reported value for exactly p.
func (x figIndex) reported(p Period) (float64, bool) {
	if i, ok := x.byPeriod[keyOf(p)]; ok && x.figs[i].Value != nil {
		return *x.figs[i].Value, true
	}
	return 0, false
}

// flowSpan returns the value of a flow over months first..last of year:
// reported directly, summed from contiguous figures (Q1+Q2), or differenced
// (Q2 = H1 − Q1). It walks month boundaries 0..12, where a figure for months
// a..b links boundary a−1 to b (adding its value) and back (subtracting), and
// takes the path with the fewest figures.
func (x figIndex) flowSpan(year, first, last int) (float64, bool) {
	if first < 1 || last > 12 || first > last {
		return 0, false
	}
	if v, ok := x.reported(Period{Year: year, First: first, Last: last}); ok {
		return v, true
	}
	list := x.byYear[year]
	if len(list) == 0 {
		return 0, false
	}
	var seen [13]bool
	var sum [13]float64
	var dec [13]int // the most decimals of any figure on the path
	from, to := first-1, last
	seen[from] = true
	queue := []int{from}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, o := range list {
			a, b, v := o.first-1, o.last, o.v
			switch {
			case a == n && !seen[b]:
				seen[b], sum[b], dec[b] = true, sum[n]+v, max(dec[n], o.dec)
				queue = append(queue, b)
			case b == n && !seen[a]:
				seen[a], sum[a], dec[a] = true, sum[n]-v, max(dec[n], o.dec)
				queue = append(queue, a)
			}
		}
		if seen[to] {
			return roundTo(sum[to], dec[to]), true
		}
	}
	return 0, false
}

// value returns the value of period p for an indicator of kind k: for flows
// reported or derived from other spans; for levels as reported for p or,
// failing that, for the longest period ending in the same month.
func (x figIndex) value(k Kind, p Period) (float64, bool) {
	if k == KindFlow {
		return x.flowSpan(p.Year, p.First, p.Last)
	}
	if o, ok := x.levelFigure(p); ok && o.Value != nil {
		return *o.Value, true
	}
	return 0, false
}

// levelFigure returns the figure that tells a level at p's end: p's own, or
// else the longest-span figure with a value that ends in the same month (a
// level is a state at the period's end, so June's figure is H1's).
func (x figIndex) levelFigure(p Period) (Observation, bool) {
	if o, ok := x.own(p); ok {
		return o, true
	}
	best, found := 0, false
	for _, i := range x.byPeriod {
		o := &x.figs[i]
		if q := o.Period; q.Year == p.Year && q.Last == p.Last && o.Value != nil && (!found || q.Months() > x.figs[best].Period.Months()) {
			best, found = i, true
		}
	}
	if !found {
		return Observation{}, false
	}
	return x.figs[best], true
}

// ytd returns a flow's year-to-date value at the end of month m of year.
func (x figIndex) ytd(year, m int) (float64, bool) { return x.flowSpan(year, 1, m) }
