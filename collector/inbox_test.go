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

// TestInbox drops a good file, a bad file and a file written slowly (in
// pieces, each within one poll) into the inbox: the good one is imported and
// moved to done/, the bad one to failed/ with an error report naming its
// bad row, and the slow one is imported whole once it stops changing.
func TestInbox(t *testing.T) {
	c, db := newTestCollector(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const poll = 50 * time.Millisecond
	done := make(chan error, 1)
	go func() { done <- c.RunInbox(ctx, dir, poll) }()

	copyFile(t, filepath.Join("testdata", "good_observations.csv"), filepath.Join(dir, "good.csv"))
	copyFile(t, filepath.Join("testdata", "bad_one_row.csv"), filepath.Join(dir, "bad.csv"))
	if err := os.WriteFile(filepath.Join(dir, ".hidden.csv"), []byte("junk"), 0o644); err != nil {
		t.Fatal(err)
	}
	slow := filepath.Join(dir, "slow.csv")
	f, err := os.Create(slow)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("unit,indicator,period,value\n")
	for m := 1; m <= 12; m++ {
		time.Sleep(poll / 3)
		f.WriteString("cai-rang,exports,2018-M" + twoDigits(m) + "," + twoDigits(m) + "0\n")
		f.Sync()
		if _, err := os.Stat(filepath.Join(dir, inboxDone, "slow.csv")); err == nil {
			t.Fatalf("slow.csv was picked up after %d of 12 rows", m)
		}
	}
	f.Close()

	waitFor(t, filepath.Join(dir, inboxDone, "slow.csv"))
	waitFor(t, filepath.Join(dir, inboxDone, "good.csv"))
	waitFor(t, filepath.Join(dir, inboxFailed, "bad.csv.error.txt"))
	report, err := os.ReadFile(filepath.Join(dir, inboxFailed, "bad.csv.error.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(report), "row 6 field indicator") {
		t.Fatalf("error report does not name row 6:\n%s", report)
	}
	if _, err := os.Stat(filepath.Join(dir, inboxFailed, "bad.csv")); err != nil {
		t.Fatal("bad.csv was not moved to failed/")
	}
	if _, err := os.Stat(filepath.Join(dir, ".hidden.csv")); err != nil {
		t.Fatal("a dotfile was touched")
	}
	ctx2 := context.Background()
	slowObs, err := db.Observations(ctx2, storage.ObservationFilter{Unit: "cai-rang"})
	if err != nil || len(slowObs) != 12 {
		t.Fatalf("slow.csv stored %d rows, %v; want all 12", len(slowObs), err)
	}
	if p := slowObs[0].Provenance; p.Via != "inbox" || p.FileName != "slow.csv" {
		t.Fatalf("provenance %+v", p)
	}
	bad, _ := db.Observations(ctx2, storage.ObservationFilter{Unit: "can-tho", Indicator: "imports"})
	if len(bad) != 0 {
		t.Fatal("rows of the rejected file were stored")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
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

// waitFor waits up to five seconds for path to exist.
func waitFor(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s did not appear", path)
}
