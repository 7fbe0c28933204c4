package storage

import (
	"strings"
	"testing"
)

// TestThresholdsSet changes only the boundaries named, refuses unknown
// names, non-numbers and orders that cannot rank the statuses, and leaves
// the thresholds untouched when it refuses.
func TestThresholdsSet(t *testing.T) {
	th := DefaultThresholds()
	if err := th.Set("flow_ahead=1.1, outlier_z=4"); err != nil {
		t.Fatal(err)
	}
	want := DefaultThresholds()
	want.FlowAhead, want.OutlierZ = 1.1, 4
	if th != want {
		t.Fatalf("after Set: %+v, want %+v", th, want)
	}
	// String lists every boundary, sorted, and Set reads it back.
	s := th.String()
	if !strings.HasPrefix(s, "children_sum_tolerance=0.02,flow_ahead=1.1,flow_behind=0.85,") || !strings.HasSuffix(s, ",outlier_z=4") {
		t.Errorf("String = %q", s)
	}
	back := DefaultThresholds()
	if err := back.Set(s); err != nil || back != th {
		t.Errorf("Set(String()) = %+v, %v; want %+v", back, err, th)
	}
	for _, bad := range []struct{ in, says string }{
		{"flow_ahaed=1.1", "flow_ahead, flow_behind"}, // names the known ones
		{"flow_ahead", "name=value"},
		{"outlier_z=four", `"four" is not a number`},
		{"outlier_z=NaN", "not a number"},
		{"flow_on_track=1.2", "flow_ahead > flow_on_track"}, // 1.1 is not above 1.2
		{"growth_ahead_margin=0", "must be positive"},       // 0 would silently mean the default
		{"level_behind_share=1", "below 1"},
		{"flow_ahead=2,outlier_z=-1", "outlier_z must be positive"},
	} {
		before := th
		err := th.Set(bad.in)
		if err == nil || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("Set(%q) = %v, want an error saying %q", bad.in, err, bad.says)
		}
		if th != before {
			t.Errorf("Set(%q) changed the thresholds to %+v", bad.in, th)
		}
	}
	if err := DefaultThresholds().Validate(); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}
}
