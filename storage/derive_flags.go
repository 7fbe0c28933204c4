package storage

import (
	"math"
	"sort"
)

// deriveFlags returns every data-quality finding for the item, never nil.
func deriveFlags(f Facts, x figIndex, ps planSet, it Item, th Thresholds) []Flag {
	flags := []Flag{}
	mk := func(code string, figs map[string]float64) Flag {
		return Flag{Code: code, Unit: f.Unit, Indicator: f.Indicator.Code, Period: f.Period, Figures: figs}
	}
	if own, ok := x.own(f.Period); ok || f.Indicator.Kind == KindLevel {
		if !ok {
			own, ok = x.levelFigure(f.Period)
		}
		for _, a := range Authorities() {
			if !ok {
				break
			}
			v, hasPlan := ps.checkView(a, own.ReportedAt)
			if fl, found := planPercentFlag(mk, v, hasPlan, it, ps.percentOf(&own, a)); found {
				fl.Authority = a
				flags = append(flags, fl)
			}
		}
	}
	checks := []func() (Flag, bool){
		func() (Flag, bool) { return partsFlag(mk, x, f, it) },
		func() (Flag, bool) { return missingPeriodFlag(mk, x, f, it) },
		func() (Flag, bool) { return childrenRangeFlag(mk, f, it) },
		func() (Flag, bool) { return ytdDecreaseFlag(mk, x, f, it) },
		func() (Flag, bool) { return yoyMismatchFlag(mk, x, f, it) },
		func() (Flag, bool) { return childrenSumFlag(mk, f, it, th) },
		func() (Flag, bool) { return outlierFlag(mk, x, f, it, th) },
	}
	for _, c := range checks {
		if fl, ok := c(); ok {
			flags = append(flags, fl)
		}
	}
	return flags
}

// flagMaker makes a flag of the item from its code and figures; the
// sentence that explains it is the message catalog's (collector/catalog).
type flagMaker func(code string, figs map[string]float64) Flag

// planPercentFlag: a percent reported against a plan, widened by its
// precision, does not overlap the completion that plan allows.
func planPercentFlag(mk flagMaker, v planView, hasPlan bool, it Item, pct *Percent) (Flag, bool) {
	base := it.Value
	if it.Kind == KindFlow {
		base = it.YTD
	}
	if !hasPlan || v.basis != BasisValue || pct == nil || base == nil || v.low <= 0 || v.high <= 0 {
		return Flag{}, false
	}
	hw := pct.HalfWidth()
	lo, hi := *base/v.high*100, *base/v.low*100 // completion range in percent
	if lo > hi {
		lo, hi = hi, lo
	}
	if pct.Value+hw >= lo-eps && pct.Value-hw <= hi+eps {
		return Flag{}, false
	}
	return mk(FlagPlanPercentMismatch, map[string]float64{
		"reported_plan_percent": pct.Value, "value": *base, "plan": v.mid,
		"computed_plan_percent": sig10(*base / v.mid * 100),
	}), true
}

// ytdDecreaseFlag: a flow's ytd is below the ytd of an earlier month of the
// same year (the nearest earlier month whose ytd is known). A balance that
// runs negative (a deficit) may fall, so a negative ytd is never flagged.
func ytdDecreaseFlag(mk flagMaker, x figIndex, f Facts, it Item) (Flag, bool) {
	if it.Kind != KindFlow || it.YTD == nil {
		return Flag{}, false
	}
	for m := f.Period.Last - 1; m >= 1; m-- {
		prev, ok := x.ytd(f.Period.Year, m)
		if !ok {
			continue
		}
		if *it.YTD >= prev || *it.YTD < 0 || prev < 0 {
			return Flag{}, false
		}
		return mk(FlagYTDDecrease, map[string]float64{
			"ytd": *it.YTD, "previous_ytd": prev, "previous_month": float64(m),
		}), true
	}
	return Flag{}, false
}

// yoyMismatchFlag: for nominal indicators, the reported growth disagrees with
// the stored previous-year value by more than its precision plus 0.5 points.
func yoyMismatchFlag(mk flagMaker, x figIndex, f Facts, it Item) (Flag, bool) {
	rep := it.ReportedYoYPercent
	if f.Indicator.GrowthBasis != GrowthNominal || rep == nil || it.Value == nil {
		return Flag{}, false
	}
	prev, ok := x.value(f.Indicator.Kind, f.Period.SameSpanIn(f.Period.Year-1))
	if !ok || prev == 0 {
		return Flag{}, false
	}
	computed := (*it.Value/prev - 1) * 100
	if math.Abs(computed-rep.Value) <= rep.HalfWidth()+0.5+eps {
		return Flag{}, false
	}
	return mk(FlagYoYMismatch, map[string]float64{
		"reported_yoy_percent": rep.Value, "value": *it.Value, "previous_value": prev,
		"computed_yoy_percent": computed,
	}), true
}

// childrenSumFlag: every child reported the period and the children's sum is
// more than ChildrenSumTolerance away from the parent's own figure (flows).
func childrenSumFlag(mk flagMaker, f Facts, it Item, th Thresholds) (Flag, bool) {
	if it.Kind != KindFlow || it.Value == nil || f.ChildCount == 0 || len(f.Children) < f.ChildCount {
		return Flag{}, false
	}
	codes := make([]string, 0, len(f.Children))
	for c := range f.Children {
		codes = append(codes, c)
	}
	sort.Strings(codes) // a fixed order keeps the floating-point sum reproducible
	vals := make([]float64, 0, len(codes))
	for _, c := range codes {
		v, ok := childSpan(f.Children[c], f.Period)
		if !ok {
			return Flag{}, false
		}
		vals = append(vals, v)
	}
	return childrenSumCheck(mk, it, vals, th)
}

// childrenSumCheck is childrenSumFlag given every child's value of the
// period, in the children's code order.
func childrenSumCheck(mk flagMaker, it Item, vals []float64, th Thresholds) (Flag, bool) {
	sum, n, dec := 0.0, 0, 0
	for _, v := range vals {
		sum += v
		n++
		dec = max(dec, decimalsOf(v))
	}
	sum = roundTo(sum, dec)
	parent := *it.Value
	if math.Abs(sum-parent) <= th.ChildrenSumTolerance*math.Abs(parent)+eps {
		return Flag{}, false
	}
	figs := map[string]float64{"value": parent, "children_sum": sum, "children": float64(n)}
	if parent != 0 {
		figs["difference_share"] = (sum - parent) / parent
	}
	return mk(FlagChildrenSumMismatch, figs), true
}

// childSpan is what newFigIndex(figs).flowSpan gives for p, without
// building the index when the child reported p itself (nearly always: a
// province's progress checks a hundred children for every flow).
func childSpan(figs []Observation, p Period) (float64, bool) {
	if p.First < 1 || p.Last > 12 || p.First > p.Last {
		return 0, false
	}
	best := -1
	for i := range figs {
		if o := &figs[i]; !o.Retracted && o.Period == p && (best < 0 || newerRevision(*o, figs[best])) {
			best = i
		}
	}
	if best >= 0 && figs[best].Value != nil {
		return *figs[best].Value, true
	}
	return newFigIndex(figs).flowSpan(p.Year, p.First, p.Last)
}
