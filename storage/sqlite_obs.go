package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

const obsSelect = `SELECT u.code, i.code, o.year, o.first_month, o.last_month, o.id, o.value,
	o.report_status, o.reported_plan_percent, o.reported_yoy_percent, o.reported_at, o.source, o.quote,
	o.retracted, o.via, o.token_name, o.file_name, o.recorded_at, o.reported_plan_percents, o.synthetic
	FROM observations o JOIN units u ON u.id = o.unit_id JOIN indicators i ON i.id = o.indicator_id`

// obsOrder groups revisions by figure, periods by end month (longest span
// first) and revisions by (reported_at, id): the key order of figures.
const obsOrder = ` ORDER BY o.unit_id, o.indicator_id, o.year, o.last_month, o.first_month, o.reported_at, o.id`

// EachObservation calls fn for every observation f selects, grouped by unit
// and indicator, periods by end month, streaming from the database; it
// stops at fn's first error and returns it.
func (db *DB) EachObservation(ctx context.Context, f ObservationFilter, fn func(Observation) error) error {
	where, args, err := db.observationWhere(ctx, &f)
	if err != nil {
		return err
	}
	starts, err := db.unitStarts(ctx)
	if err != nil {
		return err
	}
	rows, err := db.r.QueryContext(ctx, obsSelect+where+obsOrder, args...)
	if err != nil {
		return fmt.Errorf("read observations: %w", err)
	}
	defer rows.Close()
	var pending Observation
	have := false
	emit := func() error {
		if !have || (pending.Retracted && !f.IncludeRetracted) {
			return nil
		}
		return fn(pending)
	}
	for rows.Next() {
		o, err := scanObservation(rows)
		if err != nil {
			return fmt.Errorf("read observations: %w", err)
		}
		// A figure of a period that ended before its unit began can only
		// be a reconstruction, imported as such (SPEC §2).
		o.Reconstructed = starts[o.Unit] != "" && periodEndDate(o.Period) < starts[o.Unit]
		if f.History {
			if err := fn(o); err != nil {
				return err
			}
			continue
		}
		if have && (o.Unit != pending.Unit || o.Indicator != pending.Indicator || o.Period != pending.Period) {
			if err := emit(); err != nil {
				return err
			}
		}
		pending, have = o, true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read observations: %w", err)
	}
	if !f.History {
		return emit()
	}
	return nil
}

// Observations collects what EachObservation streams; never nil.
func (db *DB) Observations(ctx context.Context, f ObservationFilter) ([]Observation, error) {
	out := []Observation{}
	err := db.EachObservation(ctx, f, func(o Observation) error {
		out = append(out, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// observationWhere builds the WHERE clause of f, resolving codes to ids so
// that unknown codes are CodeNotFound errors.
func (db *DB) observationWhere(ctx context.Context, f *ObservationFilter) (string, []any, error) {
	var conds []string
	var args []any
	if f.Unit != "" {
		id, err := db.unitIDOf(ctx, f.Unit)
		if err != nil {
			return "", nil, err
		}
		conds, args = append(conds, "o.unit_id = ?"), append(args, id)
	}
	if f.Indicator != "" {
		id, err := db.indicatorIDOf(ctx, f.Indicator)
		if err != nil {
			return "", nil, err
		}
		conds, args = append(conds, "o.indicator_id = ?"), append(args, id)
	}
	if !f.From.IsZero() {
		conds = append(conds, "(o.year > ? OR (o.year = ? AND o.last_month >= ?))")
		args = append(args, f.From.Year, f.From.Year, f.From.Last)
	}
	if !f.To.IsZero() {
		conds = append(conds, "(o.year < ? OR (o.year = ? AND o.last_month <= ?))")
		args = append(args, f.To.Year, f.To.Year, f.To.Last)
	}
	if f.AsOf != "" || !f.History {
		asOf, err := resolveAsOf(f.AsOf)
		if err != nil {
			return "", nil, err
		}
		conds, args = append(conds, "o.reported_at <= ?"), append(args, asOf)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func (db *DB) unitIDOf(ctx context.Context, code string) (int64, error) {
	var id int64
	err := db.r.QueryRowContext(ctx, `SELECT id FROM units WHERE code = ?`, code).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, unitNotFound(code)
	case err != nil:
		return 0, fmt.Errorf("read unit %s: %w", code, err)
	}
	return id, nil
}

func (db *DB) indicatorIDOf(ctx context.Context, code string) (int64, error) {
	var id int64
	err := db.r.QueryRowContext(ctx, `SELECT id FROM indicators WHERE code = ?`, code).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, indicatorNotFound(code)
	case err != nil:
		return 0, fmt.Errorf("read indicator %s: %w", code, err)
	}
	return id, nil
}

// scanObservation reads one row of obsSelect, provenance included.
func scanObservation(rows *sql.Rows) (Observation, error) {
	var o Observation
	var v sql.NullFloat64
	var pp, yp, pps sql.NullString
	var prov Provenance
	var recorded string
	err := rows.Scan(&o.Unit, &o.Indicator, &o.Period.Year, &o.Period.First, &o.Period.Last, &o.Revision, &v,
		&o.ReportStatus, &pp, &yp, &o.ReportedAt, &o.Source, &o.Quote, &o.Retracted,
		&prov.Via, &prov.TokenName, &prov.FileName, &recorded, &pps, &o.Synthetic)
	if err != nil {
		return o, err
	}
	o.ReportedPlanPercents = planPercentsOf(pps.String)
	o.Value = floatPtr(v)
	o.ReportedPlanPercent = percentPtr(pp)
	o.ReportedYoYPercent = percentPtr(yp)
	prov.RecordedAt, _ = time.Parse(time.RFC3339Nano, recorded)
	o.Provenance = &prov
	return o, nil
}

// Revisions returns every revision of one figure, retractions included,
// oldest first in (reported_at, revision) order — the last is the current
// one — each with its provenance. No revisions gives an empty slice; an
// unknown unit or indicator is CodeNotFound.
func (db *DB) Revisions(ctx context.Context, unit, indicator string, p Period) ([]Observation, error) {
	if unit == "" || indicator == "" {
		return nil, Errorf(CodeInvalid, "revisions need a unit and an indicator")
	}
	var out []Observation
	err := db.EachObservation(ctx, ObservationFilter{Unit: unit, Indicator: indicator, From: p, To: p, History: true},
		func(o Observation) error {
			if o.Period == p {
				out = append(out, o)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []Observation{}
	}
	return out, nil
}
