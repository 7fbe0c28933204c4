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

const unitSelect = `SELECT u.code, u.name_vi, u.name_en, coalesce(p.code, ''), u.synthetic
	FROM units u LEFT JOIN units p ON p.id = u.parent_id`

func scanUnits(rows *sql.Rows) ([]Unit, error) {
	defer rows.Close()
	var out []Unit
	for rows.Next() {
		var u Unit
		if err := rows.Scan(&u.Code, &u.NameVI, &u.NameEN, &u.Parent, &u.Synthetic); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Units returns every unit in hierarchy order — roots first, each followed
// depth-first by its descendants, siblings by code — with Depth filled.
func (db *DB) Units(ctx context.Context) ([]Unit, error) {
	rows, err := db.r.QueryContext(ctx, unitSelect+` ORDER BY u.code`)
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	all, err := scanUnits(rows)
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
// the code.
func (db *DB) Unit(ctx context.Context, code string) (Unit, error) {
	return unitByCode(ctx, db.r, code)
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func unitByCode(ctx context.Context, q querier, code string) (Unit, error) {
	var u Unit
	err := q.QueryRowContext(ctx, unitSelect+` WHERE u.code = ?`, code).
		Scan(&u.Code, &u.NameVI, &u.NameEN, &u.Parent, &u.Synthetic)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Unit{}, unitNotFound(code)
	case err != nil:
		return Unit{}, fmt.Errorf("read unit %s: %w", code, err)
	}
	anc, err := ancestors(ctx, q, code)
	if err != nil {
		return Unit{}, err
	}
	u.Depth = len(anc)
	return u, nil
}

// Children returns the unit's direct children by code, Depth filled; a
// unit without children gives an empty slice, an unknown one CodeNotFound.
func (db *DB) Children(ctx context.Context, code string) ([]Unit, error) {
	parent, err := db.Unit(ctx, code)
	if err != nil {
		return nil, err
	}
	rows, err := db.r.QueryContext(ctx, unitSelect+` WHERE p.code = ? ORDER BY u.code`, code)
	if err != nil {
		return nil, fmt.Errorf("list children of %s: %w", code, err)
	}
	out, err := scanUnits(rows)
	if err != nil {
		return nil, fmt.Errorf("list children of %s: %w", code, err)
	}
	for i := range out {
		out[i].Depth = parent.Depth + 1
	}
	if out == nil {
		out = []Unit{}
	}
	return out, nil
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
