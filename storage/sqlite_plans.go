package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

const planSelect = `SELECT u.code, i.code, p.year, p.basis, p.target, p.target_low, p.target_high, p.version,
	p.adopted_on, p.source, p.via, p.token_name, p.file_name, p.recorded_at, p.authority, p.reference,
	p.term_first, p.term_last
	FROM plans p JOIN units u ON u.id = p.unit_id JOIN indicators i ON i.id = p.indicator_id`

// currentPlanCond keeps the newest row of each plan key.
const currentPlanCond = `NOT EXISTS (SELECT 1 FROM plans q WHERE q.unit_id = p.unit_id
	AND q.indicator_id = p.indicator_id AND q.year = p.year AND q.authority = p.authority
	AND q.term_first IS p.term_first AND q.term_last IS p.term_last AND q.version = p.version AND q.id > p.id)`

// Plans returns the plans f selects ordered by unit, indicator, year,
// adoption date and storage order, each with its provenance; never nil.
// An unknown unit or indicator is CodeNotFound.
func (db *DB) Plans(ctx context.Context, f PlanFilter) ([]Plan, error) {
	var conds []string
	var args []any
	if f.Unit != "" {
		id, err := db.unitIDOf(ctx, f.Unit)
		if err != nil {
			return nil, err
		}
		conds, args = append(conds, "p.unit_id = ?"), append(args, id)
	}
	if f.Indicator != "" {
		id, err := db.indicatorIDOf(ctx, f.Indicator)
		if err != nil {
			return nil, err
		}
		conds, args = append(conds, "p.indicator_id = ?"), append(args, id)
	}
	if f.Year != 0 {
		conds = append(conds, "(p.year = ? OR (p.year = 0 AND p.term_first <= ? AND p.term_last >= ?))")
		args = append(args, f.Year, f.Year, f.Year)
	}
	if !f.History {
		conds = append(conds, currentPlanCond)
	}
	q := planSelect
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	return queryPlans(ctx, db.r, q+` ORDER BY u.code, i.code, p.year, p.term_first, p.adopted_on, p.id`, args...)
}

func queryPlans(ctx context.Context, q querier, query string, args ...any) ([]Plan, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read plans: %w", err)
	}
	defer rows.Close()
	out := []Plan{}
	for rows.Next() {
		var p Plan
		var t, lo, hi sql.NullFloat64
		var first, last sql.NullInt64
		var prov Provenance
		var recorded string
		if err := rows.Scan(&p.Unit, &p.Indicator, &p.Year, &p.Basis, &t, &lo, &hi, &p.Version, &p.AdoptedOn,
			&p.Source, &prov.Via, &prov.TokenName, &prov.FileName, &recorded, &p.Authority, &p.Reference,
			&first, &last); err != nil {
			return nil, fmt.Errorf("read plans: %w", err)
		}
		p.Target, p.TargetLow, p.TargetHigh = floatPtr(t), floatPtr(lo), floatPtr(hi)
		p.Term = termOf(first, last)
		prov.RecordedAt, _ = time.Parse(time.RFC3339Nano, recorded)
		p.Provenance = &prov
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read plans: %w", err)
	}
	return out, nil
}
