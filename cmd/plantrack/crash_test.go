package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the driver the checks read the database with
)

// buildBinary compiles plantrack into a temporary directory and returns
// its path: crash, shutdown and backup tests drive the real process.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped under -short")
	}
	bin := filepath.Join(t.TempDir(), "plantrack")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runBin runs the binary to completion and fails the test on a non-zero exit.
func runBin(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("plantrack %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// dbState is what the crash checks read straight from the SQLite file.
type dbState struct {
	integrity   string
	dataVersion int64
	rows        map[string]int     // observation revisions by unit-code prefix
	sums        map[string]float64 // their value totals
}

// readState opens path with the plain driver (recovering the WAL as any
// process would), runs PRAGMA integrity_check and foreign_key_check, and
// counts observations per unit prefix (e.g. "bulk-", "early-").
func readState(t *testing.T, path string, prefixes ...string) dbState {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	st := dbState{rows: map[string]int{}, sums: map[string]float64{}}
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&st.integrity); err != nil {
		t.Fatalf("integrity_check on %s: %v", path, err)
	}
	var fk int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
		t.Fatalf("foreign_key_check on %s: %d violations, %v", path, fk, err)
	}
	if err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'data_version'`).Scan(&st.dataVersion); err != nil {
		t.Fatalf("data_version of %s: %v", path, err)
	}
	for _, p := range prefixes {
		var n int
		var sum float64
		err := db.QueryRowContext(ctx, `SELECT count(*), total(o.value) FROM observations o
			JOIN units u ON u.id = o.unit_id WHERE substr(u.code, 1, length(?1)) = ?1`, p).Scan(&n, &sum)
		if err != nil {
			t.Fatalf("count %s rows in %s: %v", p, path, err)
		}
		st.rows[p], st.sums[p] = n, sum
	}
	return st
}

// writeBulk writes a units file declaring units prefix000… and a CSV of
// rows monthly figures spread over them (values 1…rows), and returns both
// paths and the value total.
func writeBulk(t *testing.T, dir, prefix string, units, rows int) (string, string, float64) {
	t.Helper()
	var u bytes.Buffer
	u.WriteString(`{"units":[`)
	for i := 0; i < units; i++ {
		if i > 0 {
			u.WriteByte(',')
		}
		fmt.Fprintf(&u, `{"code":"%s%03d","name_vi":"Đơn vị %d","name_en":"Unit %d"}`, prefix, i, i, i)
	}
	u.WriteString("]}")
	unitsPath := filepath.Join(dir, prefix+"units.json")
	if err := os.WriteFile(unitsPath, u.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString("unit,indicator,period,value,source\n")
	sum := 0.0
	for n := 0; n < rows; n++ {
		per := n / units // each unit gets one figure per month, months counted from 1900-01
		fmt.Fprintf(&b, "%s%03d,retail_sales,%d-M%02d,%d,crash test\n", prefix, n%units, 1900+per/12, per%12+1, n+1)
		sum += float64(n + 1)
	}
	csvPath := filepath.Join(dir, prefix+"rows.csv")
	if err := os.WriteFile(csvPath, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return unitsPath, csvPath, sum
}

// crashRows is the size of the file the crash test imports: 50,000 rows
// (a few seconds) by default, PLANTRACK_CRASH_ROWS for the full 200,000.
func crashRows(t *testing.T) int {
	if v := os.Getenv("PLANTRACK_CRASH_ROWS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1000 {
			t.Fatalf("PLANTRACK_CRASH_ROWS=%q: want a number of rows ≥ 1000", v)
		}
		return n
	}
	return 50000
}

// TestBinaryReliability builds the binary once and runs the tests that
// drive it as a separate process: crash safety, graceful shutdown, backup
// during writes and restore.
func TestBinaryReliability(t *testing.T) {
	bin := buildBinary(t)
	t.Run("crash_during_import", func(t *testing.T) { testCrashDuringImportIsAllOrNothing(t, bin) })
	t.Run("sigterm_finishes_import", func(t *testing.T) { testSIGTERMLetsAnInFlightImportFinish(t, bin) })
	t.Run("sigterm_past_deadline", func(t *testing.T) { testSIGTERMPastTheDeadlineRollsBack(t, bin) })
	t.Run("sigterm_cli_import", func(t *testing.T) { testSIGTERMStopsACLIImport(t, bin) })
	t.Run("backup_during_writes", func(t *testing.T) { testBackupDuringWritesIsAPointInTimeCopy(t, bin) })
}

// testCrashDuringImportIsAllOrNothing kills `plantrack import` of a large
// CSV with SIGKILL at several points, and after each kill checks that the
// database passes integrity_check, that the file's rows are all there or
// none, and that what was committed earlier is untouched. A last import
// runs to completion and stores every row.
func testCrashDuringImportIsAllOrNothing(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	rows := crashRows(t)
	earlyUnits, earlyCSV, earlySum := writeBulk(t, dir, "early-", 10, 500)
	bulkUnits, bulkCSV, bulkSum := writeBulk(t, dir, "bulk-", 200, rows)
	runBin(t, bin, "import", "--db", db, earlyUnits, bulkUnits)
	runBin(t, bin, "import", "--db", db, earlyCSV)
	base := readState(t, db, "early-", "bulk-")
	if base.integrity != "ok" || base.rows["early-"] != 500 || base.rows["bulk-"] != 0 {
		t.Fatalf("before the crashes: %+v", base)
	}

	// Kill points spread over the import, as fractions of the time a dry run
	// of the same file takes here; each attempt starts the file afresh.
	start := time.Now()
	runBin(t, bin, "import", "--dry-run", "--db", db, bulkCSV)
	full := time.Since(start)
	midway := 0
	for _, frac := range []float64{0.05, 0.3, 0.6, 0.85, 0.97, 1.15} {
		delay := time.Duration(frac * float64(full))
		cmd := exec.Command(bin, "import", "--db", db, bulkCSV)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			t.Logf("import finished (%v) before the kill at %v", err, delay)
		case <-time.After(delay):
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			<-done
			midway++
		}
		st := readState(t, db, "early-", "bulk-")
		if st.integrity != "ok" {
			t.Fatalf("after a kill at %v: integrity_check = %q", delay, st.integrity)
		}
		if st.rows["early-"] != 500 || st.sums["early-"] != earlySum {
			t.Fatalf("after a kill at %v: earlier data changed: %d rows, sum %v", delay, st.rows["early-"], st.sums["early-"])
		}
		switch st.rows["bulk-"] {
		case 0:
			if st.dataVersion != base.dataVersion {
				t.Fatalf("after a kill at %v: nothing stored but data_version %d → %d", delay, base.dataVersion, st.dataVersion)
			}
		case rows:
			if st.sums["bulk-"] != bulkSum {
				t.Fatalf("after a kill at %v: all %d rows but sum %v, want %v", delay, rows, st.sums["bulk-"], bulkSum)
			}
			t.Logf("the import committed before the kill at %v", delay)
			base = st
		default:
			t.Fatalf("after a kill at %v: %d of %d rows stored — a partial import", delay, st.rows["bulk-"], rows)
		}
	}
	if midway == 0 {
		t.Fatalf("every import finished before its kill (dry run %v); the kills proved nothing", full)
	}
	out := runBin(t, bin, "import", "--db", db, bulkCSV)
	st := readState(t, db, "early-", "bulk-")
	if st.integrity != "ok" || st.rows["bulk-"] != rows || st.sums["bulk-"] != bulkSum || st.rows["early-"] != 500 {
		t.Fatalf("after the final import (%s): %+v", strings.TrimSpace(out), st)
	}
	t.Logf("%d rows (dry run %v); %d of 6 kills landed mid-import", rows, full.Round(time.Millisecond), midway)
}

// server is a `plantrack serve` child process on a free loopback port.
type server struct {
	cmd     *exec.Cmd
	url     string
	done    chan error // the process's exit
	mu      sync.Mutex
	log     bytes.Buffer
	changed chan struct{} // closed and replaced whenever a log line arrives
	ended   bool          // the log stream is at its end
}

var servingURL = regexp.MustCompile(`msg=serving url=(\S+)`)

// startServer starts `plantrack serve --addr 127.0.0.1:0` with args and
// waits until it says where it listens. The process is killed at cleanup
// if still running.
func startServer(t *testing.T, bin string, args ...string) *server {
	t.Helper()
	s := &server{cmd: exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...), done: make(chan error, 1),
		changed: make(chan struct{})}
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			s.mu.Lock()
			s.log.WriteString(sc.Text() + "\n")
			close(s.changed)
			s.changed = make(chan struct{})
			s.mu.Unlock()
			if m := servingURL.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
		s.mu.Lock()
		s.ended = true
		close(s.changed)
		s.mu.Unlock()
		s.done <- s.cmd.Wait()
	}()
	t.Cleanup(func() { s.cmd.Process.Kill() })
	select {
	case s.url = <-urls:
	case err := <-s.done:
		t.Fatalf("serve exited at start: %v\n%s", err, s.logs())
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not start within 30 s:\n%s", s.logs())
	}
	return s
}

// waitLog waits until the server's log holds a line containing marker —
// an event, not a guess at how long something takes — and fails the test
// if the log ends first or nothing comes within limit.
func (s *server) waitLog(t *testing.T, marker string, limit time.Duration) {
	t.Helper()
	timeout := time.After(limit)
	for {
		s.mu.Lock()
		found, ended, changed := strings.Contains(s.log.String(), marker), s.ended, s.changed
		s.mu.Unlock()
		switch {
		case found:
			return
		case ended:
			t.Fatalf("serve's log ended without %q:\n%s", marker, s.logs())
		}
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("no %q in serve's log within %v:\n%s", marker, limit, s.logs())
		}
	}
}

func (s *server) logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// createToken makes an admin token with the CLI and returns its secret.
func createToken(t *testing.T, bin, db, name string) string {
	t.Helper()
	out, err := exec.Command(bin, "token", "create", "--db", db, "--name", name, "--role", "admin").Output()
	if err != nil {
		t.Fatalf("token create: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}
