package storage

import "math"

// judgeTerm is an item's standing against a term plan (SPEC §2 pace, term
// plan). Growth bands are those of a growth plan: for average_growth on
// the average yearly growth in percent; for end_level and cumulative on
// how far, in percent, the figure lies from the straight path to the
// target.
func judgeTerm(ind Indicator, x figIndex, p Period, plan Plan, it Item, th Thresholds) PlanProgress {
	v := storedView(plan)
	pp := PlanProgress{Authority: plan.Authority.OrDefault(), Version: plan.Version, Basis: plan.Basis, Term: plan.Term,
		PlanSource: PlanStored, Pace: PaceUnknown, RemainingYears: plan.Term.Last - p.Year}
	if v.isRange {
		pp.TargetLow, pp.TargetHigh = ptr(v.low), ptr(v.high)
	} else {
		pp.Target = ptr(v.mid)
	}
	switch plan.Basis {
	case BasisAverageGrowth:
		averageGrowth(&pp, ind, x, p, plan.Term, v, it, th)
	case BasisEndLevel:
		endLevel(&pp, ind, x, p, plan.Term, v, it, th)
	case BasisCumulative:
		cumulative(&pp, ind, x, p, plan.Term, v, it, th)
	}
	return pp
}

// averageGrowth compounds the yearly growth of each year of the term up to
// p's (the reported real growth for real indicators; p's own growth for its
// year): achieved = (Π(1+g))^(1/n) − 1; needed = ((1+target)^N ÷ Π(1+g))^(1/r)
// − 1 over the r years left of the term's N.
func averageGrowth(pp *PlanProgress, ind Indicator, x figIndex, p Period, t Term, v planView, it Item, th Thresholds) {
	prod, n := 1.0, 0
	for y := t.First; y <= p.Year; y++ {
		g := it.YoY
		if y != p.Year {
			g = yoyAt(x, ind, Period{Year: y, First: 1, Last: 12})
		}
		if g == nil {
			return
		}
		prod *= 1 + *g
		n++
	}
	if n == 0 || prod <= 0 {
		return
	}
	achieved := math.Pow(prod, 1/float64(n)) - 1
	pp.Achieved = ptr(achieved)
	if r := t.Last - p.Year; r > 0 {
		need := math.Pow(math.Pow(1+v.mid/100, float64(t.Years()))/prod, 1/float64(r)) - 1
		pp.Needed = ptr(need)
	}
	pp.Pace = growthPace(ind.Direction, achieved*100, v.low, v.high, th)
}

// elapsedYears is how many years of the term have passed at p's end.
func elapsedYears(t Term, p Period) float64 { return float64(p.Year-t.First) + float64(p.Last)/12 }

// endLevel compares the value with the straight path from the year before
// the term (its December level, or its full-year value for flows) to the
// target at the term's end. For flows only full years count: the latest
// full year at p. Completion is value ÷ target; achieved is the average
// yearly change so far, needed the average yearly change still to go.
func endLevel(pp *PlanProgress, ind Indicator, x figIndex, p Period, t Term, v planView, it Item, th Thresholds) {
	base, ok := x.value(ind.Kind, Period{Year: t.First - 1, First: 12, Last: 12})
	at := p
	cur := it.Value
	if ind.Kind == KindFlow {
		base, ok = x.ytd(t.First-1, 12)
		at = Period{Year: p.Year, First: 1, Last: 12}
		if p.Last != 12 {
			at.Year--
		}
		cur = nil
		if c, found := x.ytd(at.Year, 12); found && at.Year >= t.First {
			cur = ptr(c)
		}
	}
	if !ok || cur == nil {
		return
	}
	if v.mid != 0 {
		pp.Completion = ptr(*cur / v.mid)
	}
	e := elapsedYears(t, at)
	n := float64(t.Years())
	pathLow, pathHigh := base+(v.low-base)*e/n, base+(v.high-base)*e/n
	pp.Pace = pathPace(ind.Direction, *cur, pathLow, pathHigh, th)
	if base > 0 && *cur > 0 && e > 0 {
		pp.Achieved = ptr(math.Pow(*cur/base, 1/e) - 1)
	}
	if left := n - e; left > 0 && *cur > 0 && v.mid > 0 {
		pp.Needed = ptr(math.Pow(v.mid / *cur, 1/left) - 1)
	}
}

// cumulative compares the sum to date — the full years of the term before
// p's and p's year-to-date — with the elapsed share of the term's total.
// Completion and achieved are the share of the total reached; needed the
// share still to reach.
func cumulative(pp *PlanProgress, ind Indicator, x figIndex, p Period, t Term, v planView, it Item, th Thresholds) {
	if ind.Kind != KindFlow || it.YTD == nil {
		return
	}
	sum, dec := *it.YTD, decimalsOf(*it.YTD)
	for y := t.First; y < p.Year; y++ {
		full, ok := x.ytd(y, 12)
		if !ok {
			return
		}
		sum, dec = sum+full, max(dec, decimalsOf(full))
	}
	sum = roundTo(sum, dec)
	share := elapsedYears(t, p) / float64(t.Years())
	pp.Pace = pathPace(ind.Direction, sum, v.low*share, v.high*share, th)
	if v.mid != 0 {
		pp.Completion, pp.Achieved = ptr(sum/v.mid), ptr(sum/v.mid)
		pp.Needed = ptr((v.mid - sum) / v.mid)
	}
}

// pathPace grades a figure against where a straight path to the target
// range puts it now, with a growth plan's bands on the distance in percent
// of the path's low end.
func pathPace(dir Direction, v, pathLow, pathHigh float64, th Thresholds) Pace {
	if pathLow == 0 {
		return PaceUnknown
	}
	g := 100 * (v - pathLow) / abs(pathLow)
	high := 100 * (pathHigh - pathLow) / abs(pathLow)
	return growthPace(dir, g, 0, high, th)
}
