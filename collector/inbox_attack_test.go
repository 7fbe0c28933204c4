package collector

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/plantrack/plantrack/storage"
)

func inboxDirs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{inboxDone, inboxFailed} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestInboxSurvivesLongNames is issue 17's fifth attack: a bad file whose
// name is 249 bytes (its error report's name would pass 255) and a good
// one of the same length, twice (so the second goes to done/ with a time
// stamp). Each is filed, the report is written under a shortened name, the
// inbox keeps going and says it is fine.
func TestInboxSurvivesLongNames(t *testing.T) {
	c, db := newTestCollector(t)
	dir := inboxDirs(t)
	in := testInbox(c, dir, 0)
	ctx := context.Background()
	long := func(ext string) string {
		return strings.Repeat("é", (249-len(ext))/2) + strings.Repeat("x", (249-len(ext))%2) + ext
	}
	bad, good := long(".csv"), "g"+long(".csv")[1:]
	if len(bad) != 249 || len(good) != 249 {
		t.Fatalf("names of %d and %d bytes", len(bad), len(good))
	}
	os.WriteFile(filepath.Join(dir, bad), []byte("unit,indicator,period,value\ncan-tho,exports,2018-M01,x\n"), 0o644)
	for round := 0; round < 2; round++ {
		os.WriteFile(filepath.Join(dir, good), []byte("unit,indicator,period,value\ncan-tho,exports,2018-M01,5\n"), 0o644)
		in.scan(ctx, time.Now())
		in.scan(ctx, time.Now())
		if _, err := os.Stat(filepath.Join(dir, good)); err == nil {
			t.Fatalf("round %d: the good file was not filed", round)
		}
	}
	done, _ := os.ReadDir(filepath.Join(dir, inboxDone))
	failed, _ := os.ReadDir(filepath.Join(dir, inboxFailed))
	if len(done) != 2 || len(failed) != 2 {
		t.Fatalf("done/ %d files, failed/ %d; want 2 and 2 (a file and its report)", len(done), len(failed))
	}
	var report string
	for _, e := range failed {
		if len(e.Name()) > maxNameBytes {
			t.Errorf("a name of %d bytes", len(e.Name()))
		}
		if strings.HasSuffix(e.Name(), ".error.txt") {
			b, _ := os.ReadFile(filepath.Join(dir, inboxFailed, e.Name()))
			report = string(b)
		}
	}
	if !strings.Contains(report, bad) || !strings.Contains(report, "field Value") {
		t.Fatalf("report: %q", report)
	}
	st, _ := c.InboxState()
	if !st.OK || st.Imported != 2 || st.Failed != 1 || st.LastError != "" {
		t.Fatalf("state %+v", st)
	}
	if obs, _ := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho"}); len(obs) != 1 {
		t.Fatalf("%d figures stored, want 1", len(obs))
	}
}

// TestInboxNeverHalfImports: a writer that pauses mid-file for 6 s (less
// than the 15 s quiet period) is not imported half-way; the file is
// imported whole once it has been quiet for 15 s. A file that changes
// between the scan and the commit is not stored at all. The scans' clock
// is the test's.
func TestInboxNeverHalfImports(t *testing.T) {
	c, db := newTestCollector(t)
	dir := inboxDirs(t)
	in := testInbox(c, dir, 15*time.Second)
	ctx := context.Background()
	path := filepath.Join(dir, "slow.csv")
	head := "unit,indicator,period,value\n"
	first := "cai-rang,exports,2018-M01,10\ncai-rang,exports,2018-M02,20\n"
	os.WriteFile(path, []byte(head+first), 0o644)
	t0 := time.Now()
	for _, s := range []time.Duration{0, 2 * time.Second, 4 * time.Second, 6 * time.Second} {
		in.scan(ctx, t0.Add(s))
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("the file was picked up during a 6 s pause")
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("cai-rang,exports,2018-M03,30\n")
	f.Close()
	in.scan(ctx, t0.Add(7*time.Second))
	in.scan(ctx, t0.Add(21*time.Second)) // 14 s after the change
	if _, err := os.Stat(path); err != nil {
		t.Fatal("picked up before 15 s without change")
	}
	in.scan(ctx, t0.Add(23*time.Second))
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "cai-rang"})
	if err != nil || len(obs) != 3 {
		t.Fatalf("%d rows stored, %v; want the whole file's 3", len(obs), err)
	}

	// Changed between the scan and the commit: the scan's state is stale.
	path2 := filepath.Join(dir, "changing.csv")
	os.WriteFile(path2, []byte(head+"ninh-kieu,exports,2018-M01,1\n"), 0o644)
	info, _ := os.Stat(path2)
	stale := fileState{size: info.Size() - 1, mod: info.ModTime()}
	if err := in.file(ctx, "changing.csv", stale); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path2); err != nil {
		t.Fatal("a file that changed during its import was filed")
	}
	if obs, _ := db.Observations(ctx, storage.ObservationFilter{Unit: "ninh-kieu"}); len(obs) != 0 {
		t.Fatal("a file that changed during its import was stored")
	}
}

// TestInboxReportsItsState: the inbox's state and metrics say when it
// cannot read its folder, and recover when it can.
func TestInboxReportsItsState(t *testing.T) {
	_, db := newTestCollector(t)
	reg := prometheus.NewRegistry()
	c := New(db, NewMetrics(reg))
	dir := inboxDirs(t)
	in := &inbox{c: c, dir: dir, seen: map[string]fileState{}, st: c.startInbox(dir)}
	ctx := context.Background()
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("unit,indicator,period,value\n"), 0o644)
	in.scan(ctx, time.Now())
	if st, _ := c.InboxState(); !st.OK || st.Waiting != 1 || testutil.ToFloat64(c.m.inbox.up) != 1 ||
		testutil.ToFloat64(c.m.inbox.waiting) != 1 {
		t.Fatalf("state %+v", st)
	}
	os.Rename(dir, dir+".gone")
	in.scan(ctx, time.Now())
	st, _ := c.InboxState()
	if st.OK || !strings.Contains(st.LastError, "no such file") || testutil.ToFloat64(c.m.inbox.up) != 0 {
		t.Fatalf("state after losing the folder %+v", st)
	}
	os.Rename(dir+".gone", dir)
	in.scan(ctx, time.Now())
	if st, _ := c.InboxState(); !st.OK || testutil.ToFloat64(c.m.inbox.up) != 1 {
		t.Fatalf("state after the folder came back %+v", st)
	}
	if n, err := testutil.GatherAndCount(reg, "plantrack_inbox_up", "plantrack_inbox_waiting_files"); err != nil || n != 2 {
		t.Fatalf("inbox metrics registered: %d, %v", n, err)
	}
}
