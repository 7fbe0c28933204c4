package storage

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenRefusesANewerDatabase: a file that records a migration this
// build does not know (9999, as a later release would add) is refused with
// a conflict that names it, and Open writes nothing to it: its migrations
// stay as they were.
func TestOpenRefusesANewerDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "newer.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '2030-01-01')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	migrationsIn := func() (n int) {
		raw, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if err := raw.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := migrationsIn()
	_, err = Open(ctx, path)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeConflict || !strings.Contains(err.Error(), "migration 9999") || !strings.Contains(err.Error(), "newer plantrack") {
		t.Fatalf("Open of a newer database: %v", err)
	}
	if after := migrationsIn(); after != before {
		t.Errorf("Open wrote to the newer database: %d migrations, was %d", after, before)
	}
}
