package storage

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// figures holds current, non-retracted figures by unit id, then indicator id.
type figures map[int64]map[int64][]Observation

// figureSelect reads only the columns the derived figures need, all of
// them in the covering index observations_unit, in its order.
const figureSelect = `SELECT unit_id, indicator_id, year, first_month, last_month, reported_at, id, retracted,
	value, report_status, reported_plan_percent, reported_yoy_percent FROM observations`

const figureOrder = ` ORDER BY unit_id, indicator_id, year, last_month, first_month, reported_at, id`

// loadFigures returns the current revision as of asOf of every figure cond
// selects, retracted ones left out.
func (db *DB) loadFigures(ctx context.Context, asOf, cond string, args ...any) (figures, error) {
	rows, err := db.r.QueryContext(ctx, figureSelect+` WHERE (`+cond+`) AND reported_at <= ?`+figureOrder,
		append(args, asOf)...)
	if err != nil {
		return nil, fmt.Errorf("read figures: %w", err)
	}
	defer rows.Close()
	out := figures{}
	var lastUnit, lastInd int64 = -1, -1
	var list []Observation
	flush := func() {
		if lastUnit < 0 {
			return
		}
		kept := list[:0]
		for _, o := range list {
			if !o.Retracted {
				kept = append(kept, o)
			}
		}
		if len(kept) > 0 {
			if out[lastUnit] == nil {
				out[lastUnit] = map[int64][]Observation{}
			}
			out[lastUnit][lastInd] = kept
		}
	}
	for rows.Next() {
		var uid, iid int64
		var o Observation
		var v sql.NullFloat64
		var pp, yp sql.NullString
		if err := rows.Scan(&uid, &iid, &o.Period.Year, &o.Period.First, &o.Period.Last, &o.ReportedAt,
			&o.Revision, &o.Retracted, &v, &o.ReportStatus, &pp, &yp); err != nil {
			return nil, fmt.Errorf("read figures: %w", err)
		}
		o.Value = floatPtr(v)
		if pp.Valid {
			o.ReportedPlanPercent = percentPtr(pp)
		}
		if yp.Valid {
			o.ReportedYoYPercent = percentPtr(yp)
		}
		if uid != lastUnit || iid != lastInd {
			flush()
			lastUnit, lastInd, list = uid, iid, nil
		}
		if n := len(list); n > 0 && list[n-1].Period == o.Period {
			list[n-1] = o // a later revision of the same figure
			continue
		}
		list = append(list, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read figures: %w", err)
	}
	flush()
	return out, nil
}

// indicatorSet is every indicator by id, and the ids in catalog order.
type indicatorSet struct {
	byID  map[int64]Indicator
	order []int64
}

func (db *DB) indicatorSet(ctx context.Context) (indicatorSet, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, code, name_vi, name_en, measure, kind, direction,
		pace_profile, growth_basis FROM indicators ORDER BY id`)
	if err != nil {
		return indicatorSet{}, fmt.Errorf("list indicators: %w", err)
	}
	defer rows.Close()
	s := indicatorSet{byID: map[int64]Indicator{}}
	for rows.Next() {
		var id int64
		var i Indicator
		if err := rows.Scan(&id, &i.Code, &i.NameVI, &i.NameEN, &i.Measure, &i.Kind, &i.Direction,
			&i.PaceProfile, &i.GrowthBasis); err != nil {
			return indicatorSet{}, fmt.Errorf("list indicators: %w", err)
		}
		s.byID[id] = i
		s.order = append(s.order, id)
	}
	return s, rows.Err()
}

// unitRef is a unit with its id.
type unitRef struct {
	Unit
	id int64
}

// unitRef resolves a unit code, Depth filled, or CodeNotFound.
func (db *DB) unitRef(ctx context.Context, code string) (unitRef, error) {
	u, err := db.Unit(ctx, code)
	if err != nil {
		return unitRef{}, err
	}
	id, err := db.unitIDOf(ctx, code)
	return unitRef{u, id}, err
}

// childrenOf returns the ids and codes of a unit's direct children.
func (db *DB) childrenOf(ctx context.Context, id int64) (map[int64]string, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, code FROM units WHERE parent_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("list children: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var cid int64
		var code string
		if err := rows.Scan(&cid, &code); err != nil {
			return nil, fmt.Errorf("list children: %w", err)
		}
		out[cid] = code
	}
	return out, rows.Err()
}

// plansOf returns the current row of every plan version of a unit for the
// given years (all years when none), by indicator id.
func (db *DB) plansOf(ctx context.Context, unitID int64, indicatorID int64, years ...int) (map[int64][]Plan, error) {
	q := `SELECT p.indicator_id, p.year, p.basis, p.target, p.target_low, p.target_high, p.version, p.adopted_on,
		p.source FROM plans p WHERE p.unit_id = ? AND ` + currentPlanCond
	args := []any{unitID}
	if indicatorID != 0 {
		q, args = q+` AND p.indicator_id = ?`, append(args, indicatorID)
	}
	if len(years) > 0 {
		q += ` AND p.year IN (` + placeholders(len(years)) + `)`
		for _, y := range years {
			args = append(args, y)
		}
	}
	rows, err := db.r.QueryContext(ctx, q+` ORDER BY p.year, p.adopted_on, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("read plans: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Plan{}
	for rows.Next() {
		var iid int64
		var p Plan
		var t, lo, hi sql.NullFloat64
		if err := rows.Scan(&iid, &p.Year, &p.Basis, &t, &lo, &hi, &p.Version, &p.AdoptedOn, &p.Source); err != nil {
			return nil, fmt.Errorf("read plans: %w", err)
		}
		p.Target, p.TargetLow, p.TargetHigh = floatPtr(t), floatPtr(lo), floatPtr(hi)
		out[iid] = append(out[iid], p)
	}
	return out, rows.Err()
}

func placeholders(n int) string {
	b := make([]byte, 0, 2*n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}

// figuresFor keeps the figures Facts needs at p: every figure of p's year
// and the year before, and p's span in every year.
func figuresFor(all []Observation, p Period) []Observation {
	out := make([]Observation, 0, len(all))
	for _, o := range all {
		if o.Period.Year == p.Year || o.Period.Year == p.Year-1 ||
			(o.Period.First == p.First && o.Period.Last == p.Last) {
			out = append(out, o)
		}
	}
	return out
}

// childFigures gives each child's figures of p's year that end by p's end.
func childFigures(kids map[int64]string, figs figures, indicatorID int64, p Period) map[string][]Observation {
	out := map[string][]Observation{}
	for cid, code := range kids {
		for _, o := range figs[cid][indicatorID] {
			if o.Period.Year == p.Year && o.Period.Last <= p.Last {
				out[code] = append(out[code], o)
			}
		}
	}
	return out
}

// hasFigureBy reports whether any figure lies in p's year and ends by p's end.
func hasFigureBy(figs []Observation, p Period) bool {
	for _, o := range figs {
		if o.Period.Year == p.Year && o.Period.Last <= p.Last {
			return true
		}
	}
	return false
}

// sortedIDs returns map keys in ascending order.
func sortedIDs[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
