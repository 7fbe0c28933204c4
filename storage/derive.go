package storage

// Derive computes every derived figure of SPEC §2 for one unit × indicator at
// one period — value, ytd, plan (stored or implied), completion (also against
// the original plan when the plan in force is an adjustment), expected, pace,
// yoy — and every data-quality flag. It is a pure function of its inputs;
// zero fields of th take DefaultThresholds' values. Item.Flags is never nil.
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
		Pace: PaceUnknown, Flags: []Flag{},
	}
	own, ok := x.own(f.Period)
	if !ok && ind.Kind == KindLevel {
		own, ok = x.levelFigure(f.Period)
	}
	if ok {
		it.ReportStatus, it.ReportedAt = own.ReportStatus, own.ReportedAt
		it.ReportedPlanPercent, it.ReportedYoYPercent = own.ReportedPlanPercent, own.ReportedYoYPercent
	}
	if v, ok := x.value(ind.Kind, f.Period); ok {
		it.Value = ptr(v)
	}
	if ind.Kind == KindFlow {
		if v, ok := x.ytd(f.Period.Year, f.Period.Last); ok {
			it.YTD = ptr(v)
		}
	}
	it.YoY = deriveYoY(x, ind.Kind, f.Period, it.ReportedYoYPercent)

	yearly := plansOfYear(f.Plans, f.Period.Year)
	primary := ind.Primary(func(a Authority) bool { return hasAuthority(yearly, a) })
	plans := plansOfAuthority(yearly, primary)
	view, ok := choosePlan(x, ind, f.Period.Year, plans, f.AsOf)
	base := it.Value
	if ind.Kind == KindFlow {
		base = it.YTD
	}
	if ok {
		applyPlan(&it, view, base)
		if view.source == PlanStored {
			applyOriginal(&it, plans, f.AsOf, view, base)
		}
		if ind.Kind == KindFlow && view.basis == BasisValue {
			it.Expected = deriveExpected(x, ind.PaceProfile, f.Period)
		}
		it.Pace = derivePace(ind, view, it, th)
	}
	check, checkOK := percentCheckPlan(plans, f.AsOf, it.ReportedAt, view, ok)
	it.Flags = deriveFlags(f, x, check, checkOK, it, th)
	return it
}

// choosePlan returns the stored plan in force or, without one, the implied plan.
func choosePlan(x figIndex, ind Indicator, year int, plans []Plan, asOf string) (planView, bool) {
	if p, ok := PlanInForce(plans, asOf); ok {
		return storedView(p), true
	}
	return impliedView(x, ind, year)
}

// percentCheckPlan is the plan a reported percent of plan is checked
// against: for a stored plan, the one in force on the day the figure was
// reported (an adjustment adopted later cannot make an earlier report
// wrong; none if every plan came later); otherwise the item's own plan.
func percentCheckPlan(plans []Plan, asOf, reportedAt string, view planView, ok bool) (planView, bool) {
	if !ok || view.source != PlanStored {
		return view, ok
	}
	at := asOf
	if reportedAt != "" && (at == "" || reportedAt < at) {
		at = reportedAt
	}
	if p, found := PlanInForce(plans, at); found {
		return storedView(p), true
	}
	return planView{}, false
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

func hasAuthority(plans []Plan, a Authority) bool {
	for _, p := range plans {
		if p.Authority.OrDefault() == a {
			return true
		}
	}
	return false
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
	it.OriginalPlan = ptr(ov.mid)
	if base != nil {
		if c, ok := ov.completion(*base); ok {
			it.CompletionOriginal = ptr(c)
		}
	}
}

// deriveYoY is value ÷ same span last year − 1 when both are present, else
// the reported percent ÷ 100, else nil.
func deriveYoY(x figIndex, k Kind, p Period, reported *Percent) *float64 {
	cur, ok1 := x.value(k, p)
	prev, ok2 := x.value(k, p.SameSpanIn(p.Year-1))
	if ok1 && ok2 && prev != 0 {
		return ptr(cur/prev - 1)
	}
	if reported != nil {
		return ptr(reported.Ratio())
	}
	return nil
}

// deriveExpected is where completion should be at the period's end: linear
// (last month ÷ 12), seasonal (last year's ytd at the same month ÷ last
// year's full year; linear when that is missing or not a share), none (nil).
func deriveExpected(x figIndex, prof PaceProfile, p Period) *float64 {
	linear := float64(p.Last) / 12
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
	fill(&th.LevelBehindShare, d.LevelBehindShare)
	fill(&th.ChildrenSumTolerance, d.ChildrenSumTolerance)
	fill(&th.OutlierZ, d.OutlierZ)
	return th
}
