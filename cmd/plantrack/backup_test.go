package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// batchRows is the size of each batch the backup test's writer posts.
const batchRows = 100

// batchBody is batch i: a new unit bk-NNNN and batchRows monthly figures
// for it, stored by the server in one transaction.
func batchBody(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"units":[{"code":"bk-%04d","name_vi":"Sao lưu %d","name_en":"Backup %d"}],"observations":[`, i, i, i)
	for r := 0; r < batchRows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"unit":"bk-%04d","indicator":"exports","period":"%d-M%02d","value":%d}`, i, 1950+r/12, r%12+1, i*1000+r)
	}
	b.WriteString("]}")
	return b.String()
}

// writeBatches posts batches 0, 1, 2, … until stop is closed, counting the
// committed ones; any failure is reported on errs.
func writeBatches(base, token string, stop <-chan struct{}, committed *atomic.Int64, errs chan<- error) {
	client := &http.Client{Timeout: 30 * time.Second}
	for i := 0; ; i++ {
		select {
		case <-stop:
			errs <- nil
			return
		default:
		}
		req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/observations", strings.NewReader(batchBody(i)))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			errs <- err
			return
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			errs <- fmt.Errorf("batch %d: status %d", i, resp.StatusCode)
			return
		}
		committed.Add(1)
	}
}

// backupBatches reads, from a database file, how many rows each bk- unit
// has, and the data version.
func backupBatches(t *testing.T, path string) (map[int]int, int64) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(context.Background(), `SELECT u.code, count(o.id) FROM units u
		LEFT JOIN observations o ON o.unit_id = u.id WHERE u.code LIKE 'bk-%' GROUP BY u.code`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[int]int{}
	for rows.Next() {
		var code string
		var n, i int
		if err := rows.Scan(&code, &n); err != nil {
			t.Fatal(err)
		}
		fmt.Sscanf(code, "bk-%d", &i)
		got[i] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got, readState(t, path).dataVersion
}

// testBackupDuringWritesIsAPointInTimeCopy runs `plantrack backup` twice
// while a writer posts batches to `plantrack serve` as fast as it can. Each
// copy passes integrity_check and holds exactly the first k batches, each
// whole, with a data version k writes past the start: the live database as
// it stood at one instant. Serving the copy (the documented restore) shows
// the same data.
func testBackupDuringWritesIsAPointInTimeCopy(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	token := createToken(t, bin, db, "backup-test")
	_, startVersion := backupBatches(t, db)
	srv := startServer(t, bin, "--db", db)

	var committed atomic.Int64
	stop, errs := make(chan struct{}), make(chan error, 1)
	go writeBatches(srv.url, token, stop, &committed, errs)
	var copies []string
	for n, after := range []int64{3, 15} {
		for committed.Load() < after {
			time.Sleep(10 * time.Millisecond)
		}
		dest := filepath.Join(dir, fmt.Sprintf("copy-%d.db", n))
		runBin(t, bin, "backup", "--db", db, dest)
		copies = append(copies, dest)
	}
	writtenDuring := committed.Load()
	close(stop)
	if err := <-errs; err != nil {
		t.Fatalf("writer: %v", err)
	}
	live, _ := backupBatches(t, db)
	for _, c := range copies {
		got, version := backupBatches(t, c)
		if st := readState(t, c); st.integrity != "ok" {
			t.Fatalf("%s: integrity_check = %q", c, st.integrity)
		}
		for i := 0; i < len(got); i++ {
			if got[i] != batchRows || live[i] != batchRows {
				t.Fatalf("%s: batch %d has %d rows (live %d), want %d: not a prefix of whole batches: %v", c, i, got[i], live[i], batchRows, got)
			}
		}
		if version-startVersion != int64(len(got)) {
			t.Fatalf("%s: data version %d after %d batches from %d: not one point in time", c, version, len(got), startVersion)
		}
		t.Logf("%s: %d whole batches, data version %d", filepath.Base(c), len(got), version)
	}
	if got, _ := backupBatches(t, copies[1]); int64(len(got)) > writtenDuring+1 || len(got) < 15 {
		t.Fatalf("second copy holds %d batches; %d were committed when it finished", len(got), writtenDuring)
	}
	checkRestore(t, bin, copies[1])
}

// checkRestore serves a backup file and reads its newest batch through the API.
func checkRestore(t *testing.T, bin, path string) {
	t.Helper()
	got, _ := backupBatches(t, path)
	last := len(got) - 1
	restored := startServer(t, bin, "--db", path)
	var obs struct {
		Observations []struct {
			Value float64 `json:"value"`
		} `json:"observations"`
	}
	getJSON(t, fmt.Sprintf("%s/api/v1/observations?unit=bk-%04d", restored.url, last), http.StatusOK, &obs)
	if len(obs.Observations) != batchRows || obs.Observations[0].Value < float64(last*1000) {
		t.Fatalf("restored server: bk-%04d has %d observations", last, len(obs.Observations))
	}
	resp, err := http.Get(fmt.Sprintf("%s/api/v1/units/bk-%04d", restored.url, last+1))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("restored server knows bk-%04d, written after the backup: %d %s", last+1, resp.StatusCode, b.String())
	}
}
