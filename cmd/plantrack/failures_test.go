package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// failure is one common mistake and what each language must say about it.
type failure struct {
	name   string
	args   []string
	code   int
	vi, en []string // every one in stderr
}

// checkFailure runs f in both languages and checks the hint, the exit code,
// that the database path is named once, not doubled, and that no SQLite
// code or driver wording reaches the reader.
func checkFailure(t *testing.T, f failure, db string) {
	t.Helper()
	for lang, want := range map[string][]string{"vi": f.vi, "en": f.en} {
		code, _, errOut := run(t, map[string]string{"PLANTRACK_LANG": lang}, f.args...)
		if code != f.code {
			t.Errorf("%s in %s: exit %d, want %d: %s", f.name, lang, code, f.code, errOut)
		}
		for _, w := range want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s in %s: stderr lacks %q:\n%s", f.name, lang, w, errOut)
			}
		}
		if db != "" && strings.Count(errOut, db) != 1 {
			t.Errorf("%s in %s: the database path appears %d times, want once:\n%s", f.name, lang, strings.Count(errOut, db), errOut)
		}
		for _, raw := range []string{"(14)", "(26)", "unable to open", "file is not a database", "schema_migrations"} {
			if strings.Contains(errOut, raw) {
				t.Errorf("%s in %s: stderr shows SQLite's %q:\n%s", f.name, lang, raw, errOut)
			}
		}
	}
}

// TestOpenFailuresSayWhatToDo: a database in a missing folder, in a folder
// that cannot be written, a file that is not a database and a database
// made by a newer plantrack are each explained with the next step, in both
// languages, and nothing is created or changed.
func TestOpenFailuresSayWhatToDo(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-folder", "x.db")
	checkFailure(t, failure{"missing folder", []string{"export", "--db", missing}, 1,
		[]string{"thư mục " + filepath.Dir(missing) + " không tồn tại", "mkdir -p"},
		[]string{"the folder " + filepath.Dir(missing) + " does not exist", "mkdir -p"}}, missing)
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("the missing folder was created: %v", err)
	}

	// A folder this user cannot write: one without write permission, or,
	// for root (whom permissions do not stop), /proc.
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o500); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		locked = "/proc"
	}
	unwritable := filepath.Join(locked, "plantrack-test.db")
	checkFailure(t, failure{"unwritable folder", []string{"token", "list", "--db", unwritable}, 1,
		[]string{"không tạo được cơ sở dữ liệu", "không ghi được", "quyền ghi"},
		[]string{"cannot create the database", "is not writable", "write permission"}}, unwritable)
	if _, err := os.Stat(unwritable); !os.IsNotExist(err) {
		t.Errorf("a database appeared in the unwritable folder: %v", err)
	}

	notes := filepath.Join(dir, "notes.db")
	text := []byte("Báo cáo 6 tháng: bán lẻ 63.135 tỷ đồng\n")
	if err := os.WriteFile(notes, text, 0o644); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, dir)
	checkFailure(t, failure{"not a database", []string{"import", "--db", notes, "x.csv"}, 1,
		[]string{"không phải cơ sở dữ liệu plantrack", "chọn một tên tệp mới"},
		[]string{"is not a plantrack database", "choose a new file name"}}, notes)
	if got, _ := os.ReadFile(notes); !bytes.Equal(got, text) {
		t.Errorf("the file that is not a database changed: %q", got)
	}
	if after := listDir(t, dir); !slices.Equal(before, after) {
		t.Errorf("files appeared beside it: %v, was %v", after, before)
	}
}

// TestNewerDatabaseIsRefused: a database that records a migration this
// build does not know (9999, as a later release would add) is refused on
// open with the way out, and keeps its data and its migrations.
func TestNewerDatabaseIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newer.db")
	units := filepath.Join(dir, "units.json")
	if err := os.WriteFile(units, []byte(`{"units":[{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, nil, "import", "--db", db, units); code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	s, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '2030-01-01')`); err != nil {
		t.Fatal(err)
	}
	count := func() (n int) {
		if err := s.QueryRow(`SELECT (SELECT count(*) FROM schema_migrations) * 1000 + (SELECT count(*) FROM units)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	checkFailure(t, failure{"newer database", []string{"import", "--db", db, units}, 1,
		[]string{"bản plantrack mới hơn", "9999", "khôi phục một bản sao lưu"},
		[]string{"made by a newer plantrack", "9999", "restore a backup"}}, db)
	if after := count(); after != before {
		t.Errorf("the newer database changed: %d, was %d (migrations×1000 + units)", after, before)
	}
}

// TestCommandLineMistakesSayWhatToDo: a mistyped command names the closest
// one; a command without its file says which argument is missing; a file
// that is not there is named with the folder it was looked for in. No
// database is made for any of them.
func TestCommandLineMistakesSayWhatToDo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mistakes.db")
	for _, f := range []failure{
		{"mistyped command", []string{"imprt", "a.csv"}, 2,
			[]string{`không có lệnh "imprt"; có phải ý bạn là "import"?`},
			[]string{`unknown command "imprt"; did you mean "import"?`}},
		{"mistyped subcommand", []string{"token", "lst"}, 2,
			[]string{`có phải ý bạn là "list"?`}, []string{`did you mean "list"?`}},
		{"no file", []string{"import", "--db", db}, 2,
			[]string{"thiếu TỆP...", "Ví dụ: plantrack import"}, []string{"missing FILE...", "Example: plantrack import"}},
		{"no file to extract", []string{"extract", "--db", db}, 2,
			[]string{"thiếu TỆP|-"}, []string{"missing FILE|-"}},
		{"file not there", []string{"extract", "--db", db, filepath.Join(dir, "bao-cao.txt")}, 1,
			[]string{"không có tệp này; hãy kiểm tra tên tệp và thư mục"}, []string{"no such file; check the name and the folder"}},
	} {
		checkFailure(t, f, "")
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a mistaken command line made the database: %v", err)
	}
	// A file to import that is not there: named, with the folder, and the
	// database stays empty.
	checkFailure(t, failure{"file to import not there", []string{"import", "--db", db, "no-such-report.csv"}, 1,
		[]string{"no-such-report.csv: không nhập: không có tệp này", "1/1 tệp không nhập được"},
		[]string{"no-such-report.csv: not imported: no such file", "1 of 1 files not imported"}}, "")
	if code, out, _ := run(t, nil, "export", "--db", db, "--format", "json"); code != 0 || strings.Contains(out, "can-tho") {
		t.Errorf("export after the failed import: %d %s", code, out)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
