package web

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// realBenchDB opens a private copy of the database PLANTRACK_BENCH_DB names
// (one `plantrack bench` generated, its WAL checkpointed), skipping the
// benchmark without it, and returns the copy's path, the opened database,
// the pages on it and the unit PLANTRACK_BENCH_UNIT names (default p01).
func realBenchDB(b *testing.B) (string, *storage.DB, *Pages, string) {
	b.Helper()
	path := os.Getenv("PLANTRACK_BENCH_DB")
	if path == "" {
		b.Skip("PLANTRACK_BENCH_DB is not set: point it at a database made by `plantrack bench`")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	dst := filepath.Join(b.TempDir(), "copy.db")
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		b.Fatal(err)
	}
	db, err := storage.Open(context.Background(), dst)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	pages, err := New(Deps{DB: db})
	if err != nil {
		b.Fatal(err)
	}
	unit := os.Getenv("PLANTRACK_BENCH_UNIT")
	if unit == "" {
		unit = "p01"
	}
	return dst, db, pages, unit
}
