package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// invalidField is a validation error with field holding value; key is the
// reason's catalog key and args its arguments.
func invalidField(field, value, key string, args ...any) *Error {
	return Errorf(CodeValidation, "invalid %s %q: %s", field, value, Errorf(CodeValidation, key, args...)).
		WithDetails(Detail{Field: field, Value: value}.Says(key, args...))
}

// unitID returns the id of a stored unit (or one Put earlier in this
// writer), or a validation error naming the code.
func (w *Writer) unitID(ctx context.Context, code string) (int64, error) {
	if id, ok := w.unitIDs[code]; ok {
		return id, nil
	}
	s, err := w.stmt(ctx, `SELECT id FROM units WHERE code = ?`)
	if err != nil {
		return 0, err
	}
	var id int64
	switch err := s.QueryRowContext(ctx, code).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return 0, invalidField("unit", code, "unknown unit; add it to the units first")
	case err != nil:
		return 0, w.fail(fmt.Errorf("look up unit %s: %w", code, err))
	}
	w.unitIDs[code] = id
	return id, nil
}

// indicatorID is unitID for indicators.
func (w *Writer) indicatorID(ctx context.Context, code string) (int64, error) {
	if id, ok := w.indicatorIDs[code]; ok {
		return id, nil
	}
	s, err := w.stmt(ctx, `SELECT id FROM indicators WHERE code = ?`)
	if err != nil {
		return 0, err
	}
	var id int64
	switch err := s.QueryRowContext(ctx, code).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return 0, invalidField("indicator", code, "unknown indicator; add it to the indicators first (see /api/v1/indicators)")
	case err != nil:
		return 0, w.fail(fmt.Errorf("look up indicator %s: %w", code, err))
	}
	w.indicatorIDs[code] = id
	return id, nil
}

// PutUnit inserts a unit, or updates a stored unit's names, parent and
// synthetic mark. Empty names and an empty parent leave the stored ones.
// The parent must be stored or Put earlier in this writer and must not be
// the unit itself or one of its descendants.
func (w *Writer) PutUnit(ctx context.Context, u Unit) (Outcome, error) {
	if err := w.usable(); err != nil {
		return 0, err
	}
	stored, found, err := w.storedUnit(ctx, u.Code)
	if err != nil {
		return 0, err
	}
	merged := u
	if found {
		merged = mergeUnit(stored, u)
	}
	if bad := merged.Validate(); len(bad) > 0 {
		return 0, invalid(bad)
	}
	if prev, ok := w.putUnits[u.Code]; ok {
		if prev != merged {
			return 0, Errorf(CodeConflict, "unit %s is given twice with different names or parents; keep one", u.Code)
		}
		return OutcomeUnchanged, nil
	}
	if found && stored == merged {
		w.putUnits[u.Code] = merged
		return OutcomeUnchanged, nil
	}
	var parentID any
	if merged.Parent != "" {
		pid, err := w.checkParent(ctx, merged.Code, merged.Parent, found)
		if err != nil {
			return 0, err
		}
		parentID = pid
	}
	out := OutcomeUpdated
	if found {
		_, err = w.conn.ExecContext(ctx, `UPDATE units SET name_vi = ?, name_en = ?, parent_id = ?, synthetic = ? WHERE code = ?`,
			merged.NameVI, merged.NameEN, parentID, merged.Synthetic, merged.Code)
	} else {
		var res sql.Result
		res, err = w.conn.ExecContext(ctx, `INSERT INTO units (code, name_vi, name_en, parent_id, synthetic) VALUES (?, ?, ?, ?, ?)`,
			merged.Code, merged.NameVI, merged.NameEN, parentID, merged.Synthetic)
		if err == nil {
			var id int64
			if id, err = res.LastInsertId(); err == nil {
				w.unitIDs[merged.Code] = id
			}
		}
		out = OutcomeNew
		w.res.UnitsNew++
	}
	if err == nil {
		err = w.catalogRevision(ctx, "unit", merged.Code, merged)
	}
	if err != nil {
		return 0, w.fail(fmt.Errorf("store unit %s: %w", u.Code, err))
	}
	w.changed = true
	w.putUnits[u.Code] = merged
	return out, nil
}

func mergeUnit(stored, u Unit) Unit {
	if u.NameVI == "" {
		u.NameVI = stored.NameVI
	}
	if u.NameEN == "" {
		u.NameEN = stored.NameEN
	}
	if u.Parent == "" {
		u.Parent = stored.Parent
	}
	u.Depth = 0
	return u
}

// storedUnit reads a unit as the transaction sees it.
func (w *Writer) storedUnit(ctx context.Context, code string) (Unit, bool, error) {
	s, err := w.stmt(ctx, `SELECT u.id, u.name_vi, u.name_en, coalesce(p.code, ''), u.synthetic
		FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.code = ?`)
	if err != nil {
		return Unit{}, false, err
	}
	u := Unit{Code: code}
	var id int64
	switch err := s.QueryRowContext(ctx, code).Scan(&id, &u.NameVI, &u.NameEN, &u.Parent, &u.Synthetic); {
	case errors.Is(err, sql.ErrNoRows):
		return Unit{}, false, nil
	case err != nil:
		return Unit{}, false, w.fail(fmt.Errorf("read unit %s: %w", code, err))
	}
	w.unitIDs[code] = id
	return u, true, nil
}

// checkParent resolves the parent and refuses a cycle.
func (w *Writer) checkParent(ctx context.Context, code, parent string, exists bool) (int64, error) {
	if parent == code {
		return 0, invalidField("parent", parent, "a unit cannot be its own parent")
	}
	pid, err := w.unitID(ctx, parent)
	if err != nil {
		return 0, invalidField("parent", parent, "unknown parent unit; put the parent before its children")
	}
	if !exists {
		return pid, nil
	}
	var cycle bool
	err = w.conn.QueryRowContext(ctx, `WITH RECURSIVE up(id) AS (
			SELECT ? UNION SELECT u.parent_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL)
		SELECT EXISTS (SELECT 1 FROM up WHERE id = (SELECT id FROM units WHERE code = ?))`, pid, code).Scan(&cycle)
	if err != nil {
		return 0, w.fail(fmt.Errorf("check parent of %s: %w", code, err))
	}
	if cycle {
		return 0, invalidField("parent", parent, "that unit lies below %s; the hierarchy cannot loop", code)
	}
	return pid, nil
}

// PutIndicator inserts an indicator or updates a stored one. On insert,
// kind is required and direction, pace_profile and growth_basis default to
// up, linear and nominal; on update, empty fields leave the stored ones.
func (w *Writer) PutIndicator(ctx context.Context, i Indicator) (Outcome, error) {
	if err := w.usable(); err != nil {
		return 0, err
	}
	stored, found, err := w.storedIndicator(ctx, i.Code)
	if err != nil {
		return 0, err
	}
	merged := mergeIndicator(stored, i, found)
	if bad := merged.Validate(); len(bad) > 0 {
		return 0, invalid(bad)
	}
	if err := w.checkWhole(ctx, merged); err != nil {
		return 0, err
	}
	if prev, ok := w.putIndicators[i.Code]; ok {
		if prev != merged {
			return 0, Errorf(CodeConflict, "indicator %s is given twice with different attributes; keep one", i.Code)
		}
		return OutcomeUnchanged, nil
	}
	w.putIndicators[i.Code] = merged
	if found && stored == merged {
		return OutcomeUnchanged, nil
	}
	args := []any{merged.NameVI, merged.NameEN, merged.Measure, merged.Kind, merged.Direction,
		merged.PaceProfile, merged.GrowthBasis, merged.IndexBase, string(merged.PrimaryAuthority), merged.PartOf, merged.Code}
	out := OutcomeUpdated
	if found {
		_, err = w.conn.ExecContext(ctx, `UPDATE indicators SET name_vi = ?, name_en = ?, measure = ?, kind = ?,
			direction = ?, pace_profile = ?, growth_basis = ?, index_base = ?, primary_authority = ?, part_of = ? WHERE code = ?`, args...)
	} else {
		var res sql.Result
		res, err = w.conn.ExecContext(ctx, `INSERT INTO indicators (name_vi, name_en, measure, kind, direction,
			pace_profile, growth_basis, index_base, primary_authority, part_of, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err == nil {
			var id int64
			if id, err = res.LastInsertId(); err == nil {
				w.indicatorIDs[i.Code] = id
			}
		}
		out = OutcomeNew
		w.res.IndicatorsNew++
	}
	if err == nil {
		err = w.catalogRevision(ctx, "indicator", merged.Code, merged)
	}
	if err != nil {
		delete(w.putIndicators, i.Code)
		return 0, w.fail(fmt.Errorf("store indicator %s: %w", i.Code, err))
	}
	w.changed = true
	return out, nil
}

func mergeIndicator(stored, i Indicator, found bool) Indicator {
	def := Indicator{Direction: DirectionUp, PaceProfile: PaceLinear, GrowthBasis: GrowthNominal}
	if found {
		def = stored
	}
	fill := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	fill(&i.NameVI, def.NameVI)
	fill(&i.NameEN, def.NameEN)
	fill(&i.Measure, def.Measure)
	fill((*string)(&i.Kind), string(def.Kind))
	fill((*string)(&i.Direction), string(def.Direction))
	fill((*string)(&i.PaceProfile), string(def.PaceProfile))
	fill((*string)(&i.GrowthBasis), string(def.GrowthBasis))
	fill((*string)(&i.PrimaryAuthority), string(def.PrimaryAuthority))
	fill(&i.PartOf, def.PartOf)
	switch {
	case i.IndexBase != "" || i.GrowthBasis != GrowthIndex:
		// given (validated later), or none: leaving index for another basis drops the stored base
	case def.GrowthBasis == GrowthIndex && def.IndexBase != "":
		i.IndexBase = def.IndexBase
	default:
		i.IndexBase = IndexSamePeriodLastYear
	}
	return i
}

// storedIndicator reads an indicator as the transaction sees it.
func (w *Writer) storedIndicator(ctx context.Context, code string) (Indicator, bool, error) {
	s, err := w.stmt(ctx, `SELECT id, name_vi, name_en, measure, kind, direction, pace_profile, growth_basis,
		index_base, primary_authority, part_of FROM indicators WHERE code = ?`)
	if err != nil {
		return Indicator{}, false, err
	}
	i := Indicator{Code: code}
	var id int64
	switch err := s.QueryRowContext(ctx, code).Scan(&id, &i.NameVI, &i.NameEN, &i.Measure, &i.Kind,
		&i.Direction, &i.PaceProfile, &i.GrowthBasis, &i.IndexBase, &i.PrimaryAuthority, &i.PartOf); {
	case errors.Is(err, sql.ErrNoRows):
		return Indicator{}, false, nil
	case err != nil:
		return Indicator{}, false, w.fail(fmt.Errorf("read indicator %s: %w", code, err))
	}
	w.indicatorIDs[code] = id
	return i, true, nil
}
