package storage

import (
	"context"
	"database/sql/driver"
)

// periodFigureOrder reads one period's figures of many units from the
// covering index observations_indicator in its own order: the figures of
// one unit and indicator then sit on a few neighbouring pages instead of
// one page of observations_unit each (a province's hundred children times
// its flows are thousands of seeks). Each unit × indicator's rows stay
// together only because the period is fixed.
const periodFigureOrder = ` ORDER BY indicator_id, year, last_month, first_month, unit_id, reported_at, id`

// loadPeriodValues is loadFigures for the figures of exactly period p among
// those cond selects, with only their periods and values (no reported_at,
// no percents): what a parent's children_sum_mismatch check reads, for
// thousands of children's figures, at four columns a row instead of seven.
func (db *DB) loadPeriodValues(ctx context.Context, asOf string, p Period, cond string, args ...any) (figures, error) {
	query := `SELECT unit_id, indicator_id, ` + packedSQL + `, value FROM observations INDEXED BY observations_indicator
		WHERE (` + cond + `) AND year = ? AND last_month = ? AND first_month = ? AND reported_at <= ?` + periodFigureOrder
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
