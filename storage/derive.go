package storage

// Derive computes every derived figure of SPEC §2 for one unit × indicator at
// one period — value, ytd, yoy (by growth basis, with yoy_nominal and
// yoy_points), every plan in force (one per authority, stored or implied,
// and the term plans covering the period) with its completion and pace,
// the primary plan's figures in the item's own fields (also against the
// original plan when the plan in force is an adjustment) — and every
// data-quality flag. It is a pure function of its inputs; zero fields of
// th take DefaultThresholds' values. Item.Flags and Item.Plans are never
// nil. Ratios carry at most 10 significant digits.
func Derive(f Facts, th Thresholds) Item {
	return deriveIndexed(f, newFigIndex(f.Figures), th)
}

// deriveIndexed is Derive with f.Figures already indexed, for callers that
// derive the same figures at several periods (a comparison's two).
func deriveIndexed(f Facts, x figIndex, th Thresholds) Item {
	th = th.orDefaults()
	ind := f.Indicator
	it := Item{
		Unit: f.Unit, Indicator: ind.Code, Measure: ind.Measure, Kind: ind.Kind,
		Direction: ind.Direction, Period: f.Period, Synthetic: f.Synthetic,
		Pace: PaceUnknown, Flags: []Flag{}, Plans: []PlanProgress{},
	}
	own, hasOwn := x.own(f.Period)
	if !hasOwn && ind.Kind == KindLevel {
		own, hasOwn = x.levelFigure(f.Period)
	}
	it.Reconstructed = reconstructedAt(f.Figures, f.Period)
	it.Synthetic = it.Synthetic || syntheticAt(f.Figures, f.Period)
	if hasOwn {
		it.ReportStatus, it.ReportedAt = own.ReportStatus, own.ReportedAt
		it.ReportedYoYPercent = own.ReportedYoYPercent
	}
	if v, ok := x.value(ind.Kind, f.Period); ok {
		it.Value = ptr(v)
	}
	if ind.Kind == KindFlow {
		if v, ok := x.ytd(f.Period.Year, f.Period.Last); ok {
			it.YTD = ptr(v)
		}
	}
	it.YoY, it.YoYNominal, it.YoYPoints = deriveYoYs(x, ind, f.Period, it.ReportedYoYPercent)

	ps := newPlanSet(f, x)
	it.PrimaryAuthority = ps.primary
	if hasOwn {
		it.ReportedPlanPercent = ps.percentOf(&own, ps.primary)
	}
	judgePlans(&it, f, x, ps, th)
	it.Flags = deriveFlags(f, x, ps, it, th)
	tidyItem(&it)
	return it
}

// judgePlans fills the item's plans: each authority's yearly plan in
// force, then the term plans; the primary yearly plan (else the primary
// authority's term plan) gives the item's own plan fields and pace.
func judgePlans(it *Item, f Facts, x figIndex, ps planSet, th Thresholds) {
	ind := f.Indicator
	base := it.Value
	if ind.Kind == KindFlow {
		base = it.YTD
	}
	primaryDone := false
	for _, a := range Authorities() {
		view, ok := ps.view(a)
		if !ok {
			continue
		}
		pp := judgeYearly(ind, x, f.Period, view, *it, base, th)
		pp.Authority, pp.Primary = a, a == ps.primary
		if view.source == PlanStored { // against the original too, where the plan in force is another version
			orig := Item{Kind: it.Kind}
			applyOriginal(&orig, ps.yearlyOf(a), f.AsOf, view, base)
			pp.OriginalTarget, pp.CompletionOriginal = orig.OriginalPlan, orig.CompletionOriginal
		}
		if pp.Primary {
			applyPlan(it, view, base)
			it.OriginalPlan, it.CompletionOriginal = pp.OriginalTarget, pp.CompletionOriginal
			it.Completion, it.Expected, it.Pace = pp.Completion, pp.Expected, pp.Pace
			primaryDone = true
		}
		it.Plans = append(it.Plans, pp)
	}
	for _, tp := range ps.terms {
		pp := judgeTerm(ind, x, f.Period, tp, *it, th)
		pp.Primary = !primaryDone && tp.Authority.OrDefault() == ps.primary
		if pp.Primary {
			it.Pace, primaryDone = pp.Pace, true
		}
		it.Plans = append(it.Plans, pp)
	}
}

// judgeYearly is an item's standing against one yearly plan view.
func judgeYearly(ind Indicator, x figIndex, p Period, v planView, it Item, base *float64, th Thresholds) PlanProgress {
	pp := PlanProgress{Version: v.version, Basis: v.basis, Reference: v.reference, Year: p.Year,
		PlanSource: v.source, Pace: PaceUnknown}
	if v.isRange {
		pp.TargetLow, pp.TargetHigh = ptr(v.low), ptr(v.high)
		if v.source == PlanImplied {
			pp.Target = ptr(v.mid)
		}
	} else {
		pp.Target = ptr(v.mid)
	}
	if base != nil && !v.isDeficit(ind) {
		if c, ok := v.completion(*base); ok {
			pp.Completion = ptr(c)
		}
	}
	if ind.Kind == KindFlow && v.basis == BasisValue {
		pp.Expected = deriveExpected(x, ind.PaceProfile, p)
	}
	if v.reference == ReferencePreviousDecember {
		pp.Change = changeSinceDecember(x, ind, p, v.basis)
	}
	pp.Pace = derivePace(ind, v, it, pp, th)
	return pp
}

// plansOfYear returns the yearly plans of year (term plans have Year 0).
func plansOfYear(plans []Plan, year int) []Plan {
	var out []Plan
	for _, p := range plans {
		if p.Year == year {
			out = append(out, p)
		}
	}
	return out
}

// plansOfAuthority returns the plans set by a (empty authority: council).
func plansOfAuthority(plans []Plan, a Authority) []Plan {
	var out []Plan
	for _, p := range plans {
		if p.Authority.OrDefault() == a {
			out = append(out, p)
		}
	}
	return out
}

func applyPlan(it *Item, v planView, base *float64) {
	it.PlanBasis, it.PlanSource, it.PlanVersion = v.basis, v.source, v.version
	it.Plan = ptr(v.mid)
	if v.isRange {
		it.PlanLow, it.PlanHigh = ptr(v.low), ptr(v.high)
	}
	if base != nil {
		if c, ok := v.completion(*base); ok {
			it.Completion = ptr(c)
		}
	}
}

// applyOriginal adds the original plan and the completion against it when the
// plan in force is another version.
func applyOriginal(it *Item, plans []Plan, asOf string, inForce planView, base *float64) {
	orig, ok := originalPlan(plans, asOf)
	if !ok || orig.Version == inForce.version {
		return
	}
	ov := storedView(orig)
	if ov.basis == BasisValue && it.Kind == KindFlow && ov.mid <= 0 {
		return // a deficit has no completion
	}
	it.OriginalPlan = ptr(ov.mid)
	if base != nil {
		if c, ok := ov.completion(*base); ok {
			it.CompletionOriginal = ptr(c)
		}
	}
}

// deriveExpected is where completion should be at the period's end: linear
// (last month ÷ 12), seasonal (last year's ytd at the same month ÷ last
// year's full year; linear when that is missing or not a share), none (nil).
func deriveExpected(x figIndex, prof PaceProfile, p Period) *float64 {
	linear := LinearShare(p.Last)
	switch prof {
	case PaceNone:
		return nil
	case PaceSeasonal:
		part, ok1 := x.ytd(p.Year-1, p.Last)
		full, ok2 := x.ytd(p.Year-1, 12)
		if ok1 && ok2 && full > 0 && part > 0 && part <= full {
			return ptr(part / full)
		}
	}
	return ptr(linear)
}

func ptr(v float64) *float64 { return &v }

// orDefaults replaces zero thresholds with DefaultThresholds' values.
func (th Thresholds) orDefaults() Thresholds {
	d := DefaultThresholds()
	fill := func(v *float64, def float64) {
		if *v == 0 {
			*v = def
		}
	}
	fill(&th.FlowAhead, d.FlowAhead)
	fill(&th.FlowOnTrack, d.FlowOnTrack)
	fill(&th.FlowBehind, d.FlowBehind)
	fill(&th.GrowthAheadMargin, d.GrowthAheadMargin)
	fill(&th.GrowthBehindMargin, d.GrowthBehindMargin)
	fill(&th.PointsAheadMargin, d.PointsAheadMargin)
	fill(&th.PointsBehindMargin, d.PointsBehindMargin)
	fill(&th.LevelBehindShare, d.LevelBehindShare)
	fill(&th.ChildrenSumTolerance, d.ChildrenSumTolerance)
	fill(&th.OutlierZ, d.OutlierZ)
	return th
}
