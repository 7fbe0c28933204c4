package storage

import (
	"context"
)

// ChildrenStatus derives every child of unit at period p (not zero) as
// known on asOf ("" = today), the way Progress derives each of them, but
// in one read for all children: by child code, a Progress whose Items are
// Progress's items — value, ytd, plan, completion, expected, pace, yoy, in
// catalog order — without flags (Flags empty). It reads only p's year and
// the year before, which is everything those figures depend on; the
// outlier test's history and the grandchildren's sums, which only flags
// need, are left out. It is for a parent's table of its children's pace,
// where a Progress per child read ten times the rows. An unknown unit is
// CodeNotFound.
func (db *DB) ChildrenStatus(ctx context.Context, unit string, p Period, asOf string) (map[string]Progress, error) {
	asOf, err := resolveAsOf(asOf)
	if err != nil {
		return nil, err
	}
	if err := checkPeriod(p); err != nil {
		return nil, err
	}
	parent, err := db.unitRef(ctx, unit)
	if err != nil {
		return nil, err
	}
	kids, err := db.Children(ctx, unit)
	if err != nil {
		return nil, err
	}
	ids, err := db.childrenOf(ctx, parent.id)
	if err != nil {
		return nil, err
	}
	inds, err := db.indicatorSet(ctx)
	if err != nil {
		return nil, err
	}
	// indicator_id IN (…) lets SQLite seek each child's two years per
	// indicator instead of scanning all of the child's figures.
	figs, err := db.loadFigures(ctx, asOf, `unit_id IN (SELECT id FROM units WHERE parent_id = ?)
		AND indicator_id IN (SELECT id FROM indicators) AND year IN (?, ?)`, parent.id, p.Year, p.Year-1)
	if err != nil {
		return nil, err
	}
	plans, err := db.plansWhere(ctx, `unit_id IN (SELECT id FROM units WHERE parent_id = ?) AND year = ?`, parent.id, p.Year)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]int64, len(ids))
	for id, code := range ids {
		byCode[code] = id
	}
	out := make(map[string]Progress, len(kids))
	for _, k := range kids {
		cid := byCode[k.Code]
		items := []Item{}
		for _, iid := range inds.order {
			f := figs[cid][iid]
			if !hasFigureBy(f, p) {
				continue
			}
			it := Derive(Facts{Unit: k.Code, Indicator: inds.byID[iid], Period: p, AsOf: asOf,
				Figures: f, Plans: plans[cid][iid], Synthetic: k.Synthetic}, db.th)
			it.Flags = []Flag{}
			items = append(items, it)
		}
		out[k.Code] = Progress{Unit: k, Period: p, AsOf: asOf, Items: items}
	}
	return out, nil
}
