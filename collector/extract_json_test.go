package collector

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestFigureJSON checks the CLI's JSON shape: exactly the documented keys,
// percentages as written numbers, the period as its code, null when absent.
func TestFigureJSON(t *testing.T) {
	ex := Extract("6 tháng đầu năm 2018, tổng mức bán lẻ hàng hóa ước đạt khoảng 63.135 tỷ đồng, đạt 53,70% kế hoạch năm.", ExtractOptions{Unit: "can-tho"})
	b, err := json.Marshal(struct {
		Figures []Figure `json:"figures"`
	}{ex.Figures})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Figures []map[string]json.RawMessage }
	if err := json.Unmarshal(b, &doc); err != nil || len(doc.Figures) != 1 {
		t.Fatalf("%s: %v", b, err)
	}
	f := doc.Figures[0]
	var keys []string
	for k := range f {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"confidence", "indicator", "indicator_text", "measure", "note", "period", "qualifiers", "quote",
		"report_status", "reported_plan_percent", "reported_yoy_percent", "unit", "value"}
	if !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	for k, v := range map[string]string{"indicator": `"retail_sales"`, "value": "63135", "measure": `"billion_vnd"`, "period": `"2018-H1"`,
		"report_status": `"estimate"`, "reported_plan_percent": "53.70", "reported_yoy_percent": "null", "unit": `"can-tho"`,
		"qualifiers": `["khoảng"]`, "note": `""`} {
		if got := string(f[k]); got != v {
			t.Errorf("%s = %s, want %s", k, got, v)
		}
	}
	var back []Figure
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(string(b), `{"figures":`), "}")), &back); err != nil ||
		len(back) != 1 || back[0].Period == nil || back[0].Period.String() != "2018-H1" || back[0].ReportedPlanPercent.Decimals != 2 {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}
