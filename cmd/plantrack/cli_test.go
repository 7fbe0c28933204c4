package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// english asks for the CLI's English words (Vietnamese is the default).
var english = map[string]string{"PLANTRACK_LANG": "en"}

func TestHelpEverywhere(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"serve", "--help"}, {"import", "-h"},
		{"export", "--help"}, {"grafana", "--help"}, {"backup", "--help"}, {"token", "--help"},
		{"token", "create", "--help"}, {"token", "list", "--help"}, {"token", "revoke", "--help"}, {"version", "--help"},
		{"bench", "--help"}, {"extract", "--help"}} {
		code, out, _ := run(t, english, args...)
		if code != 0 || !strings.Contains(out, "Usage: plantrack") {
			t.Errorf("%v: exit %d, stdout %q", args, code, out)
		}
	}
	code, out, _ := run(t, english, "serve", "--help")
	for _, want := range []string{"--addr", "127.0.0.1:8080", "--demo", "--inbox", "--metrics-depth", "--read-auth",
		"PLANTRACK_DB", "Example:"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("serve --help lacks %q:\n%s", want, out)
		}
	}
}

func TestBadCommandLines(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"serve", "--no-such-flag"}, {"import"},
		{"backup"}, {"token"}, {"token", "mint"}, {"version", "extra"}} {
		code, out, errOut := run(t, english, args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "Usage: plantrack") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	code, _, errOut := run(t, map[string]string{"PLANTRACK_METRICS_DEPTH": "deep"}, "serve", "--db", "x.db")
	if code != 2 || !strings.Contains(errOut, "PLANTRACK_METRICS_DEPTH") {
		t.Errorf("bad env value: exit %d, %q", code, errOut)
	}
}

func TestImportExportTokenBackupCycle(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANTRACK_DB": filepath.Join(dir, "cli.db")}
	csv := filepath.Join(dir, "report.csv")
	body := "unit,indicator,period,value,reported_at,source\n" +
		"can-tho,retail_sales,2018-H1,\"63.135\",2018-06-11,Báo Cần Thơ\n" +
		"can-tho,exports,2018-H1,942,2018-06-11,Báo Cần Thơ\n"
	units := filepath.Join(dir, "units.json")
	if err := os.WriteFile(units, []byte(`{"units":[{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csv, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, env, "import", units); code != 0 {
		t.Fatalf("import units: %d %s", code, errOut)
	}
	// Without a locale 63.135 is ambiguous: the file is refused whole.
	code, _, errOut := run(t, env, "import", csv)
	if code != 1 || !strings.Contains(errOut, "63.135") {
		t.Fatalf("ambiguous import: %d %s", code, errOut)
	}
	code, out, _ := run(t, env, "import", "--dry-run", "--locale", "vi", csv)
	if code != 0 || !strings.Contains(out, "2 mới, 0 không đổi (chạy thử: chưa lưu gì)") {
		t.Fatalf("dry run: %d %s", code, out)
	}
	code, out, _ = run(t, map[string]string{"PLANTRACK_DB": env["PLANTRACK_DB"], "PLANTRACK_LOCALE": "vi"}, "import", csv)
	if code != 0 || !strings.Contains(out, "2 mới, 0 không đổi") {
		t.Fatalf("import: %d %s", code, out)
	}
	code, out, _ = run(t, env, "import", "--locale", "vi", csv)
	if code != 0 || !strings.Contains(out, "0 mới, 2 không đổi") {
		t.Fatalf("re-import: %d %s", code, out)
	}
	code, out, _ = run(t, env, "export", "--format", "csv", "--unit", "can-tho")
	if code != 0 || !strings.Contains(out, "63135") || !strings.Contains(out, "exports") {
		t.Fatalf("export: %d %s", code, out)
	}
	exported := filepath.Join(dir, "export.csv")
	os.WriteFile(exported, []byte(out), 0o644)
	// The export twice: each file 0 new, 2 unchanged; the total 0 + 0 new,
	// 2 + 2 unchanged. Vietnamese by default, English with --locale en.
	if code, out, _ = run(t, env, "import", exported, exported); code != 0 || !strings.Contains(out, "0 mới, 2 không đổi") || !strings.Contains(out, "tổng: 0 mới, 4 không đổi") {
		t.Fatalf("re-import of the export: %d %s", code, out)
	}
	if code, out, _ = run(t, env, "import", "--locale", "en", exported, exported); code != 0 || !strings.Contains(out, ": 0 new, 2 unchanged") || !strings.Contains(out, "total: 0 new, 4 unchanged") || strings.Contains(out, "mới") {
		t.Fatalf("re-import of the export, --locale en: %d %s", code, out)
	}
	if code, out, _ = run(t, env, "export", "--format", "openmetrics"); code != 0 || !strings.HasSuffix(out, "# EOF\n") {
		t.Fatalf("openmetrics export: %d %.200s", code, out)
	}
	code, out, _ = run(t, env, "token", "create", "--name", "ops", "--role", "admin")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	secret := lines[len(lines)-1]
	if code != 0 || len(secret) < 20 || strings.Contains(secret, " ") {
		t.Fatalf("token create: %d %q", code, out)
	}
	if code, out, _ = run(t, env, "token", "list"); code != 0 || !strings.Contains(out, "ops") || strings.Contains(out, secret) {
		t.Fatalf("token list: %d %s", code, out)
	}
	if code, _, _ = run(t, env, "token", "revoke", "ops"); code != 0 {
		t.Fatalf("token revoke: %d", code)
	}
	if code, _, errOut = run(t, env, "token", "create", "--name", "r", "--role", "reporter"); code != 1 || !strings.Contains(errOut, "--unit") {
		t.Fatalf("reporter without unit: %d %s", code, errOut)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, _, errOut = run(t, env, "backup", backup); code != 0 {
		t.Fatalf("backup: %d %s", code, errOut)
	}
	code, out, _ = run(t, map[string]string{"PLANTRACK_DB": backup}, "export", "--format", "json")
	if code != 0 || !strings.Contains(out, "63135") {
		t.Fatalf("export from backup: %d %s", code, out)
	}
}

func TestVersionAndGrafana(t *testing.T) {
	code, out, _ := run(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "plantrack ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: %d %q", code, out)
	}
	code, out, _ = run(t, nil, "grafana", "--lang", "en")
	if code != 0 || !strings.Contains(out, `"uid": "plantrack-progress"`) && !strings.Contains(out, `"uid":"plantrack-progress"`) {
		t.Errorf("grafana: %d %.300s", code, out)
	}
}
