package storage

// eps absorbs floating-point noise at the pace boundaries, so that a
// completion exactly at a threshold lands on the threshold's side.
const eps = 1e-9

// derivePace judges an item against one yearly plan (SPEC §2 pace); pp
// holds the completion, expected and change already derived for it.
func derivePace(ind Indicator, v planView, it Item, pp PlanProgress, th Thresholds) Pace {
	base := it.Value
	if ind.Kind == KindFlow {
		base = it.YTD
	}
	switch {
	case v.basis.IsChange() && v.reference == ReferencePreviousDecember:
		return decemberPace(ind.Direction, v, pp.Change, it.Period, th)
	case v.basis == BasisPoints:
		if it.YoYPoints == nil {
			return PaceUnknown
		}
		pt := th
		pt.GrowthAheadMargin, pt.GrowthBehindMargin = th.PointsAheadMargin, th.PointsBehindMargin
		return growthPace(ind.Direction, *it.YoYPoints, v.low, v.high, pt)
	case v.basis == BasisGrowth:
		if it.YoY == nil {
			return PaceUnknown
		}
		return growthPace(ind.Direction, *it.YoY*100, v.low, v.high, th)
	case v.mid == 0 && ind.Direction == DirectionDown:
		return zeroCapPace(base)
	case v.isDeficit(ind):
		return deficitPace(ind, v, base, pp.Expected, th)
	case ind.Kind == KindFlow:
		if ind.PaceProfile == PaceNone || pp.Completion == nil || pp.Expected == nil || *pp.Expected <= 0 {
			return PaceUnknown
		}
		return flowPace(ind.Direction, *pp.Completion / *pp.Expected, th)
	default:
		if it.Value == nil {
			return PaceUnknown
		}
		return levelPace(ind.Direction, *it.Value, v.low, v.high, th)
	}
}

// zeroCapPace judges a cap of 0 on a down indicator ("không để xảy ra"):
// on track while the value is 0, else at risk.
func zeroCapPace(base *float64) Pace {
	switch {
	case base == nil:
		return PaceUnknown
	case *base == 0:
		return PaceOnTrack
	}
	return PaceAtRisk
}

// deficitPace judges a flow against a value plan below 0 (a deficit):
// d = (ytd − plan × expected) ÷ |plan|; up: ahead ≥ FlowAhead − 1,
// on_track ≥ FlowOnTrack − 1, behind ≥ FlowBehind − 1 (0.05, −0.05,
// −0.15), else at_risk; down mirrors it.
func deficitPace(ind Indicator, v planView, ytd, expected *float64, th Thresholds) Pace {
	if ytd == nil || expected == nil || v.mid == 0 || ind.PaceProfile == PaceNone {
		return PaceUnknown
	}
	d := (*ytd - v.mid**expected) / abs(v.mid)
	return flowPace(ind.Direction, 1+d, th)
}

// decemberPace judges a growth or points plan measured against last
// December: the change since then against target × months elapsed ÷ 12,
// graded as a flow with a value plan (r = change ÷ expected change); a
// negative target mirrors the direction.
func decemberPace(dir Direction, v planView, change *float64, p Period, th Thresholds) Pace {
	if change == nil {
		return PaceUnknown
	}
	c := *change
	if v.basis == BasisGrowth {
		c *= 100
	}
	expected := v.mid * float64(p.Last) / 12
	if expected == 0 {
		return PaceUnknown
	}
	if v.mid < 0 {
		dir = mirror(dir)
	}
	return flowPace(dir, c/expected, th)
}

func mirror(d Direction) Direction {
	if d == DirectionDown {
		return DirectionUp
	}
	return DirectionDown
}

// flowPace grades r = completion ÷ expected. Up: ahead ≥ FlowAhead, on_track
// ≥ FlowOnTrack, behind ≥ FlowBehind. Down (a cap): ahead ≤ 2−FlowAhead,
// on_track ≤ 2−FlowOnTrack, behind ≤ 2−FlowBehind. Else at_risk.
func flowPace(dir Direction, r float64, th Thresholds) Pace {
	if dir == DirectionDown {
		switch {
		case r <= 2-th.FlowAhead+eps:
			return PaceAhead
		case r <= 2-th.FlowOnTrack+eps:
			return PaceOnTrack
		case r <= 2-th.FlowBehind+eps:
			return PaceBehind
		}
		return PaceAtRisk
	}
	switch {
	case r >= th.FlowAhead-eps:
		return PaceAhead
	case r >= th.FlowOnTrack-eps:
		return PaceOnTrack
	case r >= th.FlowBehind-eps:
		return PaceBehind
	}
	return PaceAtRisk
}

// growthPace grades growth g (percent) against the target range [low, high].
// Up: ahead above high + GrowthAheadMargin, on_track from low, behind from
// low − GrowthBehindMargin. Down mirrors it: ahead below low − margin,
// on_track up to high, behind up to high + GrowthBehindMargin.
func growthPace(dir Direction, g, low, high float64, th Thresholds) Pace {
	if dir == DirectionDown {
		switch {
		case g < low-th.GrowthAheadMargin-eps:
			return PaceAhead
		case g <= high+eps:
			return PaceOnTrack
		case g <= high+th.GrowthBehindMargin+eps:
			return PaceBehind
		}
		return PaceAtRisk
	}
	switch {
	case g > high+th.GrowthAheadMargin+eps:
		return PaceAhead
	case g >= low-eps:
		return PaceOnTrack
	case g >= low-th.GrowthBehindMargin-eps:
		return PaceBehind
	}
	return PaceAtRisk
}

// levelPace grades a level against its plan. Up: on_track at or above the
// plan (its low end for a range), behind within LevelBehindShare below,
// else at_risk. Down mirrors it against the plan's high end.
func levelPace(dir Direction, v, low, high float64, th Thresholds) Pace {
	if dir == DirectionDown {
		switch {
		case v <= high+eps*abs(high):
			return PaceOnTrack
		case v <= high*(1+th.LevelBehindShare)+eps*abs(high):
			return PaceBehind
		}
		return PaceAtRisk
	}
	switch {
	case v >= low-eps*abs(low):
		return PaceOnTrack
	case v >= low*(1-th.LevelBehindShare)-eps*abs(low):
		return PaceBehind
	}
	return PaceAtRisk
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
