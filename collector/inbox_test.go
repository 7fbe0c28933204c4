package collector

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// TestInbox drops a good file and a bad file into a running inbox: the good
// one is imported and moved to done/, the bad one to failed/ with an error
// report naming its bad row; dotfiles and partial downloads are left alone.
func TestInbox(t *testing.T) {
	c, db := newTestCollector(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- c.RunInbox(ctx, dir, InboxOptions{Poll: 20 * time.Millisecond}) }()

	copyFile(t, filepath.Join("testdata", "good_observations.csv"), filepath.Join(dir, "good.csv"))
	copyFile(t, filepath.Join("testdata", "bad_one_row.csv"), filepath.Join(dir, "bad.csv"))
	for _, name := range []string{".hidden.csv", "upload.csv.part", "copy.tmp"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("junk"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, filepath.Join(dir, inboxDone, "good.csv"))
	waitFor(t, filepath.Join(dir, inboxFailed, "bad.csv.error.txt"))
	report, err := os.ReadFile(filepath.Join(dir, inboxFailed, "bad.csv.error.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// In Vietnamese first, then in English; the field named as pages name it.
	if !strings.Contains(string(report), "dòng 6 cột Chỉ tiêu") || !strings.Contains(string(report), "row 6 field Indicator") {
		t.Fatalf("error report does not name row 6:\n%s", report)
	}
	if _, err := os.Stat(filepath.Join(dir, inboxFailed, "bad.csv")); err != nil {
		t.Fatal("bad.csv was not moved to failed/")
	}
	for _, name := range []string{".hidden.csv", "upload.csv.part", "copy.tmp"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("%s was touched", name)
		}
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho"})
	if err != nil || len(obs) != 4 {
		t.Fatalf("%d can-tho rows stored, %v; want the good file's 4", len(obs), err)
	}
	if p := obs[0].Provenance; p.Via != "inbox" || p.FileName != "good.csv" {
		t.Fatalf("provenance %+v", p)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestInboxWaitsForSlowFile writes a file in pieces with an inbox poll
// between each: it is not picked up while it grows, and is imported whole
// after two polls see it unchanged. The polls are driven by the test, so
// the outcome does not depend on timing.
func TestInboxWaitsForSlowFile(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	dir := t.TempDir()
	for _, sub := range []string{inboxDone, inboxFailed} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
	}
	in := testInbox(c, dir, 0)
	path := filepath.Join(dir, "slow.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("unit,indicator,period,value\n")
	for m := 1; m <= 12; m++ {
		f.WriteString("cai-rang,exports,2018-M" + twoDigits(m) + "," + twoDigits(m) + "0\n")
		in.scan(ctx, time.Now())
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("slow.csv was picked up after %d of 12 rows", m)
		}
	}
	f.Close()
	for i := 0; i < 2; i++ {
		in.scan(ctx, time.Now())
	}
	if _, err := os.Stat(filepath.Join(dir, inboxDone, "slow.csv")); err != nil {
		t.Fatal("slow.csv was not imported after it stopped changing")
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "cai-rang"})
	if err != nil || len(obs) != 12 {
		t.Fatalf("slow.csv stored %d rows, %v; want all 12", len(obs), err)
	}
	if p := obs[0].Provenance; p.Via != "inbox" || p.FileName != "slow.csv" {
		t.Fatalf("provenance %+v", p)
	}
}

// testInbox is an inbox on dir whose scans the test drives.
func testInbox(c *Collector, dir string, quiet time.Duration) *inbox {
	return &inbox{c: c, dir: dir, quiet: quiet, seen: map[string]fileState{}, st: c.startInbox(dir)}
}

// fileNow imports one file as a scan would, with its current state.
func (in *inbox) fileNow(ctx context.Context, name string) error {
	var st fileState
	if info, err := os.Stat(filepath.Join(in.dir, name)); err == nil {
		st = fileState{size: info.Size(), mod: info.ModTime()}
	}
	return in.file(ctx, name, st)
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitFor waits up to thirty seconds (a loaded CI machine) for path to exist.
func waitFor(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s did not appear", path)
}

// TestInboxErrorReportListsEveryProblem: the error report beside a failed
// file lists all of its problems, beyond the API's cap of 100.
func TestInboxErrorReportListsEveryProblem(t *testing.T) {
	c, _ := newTestCollector(t)
	dir := t.TempDir()
	for _, sub := range []string{inboxDone, inboxFailed} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
	}
	var b strings.Builder
	b.WriteString("unit,indicator,period,value\n")
	for i := 0; i < 250; i++ {
		b.WriteString("can-tho,exports,2018-M01,x\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "many.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := testInbox(c, dir, 0).fileNow(context.Background(), "many.csv"); err != nil {
		t.Fatal(err)
	}
	report, err := os.ReadFile(filepath.Join(dir, inboxFailed, "many.csv.error.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(report), "\n- row "); n != 250 || !strings.Contains(string(report), "row 251 field Value") ||
		strings.Count(string(report), "\n- dòng ") != 250 {
		t.Fatalf("%d problems listed, want 250:\n%.500s", n, report)
	}
}

// TestInboxLocaleFromFileName: a Vietnamese file named NAME.vi.csv imports
// with the vi locale; the same file without the marker fails on its
// ambiguous cells.
func TestInboxLocaleFromFileName(t *testing.T) {
	c, db := newTestCollector(t)
	dir := t.TempDir()
	for _, sub := range []string{inboxDone, inboxFailed} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
	}
	copyFile(t, filepath.Join("testdata", "good_vi.csv"), filepath.Join(dir, "plain.csv"))
	copyFile(t, filepath.Join("testdata", "good_vi.csv"), filepath.Join(dir, "bao-cao.VI.csv"))
	ctx := context.Background()
	for _, name := range []string{"plain.csv", "bao-cao.VI.csv"} {
		if err := testInbox(c, dir, 0).fileNow(ctx, name); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, inboxFailed, "plain.csv.error.txt")); err != nil {
		t.Fatal("plain.csv should have failed on its ambiguous numbers")
	}
	if _, err := os.Stat(filepath.Join(dir, inboxDone, "bao-cao.VI.csv")); err != nil {
		t.Fatal("bao-cao.VI.csv was not imported")
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho", Indicator: "new_party_members"})
	if err != nil || len(obs) != 1 || *obs[0].Value != 1452 {
		t.Fatalf("%+v, %v", obs, err)
	}
	for name, want := range map[string]string{"a.vi.csv": "vi", "dir.en/a.csv": "", "b.EN.xlsx": "en", "vi.csv": "", "c.json": ""} {
		if got := LocaleOf(name); got != want {
			t.Errorf("LocaleOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestInboxFileTakenAway: a file removed between the scan and the import
// is skipped, and the inbox keeps running.
func TestInboxFileTakenAway(t *testing.T) {
	c, _ := newTestCollector(t)
	dir := t.TempDir()
	if err := testInbox(c, dir, 0).fileNow(context.Background(), "gone.csv"); err != nil {
		t.Fatalf("a vanished file stopped the inbox: %v", err)
	}
}
