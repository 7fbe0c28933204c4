package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

func unitNotFound(code string) *Error {
	return Errorf(CodeNotFound, "unit %q not found; see /api/v1/units", code)
}

func indicatorNotFound(code string) *Error {
	return Errorf(CodeNotFound, "indicator %q not found; see /api/v1/indicators", code)
}

const unitSelect = `SELECT u.id, u.code, u.name_vi, u.name_en, coalesce(p.code, ''), u.synthetic, u.valid_from, u.valid_to
	FROM units u LEFT JOIN units p ON p.id = u.parent_id`

func scanUnit(s interface{ Scan(...any) error }) (Unit, int64, error) {
	var u Unit
	var id int64
	err := s.Scan(&id, &u.Code, &u.NameVI, &u.NameEN, &u.Parent, &u.Synthetic, &u.ValidFrom, &u.ValidTo)
	return u, id, err
}

// queryUnits runs a unitSelect query and fills each unit's dated parents
// and predecessors; it returns the units and their ids, never nil.
func (db *DB) queryUnits(ctx context.Context, query string, args ...any) ([]Unit, []int64, error) {
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out, ids := []Unit{}, []int64{}
	for rows.Next() {
		u, id, err := scanUnit(rows)
		if err != nil {
			return nil, nil, err
		}
		out, ids = append(out, u), append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows.Close()
	var links unitLinks
	if len(ids) < 500 {
		links, err = readUnitLinks(ctx, db.r, ids)
	} else {
		links, err = readUnitLinks(ctx, db.r, nil)
	}
	if err != nil {
		return nil, nil, err
	}
	for i := range out {
		links.fill(ids[i], &out[i])
	}
	return out, ids, nil
}

// Units returns every unit, current and retired, in hierarchy order by
// each unit's latest parent — roots first, each followed depth-first by its
// descendants, siblings by code — with Depth filled.
func (db *DB) Units(ctx context.Context) ([]Unit, error) {
	all, _, err := db.queryUnits(ctx, unitSelect+` ORDER BY u.code`)
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	kids := map[string][]Unit{}
	for _, u := range all {
		kids[u.Parent] = append(kids[u.Parent], u) // already sorted by code
	}
	out := make([]Unit, 0, len(all))
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		for _, u := range kids[parent] {
			u.Depth = depth
			out = append(out, u)
			walk(u.Code, depth+1)
		}
	}
	walk("", 0)
	return out, nil
}

// Unit returns one unit with Depth filled, or a CodeNotFound error naming
// the code. It is kept until units change (see unitRef).
func (db *DB) Unit(ctx context.Context, code string) (Unit, error) {
	r, err := db.unitRef(ctx, code)
	return r.Unit, err
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// unitRefByCode reads a unit, Depth filled, with its id.
func unitRefByCode(ctx context.Context, q querier, code string) (unitRef, error) {
	u, id, err := scanUnit(q.QueryRowContext(ctx, unitSelect+` WHERE u.code = ?`, code))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return unitRef{}, unitNotFound(code)
	case err != nil:
		return unitRef{}, fmt.Errorf("read unit %s: %w", code, err)
	}
	anc, err := ancestors(ctx, q, code)
	if err != nil {
		return unitRef{}, err
	}
	u.Depth = len(anc)
	links, err := readUnitLinks(ctx, q, []int64{id})
	if err != nil {
		return unitRef{}, err
	}
	links.fill(id, &u)
	return unitRef{u, id}, nil
}

// Children returns the unit's children in today's tree (see ChildrenAt);
// a unit without children gives an empty slice, an unknown one
// CodeNotFound.
func (db *DB) Children(ctx context.Context, code string) ([]Unit, error) {
	return db.ChildrenAt(ctx, code, today())
}

// Ancestors returns the codes of the unit's parent, grandparent, … up to
// its root; empty for a root, CodeNotFound for an unknown unit.
func (db *DB) Ancestors(ctx context.Context, code string) ([]string, error) {
	var exists bool
	if err := db.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM units WHERE code = ?)`, code).Scan(&exists); err != nil {
		return nil, fmt.Errorf("read unit %s: %w", code, err)
	}
	if !exists {
		return nil, unitNotFound(code)
	}
	return ancestors(ctx, db.r, code)
}

func ancestors(ctx context.Context, q querier, code string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `WITH RECURSIVE up(id, parent_id, n) AS (
			SELECT id, parent_id, 0 FROM units WHERE code = ?
			UNION ALL SELECT u.id, u.parent_id, up.n + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.n < 1000)
		SELECT u.code FROM up JOIN units u ON u.id = up.id WHERE up.n > 0 ORDER BY up.n`, code)
	if err != nil {
		return nil, fmt.Errorf("read ancestors of %s: %w", code, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("read ancestors of %s: %w", code, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

const indicatorSelect = `SELECT code, name_vi, name_en, measure, kind, direction, pace_profile, growth_basis,
	index_base, primary_authority, part_of FROM indicators`

func scanIndicator(s interface{ Scan(...any) error }) (Indicator, error) {
	var i Indicator
	err := s.Scan(&i.Code, &i.NameVI, &i.NameEN, &i.Measure, &i.Kind, &i.Direction, &i.PaceProfile, &i.GrowthBasis,
		&i.IndexBase, &i.PrimaryAuthority, &i.PartOf)
	return i, err
}

// Indicators returns every indicator: the catalog's in catalog order, then
// those users added, in the order they were added.
func (db *DB) Indicators(ctx context.Context) ([]Indicator, error) {
	rows, err := db.r.QueryContext(ctx, indicatorSelect+` ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list indicators: %w", err)
	}
	defer rows.Close()
	var out []Indicator
	for rows.Next() {
		i, err := scanIndicator(rows)
		if err != nil {
			return nil, fmt.Errorf("list indicators: %w", err)
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// Indicator returns one indicator, or a CodeNotFound error naming the code.
func (db *DB) Indicator(ctx context.Context, code string) (Indicator, error) {
	i, err := scanIndicator(db.r.QueryRowContext(ctx, indicatorSelect+` WHERE code = ?`, code))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Indicator{}, indicatorNotFound(code)
	case err != nil:
		return Indicator{}, fmt.Errorf("read indicator %s: %w", code, err)
	}
	return i, nil
}
