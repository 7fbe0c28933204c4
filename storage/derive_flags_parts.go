package storage

import "math"

// partsFlag: a flow's period is reported and so are parts that make it up
// (Q1 + Q2 against H1, three months against their quarter), and the two
// disagree beyond the precision the values were written with (half a unit
// of each value's last decimal, summed). The parts are the fewest reported
// figures that tile the period.
func partsFlag(mk flagMaker, x figIndex, f Facts, it Item) (Flag, bool) {
	p := f.Period
	total, ok := x.reported(p)
	if f.Indicator.Kind != KindFlow || !ok {
		return Flag{}, false
	}
	parts, ok := x.tiling(p)
	if !ok {
		return Flag{}, false
	}
	sum, dec := 0.0, 0
	tol := halfUnit(decimalsOf(total))
	for _, s := range parts {
		sum += s.v
		dec = max(dec, s.dec)
		tol += halfUnit(s.dec)
	}
	sum = roundTo(sum, dec)
	if math.Abs(sum-total) <= tol+eps*math.Max(1, math.Abs(total)) {
		return Flag{}, false
	}
	return mk(FlagPartsMismatch, map[string]float64{
		"value": total, "parts_sum": sum, "parts": float64(len(parts)),
	}), true
}

func halfUnit(dec int) float64 { return 0.5 * math.Pow10(-dec) }

// tiling returns the fewest reported figures other than p's own that
// follow one another from p's first month to its last, if any.
func (x figIndex) tiling(p Period) ([]figSpan, bool) {
	list := x.byYear[p.Year]
	var prev [13]int // index into list of the figure reaching each boundary, +1
	var seen [13]bool
	from, to := p.First-1, p.Last
	seen[from] = true
	queue := []int{from}
	for len(queue) > 0 && !seen[to] {
		n := queue[0]
		queue = queue[1:]
		for i, s := range list {
			if s.first-1 != n || s.last > to || seen[s.last] || (s.first == p.First && s.last == p.Last) {
				continue
			}
			seen[s.last], prev[s.last] = true, i+1
			queue = append(queue, s.last)
		}
	}
	if !seen[to] {
		return nil, false
	}
	var out []figSpan
	for b := to; b != from; {
		s := list[prev[b]-1]
		out = append(out, s)
		b = s.first - 1
	}
	return out, len(out) >= 2
}

// missingPeriodFlag: a flow's year-to-date cannot be derived because
// months between an earlier reported period of the year and this one have
// no figure (Q1 and Q3 reported, Q2 missing).
func missingPeriodFlag(mk flagMaker, x figIndex, f Facts, it Item) (Flag, bool) {
	p := f.Period
	if f.Indicator.Kind != KindFlow || it.YTD != nil || it.Value == nil || p.First == 1 {
		return Flag{}, false
	}
	var covered [13]bool
	for _, s := range x.byYear[p.Year] {
		if s.last <= p.Last {
			for m := s.first; m <= s.last; m++ {
				covered[m] = true
			}
		}
	}
	first, last := 0, 0
	for m := 1; m < p.First; m++ {
		switch {
		case !covered[m] && first == 0:
			first, last = m, m
		case !covered[m] && last == m-1:
			last = m
		}
	}
	if first <= 1 { // nothing missing, or the gap opens the year: no reported period before it
		return Flag{}, false
	}
	return mk(FlagMissingPeriod, map[string]float64{
		"first_missing_month": float64(first), "last_missing_month": float64(last),
	}), true
}

// childrenRangeFlag: a level's value lies outside the range of its
// children's values for the same period, when every child reported one
// (beyond half a unit of the value's last written decimal).
func childrenRangeFlag(mk flagMaker, f Facts, it Item) (Flag, bool) {
	if it.Kind != KindLevel || it.Value == nil || f.ChildCount == 0 || len(f.Children) < f.ChildCount {
		return Flag{}, false
	}
	vals := make([]float64, 0, len(f.Children))
	for _, figs := range f.Children {
		v, ok := newFigIndex(figs).value(KindLevel, f.Period)
		if !ok {
			return Flag{}, false
		}
		vals = append(vals, v)
	}
	return childrenRangeCheck(mk, it, vals)
}

// childrenRangeCheck is childrenRangeFlag given every child's value of
// the period.
func childrenRangeCheck(mk flagMaker, it Item, vals []float64) (Flag, bool) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	v, tol := *it.Value, halfUnit(decimalsOf(*it.Value))
	if v >= lo-tol-eps && v <= hi+tol+eps {
		return Flag{}, false
	}
	return mk(FlagChildrenRange, map[string]float64{
		"value": v, "children_min": lo, "children_max": hi, "children": float64(len(vals)),
	}), true
}
