package storage

import (
	"context"
	"strings"
	"testing"
)

// refsFixture is a database holding one unit and the catalog's indicators.
func refsFixture(t *testing.T) (*DB, int64, int64) {
	t.Helper()
	db, _ := openTestDB(t)
	writeBatch(t, db, Batch{Units: []Unit{{Code: "ct", NameVI: "Cần Thơ", NameEN: "Can Tho"}}})
	var unit, ind int64
	if err := db.r.QueryRow(`SELECT id FROM units WHERE code = 'ct'`).Scan(&unit); err != nil {
		t.Fatal(err)
	}
	if err := db.r.QueryRow(`SELECT id FROM indicators WHERE code = 'retail_sales'`).Scan(&ind); err != nil {
		t.Fatal(err)
	}
	return db, unit, ind
}

func figureCount(t *testing.T, db *DB) int {
	t.Helper()
	var n int
	if err := db.r.QueryRow(`SELECT count(*) FROM figures`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCommitChecksTheFiguresReferences writes a figure row through the
// writer's own insert with a unit or indicator id that is not stored —
// what a bug in the id lookups would do — and expects the commit to fail
// and store nothing, where the same row with stored ids commits.
func TestCommitChecksTheFiguresReferences(t *testing.T) {
	ctx := context.Background()
	db, unit, ind := refsFixture(t)
	p, err := ParsePeriod("2018-H1")
	if err != nil {
		t.Fatal(err)
	}
	o := Observation{Unit: "ct", Indicator: "retail_sales", Period: p, Value: val(63135), ReportStatus: StatusEstimate}
	for _, c := range []struct {
		name      string
		unit, ind int64
		table     string // "" when the commit must succeed
	}{
		{"unit not stored", 999999, ind, "units"},
		{"indicator not stored", unit, 999999, "indicators"},
		{"both stored", unit, ind, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := figureCount(t, db)
			w, err := db.BeginWrite(ctx, testProv)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Rollback()
			k := obsKey{int32(c.unit), int32(c.ind), int16(p.Year), int8(p.First), int8(p.Last)}
			if _, err := w.insertObservation(ctx, k, o); err != nil {
				t.Fatalf("insert (enforcement is off inside the writer): %v", err)
			}
			w.changed = true
			_, err = w.Commit()
			after := figureCount(t, db)
			if c.table == "" {
				if err != nil || after != before+1 {
					t.Fatalf("commit: %v; figures %d → %d, want one more", err, before, after)
				}
				return
			}
			if err == nil || ErrorCode(err) != CodeInternal || !strings.Contains(err.Error(), c.table) {
				t.Fatalf("commit: %v, want an internal error naming %s", err, c.table)
			}
			if after != before {
				t.Fatalf("figures %d → %d after a refused commit", before, after)
			}
		})
	}
}

// TestCommitChecksTheUnitTables writes a parent span that points at no
// unit and expects the commit to fail.
func TestCommitChecksTheUnitTables(t *testing.T) {
	ctx := context.Background()
	db, unit, _ := refsFixture(t)
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	if _, err := w.conn.ExecContext(ctx, `INSERT INTO unit_parents (unit_id, valid_from, parent_id) VALUES (?, '2025-07-01', 999999)`, unit); err != nil {
		t.Fatal(err)
	}
	w.refs.unitTables = true
	if _, err := w.Commit(); err == nil || !strings.Contains(err.Error(), "unit_parents") {
		t.Fatalf("commit: %v, want an error naming unit_parents", err)
	}
	var n int
	if err := db.r.QueryRow(`SELECT count(*) FROM unit_parents WHERE parent_id = 999999`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d dangling parent spans stored (%v)", n, err)
	}
}

// TestWritersLeaveEnforcementOn checks that the writing connection
// enforces foreign keys again after a writer commits, rolls back or fails
// its commit: statements outside writers (tokens, migrations) rely on it.
func TestWritersLeaveEnforcementOn(t *testing.T) {
	ctx := context.Background()
	db, unit, ind := refsFixture(t)
	p, _ := ParsePeriod("2018")
	enforced := func(when string) {
		t.Helper()
		var fk int
		if err := db.w.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Fatalf("%s: foreign_keys %d (%v), want 1", when, fk, err)
		}
		_, err := db.w.Exec(`INSERT INTO figures (unit_id, indicator_id, year, last_month, first_month, reported_at, id, packed, batch_id)
			VALUES (?, ?, 2018, 12, 1, '2019-01-10', 999999, 0, 999999)`, unit, ind)
		if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
			t.Fatalf("%s: a figure of a batch not stored was inserted outside a writer (%v)", when, err)
		}
	}
	enforced("before any writer")
	// Committed.
	writeBatch(t, db, Batch{Observations: []Observation{{Unit: "ct", Indicator: "retail_sales", Period: p, Value: val(1)}}})
	enforced("after a commit")
	// Rolled back.
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Rollback(); err != nil {
		t.Fatal(err)
	}
	enforced("after a rollback")
	// Refused at commit.
	w, err = db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.insertObservation(ctx, obsKey{999999, int32(ind), 2018, 1, 12}, Observation{Period: p, Value: val(2)}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Commit(); err == nil {
		t.Fatal("a figure of a unit not stored was committed")
	}
	enforced("after a refused commit")
}
