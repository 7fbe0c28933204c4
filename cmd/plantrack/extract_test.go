package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedPath is the seed report, kept beside the repository in shared/seeds.
func seedPath(t *testing.T) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "seeds", "000_5cad84daca20acc2.txt")
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("seed report missing: %v", err)
		}
		t.Skipf("seed report not here: %v", err)
	}
	return p
}

func TestExtractSeedReport(t *testing.T) {
	seed := seedPath(t)
	code, out, errOut := run(t, nil, "extract", "--unit", "can-tho", "--date", "2018-06-11", seed)
	if code != 0 || !strings.Contains(out, "retail_sales") || !strings.Contains(out, "63.135") || !strings.Contains(out, "tìm thấy 10 số liệu") {
		t.Fatalf("extract: %d %s %s", code, out, errOut)
	}
	if code, out, errOut = run(t, nil, "extract", "--lang", "en", "--unit", "can-tho", "--date", "2018-06-11", seed); code != 0 || !strings.Contains(out, "10 figures found") {
		t.Fatalf("extract --lang en: %d %s %s", code, out, errOut)
	}
	code, out, _ = run(t, nil, "extract", "--json", "--unit", "can-tho", seed)
	var ex struct {
		Figures []struct {
			Indicator string   `json:"indicator"`
			Value     *float64 `json:"value"`
			Quote     string   `json:"quote"`
		} `json:"figures"`
	}
	if err := json.Unmarshal([]byte(out), &ex); code != 0 || err != nil || len(ex.Figures) < 5 {
		t.Fatalf("extract --json: %d %v %.300s", code, err, out)
	}
	if code, _, _ = run(t, nil, "extract", "--date", "11/06/2018", seed); code != 1 {
		t.Errorf("a bad --date was accepted")
	}
	if code, _, _ = run(t, nil, "extract", "--import", seed); code != 1 {
		t.Errorf("--import without --unit was accepted")
	}

	dir := t.TempDir()
	env := canThoDB(t, dir)
	code, out, errOut = run(t, env, "extract", "--import", "--unit", "can-tho", "--date", "2018-06-11",
		"--source", "Báo Cần Thơ (CTO), 11/06/2018", seed)
	if code != 0 || !strings.Contains(out, " mới, 0 không đổi") {
		t.Fatalf("extract --import: %d %s %s", code, out, errOut)
	}
	code, out, _ = run(t, env, "export", "--format", "csv", "--indicator", "retail_sales")
	if code != 0 || !strings.Contains(out, "63135") || !strings.Contains(out, "2018-06-11") || !strings.Contains(out, "Báo Cần Thơ (CTO)") {
		t.Fatalf("export after extract --import: %s", out)
	}
	code, out, _ = run(t, env, "extract", "--lang", "en", "--import", "--unit", "can-tho", "--date", "2018-06-11",
		"--source", "Báo Cần Thơ (CTO), 11/06/2018", seed)
	if code != 0 || !strings.Contains(out, ": 0 new,") {
		t.Fatalf("second extract --import: %d %s", code, out)
	}
}

// TestExtractImportRefusesAPeriodItCannotExpress: a figure "to 5 November"
// has no period code, so --import stores nothing and names the figure.
func TestExtractImportRefusesAPeriodItCannotExpress(t *testing.T) {
	dir := t.TempDir()
	env := canThoDB(t, dir)
	report := filepath.Join(dir, "report.txt")
	os.WriteFile(report, []byte("Năm 2018, kim ngạch xuất khẩu đạt 900 triệu USD. Từ ngày 1/1 đến ngày 5/11/2018, thu ngân sách đạt 5.000 tỷ đồng, đạt 80% dự toán.\n"), 0o644)
	code, out, errOut := run(t, env, "extract", "--import", "--unit", "can-tho", report)
	// The error is in the --lang language, Vietnamese by default: the field
	// is named as pages name it (Kỳ) and the summary says nothing was stored.
	if code != 1 || !strings.Contains(errOut, "budget_revenue") || !strings.Contains(errOut, "cột Kỳ") || !strings.Contains(errOut, "chưa lưu gì") {
		t.Fatalf("extract --import of a day-bounded span: code %d\n%s\n%s", code, out, errOut)
	}
	_, out, _ = run(t, env, "export", "--format", "csv")
	if strings.Contains(out, "exports") || strings.Contains(out, "budget_revenue") {
		t.Fatalf("a refused import stored figures:\n%s", out)
	}
}

// canThoDB imports the unit can-tho into a new database x.db in dir and
// returns the environment that points the CLI at it.
func canThoDB(t *testing.T, dir string) map[string]string {
	t.Helper()
	env := map[string]string{"PLANTRACK_DB": filepath.Join(dir, "x.db")}
	units := filepath.Join(dir, "units.json")
	if err := os.WriteFile(units, []byte(`{"units":[{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, env, "import", units); code != 0 {
		t.Fatal(errOut)
	}
	return env
}
