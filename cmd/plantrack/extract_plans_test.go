package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractPlans: `extract --json` prints {"figures": […], "plans": […]};
// `--import` stores the plans with the report as their source, beside the
// figures, and a figure holding only a growth range is left out with a
// message rather than refusing the import.
func TestExtractPlans(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANTRACK_DB": filepath.Join(dir, "x.db")}
	units := filepath.Join(dir, "units.json")
	os.WriteFile(units, []byte(`{"units":[{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"}]}`), 0o644)
	if code, _, errOut := run(t, env, "import", units); code != 0 {
		t.Fatal(errOut)
	}
	report := filepath.Join(dir, "bao-cao.txt")
	os.WriteFile(report, []byte("6 tháng, thu ngân sách đạt 4.950 tỷ đồng (kế hoạch 10.200 tỷ đồng). Năm 2022, GRDP ước tăng 6,8–7,2%.\n"), 0o644)
	code, out, errOut := run(t, env, "extract", "--json", "--unit", "can-tho", "--date", "2022-07-05", report)
	var ex struct {
		Figures []map[string]any `json:"figures"`
		Plans   []struct {
			Indicator string   `json:"indicator"`
			Year      int      `json:"year"`
			Authority string   `json:"authority"`
			Basis     string   `json:"basis"`
			Target    *float64 `json:"target"`
			Quote     string   `json:"quote"`
		} `json:"plans"`
	}
	if err := json.Unmarshal([]byte(out), &ex); code != 0 || err != nil || len(ex.Figures) != 2 || len(ex.Plans) != 1 {
		t.Fatalf("extract --json: %d %v %s %s", code, err, out, errOut)
	}
	if p := ex.Plans[0]; p.Indicator != "budget_revenue" || p.Year != 2022 || p.Authority != "council" || p.Basis != "value" ||
		p.Target == nil || *p.Target != 10200 || !strings.Contains(p.Quote, "10.200") {
		t.Errorf("plan %+v", p)
	}
	code, out, errOut = run(t, env, "extract", "--import", "--unit", "can-tho", "--date", "2022-07-05", "--source", "Báo cáo 6 tháng", report)
	if code != 0 || !strings.Contains(errOut, "left out") || !strings.Contains(errOut, "6,8–7,2%") {
		t.Fatalf("extract --import: %d\n%s\n%s", code, out, errOut)
	}
	_, out, _ = run(t, env, "export", "--format", "json")
	if !strings.Contains(out, `"target": 10200`) && !strings.Contains(out, `"target":10200`) || !strings.Contains(out, "Báo cáo 6 tháng") {
		t.Errorf("the plan was not stored with its source:\n%s", out)
	}
}
