package storage

import (
	"context"
	"fmt"
)

// QualityFilter selects data-quality flags; empty fields (Year 0) select
// everything. AsOf "" means today.
type QualityFilter struct {
	Unit, Indicator string
	Year            int
	AsOf            string
}

// Quality derives every unit × indicator f selects at each month end with
// a representative period (in f.Year, if set) and returns the flags raised,
// by unit in hierarchy order, indicator in catalog order, then period;
// never nil. Unknown codes are CodeNotFound.
func (db *DB) Quality(ctx context.Context, f QualityFilter) ([]Flag, error) {
	asOf, err := resolveAsOf(f.AsOf)
	if err != nil {
		return nil, err
	}
	units, err := db.unitRefs(ctx, -1)
	if err != nil {
		return nil, err
	}
	if f.Unit != "" {
		u, err := db.unitRef(ctx, f.Unit)
		if err != nil {
			return nil, err
		}
		units = []unitRef{u}
	}
	cond, args := `1`, []any{}
	var only int64
	if f.Indicator != "" {
		if only, err = db.indicatorIDOf(ctx, f.Indicator); err != nil {
			return nil, err
		}
		cond, args = `indicator_id = ?`, []any{only}
	}
	inds, err := db.indicatorSet(ctx)
	if err != nil {
		return nil, err
	}
	flags := []Flag{}
	for _, u := range units {
		got, err := db.unitFlags(ctx, u, inds, f.Year, asOf, cond, args)
		if err != nil {
			return nil, err
		}
		flags = append(flags, got...)
	}
	return flags, nil
}

// unitFlags derives one unit's indicators that cond selects at every month end.
func (db *DB) unitFlags(ctx context.Context, u unitRef, inds indicatorSet, year int, asOf, cond string, args []any) ([]Flag, error) {
	figs, err := db.loadFigures(ctx, asOf, `unit_id = ? AND `+cond, append([]any{u.id}, args...)...)
	if err != nil || len(figs[u.id]) == 0 {
		return nil, err
	}
	kidCond, kidArgs := cond, args
	if year != 0 {
		kidCond, kidArgs = cond+` AND year = ?`, append(append([]any{}, args...), year)
	}
	kids, kidFigs, err := db.childrenFigures(ctx, u.id, asOf, kidCond, kidArgs...)
	if err != nil {
		return nil, err
	}
	plans, err := db.plansOf(ctx, u.id, 0)
	if err != nil {
		return nil, err
	}
	var out []Flag
	for _, iid := range inds.order {
		own := figs[u.id][iid]
		for _, p := range MonthEnds(own) {
			if year != 0 && p.Year != year {
				continue
			}
			it := Derive(Facts{Unit: u.Code, Indicator: inds.byID[iid], Period: p, AsOf: asOf,
				Figures: figuresFor(own, p), Plans: plans[iid], Children: childFigures(kids, kidFigs, iid, p),
				ChildCount: len(kids), Synthetic: u.Synthetic}, db.th)
			for _, fl := range it.Flags {
				if fl.Unit == "" {
					fl.Unit = u.Code
				}
				if fl.Indicator == "" {
					fl.Indicator = inds.byID[iid].Code
				}
				if fl.Period.IsZero() {
					fl.Period = p
				}
				out = append(out, fl)
			}
		}
	}
	return out, nil
}

// unitRefs returns every unit of depth ≤ maxDepth (all when negative) in
// hierarchy order, with ids.
func (db *DB) unitRefs(ctx context.Context, maxDepth int) ([]unitRef, error) {
	units, err := db.Units(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := db.r.QueryContext(ctx, `SELECT id, code FROM units`)
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	ids := map[string]int64{}
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return nil, fmt.Errorf("list units: %w", err)
		}
		ids[code] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	var out []unitRef
	for _, u := range units {
		if maxDepth < 0 || u.Depth <= maxDepth {
			out = append(out, unitRef{u, ids[u.Code]})
		}
	}
	return out, nil
}

// Latest derives, for every unit of depth ≤ maxDepth (every unit when
// negative) and every indicator it has figures for, the item at that unit
// × indicator's latest period as known on asOf, Unit set; for /metrics.
// Units in hierarchy order, indicators in catalog order; never nil.
func (db *DB) Latest(ctx context.Context, maxDepth int, asOf string) ([]Item, error) {
	asOf, err := resolveAsOf(asOf)
	if err != nil {
		return nil, err
	}
	units, err := db.unitRefs(ctx, maxDepth)
	if err != nil {
		return nil, err
	}
	inds, err := db.indicatorSet(ctx)
	if err != nil {
		return nil, err
	}
	items := []Item{}
	for _, u := range units {
		got, err := db.unitLatest(ctx, u, inds, asOf)
		if err != nil {
			return nil, err
		}
		items = append(items, got...)
	}
	return items, nil
}

func (db *DB) unitLatest(ctx context.Context, u unitRef, inds indicatorSet, asOf string) ([]Item, error) {
	figs, err := db.loadFigures(ctx, asOf, `unit_id = ?`, u.id)
	if err != nil || len(figs[u.id]) == 0 {
		return nil, err
	}
	latest := map[int64]Period{}
	years := map[int]bool{}
	for iid, own := range figs[u.id] {
		if o, ok := LatestRepresentative(own); ok {
			latest[iid] = o.Period
			years[o.Period.Year] = true
		}
	}
	var yearArgs []any
	for y := range years {
		yearArgs = append(yearArgs, y)
	}
	kids, kidFigs, err := db.childrenFigures(ctx, u.id, asOf, `year IN (`+placeholders(len(yearArgs))+`)`, yearArgs...)
	if err != nil {
		return nil, err
	}
	plans, err := db.plansOf(ctx, u.id, 0)
	if err != nil {
		return nil, err
	}
	var out []Item
	for _, iid := range inds.order {
		p, ok := latest[iid]
		if !ok {
			continue
		}
		own := figs[u.id][iid]
		out = append(out, Derive(Facts{Unit: u.Code, Indicator: inds.byID[iid], Period: p, AsOf: asOf,
			Figures: figuresFor(own, p), Plans: plans[iid], Children: childFigures(kids, kidFigs, iid, p),
			ChildCount: len(kids), Synthetic: u.Synthetic}, db.th))
	}
	return out, nil
}
