package storage

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// auditTrail is every revision with every column the release stored, in
// revision order, as text.
func auditTrail(t *testing.T, path string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT id, unit_id, indicator_id, year, first_month, last_month, value, report_status,
		reported_plan_percent, reported_yoy_percent, reported_at, source, quote, retracted, via, token_name,
		file_name, recorded_at FROM observations ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, 18)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, vals...)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Migration 0006 moves the figures into the clustered table and their
// provenance into batches without losing or changing anything a release
// database holds: every revision (retracted ones, rows stored without the
// packed column) reads back through the observations view exactly as the
// release stored it, and both ways of storing a revision afterwards — the
// writer and a plain INSERT into the view — keep its provenance.
func TestCompactKeepsTheAuditTrail(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "release1.db")
	buildRelease1DB(t, path)
	before := auditTrail(t, path)
	if strings.Count(before, "\n") < 10 {
		t.Fatalf("the release database holds too few revisions to check:\n%s", before)
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if after := auditTrail(t, path); after != before {
		t.Fatalf("the audit trail changed in the migration:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	var batches, figs int
	if err := db.r.QueryRow(`SELECT (SELECT count(*) FROM batches), (SELECT count(*) FROM figures)`).Scan(&batches, &figs); err != nil {
		t.Fatal(err)
	}
	if batches == 0 || batches >= figs {
		t.Fatalf("%d batches for %d figures: provenance is not stored once per import", batches, figs)
	}

	var unit, ind string
	if err := db.r.QueryRow(`SELECT u.code, i.code FROM figures f JOIN units u ON u.id = f.unit_id
		JOIN indicators i ON i.id = f.indicator_id LIMIT 1`).Scan(&unit, &ind); err != nil {
		t.Fatal(err)
	}
	writeBatch(t, db, Batch{Observations: []Observation{{Unit: unit, Indicator: ind, Period: MustParsePeriod("2031-H1"),
		Value: val(5), ReportStatus: StatusOfficial, ReportedAt: "2031-07-01", Source: "Báo X", Quote: "q"}}})
	if _, err := db.w.ExecContext(ctx, `INSERT INTO observations (unit_id, indicator_id, year, first_month, last_month,
		value, report_status, reported_at, source, via, recorded_at, retracted)
		SELECT unit_id, indicator_id, 2032, 1, 6, 6, 'estimate', '2032-07-01', 'raw', 'sql', '2032-07-02T00:00:00Z', 1
		FROM figures LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	trail := auditTrail(t, path)
	for _, want := range []string{
		"2031 1 6 5 official <nil> <nil> 2031-07-01 Báo X q 0 csv tester test.csv 2018-06-30T20:00:00Z",
		"2032 1 6 6 estimate <nil> <nil> 2032-07-01 raw  1 sql   2032-07-02T00:00:00Z",
	} {
		if !strings.Contains(trail, want) {
			t.Errorf("the audit trail lacks %q:\n%s", want, trail)
		}
	}
}
