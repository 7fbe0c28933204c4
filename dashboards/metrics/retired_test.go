package metrics

import (
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestRetiredUnitLeavesTheExposition: in the demo, Cần Thơ, Sóc Trăng and
// Hậu Giang ended on 2025-06-30; the new Cần Thơ (can-tho-2025) is in
// force. Only the latter is exposed; the old units' history stays in the
// OpenMetrics export.
func TestRetiredUnitLeavesTheExposition(t *testing.T) {
	db, _ := fullDemoDB(t)
	h := NewHandler(db, fixedRegistry(), 1, nil)
	body := get(t, h, "GET", nil).Body.String()
	for _, gone := range []string{`unit="can-tho"`, `unit="soc-trang"`, `unit="hau-giang"`} {
		if strings.Contains(body, gone) {
			t.Errorf("the exposition still has %s", gone)
		}
	}
	if !strings.Contains(body, `unit="can-tho-2025"`) {
		t.Error("the exposition lacks the new Cần Thơ")
	}
	if om := exportOM(t, db, storage.ObservationFilter{Unit: "can-tho"}); !strings.Contains(string(om), `unit="can-tho"`) {
		t.Error("the OpenMetrics export lost the retired Cần Thơ's history")
	}
}
