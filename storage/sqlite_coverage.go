package storage

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Reported says how many of a set of units reported an indicator for a
// period.
type Reported struct {
	Indicator string `json:"indicator"`
	Period    Period `json:"period"`
	Units     int    `json:"units"`
}

// Coverage answers "what do these units report?": for every indicator and
// period in which at least one of the units has a figure known on asOf that
// is not retracted, how many of the units have one. Pages use it to open a
// comparison on data (the indicator most children report, the latest period
// they report it for) and to offer only indicators that exist. The list is
// ordered by indicator code, then by period, latest end month first and
// longer spans first. Unknown unit codes are CodeNotFound; no unit gives an
// empty list. A figure whose latest revision is a retraction while an
// earlier one is not still counts: this is a guide for choosing, not a
// derived figure.
func (db *DB) Coverage(ctx context.Context, units []string, asOf string) ([]Reported, error) {
	asOf, err := resolveAsOf(asOf)
	if err != nil {
		return nil, err
	}
	if len(units) == 0 {
		return nil, nil
	}
	ids := make([]any, 0, len(units)+1)
	for _, code := range units {
		id, err := db.unitIDOf(ctx, code)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	rows, err := db.r.QueryContext(ctx, `SELECT i.code, o.year, o.first_month, o.last_month, count(DISTINCT o.unit_id)
		FROM observations o JOIN indicators i ON i.id = o.indicator_id
		WHERE o.unit_id IN (`+marks+`) AND o.reported_at <= ? AND o.retracted = 0
		GROUP BY i.code, o.year, o.first_month, o.last_month`, append(ids, asOf)...)
	if err != nil {
		return nil, fmt.Errorf("read coverage: %w", err)
	}
	defer rows.Close()
	var out []Reported
	for rows.Next() {
		var r Reported
		if err := rows.Scan(&r.Indicator, &r.Period.Year, &r.Period.First, &r.Period.Last, &r.Units); err != nil {
			return nil, fmt.Errorf("read coverage: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read coverage: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Indicator != b.Indicator:
			return a.Indicator < b.Indicator
		case a.Period.EndMonth() != b.Period.EndMonth():
			return a.Period.EndMonth() > b.Period.EndMonth()
		}
		return a.Period.Months() > b.Period.Months()
	})
	return out, nil
}
