package storage

import (
	"context"
	"fmt"
	"slices"
)

// ChangeKind names what a write touches, for a writer's scope to decide on.
type ChangeKind string

// The kinds of Change.
const (
	ChangeFigure    ChangeKind = "figure"    // an observation or a plan of a stored unit
	ChangeUnit      ChangeKind = "unit"      // a unit declaration
	ChangeIndicator ChangeKind = "indicator" // an indicator declaration
)

// Change describes one write as the writer's transaction sees the stored
// data (including what was stored earlier in the same transaction), so that
// a scope decides by what is stored, never by what is declared.
type Change struct {
	Kind ChangeKind
	Code string // the unit (figure, unit) or indicator written
	// Path is, for a figure or a stored unit, the unit followed by its
	// stored ancestors (nearest first); for a new unit, its declared
	// parent followed by the parent's ancestors (empty for a new root).
	Path []string
	New  bool // the unit or indicator is not stored yet
	// For a stored unit or indicator: whether the declaration changes it at
	// all, moves the unit to another parent, or changes its synthetic mark.
	Changes, Moves, Synthetic bool
}

// Within reports whether unit lies on the change's path: the change
// concerns unit or one of the units below it.
func (c Change) Within(unit string) bool {
	for _, p := range c.Path {
		if p == unit {
			return true
		}
	}
	return false
}

// FigureChange describes writing figures or plans of unit. found is false
// when the unit is not stored (yet); Put then refuses it as unknown.
func (w *Writer) FigureChange(ctx context.Context, unit string) (Change, bool, error) {
	path, found, err := w.unitPath(ctx, unit)
	return Change{Kind: ChangeFigure, Code: unit, Path: path}, found, err
}

// UnitChange describes what PutUnit(u) would do. It stores nothing.
func (w *Writer) UnitChange(ctx context.Context, u Unit) (Change, error) {
	if err := w.usable(); err != nil {
		return Change{}, err
	}
	c := Change{Kind: ChangeUnit, Code: u.Code}
	u = normalizeUnitTime(u) // parents given with dates name the latest as Parent
	stored, found, err := w.storedUnit(ctx, u.Code)
	if err != nil {
		return c, err
	}
	if !found {
		c.New = true
		if u.Parent != "" {
			c.Path, _, err = w.unitPath(ctx, u.Parent)
		}
		return c, err
	}
	merged := mergeUnit(stored, u)
	c.Changes = !sameUnit(merged, stored)
	c.Moves = merged.Parent != stored.Parent || !slices.Equal(merged.spans(), stored.spans())
	c.Synthetic = merged.Synthetic != stored.Synthetic
	c.Path, _, err = w.unitPath(ctx, u.Code)
	return c, err
}

// StoredSynthetic reports the synthetic mark of a stored unit (false for a
// unit not stored), so a declaration that leaves the mark out keeps it.
func (w *Writer) StoredSynthetic(ctx context.Context, code string) (bool, error) {
	if err := w.usable(); err != nil {
		return false, err
	}
	u, _, err := w.storedUnit(ctx, code)
	return u.Synthetic, err
}

// IndicatorChange describes what PutIndicator(i) would do. It stores
// nothing.
func (w *Writer) IndicatorChange(ctx context.Context, i Indicator) (Change, error) {
	if err := w.usable(); err != nil {
		return Change{}, err
	}
	c := Change{Kind: ChangeIndicator, Code: i.Code}
	stored, found, err := w.storedIndicator(ctx, i.Code)
	if err != nil {
		return c, err
	}
	c.New = !found
	c.Changes = found && mergeIndicator(stored, i, true) != stored
	return c, nil
}

// unitPath returns code and its ancestors, nearest first, as this
// transaction sees them; found is false for a unit not stored.
func (w *Writer) unitPath(ctx context.Context, code string) ([]string, bool, error) {
	if err := w.usable(); err != nil {
		return nil, false, err
	}
	anc, err := ancestors(ctx, w.conn, code)
	if err != nil {
		return nil, false, w.fail(fmt.Errorf("scope of unit %s: %w", code, err))
	}
	if len(anc) == 0 {
		var n int
		if err := w.conn.QueryRowContext(ctx, `SELECT count(*) FROM units WHERE code = ?`, code).Scan(&n); err != nil {
			return nil, false, w.fail(fmt.Errorf("scope of unit %s: %w", code, err))
		}
		if n == 0 {
			return nil, false, nil
		}
	}
	return append([]string{code}, anc...), true, nil
}
