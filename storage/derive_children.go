package storage

// A unit's item depends on its children only through two flags: a flow's
// children_sum_mismatch and a level's children_range. deriveOwn and
// withChildValues split Derive along that line, so that a parent's items
// can be kept while only its children report (storage keeps the own part
// per unit and period, and the children's values per child): given the
// children's values of f.Children (childValue), withChildValues(deriveOwn(f),
// f, values) equals Derive(f) — the same fields, the same flags in the same
// order with the same figures (TestProgressSplitMatchesWholeDerive).

// deriveOwn is Derive without the checks against the children: f.Children
// and f.ChildCount are not read.
func deriveOwn(f Facts, th Thresholds) Item {
	f.Children, f.ChildCount = nil, 0
	return Derive(f, th)
}

// withChildValues returns own (from deriveOwn) with the checks against
// the children added where Derive places them (see flagOrder), given every
// child's value of f.Period (vals, in the children's code order: a flow's
// span, a level's value; empty when a child in force has none, and then
// neither check applies). f.Children is not read; own is not modified.
func withChildValues(own Item, f Facts, vals []float64, th Thresholds) Item {
	if own.Value == nil || len(vals) == 0 {
		return own
	}
	mk := unitFlagMaker(f)
	var fl Flag
	found := false
	switch own.Kind {
	case KindLevel:
		fl, found = childrenRangeCheck(mk, own, vals)
	case KindFlow:
		fl, found = childrenSumCheck(mk, own, vals, th.orDefaults())
	}
	if !found {
		return own
	}
	return withFlags(own, []Flag{fl})
}

func unitFlagMaker(f Facts) flagMaker {
	return func(code string, figs map[string]float64) Flag {
		return Flag{Code: code, Unit: f.Unit, Indicator: f.Indicator.Code, Period: f.Period, Figures: figs}
	}
}

// withFlags returns own with found (in flagOrder) placed among its flags
// where deriveFlags lists them; own's Flags are not modified.
func withFlags(own Item, found []Flag) Item {
	if len(found) == 0 {
		return own
	}
	flags := make([]Flag, 0, len(own.Flags)+len(found))
	for _, fl := range own.Flags {
		for len(found) > 0 && flagRank(found[0].Code) < flagRank(fl.Code) {
			flags, found = append(flags, tidyFlag(found[0])), found[1:]
		}
		flags = append(flags, fl)
	}
	for _, fl := range found {
		flags = append(flags, tidyFlag(fl))
	}
	own.Flags = flags
	return own
}

// flagOrder is the order in which deriveFlags lists an item's flags (a
// plan-percent mismatch once per authority, in Authorities' order).
// withChildValues places the children's checks by it; the split tests
// compare it with Derive on whole databases.
func flagOrder() []string {
	return []string{FlagPlanPercentMismatch, FlagPartsMismatch, FlagMissingPeriod, FlagChildrenRange,
		FlagYTDDecrease, FlagYoYMismatch, FlagChildrenSumMismatch, FlagOutlier}
}

// flagRank is code's place in flagOrder (past its end for an unknown code).
func flagRank(code string) int {
	order := flagOrder()
	for i, c := range order {
		if c == code {
			return i
		}
	}
	return len(order)
}

// tidyFlag rounds a flag's ratios as tidyItem does.
func tidyFlag(fl Flag) Flag {
	for k, v := range fl.Figures {
		if !givenFigures[k] {
			fl.Figures[k] = sig10(v)
		}
	}
	return fl
}
