package storage

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// thresholdFields names each of t's boundaries as `serve --thresholds`
// spells them.
func (t *Thresholds) thresholdFields() map[string]*float64 {
	return map[string]*float64{
		"flow_ahead":             &t.FlowAhead,
		"flow_on_track":          &t.FlowOnTrack,
		"flow_behind":            &t.FlowBehind,
		"growth_ahead_margin":    &t.GrowthAheadMargin,
		"growth_behind_margin":   &t.GrowthBehindMargin,
		"level_behind_share":     &t.LevelBehindShare,
		"children_sum_tolerance": &t.ChildrenSumTolerance,
		"outlier_z":              &t.OutlierZ,
	}
}

// String lists every boundary as name=value pairs, sorted by name: the
// form Set reads.
func (t *Thresholds) String() string {
	if t == nil {
		return ""
	}
	var parts []string
	for name, v := range t.thresholdFields() {
		parts = append(parts, name+"="+strconv.FormatFloat(*v, 'f', -1, 64))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// Set changes the boundaries named in s, a comma-separated list of
// name=value pairs (e.g. "flow_ahead=1.1,outlier_z=4"), and keeps the
// others. An unknown name, a value that is not a finite number, or a result
// that Validate refuses leaves t unchanged and says why. With String, it
// makes *Thresholds a flag.Value.
func (t *Thresholds) Set(s string) error {
	next := *t
	fields := next.thresholdFields()
	for _, pair := range strings.Split(s, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(pair), "=")
		p, known := fields[strings.TrimSpace(name)]
		if !ok || !known {
			return fmt.Errorf("threshold %q: write name=value, with a name among %s", pair, t.names())
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("threshold %s: %q is not a number", name, value)
		}
		*p = v
	}
	if err := next.Validate(); err != nil {
		return err
	}
	*t = next
	return nil
}

func (t *Thresholds) names() string {
	var names []string
	for name := range t.thresholdFields() {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// Validate refuses boundaries that cannot order the pace statuses: the flow
// ratios must fall, ahead > on track > behind > 0, and every other boundary
// must be positive (level_behind_share below 1). Zero is refused rather than
// read as "none", since the derivation reads a zero boundary as its default.
func (t Thresholds) Validate() error {
	switch {
	case !(t.FlowAhead > t.FlowOnTrack && t.FlowOnTrack > t.FlowBehind && t.FlowBehind > 0):
		return fmt.Errorf("thresholds: need flow_ahead > flow_on_track > flow_behind > 0, have %g, %g, %g",
			t.FlowAhead, t.FlowOnTrack, t.FlowBehind)
	case !(t.GrowthAheadMargin > 0 && t.GrowthBehindMargin > 0):
		return fmt.Errorf("thresholds: growth_ahead_margin and growth_behind_margin must be positive, have %g and %g",
			t.GrowthAheadMargin, t.GrowthBehindMargin)
	case !(t.LevelBehindShare > 0 && t.LevelBehindShare < 1):
		return fmt.Errorf("thresholds: level_behind_share must be above 0 and below 1, have %g", t.LevelBehindShare)
	case !(t.ChildrenSumTolerance > 0):
		return fmt.Errorf("thresholds: children_sum_tolerance must be positive, have %g", t.ChildrenSumTolerance)
	case !(t.OutlierZ > 0):
		return fmt.Errorf("thresholds: outlier_z must be positive, have %g", t.OutlierZ)
	}
	return nil
}
