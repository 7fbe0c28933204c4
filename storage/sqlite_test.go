package storage

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// openTestDB opens a fresh database file in a temporary directory.
func openTestDB(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plantrack.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func val(v float64) *float64 { return &v }

func pct(t testing.TB, s string) *Percent {
	t.Helper()
	p, err := ParsePercent(s)
	if err != nil {
		t.Fatal(err)
	}
	return &p
}

var testProv = Provenance{Via: "csv", FileName: "test.csv", TokenName: "tester",
	RecordedAt: time.Date(2018, 6, 30, 20, 0, 0, 0, time.UTC)} // 2018-07-01 in Vietnam

// writeBatch writes b and fails the test on error.
func writeBatch(t testing.TB, db *DB, b Batch) WriteResult {
	t.Helper()
	res, err := db.Write(context.Background(), b, testProv)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return res
}

// dumpDB renders every row of every table, to compare whole databases.
func dumpDB(t testing.TB, path string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, tb := range tables {
		r, err := conn.Query(`SELECT * FROM ` + tb)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := r.Columns()
		for r.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			r.Scan(ptrs...)
			fmt.Fprintf(&b, "%s %v\n", tb, vals)
		}
		r.Close()
	}
	return b.String()
}

func TestOpenMigratesOnceAndSeedsCatalog(t *testing.T) {
	ctx := context.Background()
	db, path := openTestDB(t)
	inds, err := db.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(Catalog()) + len(CatalogParts()); len(inds) != want || inds[0].Code != Catalog()[0].Code {
		t.Fatalf("indicators after open: %d (first %q), want the %d catalog ones and parts", len(inds), inds[0].Code, want)
	}
	v1, _ := db.DataVersion(ctx)
	before := dumpDB(t, path)
	db.Close()

	db2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db2.Close()
	if after := dumpDB(t, path); after != before {
		t.Fatalf("reopening changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	v2, _ := db2.DataVersion(ctx)
	if v2 != v1 {
		t.Fatalf("reopen bumped the data version %d → %d", v1, v2)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	db2.r.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n)
	if n != len(ms) || n == 0 {
		t.Fatalf("schema_migrations has %d rows, want %d", n, len(ms))
	}
	var mode string
	db2.r.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	var fk int
	db2.r.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Fatalf("journal_mode %q foreign_keys %d, want wal and 1", mode, fk)
	}
}

func TestOpenRejectsBadPath(t *testing.T) {
	if _, err := Open(context.Background(), ""); ErrorCode(err) != CodeInvalid {
		t.Fatalf("empty path: %v", err)
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")); err == nil {
		t.Fatal("a path in a missing directory opened")
	}
}

func TestDataVersionSeenByAnotherHandle(t *testing.T) {
	ctx := context.Background()
	db, path := openTestDB(t)
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	v0, err := other.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	writeBatch(t, db, Batch{Units: []Unit{{Code: "can-tho", NameVI: "Cần Thơ"}}})
	v1, _ := other.DataVersion(ctx)
	if v1 != v0+1 {
		t.Fatalf("data version seen by the other handle: %d → %d, want +1", v0, v1)
	}
	writeBatch(t, db, Batch{Units: []Unit{{Code: "can-tho", NameVI: "Cần Thơ"}}}) // no change
	if v2, _ := other.DataVersion(ctx); v2 != v1 {
		t.Fatalf("an unchanged write bumped the data version %d → %d", v1, v2)
	}
	has, _ := other.HasObservations(ctx)
	if has {
		t.Fatal("HasObservations true on a database without observations")
	}
}

func TestBackupIsCompleteAndIntact(t *testing.T) {
	ctx := context.Background()
	db, path := openTestDB(t)
	seedSmall(t, db)
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, dest); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	conn, err := sql.Open("sqlite", dest)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var ok string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check of the backup: %q %v", ok, err)
	}
	if a, b := dumpDB(t, path), dumpDB(t, dest); a != b || !strings.Contains(b, "observations") {
		t.Fatalf("backup differs from the live database:\nlive:\n%s\nbackup:\n%s", a, b)
	}
	if err := db.Backup(ctx, dest); ErrorCode(err) != CodeConflict {
		t.Fatalf("backup over an existing file: %v, want conflict", err)
	}
}

// A CLI command opening the file while a long import holds the write lock
// must not wait for it: opening an up-to-date file only reads.
func TestOpenWhileAnotherWriterHoldsTheLock(t *testing.T) {
	ctx := context.Background()
	db, path := openTestDB(t)
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	if _, err := w.PutUnit(ctx, Unit{Code: "can-tho"}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open beside a writer: %v", err)
	}
	defer other.Close()
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Open waited %v for the writer", d)
	}
	if units, err := other.Units(ctx); err != nil || len(units) != 0 {
		t.Fatalf("uncommitted unit visible to another handle: %v %v", units, err)
	}
}

// A backup taken during a write is consistent: it has what was committed
// and nothing of the write in progress, and it does not wait for it.
func TestBackupDuringWrite(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	if _, err := w.PutUnit(ctx, Unit{Code: "phong-dien", Parent: "can-tho"}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "during.db")
	if err := db.Backup(ctx, dest); err != nil {
		t.Fatalf("Backup during a write: %v", err)
	}
	copyDB, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	units, _ := copyDB.Units(ctx)
	if len(units) != len(testUnits) {
		t.Fatalf("backup has %d units, want the %d committed ones", len(units), len(testUnits))
	}
}
