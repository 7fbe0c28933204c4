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
