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
	env := canThoDB(t, dir)
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
	if code != 0 || !strings.Contains(errOut, "bỏ qua (chỉ có khoảng tăng trưởng") || !strings.Contains(errOut, "6,8–7,2%") {
		t.Fatalf("extract --import: %d\n%s\n%s", code, out, errOut)
	}
	_, out, _ = run(t, env, "export", "--format", "json")
	if !strings.Contains(out, `"target": 10200`) && !strings.Contains(out, `"target":10200`) || !strings.Contains(out, "Báo cáo 6 tháng") {
		t.Errorf("the plan was not stored with its source:\n%s", out)
	}
}

// TestExtractSpeaksTheLangLanguage: every line extract writes for a person
// (what it left out, the count of what it found, the import's summary and
// its errors) is Vietnamese by default and English with --lang en, and
// no line mixes in the other language.
func TestExtractSpeaksTheLangLanguage(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units.json")
	os.WriteFile(units, []byte(`{"units":[{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"}]}`), 0o644)
	report := filepath.Join(dir, "bao-cao.txt")
	// One figure to store (budget revenue 4.950), one plan (10.200), one
	// growth range that has nothing to store (6,8–7,2%).
	os.WriteFile(report, []byte("6 tháng, thu ngân sách đạt 4.950 tỷ đồng (kế hoạch 10.200 tỷ đồng). Năm 2022, GRDP ước tăng 6,8–7,2%.\n"), 0o644)
	for _, c := range []struct {
		lang                   string
		found, leftOut, stored string
		badDate, noUnit        string
	}{
		{"vi", "tìm thấy 2 số liệu, 1 chỉ tiêu kế hoạch", "bỏ qua (chỉ có khoảng tăng trưởng", "2 mới, 0 không đổi", "hãy ghi YYYY-MM-DD", "--import cần --unit"},
		{"en", "2 figures found, 1 plans", "left out (only a growth range", "2 new, 0 unchanged", "write YYYY-MM-DD", "--import needs --unit"},
	} {
		db := map[string]string{"PLANTRACK_DB": filepath.Join(dir, c.lang+".db")}
		if code, _, errOut := run(t, db, "import", units); code != 0 {
			t.Fatal(errOut)
		}
		code, out, errOut := run(t, db, "extract", "--lang", c.lang, "--import", "--unit", "can-tho", "--date", "2022-07-05", report)
		// 2 new: the figure and the plan.
		if code != 0 || !strings.Contains(out, c.found) || !strings.Contains(errOut, c.leftOut) || !strings.Contains(out, c.stored) {
			t.Errorf("%s: %d\n%s\n%s", c.lang, code, out, errOut)
		}
		if code, _, errOut = run(t, nil, "extract", "--lang", c.lang, "--date", "5/7/2022", report); code != 1 || !strings.Contains(errOut, c.badDate) {
			t.Errorf("%s bad --date: %d %s", c.lang, code, errOut)
		}
		if code, _, errOut = run(t, nil, "extract", "--lang", c.lang, "--import", report); code != 1 || !strings.Contains(errOut, c.noUnit) {
			t.Errorf("%s --import without --unit: %d %s", c.lang, code, errOut)
		}
	}
	if code, _, errOut := run(t, nil, "extract", "--lang", "fr", report); code != 1 || !strings.Contains(errOut, "vi hoặc en") {
		t.Errorf("--lang fr: %d %s", code, errOut)
	}
}
