package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// plansOf returns the current row of every plan version of a unit (and
// indicator, unless 0) for the given years (all years when none), by
// indicator id.
func (db *DB) plansOf(ctx context.Context, unitID int64, indicatorID int64, years ...int) (map[int64][]Plan, error) {
	cond, args := `unit_id = ?`, []any{unitID}
	if indicatorID != 0 {
		cond, args = cond+` AND indicator_id = ?`, append(args, indicatorID)
	}
	if len(years) > 0 {
		lo, hi := slices.Min(years), slices.Max(years)
		cond += ` AND (year IN (` + placeholders(len(years)) + `) OR (year = 0 AND term_first <= ? AND term_last >= ?))`
		for _, y := range years {
			args = append(args, y)
		}
		args = append(args, hi, lo)
	}
	byUnit, err := db.plansWhere(ctx, cond, args...)
	if err != nil {
		return nil, err
	}
	if byUnit[unitID] == nil {
		return map[int64][]Plan{}, nil
	}
	return byUnit[unitID], nil
}

// plansWhere returns the current row of every plan version that cond
// selects, by unit id and indicator id. Rows come in key order and the last
// of each key is kept, which is cheaper than asking SQLite for the newest
// per key.
func (db *DB) plansWhere(ctx context.Context, cond string, args ...any) (map[int64]map[int64][]Plan, error) {
	return db.readPlans(ctx, false, cond, args)
}

// readPlans is plansWhere; prepared, for a condition without literal values
// that is asked often (one unit's plans read again after a write), prepares
// its statement once (see readStmt).
func (db *DB) readPlans(ctx context.Context, prepared bool, cond string, args []any) (map[int64]map[int64][]Plan, error) {
	query := `SELECT unit_id, indicator_id, year, basis, target, target_low, target_high,
		version, adopted_on, source, authority, reference, term_first, term_last FROM plans WHERE ` + cond + `
		ORDER BY unit_id, indicator_id, year, authority, term_first, term_last, version, id`
	var rows *sql.Rows
	var err error
	if prepared {
		var s *sql.Stmt
		if s, err = db.readStmt(ctx, query); err == nil {
			rows, err = s.QueryContext(ctx, args...)
		}
	} else {
		rows, err = db.r.QueryContext(ctx, query, args...)
	}
	if err != nil {
		return nil, fmt.Errorf("read plans: %w", err)
	}
	defer rows.Close()
	out := map[int64]map[int64][]Plan{}
	for rows.Next() {
		var uid, iid int64
		var p Plan
		var t, lo, hi sql.NullFloat64
		var first, last sql.NullInt64
		if err := rows.Scan(&uid, &iid, &p.Year, &p.Basis, &t, &lo, &hi, &p.Version, &p.AdoptedOn, &p.Source,
			&p.Authority, &p.Reference, &first, &last); err != nil {
			return nil, fmt.Errorf("read plans: %w", err)
		}
		p.Target, p.TargetLow, p.TargetHigh = floatPtr(t), floatPtr(lo), floatPtr(hi)
		p.Term = termOf(first, last)
		if out[uid] == nil {
			out[uid] = map[int64][]Plan{}
		}
		list := out[uid][iid]
		if n := len(list); n > 0 && list[n-1].Year == p.Year && list[n-1].Authority == p.Authority &&
			list[n-1].Term == p.Term && list[n-1].Version == p.Version {
			list[n-1] = p // a newer row of the same version
			continue
		}
		out[uid][iid] = append(list, p)
	}
	return out, rows.Err()
}

// termOf reads a plan's stored term columns.
func termOf(first, last sql.NullInt64) Term {
	if !first.Valid || !last.Valid {
		return Term{}
	}
	return Term{First: int(first.Int64), Last: int(last.Int64)}
}
