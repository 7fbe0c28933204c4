package storage

// eps absorbs floating-point noise at the pace boundaries, so that a
// completion exactly at a threshold lands on the threshold's side.
const eps = 1e-9

// derivePace judges an item against its plan (SPEC §2 pace).
func derivePace(ind Indicator, v planView, it Item, th Thresholds) Pace {
	switch {
	case v.basis == BasisGrowth:
		if it.YoY == nil {
			return PaceUnknown
		}
		return growthPace(ind.Direction, *it.YoY*100, v.low, v.high, th)
	case ind.Kind == KindFlow:
		if ind.PaceProfile == PaceNone || it.Completion == nil || it.Expected == nil || *it.Expected <= 0 {
			return PaceUnknown
		}
		return flowPace(ind.Direction, *it.Completion / *it.Expected, th)
	default:
		if it.Value == nil {
			return PaceUnknown
		}
		return levelPace(ind.Direction, *it.Value, v.low, v.high, th)
	}
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
