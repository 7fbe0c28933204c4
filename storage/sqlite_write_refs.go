package storage

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// References during a write. The schema declares every reference between
// tables, and SQLite enforces them on each insert: three parent lookups a
// figure (unit, indicator, batch), 8 % of a large import's CPU (province
// bench: 5.4 s against 5.0 s for 839,314 rows).
// A Writer instead turns enforcement off for its own transaction and
// checks, before COMMIT, every reference it wrote:
//
//   - the distinct unit, indicator and batch ids of the figures and plans
//     it inserted, recorded where their rows' values are bound, each looked
//     up once in its table;
//   - the unit tables (units, unit_parents, unit_predecessors) through
//     PRAGMA foreign_key_check, when it wrote a unit; they are small.
//
// Nothing deletes a unit, indicator or batch, and the writer holds the
// write lock, so a reference that holds at commit held when it was
// written. A reference that does not hold fails the commit and nothing is
// stored. Every other connection, and this one once the writer ends, keeps
// enforcement on.

// writtenRefs is what a writer must check before it commits.
type writtenRefs struct {
	units, indicators, batches map[int64]struct{}
	// last is the previous row's ids: rows come grouped, so most rows
	// add nothing to the sets.
	last       [3]int64
	unitTables bool
}

// add records one written row's unit, indicator and batch ids (0 for a
// row without a batch).
func (r *writtenRefs) add(unit, indicator, batch int64) {
	if [3]int64{unit, indicator, batch} == r.last {
		return
	}
	r.last = [3]int64{unit, indicator, batch}
	if r.units == nil {
		r.units, r.indicators, r.batches = map[int64]struct{}{}, map[int64]struct{}{}, map[int64]struct{}{}
	}
	r.units[unit] = struct{}{}
	r.indicators[indicator] = struct{}{}
	if batch != 0 {
		r.batches[batch] = struct{}{}
	}
}

// enforcement switches the connection's foreign-key enforcement; SQLite
// ignores the pragma inside a transaction, so it runs before BEGIN and
// after COMMIT or ROLLBACK.
func enforcement(on bool) string {
	if on {
		return `PRAGMA foreign_keys = ON`
	}
	return `PRAGMA foreign_keys = OFF`
}

// checkReferences verifies everything recorded in w.refs (see above).
func (w *Writer) checkReferences(ctx context.Context) error {
	for _, t := range []struct {
		table string
		ids   map[int64]struct{}
	}{{"units", w.refs.units}, {"indicators", w.refs.indicators}, {"batches", w.refs.batches}} {
		if len(t.ids) == 0 {
			continue
		}
		list := make([]int64, 0, len(t.ids))
		for id := range t.ids {
			list = append(list, id)
		}
		text, err := json.Marshal(list)
		if err != nil {
			return err
		}
		dest := make([]driver.Value, 1)
		found, err := w.rawQueryRow(ctx, `SELECT j.value FROM json_each(?) j
			WHERE NOT EXISTS (SELECT 1 FROM `+t.table+` t WHERE t.id = j.value)`, namedArgs(string(text)), dest)
		if err != nil {
			return fmt.Errorf("check the written references to %s: %w", t.table, err)
		}
		if found {
			return Errorf(CodeInternal, "a written row refers to %s id %v, which is not stored; nothing was saved", t.table, dest[0])
		}
	}
	if !w.refs.unitTables {
		return nil
	}
	for _, table := range []string{"units", "unit_parents", "unit_predecessors"} {
		dest := make([]driver.Value, 4)
		found, err := w.rawQueryRow(ctx, `PRAGMA foreign_key_check(`+table+`)`, nil, dest)
		if err != nil {
			return fmt.Errorf("check the written references of %s: %w", table, err)
		}
		if found {
			return Errorf(CodeInternal, "a written row of %s refers to a row of %s that is not stored; nothing was saved", table, dest[2])
		}
	}
	return nil
}
