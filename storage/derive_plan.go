package storage

import "math"

// planView is the plan an item is judged against, stored or implied.
type planView struct {
	basis     PlanBasis
	mid       float64 // single target, or the midpoint of a range
	low, high float64
	isRange   bool
	source    PlanSource
	version   string
	reference string // growth and points plans: "" or previous_december
	// implied plans: the base (ytd or value) and percent they came from
	impliedBase float64
	impliedPct  float64
}

// PlanInForce returns, of plans (one unit × indicator × year), the newest
// version adopted on or before asOf ("" means no limit), and whether there is
// one. Between versions adopted the same day, a non-original version wins,
// then the later one in plans.
func PlanInForce(plans []Plan, asOf string) (Plan, bool) {
	var best Plan
	found := false
	for _, p := range plans {
		if asOf != "" && p.AdoptedOn > asOf {
			continue
		}
		if _, _, ok := p.Bounds(); !ok {
			continue
		}
		if !found || p.AdoptedOn > best.AdoptedOn ||
			(p.AdoptedOn == best.AdoptedOn && (best.Version == "original" || p.Version != "original")) {
			best, found = p, true
		}
	}
	return best, found
}

// originalPlan returns the version named "original" in force by asOf or, when
// none is so named, the earliest adopted version.
func originalPlan(plans []Plan, asOf string) (Plan, bool) {
	var named []Plan
	for _, p := range plans {
		if p.Version == "original" {
			named = append(named, p)
		}
	}
	if len(named) > 0 {
		return PlanInForce(named, asOf)
	}
	var first Plan
	found := false
	for _, p := range plans {
		if _, _, ok := p.Bounds(); !ok || (asOf != "" && p.AdoptedOn > asOf) {
			continue
		}
		if !found || p.AdoptedOn < first.AdoptedOn {
			first, found = p, true
		}
	}
	return first, found
}

func storedView(p Plan) planView {
	low, high, _ := p.Bounds()
	basis := p.Basis
	if basis == "" {
		basis = BasisValue
	}
	mid := low
	if low != high {
		mid = roundTo((low+high)/2, max(decimalsOf(low), decimalsOf(high))+1)
	}
	ref := p.Reference
	if ref == ReferenceSamePeriodLastYear {
		ref = ""
	}
	return planView{basis: basis, mid: mid, low: low, high: high,
		isRange: p.Target == nil, source: PlanStored, version: p.Version, reference: ref}
}

// isDeficit reports whether v is a value plan ≤ 0 on a flow (a deficit or
// a zero cap), against which completion means nothing.
func (v planView) isDeficit(ind Indicator) bool {
	return v.basis == BasisValue && ind.Kind == KindFlow && v.mid <= 0
}

// impliedView derives a value plan from the newest figure of the year that
// reported a percent of plan (pctOf gives a figure's percent against the
// plan in question, nil if none): base ÷ percent × 100, with the interval
// the percent's written precision allows.
func impliedView(x figIndex, ind Indicator, year int, pctOf func(*Observation) *Percent) (planView, bool) {
	var src Observation
	var srcPct Percent
	var base float64
	found := false
	for _, i := range x.byPeriod {
		o, p := &x.figs[i], x.figs[i].Period
		if p.Year != year {
			continue
		}
		op := pctOf(o)
		if op == nil {
			continue
		}
		pct := *op
		if pct.Value-pct.HalfWidth() <= 0 {
			continue
		}
		b, ok := planBase(x, ind.Kind, p)
		if !ok {
			continue
		}
		if !found || newerFigure(*o, src) {
			src, srcPct, base, found = *o, pct, b, true
		}
	}
	if !found {
		return planView{}, false
	}
	pct := srcPct
	hw := pct.HalfWidth()
	return planView{
		basis:       BasisValue,
		mid:         roundPlan(base / pct.Value * 100),
		low:         roundPlan(base / (pct.Value + hw) * 100),
		high:        roundPlan(base / (pct.Value - hw) * 100),
		isRange:     true,
		source:      PlanImplied,
		impliedBase: base,
		impliedPct:  pct.Ratio(),
	}, true
}

// newerFigure orders figures for "newest": later end month, then longer
// span, then later revision.
func newerFigure(a, b Observation) bool {
	if a.Period.EndMonth() != b.Period.EndMonth() {
		return a.Period.EndMonth() > b.Period.EndMonth()
	}
	if a.Period.Months() != b.Period.Months() {
		return a.Period.Months() > b.Period.Months()
	}
	return newerRevision(a, b)
}

// planBase is what a percent of plan is measured on: the ytd at the period's
// end for flows, the period's value for levels.
func planBase(x figIndex, k Kind, p Period) (float64, bool) {
	if k == KindFlow {
		return x.ytd(p.Year, p.Last)
	}
	return x.reported(p)
}

// roundPlan rounds an implied plan to one decimal, keeping at least five
// significant digits for small values: the figure a report's reader would
// write down (117,569.8).
func roundPlan(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	dec := 4 - int(math.Floor(math.Log10(math.Abs(v))))
	if dec < 1 {
		dec = 1
	}
	s := math.Pow10(dec)
	return math.Round(v*s) / s
}

// completion is base ÷ plan as a ratio, for value plans only. For an implied
// plan it is computed from the percent itself so that the figure the plan
// came from completes exactly its reported percent.
func (v planView) completion(base float64) (float64, bool) {
	if v.basis != BasisValue {
		return 0, false
	}
	if v.source == PlanImplied {
		if base == v.impliedBase {
			return v.impliedPct, true
		}
		return base / v.impliedBase * v.impliedPct, true
	}
	if v.mid == 0 {
		return 0, false
	}
	return base / v.mid, true
}
