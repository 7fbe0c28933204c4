package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestReferenceLoad lists the shipped sets and loads vn-provinces-2025
// twice: 86 units (63 before 1 July 2025, 23 formed that day), the second
// load storing nothing; 34 are in force today.
func TestReferenceLoad(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "ref.db")
	code, out, errs := run(t, nil, "reference", "list")
	if code != 0 || !strings.Contains(out, "vn-provinces-2025") {
		t.Fatalf("reference list: %d %q %q", code, out, errs)
	}
	code, out, errs = run(t, nil, "reference", "load", "--lang", "en", "--db", dbPath, "vn-provinces-2025")
	if code != 0 || !strings.Contains(out, "86 units, 86 new") {
		t.Fatalf("first load: %d %q %q", code, out, errs)
	}
	code, out, errs = run(t, nil, "reference", "load", "--db", dbPath, "vn-provinces-2025")
	if code != 0 || !strings.Contains(out, "86 đơn vị, 0 mới") { // Vietnamese by default
		t.Fatalf("second load: %d %q %q", code, out, errs)
	}
	db, err := storage.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Units(context.Background())
	if err != nil || len(all) != 86 || len(storage.ValidUnits(all, storage.Today())) != 34 {
		t.Fatalf("%d units, %d current, %v", len(all), len(storage.ValidUnits(all, storage.Today())), err)
	}
	if code, _, _ = run(t, nil, "reference", "load", "--db", dbPath, "nowhere"); code == 0 {
		t.Error("loading an unknown set succeeded")
	}
}
