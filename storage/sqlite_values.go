package storage

import (
	"context"
	"database/sql/driver"
)

// loadPeriodValues is loadFigures for the figures of exactly period p among
// those cond selects, with only their periods and values (no reported_at,
// no percents): what a parent's children_sum_mismatch check reads, for
// thousands of children's figures, at four columns a row instead of seven.
func (db *DB) loadPeriodValues(ctx context.Context, asOf string, p Period, cond string, args ...any) (figures, error) {
	// One seek of the clustered key per unit × indicator: cond lists both.
	query := `SELECT unit_id, indicator_id, ` + packedSQL + `, value FROM figures
		WHERE (` + cond + `) AND year = ? AND last_month = ? AND first_month = ? AND reported_at <= ?` + figureOrder
	return db.scanFigures(ctx, query, 0, true, append(args, p.Year, p.Last, p.First, asOf))
}

// floatValue is a REAL column's value, nil when NULL.
func floatValue(v driver.Value) *float64 {
	switch v := v.(type) {
	case float64:
		return &v
	case int64:
		f := float64(v)
		return &f
	}
	return nil
}
