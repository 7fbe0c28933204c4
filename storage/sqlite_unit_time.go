package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// unitLinks are units' dated parents and predecessors, by unit id.
type unitLinks struct {
	parents map[int64][]ParentSpan
	preds   map[int64][]Predecessor
}

// readUnitLinks reads the parent spans and predecessors of the units ids,
// or, when ids is nil, of every unit with a dated parent and every
// succession: the few rows a listing of all units needs beyond units itself.
func readUnitLinks(ctx context.Context, q querier, ids []int64) (unitLinks, error) {
	out := unitLinks{parents: map[int64][]ParentSpan{}, preds: map[int64][]Predecessor{}}
	spanCond := `p.unit_id IN (SELECT unit_id FROM unit_parents WHERE valid_from <> '')`
	predCond := `1`
	if ids != nil {
		spanCond = `p.unit_id IN (` + idList(ids) + `)`
		predCond = `s.unit_id IN (` + idList(ids) + `)`
	}
	err := eachRow(ctx, q, `SELECT p.unit_id, u.code, p.valid_from FROM unit_parents p JOIN units u ON u.id = p.parent_id
		WHERE `+spanCond+` ORDER BY p.unit_id, p.valid_from`, func(id int64, code, date string) {
		out.parents[id] = append(out.parents[id], ParentSpan{Parent: code, From: date})
	})
	if err != nil {
		return unitLinks{}, err
	}
	err = eachRow(ctx, q, `SELECT s.unit_id, u.code, s.date FROM unit_predecessors s JOIN units u ON u.id = s.predecessor_id
		WHERE `+predCond+` ORDER BY s.unit_id, s.ord`, func(id int64, code, date string) {
		out.preds[id] = append(out.preds[id], Predecessor{Unit: code, Date: date})
	})
	return out, err
}

// fill sets a unit's Parents and Predecessors from the links.
func (l unitLinks) fill(id int64, u *Unit) {
	u.Parents, u.Predecessors = l.parents[id], l.preds[id]
	*u = normalizeUnitTime(*u)
}

func eachRow(ctx context.Context, q querier, query string, fn func(id int64, code, date string)) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("read unit history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var code, date string
		if err := rows.Scan(&id, &code, &date); err != nil {
			return fmt.Errorf("read unit history: %w", err)
		}
		fn(id, code, date)
	}
	return rows.Err()
}

// childrenAtSQL is a subquery selecting the ids of the units valid on date
// whose parent in force on date is among those inner selects; its
// arguments are inner's followed by its own.
func childrenAtSQL(inner string, innerArgs []any, date string) (string, []any) {
	q := `SELECT up.unit_id FROM unit_parents up JOIN units c ON c.id = up.unit_id
		WHERE up.parent_id IN (` + inner + `) AND up.valid_from <= ?
		AND NOT EXISTS (SELECT 1 FROM unit_parents n
			WHERE n.unit_id = up.unit_id AND n.valid_from > up.valid_from AND n.valid_from <= ?)
		AND c.valid_from <= ? AND (c.valid_to = '' OR c.valid_to >= ?)`
	return q, append(slices.Clone(innerArgs), date, date, date, date)
}

// belowAt is a subquery, with its arguments, selecting the ids of the
// units level levels below the unit id in the tree in force on date (SPEC
// §2: a tree, a children sum or a comparison uses the parent in force).
func belowAt(id int64, level int, date string) (string, []any) {
	q, args := `?`, []any{id}
	for i := 0; i < level; i++ {
		q, args = childrenAtSQL(q, args, date)
	}
	return q, args
}

// childrenOf returns the ids and codes of a unit's children in the tree in
// force on date. It is kept until units or their tree change (the map is
// shared: do not modify it).
func (db *DB) childrenOf(ctx context.Context, id int64, date string) (map[int64]string, error) {
	return memoized(ctx, db, fmt.Sprintf("childrenof\x00%d\x00%s", id, date), "", func(ctx context.Context, _ int64) (map[int64]string, []pair, error) {
		sub, args := belowAt(id, 1, date)
		kids, err := db.unitsWhere(ctx, `id IN (`+sub+`)`, args...)
		return kids, nil, err // no pair: only a change of units (which invalidates everything) moves it
	})
}

// ChildrenAt returns the unit's children in the tree in force on date
// (YYYY-MM-DD): the units valid that day whose parent that day is the unit,
// by code, Depth filled. An unknown unit is CodeNotFound.
func (db *DB) ChildrenAt(ctx context.Context, code, date string) ([]Unit, error) {
	if !isDate(date) {
		return nil, invalidField("date", date, "a date is YYYY-MM-DD")
	}
	kids, err := memoized(ctx, db, "childrenat\x00"+code+"\x00"+date, "", func(ctx context.Context, _ int64) ([]Unit, []pair, error) {
		kids, err := db.readChildrenAt(ctx, code, date)
		return kids, nil, err // no pair: only a change of units (which invalidates everything) moves it
	})
	return slices.Clone(kids), err
}

func (db *DB) readChildrenAt(ctx context.Context, code, date string) ([]Unit, error) {
	parent, err := db.unitRef(ctx, code)
	if err != nil {
		return nil, err
	}
	sub, args := belowAt(parent.id, 1, date)
	out, _, err := db.queryUnits(ctx, unitSelect+` WHERE u.id IN (`+sub+`) ORDER BY u.code`, args...)
	if err != nil {
		return nil, fmt.Errorf("list children of %s: %w", code, err)
	}
	for i := range out {
		out[i].Depth = parent.Depth + 1
	}
	return out, nil
}

// AncestorsAt returns the codes of the unit's parent in force on date, that
// parent's parent in force on date, and so on up to a root; empty for a
// unit without a parent that day, CodeNotFound for an unknown unit.
func (db *DB) AncestorsAt(ctx context.Context, code, date string) ([]string, error) {
	if !isDate(date) {
		return nil, invalidField("date", date, "a date is YYYY-MM-DD")
	}
	u, err := db.unitRef(ctx, code)
	if err != nil {
		return nil, err
	}
	out, seen := []string{}, map[int64]bool{u.id: true}
	for id := u.id; ; {
		var pid int64
		var pcode string
		err := db.r.QueryRowContext(ctx, `SELECT p.id, p.code FROM unit_parents up JOIN units p ON p.id = up.parent_id
			WHERE up.unit_id = ? AND up.valid_from <= ? ORDER BY up.valid_from DESC LIMIT 1`, id, date).Scan(&pid, &pcode)
		switch {
		case errors.Is(err, sql.ErrNoRows) || (err == nil && seen[pid]):
			return out, nil // no parent that day, or a loop the writer refused
		case err != nil:
			return nil, fmt.Errorf("read ancestors of %s: %w", code, err)
		}
		seen[pid] = true
		out = append(out, pcode)
		id = pid
	}
}

// Successors returns the units that took over the unit's territory (those
// naming it among their predecessors), by code; CodeNotFound for an
// unknown unit.
func (db *DB) Successors(ctx context.Context, code string) ([]Unit, error) {
	u, err := db.unitRef(ctx, code)
	if err != nil {
		return nil, err
	}
	out, _, err := db.queryUnits(ctx, unitSelect+` WHERE u.id IN (SELECT unit_id FROM unit_predecessors WHERE predecessor_id = ?)
		ORDER BY u.code`, u.id)
	if err != nil {
		return nil, fmt.Errorf("list successors of %s: %w", code, err)
	}
	return out, nil
}

// unitStarts returns the valid_from of every unit that has one, by code.
func (db *DB) unitStarts(ctx context.Context) (map[string]string, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT code, valid_from FROM units WHERE valid_from <> ''`)
	if err != nil {
		return nil, fmt.Errorf("read units: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var code, from string
		if err := rows.Scan(&code, &from); err != nil {
			return nil, fmt.Errorf("read units: %w", err)
		}
		out[code] = from
	}
	return out, rows.Err()
}
