package storage

import (
	"context"
	"database/sql"
	"fmt"
)

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
	// Each unit's flags are kept until a write touches that unit or its
	// children: after a report, only those are derived again.
	at, err := db.sync(ctx)
	if err != nil {
		return nil, err
	}
	flags := []Flag{}
	for _, u := range units {
		key := db.pieceKey(fmt.Sprintf("quality\x00%d\x00%d\x00%d", u.id, only, f.Year), asOf)
		got, ok := db.piece(key)
		if !ok {
			list, err := db.unitFlags(ctx, u, inds, f.Year, asOf, cond, args)
			if err != nil {
				return nil, err
			}
			db.keepPiece(key, at, []pair{{u.id, 0, false}}, list)
			got = list
		}
		flags = append(flags, got.([]Flag)...)
	}
	return flags, nil
}

// unitFlags derives one unit's indicators that cond selects at every month end.
func (db *DB) unitFlags(ctx context.Context, u unitRef, inds indicatorSet, year int, asOf, cond string, args []any) ([]Flag, error) {
	figs, err := db.loadFigures(ctx, asOf, `unit_id = ? AND `+cond, append([]any{u.id}, args...)...)
	if err == nil {
		err = db.reconstruct(ctx, asOf, figs, []int64{u.id}, cond, args)
	}
	if err != nil || len(figs[u.id]) == 0 {
		return nil, err
	}
	kidCond, kidArgs := cond, args
	if year != 0 {
		kidCond, kidArgs = kidCond+` AND year = ?`, append(append([]any{}, args...), year)
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
	var buf []Observation
	for _, iid := range inds.order {
		own := figs[u.id][iid]
		for _, p := range MonthEnds(own) {
			if year != 0 && p.Year != year {
				continue
			}
			buf = figuresFor(buf[:0], own, p)
			inForce := kids.at(periodEndDate(p))
			it := Derive(Facts{Unit: u.Code, Indicator: inds.byID[iid], Period: p, AsOf: asOf,
				Figures: buf, Plans: plans[iid], Children: childFigures(inForce, kidFigs, iid, p),
				ChildCount: len(inForce), Synthetic: u.Synthetic}, db.th)
			if it.Reconstructed {
				continue // not reported by the unit: its predecessors' figures carry their own flags
			}
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
// Units in hierarchy order, indicators in catalog order; never nil. Each
// unit's items are kept until a write touches that unit or its children,
// so after a report only those are derived again; what the items point to
// is shared, so do not modify it.
func (db *DB) Latest(ctx context.Context, maxDepth int, asOf string) ([]Item, error) {
	return db.latest(ctx, maxDepth, asOf, true)
}

// LatestOwn is Latest without the checks against each unit's children
// (flags children_sum_mismatch and children_range; every other field and
// flag is Latest's): what the /metrics gauges read, which show no flags.
// Those checks read every child's figures of the period — 34 provinces ×
// 97 communes × 60 indicators at national scale, most of a cold /metrics.
func (db *DB) LatestOwn(ctx context.Context, maxDepth int, asOf string) ([]Item, error) {
	return db.latest(ctx, maxDepth, asOf, false)
}

func (db *DB) latest(ctx context.Context, maxDepth int, asOf string, withChildren bool) ([]Item, error) {
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
	at, err := db.sync(ctx)
	if err != nil {
		return nil, err
	}
	items := []Item{}
	for _, u := range units {
		key := db.pieceKey(fmt.Sprintf("latest\x00%d\x00%t", u.id, withChildren), asOf)
		got, ok := db.piece(key)
		if !ok {
			list, err := db.unitLatest(ctx, u, inds, asOf, withChildren)
			if err != nil {
				return nil, err
			}
			db.keepPiece(key, at, []pair{{u.id, 0, false}}, list)
			got = list
		}
		items = append(items, got.([]Item)...)
	}
	return items, nil
}

// unitLatest derives one unit's indicators at their latest periods. It
// reads the greatest end month of each indicator by index seeks, then only
// the figures those periods need: the recent years and, for outliers, the
// spans ending in those months in every year.
func (db *DB) unitLatest(ctx context.Context, u unitRef, inds indicatorSet, asOf string, withChildren bool) ([]Item, error) {
	ends, err := db.latestEnds(ctx, u.id, asOf)
	if err != nil || len(ends) == 0 {
		return nil, err
	}
	minYear, months := 1<<30, map[int64]bool{12: true} // December: the years before a term plan
	for _, e := range ends {
		minYear = min(minYear, e/12)
		months[int64(e%12+1)] = true
	}
	figs, err := db.loadFigures(ctx, asOf, `unit_id = ? AND (year >= ? OR last_month IN (`+idList(sortedIDs(months))+`))`,
		u.id, minYear-1)
	if err == nil {
		err = db.reconstruct(ctx, asOf, figs, []int64{u.id}, `year >= ? OR last_month IN (`+idList(sortedIDs(months))+`)`,
			[]any{minYear - 1})
	}
	if err != nil {
		return nil, err
	}
	own := figs[u.id]
	latest, byPeriod, years := map[int64]Period{}, map[Period][]int64{}, map[int64]bool{}
	for _, iid := range inds.order {
		e, ok := ends[iid]
		if !ok {
			continue
		}
		o, ok := LatestRepresentative(own[iid])
		if !ok || o.Period.EndMonth() != e { // the newest figures were retracted: read everything
			all, err := db.loadFigures(ctx, asOf, `unit_id = ? AND indicator_id = ?`, u.id, iid)
			if err != nil {
				return nil, err
			}
			own[iid] = all[u.id][iid]
			if o, ok = LatestRepresentative(own[iid]); !ok {
				continue
			}
		}
		latest[iid] = o.Period
		years[int64(o.Period.Year)] = true
		if withChildren {
			byPeriod[o.Period] = append(byPeriod[o.Period], iid)
		}
	}
	return db.deriveLatest(ctx, u, inds, asOf, own, latest, byPeriod, sortedIDs(years))
}

func (db *DB) deriveLatest(ctx context.Context, u unitRef, inds indicatorSet, asOf string, own map[int64][]Observation,
	latest map[int64]Period, byPeriod map[Period][]int64, years []int64) ([]Item, error) {
	kids, kidFigs := map[Period]map[int64]string{}, figures{}
	for p, iids := range byPeriod {
		k, f, _, err := db.childrenAt(ctx, u.id, asOf, p, iids)
		if err != nil {
			return nil, err
		}
		kids[p] = k
		for cid, byInd := range f {
			if kidFigs[cid] == nil {
				kidFigs[cid] = map[int64][]Observation{}
			}
			for iid, list := range byInd {
				kidFigs[cid][iid] = list
			}
		}
	}
	// A unit whose latest periods are all of levels still counts its
	// children: ChildCount is the number in force at each period's end.
	// Without the checks against children (byPeriod empty), none is read.
	for _, p := range latest {
		if len(byPeriod) == 0 {
			break
		}
		if _, ok := kids[p]; !ok {
			k, err := db.childrenOf(ctx, u.id, periodEndDate(p))
			if err != nil {
				return nil, err
			}
			kids[p] = k
		}
	}
	ys := make([]int, len(years))
	for i, y := range years {
		ys[i] = int(y)
	}
	plans, err := db.plansOf(ctx, u.id, 0, ys...)
	if err != nil {
		return nil, err
	}
	var out []Item
	for _, iid := range inds.order {
		p, ok := latest[iid]
		if !ok {
			continue
		}
		f := Facts{Unit: u.Code, Indicator: inds.byID[iid], Period: p, AsOf: asOf,
			Figures: figuresFor(nil, own[iid], p), Plans: plans[iid], Synthetic: u.Synthetic}
		if len(byPeriod) == 0 {
			out = append(out, deriveOwn(f, db.th))
			continue
		}
		f.Children, f.ChildCount = childFigures(kids[p], kidFigs, iid, p), len(kids[p])
		out = append(out, Derive(f, db.th))
	}
	return out, nil
}

// latestEnds returns, for every indicator of the unit with a revision
// reported by asOf, the greatest Period.EndMonth — one backward index seek
// per indicator.
func (db *DB) latestEnds(ctx context.Context, unitID int64, asOf string) (map[int64]int, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT i.id, (SELECT o.year * 12 + o.last_month - 1 FROM figures o
			WHERE o.unit_id = ? AND o.indicator_id = i.id AND o.reported_at <= ?
			ORDER BY o.year DESC, o.last_month DESC LIMIT 1)
		FROM indicators i`, unitID, asOf)
	if err != nil {
		return nil, fmt.Errorf("find latest periods: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var iid int64
		var end sql.NullInt64
		if err := rows.Scan(&iid, &end); err != nil {
			return nil, fmt.Errorf("find latest periods: %w", err)
		}
		if end.Valid {
			out[iid] = int(end.Int64)
		}
	}
	return out, rows.Err()
}
