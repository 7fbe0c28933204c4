package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportErrorsInTheLanguageOfLocale: a refused file is explained in
// Vietnamese by default and with --locale vi, in English with --locale en;
// row, field and value are named either way.
func TestImportErrorsInTheLanguageOfLocale(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANTRACK_DB": filepath.Join(dir, "lang.db")}
	csv := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(csv, []byte("unit,indicator,period,value\ncan-tho,exports,2018-H7,942\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"không nhập", "1 lỗi ở 1 dòng; chưa lưu gì", `dòng 2 cột Kỳ "2018-H7"`, "6 tháng ghi là H1 hoặc H2", "1/1 tệp không nhập được"}},
		{[]string{"--locale", "vi"}, []string{"không nhập", "6 tháng ghi là H1 hoặc H2"}},
		{[]string{"--locale", "en"}, []string{"not imported", "1 problem(s) in 1 row(s); nothing was stored", `row 2 field Period "2018-H7"`, "a half is H1 or H2", "1 of 1 files not imported"}},
	} {
		args := append(append([]string{"import"}, c.args...), csv)
		code, _, errOut := run(t, env, args...)
		if code != 1 {
			t.Fatalf("%v: exit %d, want 1", args, code)
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, w, errOut)
			}
		}
	}
	if code, _, errOut := run(t, env, "import", "--locale", "fr", csv); code != 1 || !strings.Contains(errOut, `--locale "fr": hãy dùng vi hoặc en`) {
		t.Errorf("--locale fr: exit %d, %s", code, errOut)
	}
}
