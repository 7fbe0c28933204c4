package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// PutUnit inserts a unit, or updates a stored unit's names, parents, dates,
// predecessors and synthetic mark. It is the one path by which units are
// written (imports, the API, forms, reference data and the demo all come
// through it), so whatever a unit change must also record belongs here.
//
// Empty names, an empty parent, empty dates and nil predecessors leave the
// stored ones; an empty (non-nil) predecessors list removes them. Parents
// (with the day each took effect) replace the stored parents; a plain
// parent equal to the unit's latest keeps the stored history, a different
// one replaces it with that single parent, as before units had dates.
// Every parent and predecessor must be stored or Put earlier in this
// writer; a unit cannot lie below itself on any date.
func (w *Writer) PutUnit(ctx context.Context, u Unit) (Outcome, error) {
	if err := w.usable(); err != nil {
		return 0, err
	}
	if bad := u.Validate(); len(bad) > 0 {
		return 0, invalid(bad)
	}
	if err := validateUnitTime(u); err != nil {
		return 0, err
	}
	stored, found, err := w.storedUnit(ctx, u.Code)
	if err != nil {
		return 0, err
	}
	merged := normalizeUnitTime(u)
	if found {
		merged = mergeUnit(stored, merged)
		if err := validateUnitTime(merged); err != nil {
			return 0, err
		}
	}
	merged.Depth = 0
	if prev, ok := w.putUnits[u.Code]; ok {
		if !sameUnit(prev, merged) {
			return 0, Errorf(CodeConflict, "unit %s is given twice with different names, parents, dates or predecessors; keep one", u.Code)
		}
		return OutcomeUnchanged, nil
	}
	if found && sameUnit(stored, merged) {
		w.putUnits[u.Code] = merged
		return OutcomeUnchanged, nil
	}
	out, err := w.storeUnit(ctx, merged, found)
	if err != nil {
		return 0, err
	}
	w.changed = true
	w.putUnits[u.Code] = merged
	return out, nil
}

// storeUnit writes a checked unit: its row, its parents and predecessors.
func (w *Writer) storeUnit(ctx context.Context, u Unit, found bool) (Outcome, error) {
	spans, err := w.resolveSpans(ctx, u, found)
	if err != nil {
		return 0, err
	}
	preds, err := w.resolvePredecessors(ctx, u)
	if err != nil {
		return 0, err
	}
	var parentID any
	if n := len(spans); n > 0 {
		parentID = spans[n-1].id
	}
	w.refs.unitTables = true
	out := OutcomeUpdated
	if found {
		_, err = w.conn.ExecContext(ctx, `UPDATE units SET name_vi = ?, name_en = ?, parent_id = ?, synthetic = ?,
			valid_from = ?, valid_to = ? WHERE code = ?`,
			u.NameVI, u.NameEN, parentID, u.Synthetic, u.ValidFrom, u.ValidTo, u.Code)
	} else {
		var res sql.Result
		res, err = w.conn.ExecContext(ctx, `INSERT INTO units (code, name_vi, name_en, parent_id, synthetic, valid_from, valid_to)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, u.Code, u.NameVI, u.NameEN, parentID, u.Synthetic, u.ValidFrom, u.ValidTo)
		if err == nil {
			var id int64
			if id, err = res.LastInsertId(); err == nil {
				w.unitIDs[u.Code] = id
			}
		}
		out = OutcomeNew
		w.res.UnitsNew++
	}
	if err != nil {
		return 0, w.fail(fmt.Errorf("store unit %s: %w", u.Code, err))
	}
	if err := w.storeUnitLinks(ctx, w.unitIDs[u.Code], spans, preds); err != nil {
		return 0, w.fail(fmt.Errorf("store unit %s: %w", u.Code, err))
	}
	// The unit's revision (who, how, when) snapshots every field above.
	if err := w.catalogRevision(ctx, "unit", u.Code, u); err != nil {
		return 0, w.fail(fmt.Errorf("store unit %s: %w", u.Code, err))
	}
	return out, nil
}

type resolvedSpan struct {
	id   int64
	from string
}

// resolveSpans resolves every parent of u and refuses a loop: no parent
// may have u among the parents it ever had, up the tree.
func (w *Writer) resolveSpans(ctx context.Context, u Unit, found bool) ([]resolvedSpan, error) {
	var out []resolvedSpan
	for _, s := range u.spans() {
		field := "parent"
		if len(u.Parents) > 0 {
			field = "parents"
		}
		if s.Parent == u.Code {
			return nil, invalidField(field, s.Parent, "a unit cannot be its own parent")
		}
		pid, err := w.unitID(ctx, s.Parent)
		if err != nil {
			return nil, invalidField(field, s.Parent, "unknown parent unit; put the parent before its children")
		}
		if found {
			var cycle bool
			err = w.conn.QueryRowContext(ctx, `WITH RECURSIVE up(id) AS (
					SELECT ? UNION SELECT p.parent_id FROM unit_parents p JOIN up ON p.unit_id = up.id)
				SELECT EXISTS (SELECT 1 FROM up WHERE id = (SELECT id FROM units WHERE code = ?))`, pid, u.Code).Scan(&cycle)
			if err != nil {
				return nil, w.fail(fmt.Errorf("check parent of %s: %w", u.Code, err))
			}
			if cycle {
				return nil, invalidField(field, s.Parent, "that unit lies below %s; the hierarchy cannot loop", u.Code)
			}
		}
		out = append(out, resolvedSpan{pid, s.From})
	}
	return out, nil
}

// resolvePredecessors resolves every predecessor of u.
func (w *Writer) resolvePredecessors(ctx context.Context, u Unit) ([]resolvedSpan, error) {
	var out []resolvedSpan
	for _, p := range u.Predecessors {
		id, err := w.unitID(ctx, p.Unit)
		if err != nil {
			return nil, invalidField("predecessors", p.Unit, "unknown predecessor unit; put it before its successor")
		}
		out = append(out, resolvedSpan{id, p.Date})
	}
	return out, nil
}

// storeUnitLinks replaces a unit's parent spans and predecessors.
func (w *Writer) storeUnitLinks(ctx context.Context, id int64, spans, preds []resolvedSpan) error {
	if _, err := w.conn.ExecContext(ctx, `DELETE FROM unit_parents WHERE unit_id = ?`, id); err != nil {
		return err
	}
	for _, s := range spans {
		if _, err := w.conn.ExecContext(ctx, `INSERT INTO unit_parents (unit_id, valid_from, parent_id) VALUES (?, ?, ?)`,
			id, s.from, s.id); err != nil {
			return err
		}
	}
	if _, err := w.conn.ExecContext(ctx, `DELETE FROM unit_predecessors WHERE unit_id = ?`, id); err != nil {
		return err
	}
	for i, p := range preds {
		if _, err := w.conn.ExecContext(ctx, `INSERT INTO unit_predecessors (unit_id, predecessor_id, date, ord) VALUES (?, ?, ?, ?)`,
			id, p.id, p.from, i); err != nil {
			return err
		}
	}
	return nil
}

// mergeUnit fills what u leaves empty from the stored unit (see PutUnit).
func mergeUnit(stored, u Unit) Unit {
	if u.NameVI == "" {
		u.NameVI = stored.NameVI
	}
	if u.NameEN == "" {
		u.NameEN = stored.NameEN
	}
	switch {
	case len(u.Parents) > 0:
	case u.Parent == "" || u.Parent == stored.Parent:
		u.Parent, u.Parents = stored.Parent, stored.Parents
	}
	if u.ValidFrom == "" {
		u.ValidFrom = stored.ValidFrom
	}
	if u.ValidTo == "" {
		u.ValidTo = stored.ValidTo
	}
	if u.Predecessors == nil {
		u.Predecessors = stored.Predecessors
	}
	u.Depth = 0
	return u
}

// storedUnit reads a unit as the transaction sees it, with its parents,
// dates and predecessors.
func (w *Writer) storedUnit(ctx context.Context, code string) (Unit, bool, error) {
	s, err := w.stmt(ctx, `SELECT u.id, u.name_vi, u.name_en, coalesce(p.code, ''), u.synthetic, u.valid_from, u.valid_to
		FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.code = ?`)
	if err != nil {
		return Unit{}, false, err
	}
	u := Unit{Code: code}
	var id int64
	switch err := s.QueryRowContext(ctx, code).Scan(&id, &u.NameVI, &u.NameEN, &u.Parent, &u.Synthetic,
		&u.ValidFrom, &u.ValidTo); {
	case errors.Is(err, sql.ErrNoRows):
		return Unit{}, false, nil
	case err != nil:
		return Unit{}, false, w.fail(fmt.Errorf("read unit %s: %w", code, err))
	}
	w.unitIDs[code] = id
	links, err := readUnitLinks(ctx, w.conn, []int64{id})
	if err != nil {
		return Unit{}, false, w.fail(fmt.Errorf("read unit %s: %w", code, err))
	}
	u.Parents, u.Predecessors = links.parents[id], links.preds[id]
	return normalizeUnitTime(u), true, nil
}

// HasUnit reports whether a unit is stored or Put earlier in this writer.
func (w *Writer) HasUnit(ctx context.Context, code string) (bool, error) {
	if _, ok := w.putUnits[code]; ok {
		return true, nil
	}
	_, found, err := w.storedUnit(ctx, code)
	return found, err
}
