package storage

// deriveYoYs returns the year-on-year growth of period p by the
// indicator's growth basis (SPEC §2 yoy), the current-price ratio of a real
// indicator, and a rate's change in points:
//   - nominal: value ÷ value of the same span last year − 1 (both present),
//     else the reported percent ÷ 100;
//   - real: the reported percent ÷ 100 only; the value ratio, where
//     computable, is yoyNominal and drives nothing;
//   - index: same_period_last_year: value ÷ 100 − 1; base_year: value ÷
//     value of the same span last year − 1; otherwise (and when those
//     cannot be computed) the reported percent ÷ 100;
//   - rates (measure percent): points = value − value of the same span last
//     year, with the decimals of the inputs.
func deriveYoYs(x figIndex, ind Indicator, p Period, reported *Percent) (yoy, yoyNominal, points *float64) {
	cur, ok1 := x.value(ind.Kind, p)
	prev, ok2 := x.value(ind.Kind, p.SameSpanIn(p.Year-1))
	var ratio *float64
	if ok1 && ok2 && prev != 0 {
		ratio = ptr(cur/prev - 1)
	}
	var rep *float64
	if reported != nil {
		rep = ptr(reported.Ratio())
	}
	switch ind.GrowthBasis {
	case GrowthReal:
		yoy, yoyNominal = rep, ratio
	case GrowthIndex:
		_, baseYear := IndexBaseYear(ind.IndexBase)
		switch {
		case ind.IndexBase == IndexSamePeriodLastYear && ok1:
			yoy = ptr(cur/100 - 1)
		case baseYear && ratio != nil:
			yoy = ratio
		default:
			yoy = rep
		}
	default:
		yoy = ratio
		if yoy == nil {
			yoy = rep
		}
	}
	if ind.Measure == "percent" && ok1 && ok2 {
		points = ptr(roundTo(cur-prev, max(decimalsOf(cur), decimalsOf(prev))))
	}
	return yoy, yoyNominal, points
}

// yoyAt is the yoy of period p as deriveYoYs gives it, with the reported
// percent of p's own figure (for levels, the figure telling p's end).
func yoyAt(x figIndex, ind Indicator, p Period) *float64 {
	o, ok := x.own(p)
	if !ok && ind.Kind == KindLevel {
		o, ok = x.levelFigure(p)
	}
	var rep *Percent
	if ok {
		rep = o.ReportedYoYPercent
	}
	yoy, _, _ := deriveYoYs(x, ind, p, rep)
	return yoy
}

// changeSinceDecember is a level's change from last December to p's end: a
// ratio for growth plans (value ÷ December's value − 1, or for an index
// based on the previous December, value ÷ 100 − 1), a difference in points
// for points plans. Flows have none (their year-to-date already starts in
// January).
func changeSinceDecember(x figIndex, ind Indicator, p Period, basis PlanBasis) *float64 {
	if ind.Kind != KindLevel {
		return nil
	}
	cur, ok := x.value(KindLevel, p)
	if !ok {
		return nil
	}
	if basis == BasisGrowth && ind.GrowthBasis == GrowthIndex && ind.IndexBase == IndexPreviousDecember {
		return ptr(cur/100 - 1)
	}
	dec, ok := x.value(KindLevel, Period{Year: p.Year - 1, First: 12, Last: 12})
	if !ok {
		return nil
	}
	if basis == BasisPoints {
		return ptr(roundTo(cur-dec, max(decimalsOf(cur), decimalsOf(dec))))
	}
	if dec == 0 {
		return nil
	}
	return ptr(cur/dec - 1)
}
