package storage

import (
	"context"
	"fmt"
	"slices"
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
// CodeNotFound. The Items slices are shared with the kept answer (copying
// a hundred children's items cost more than deriving the one that
// changed), so do not modify them.
func (db *DB) ChildrenStatus(ctx context.Context, unit string, p Period, asOf string) (map[string]Progress, error) {
	asOf, err := resolveAsOf(asOf)
	if err != nil {
		return nil, err
	}
	if err := checkPeriod(p); err != nil {
		return nil, err
	}
	key := fmt.Sprintf("status\x00%s\x00%v", unit, p)
	kept, err := readMemoized(ctx, db, key, asOf, func(ctx context.Context, at int64) (map[string]Progress, []pair, error) {
		return db.childrenStatus(ctx, unit, p, asOf, at)
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]Progress, len(kept))
	for code, pr := range kept {
		pr.AsOf = asOf
		out[code] = pr
	}
	return out, nil
}

// childrenStatus derives the children's status, reusing each child's items
// kept from an earlier answer unless a write touched that child since.
func (db *DB) childrenStatus(ctx context.Context, unit string, p Period, asOf string, at int64) (map[string]Progress, []pair, error) {
	parent, err := db.unitRef(ctx, unit)
	if err != nil {
		return nil, nil, err
	}
	// The children in force at p's end (SPEC §2 "Units over time").
	end := periodEndDate(p)
	kids, err := db.ChildrenAt(ctx, unit, end)
	if err != nil {
		return nil, nil, err
	}
	ids, err := db.childrenOf(ctx, parent.id, end)
	if err != nil {
		return nil, nil, err
	}
	inds, err := db.indicatorSet(ctx)
	if err != nil {
		return nil, nil, err
	}
	items, keys := make(map[int64][]Item, len(ids)), make(map[int64]string, len(ids))
	var missing []int64
	deps := []pair{{parent.id, 0, false}}
	for cid := range ids {
		deps = append(deps, pair{cid, 0, true})
		keys[cid] = db.pieceKey(fmt.Sprintf("cstat\x00%d\x00%v", cid, p), asOf)
		if v, ok := db.piece(keys[cid]); ok {
			items[cid] = v.([]Item)
		} else {
			missing = append(missing, cid)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		only := missing // by id: the children in force at p's end, not today's
		sel, args := childSel(parent.id, only)
		plans, err := db.plansWhere(ctx, sel+` AND year = ?`, append(args, p.Year)...)
		if err != nil {
			return nil, nil, err
		}
		figs, err := db.childrenStatusFigures(ctx, parent.id, only, p, asOf, inds, plans)
		if err == nil {
			err = db.reconstruct(ctx, asOf, figs, only, `year IN (?, ?)`, []any{p.Year, p.Year - 1})
		}
		if err != nil {
			return nil, nil, err
		}
		byID := make(map[string]Unit, len(kids))
		for _, k := range kids {
			byID[k.Code] = k
		}
		for _, cid := range missing {
			k := byID[ids[cid]]
			list := []Item{}
			for _, iid := range inds.order {
				f := figs[cid][iid]
				if !hasFigureBy(f, p) {
					continue
				}
				it := Derive(Facts{Unit: k.Code, Indicator: inds.byID[iid], Period: p, AsOf: asOf,
					Figures: f, Plans: plans[cid][iid], Synthetic: k.Synthetic}, db.th)
				it.Flags = []Flag{}
				list = append(list, it)
			}
			items[cid] = list
			db.keepPiece(keys[cid], at, []pair{{cid, 0, true}}, list)
		}
	}
	byCode := make(map[string]int64, len(ids))
	for id, code := range ids {
		byCode[code] = id
	}
	out := make(map[string]Progress, len(kids))
	for _, k := range kids {
		out[k.Code] = Progress{Unit: k, Period: p, AsOf: asOf, Items: items[byCode[k.Code]]}
	}
	return out, deps, nil
}

// childrenStatusFigures reads what ChildrenStatus derives from, for the
// children of parentID in only (every child when nil). It first
// reads only the children's figures of p's year and the year before that
// end in p's last month or in December, and asks which child × indicator
// has any figure by p's end at all; a pair for which the narrow figures do
// not hold everything (see narrowSuffices) is then read whole — both
// years — so the answer is the one a whole read gives.
func (db *DB) childrenStatusFigures(ctx context.Context, parentID int64, only []int64, p Period, asOf string,
	inds indicatorSet, plans map[int64]map[int64][]Plan) (figures, error) {
	sel, selArgs := childSel(parentID, only)
	// indicator_id IN (…) lets SQLite seek each child's years and months
	// per indicator instead of scanning all of the child's figures.
	figs, err := db.loadFigures(ctx, asOf, sel+`
		AND indicator_id IN (SELECT id FROM indicators) AND year IN (?, ?) AND last_month IN (?, 12)`,
		append(slices.Clone(selArgs), p.Year, p.Year-1, p.Last)...)
	if err != nil {
		return nil, err
	}
	listed, err := db.pairsReportedBy(ctx, parentID, only, p, asOf)
	if err != nil {
		return nil, err
	}
	kids, short := map[int64]bool{}, map[int64]bool{}
	for _, pair := range listed {
		cid, iid := pair[0], pair[1]
		if !narrowSuffices(figs[cid][iid], inds.byID[iid], plans[cid][iid], p, p, asOf) {
			kids[cid], short[iid] = true, true
		}
	}
	if len(kids) == 0 {
		return figs, nil
	}
	more, err := db.loadFigures(ctx, asOf, `unit_id IN (`+idList(sortedIDs(kids))+`)
		AND indicator_id IN (`+idList(sortedIDs(short))+`) AND year IN (?, ?)`, p.Year, p.Year-1)
	if err != nil {
		return nil, err
	}
	for _, pair := range listed {
		cid, iid := pair[0], pair[1]
		if kids[cid] && short[iid] {
			if figs[cid] == nil {
				figs[cid] = map[int64][]Observation{}
			}
			figs[cid][iid] = more[cid][iid]
		}
	}
	return figs, nil
}

// childSel selects, by unit_id, the children of parentID, or only those of
// them in only (ascending ids) when it is not nil.
func childSel(parentID int64, only []int64) (string, []any) {
	if only != nil {
		return unitsCond(only), nil
	}
	return `unit_id IN (SELECT id FROM units WHERE parent_id = ?)`, []any{parentID}
}

// pairsReportedBy lists the (child id, indicator id) pairs of a parent's
// children with any revision of p's year ending by p's end and reported by
// asOf: a superset of the pairs with a current figure by then (a retracted
// figure still counts here), found by one index seek per pair.
func (db *DB) pairsReportedBy(ctx context.Context, parentID int64, only []int64, p Period, asOf string) ([][2]int64, error) {
	sel, selArgs := `u.parent_id = ?`, []any{parentID}
	if only != nil {
		sel, selArgs = `u.id IN (`+idList(only)+`)`, nil
	}
	rows, err := db.r.QueryContext(ctx, `SELECT u.id, i.id FROM units u, indicators i WHERE `+sel+`
		AND EXISTS (SELECT 1 FROM figures o WHERE o.unit_id = u.id AND o.indicator_id = i.id
			AND o.year = ? AND o.last_month <= ? AND o.reported_at <= ?)`, append(slices.Clone(selArgs), p.Year, p.Last, asOf)...)
	if err != nil {
		return nil, fmt.Errorf("list the children's figures: %w", err)
	}
	defer rows.Close()
	var out [][2]int64
	for rows.Next() {
		var pair [2]int64
		if err := rows.Scan(&pair[0], &pair[1]); err != nil {
			return nil, fmt.Errorf("list the children's figures: %w", err)
		}
		out = append(out, pair)
	}
	return out, rows.Err()
}
