package storage

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// TestIsDiskFull provokes a real SQLITE_FULL (a page cap on the
// connection stands in for a full disk) and checks it is recognised, also
// wrapped, so writers are told "disk full" (HTTP 507), not "internal error".
func TestIsDiskFull(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "full.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{`CREATE TABLE t (b BLOB)`, `PRAGMA max_page_count = 4`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	_, err = conn.ExecContext(ctx, `INSERT INTO t VALUES (?)`, []byte(strings.Repeat("x", 1<<20)))
	if err == nil {
		t.Fatal("a 1 MB row fit in 4 pages")
	}
	wrapped := &wrapErr{err}
	if !IsDiskFull(err) || !IsDiskFull(wrapped) || IsDiskFull(Errorf(CodeInvalid, "x")) || IsDiskFull(nil) {
		t.Fatalf("IsDiskFull(%v) is wrong", err)
	}
	if e := DiskFull(); e.Code != CodeDiskFull || !strings.Contains(e.Message, "disk is full") {
		t.Fatalf("%+v", e)
	}
}

type wrapErr struct{ err error }

func (w *wrapErr) Error() string { return "store row 3: " + w.err.Error() }
func (w *wrapErr) Unwrap() error { return w.err }
