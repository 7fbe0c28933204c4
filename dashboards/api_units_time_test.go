package dashboards

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestUnitsAPIOverTime: a merger posted as a batch; GET /api/v1/units lists
// every unit with valid_from, valid_to and predecessors, ?current=true only
// today's; a compare across the date marks the reconstructed side, and the
// series marks the reconstructed point. Figures: 2024-H2 revenue of
// can-tho 100 and hau-giang 30, so the merged unit's 2024-H2 is 130; its
// 2025-H2 is 143, a ratio of 1.1.
func TestUnitsAPIOverTime(t *testing.T) {
	f := newFixture(t, nil)
	batch := `{"units":[{"code":"can-tho","valid_to":"2025-06-30"},
		{"code":"hau-giang","name_vi":"Tỉnh Hậu Giang","valid_to":"2025-06-30"},
		{"code":"can-tho-2025","name_vi":"Thành phố Cần Thơ","valid_from":"2025-07-01",
		 "predecessors":[{"unit":"can-tho","date":"2025-07-01"},{"unit":"hau-giang","date":"2025-07-01"}]}],
	 "observations":[
		{"unit":"can-tho","indicator":"budget_revenue","period":"2024-H2","value":100,"report_status":"official","reported_at":"2025-01-10","source":"t"},
		{"unit":"hau-giang","indicator":"budget_revenue","period":"2024-H2","value":30,"report_status":"official","reported_at":"2025-01-10","source":"t"},
		{"unit":"can-tho-2025","indicator":"budget_revenue","period":"2025-H2","value":143,"report_status":"official","reported_at":"2026-01-10","source":"t"}]}`
	resp, b := f.do("POST", "/api/v1/observations", bytes.NewReader([]byte(batch)),
		"Authorization", "Bearer "+f.admin, "Content-Type", "application/json")
	f.expect(resp, b, http.StatusOK, nil)

	var all struct{ Units []map[string]json.RawMessage }
	f.get("/api/v1/units", http.StatusOK, &all)
	byCode := map[string]map[string]json.RawMessage{}
	for _, u := range all.Units {
		var code string
		json.Unmarshal(u["code"], &code)
		byCode[code] = u
		for _, k := range []string{"valid_from", "valid_to", "predecessors"} {
			if _, ok := u[k]; !ok {
				t.Errorf("unit %s lacks %s", code, k)
			}
		}
	}
	if string(byCode["can-tho"]["valid_to"]) != `"2025-06-30"` || string(byCode["can-tho-2025"]["valid_from"]) != `"2025-07-01"` ||
		!strings.Contains(string(byCode["can-tho-2025"]["predecessors"]), `{"unit":"can-tho","date":"2025-07-01"}`) {
		t.Errorf("units = %s / %s", byCode["can-tho"]["valid_to"], byCode["can-tho-2025"]["predecessors"])
	}
	var current struct{ Units []struct{ Code string } }
	f.get("/api/v1/units?current=true", http.StatusOK, &current)
	for _, u := range current.Units {
		if u.Code == "can-tho" || u.Code == "hau-giang" {
			t.Errorf("?current=true lists retired %s", u.Code)
		}
	}
	if len(current.Units) != len(all.Units)-2 {
		t.Errorf("%d current of %d units, want all but two", len(current.Units), len(all.Units))
	}
	var cmp struct {
		Rows []map[string]any `json:"rows"`
	}
	f.get("/api/v1/compare?unit=can-tho-2025&a=2025-H2&b=2024-H2", http.StatusOK, &cmp)
	if len(cmp.Rows) != 1 || cmp.Rows[0]["value_b"] != 130.0 || cmp.Rows[0]["reconstructed_b"] != true || cmp.Rows[0]["reconstructed_a"] != false {
		t.Errorf("compare rows %+v", cmp.Rows)
	}
	var series struct {
		Points []map[string]any `json:"points"`
	}
	f.get("/api/v1/series?unit=can-tho-2025&indicator=budget_revenue", http.StatusOK, &series)
	if len(series.Points) != 2 || series.Points[0]["reconstructed"] != true || series.Points[1]["reconstructed"] != nil {
		t.Errorf("series points %+v", series.Points)
	}
}
