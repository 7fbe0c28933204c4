package storage

import (
	"context"
	"fmt"
	"slices"
)

// Progress derives, at period p as known on asOf ("" = today), every
// indicator that has a figure for the unit in p's year ending by p's end,
// in catalog order. A zero p means the unit's latest period: the
// representative period of the greatest end month with any figure. An
// unknown unit, or a unit without figures when p is zero, is CodeNotFound.
// Answers are kept until the next write (see memo): the Items slice is the
// caller's, but what its items point to is shared, so do not modify it.
// The unit's items are kept apart from the checks against its children
// (see ownItems), so a child's report costs the parent only those checks.
func (db *DB) Progress(ctx context.Context, unit string, p Period, asOf string) (Progress, error) {
	asOf, err := resolveAsOf(asOf)
	if err != nil {
		return Progress{}, err
	}
	key := fmt.Sprintf("progress\x00%s\x00%d-%d-%d", unit, p.Year, p.First, p.Last)
	po, err := readMemoized(ctx, db, key, asOf, func(ctx context.Context, at int64) (progressOf, []pair, error) {
		po, err := db.progress(ctx, unit, p, asOf, at)
		return po, unitDeps(po.Unit.Code, po.id), err
	})
	pr := po.Progress
	pr.Items = slices.Clone(pr.Items)
	if err == nil {
		pr.AsOf = asOf
	}
	return pr, err
}

// unitDeps are the dependencies of an answer about a whole unit: its
// figures and plans of every indicator, and (see tracker) its children's.
func unitDeps(code string, id int64) []pair {
	if code == "" {
		return nil
	}
	return []pair{{id, 0, false}}
}

// progressOf is a Progress with its unit's id.
type progressOf struct {
	Progress
	id int64
}

func (db *DB) progress(ctx context.Context, unit string, p Period, asOf string, at int64) (progressOf, error) {
	u, err := db.unitRef(ctx, unit)
	if err != nil {
		return progressOf{}, err
	}
	pr, err := db.unitProgress(ctx, u, p, asOf, at)
	return progressOf{pr, u.id}, err
}

// unitProgress is the unit's own items (kept until a write touches the
// unit's own figures or plans) with the checks against its children's
// values (kept per child) added: what Derive gives with the children's
// figures, without deriving the unit's items again when only a child
// reported.
func (db *DB) unitProgress(ctx context.Context, u unitRef, p Period, asOf string, at int64) (Progress, error) {
	own, err := db.ownItems(ctx, u, p, asOf, at)
	if err != nil {
		return Progress{}, err
	}
	p = own.period
	kids, _, kidVals, err := db.childrenAt(ctx, u.id, asOf, p, own.ids)
	if err != nil {
		return Progress{}, err
	}
	order := byCode(kids)
	items := make([]Item, len(own.items))
	var vals []float64
	for i, it := range own.items {
		if len(kids) == 0 || it.Value == nil || (it.Kind != KindFlow && it.Kind != KindLevel) {
			items[i] = it // no check against the children applies
			continue
		}
		vals = kidVals.of(vals[:0], order, own.ids[i], it.Kind)
		items[i] = withChildValues(it, Facts{Unit: u.Code, Indicator: own.indicators[i], Period: p}, vals, db.th)
	}
	return Progress{Unit: u.Unit, Period: p, AsOf: asOf, Items: items}, nil
}

// ownItemsOf is a unit's items at a period without the checks against its
// children (deriveOwn), with each item's indicator and its id.
type ownItemsOf struct {
	period     Period
	items      []Item
	ids        []int64
	indicators []Indicator
}

// ownItems returns the unit's own items at p (zero: its latest period),
// kept until a write touches the unit's own figures or plans (or its
// predecessors', which it reads as its own): a child's report leaves them.
func (db *DB) ownItems(ctx context.Context, u unitRef, p Period, asOf string, at int64) (ownItemsOf, error) {
	key := db.pieceKey(fmt.Sprintf("ownitems\x00%d\x00%d-%d-%d", u.id, p.Year, p.First, p.Last), asOf)
	if v, ok := db.piece(key); ok {
		return v.(ownItemsOf), nil
	}
	own, err := db.deriveOwnItems(ctx, u, p, asOf)
	if err == nil {
		db.keepPiece(key, at, []pair{{u.id, 0, true}}, own)
	}
	return own, err
}

func (db *DB) deriveOwnItems(ctx context.Context, u unitRef, p Period, asOf string) (ownItemsOf, error) {
	var err error
	if p.IsZero() {
		if p, err = db.latestPeriod(ctx, u, 0, asOf); err != nil {
			return ownItemsOf{}, err
		}
	} else if err := checkPeriod(p); err != nil {
		return ownItemsOf{}, err
	}
	inds, err := db.indicatorSet(ctx)
	if err != nil {
		return ownItemsOf{}, err
	}
	// December's figures of every year serve term plans (the years before).
	own, err := db.loadUnitFigures(ctx, asOf, u.id, `year IN (?, ?) OR (first_month = ? AND last_month = ?) OR last_month = 12`,
		p.Year, p.Year-1, p.First, p.Last)
	if err == nil {
		err = db.reconstruct(ctx, asOf, figures{u.id: own}, []int64{u.id}, `year IN (?, ?) OR (first_month = ? AND last_month = ?)`,
			[]any{p.Year, p.Year - 1, p.First, p.Last})
	}
	if err != nil {
		return ownItemsOf{}, err
	}
	plans, err := db.plansOf(ctx, u.id, 0, p.Year)
	if err != nil {
		return ownItemsOf{}, err
	}
	out := ownItemsOf{period: p, items: []Item{}}
	for _, iid := range inds.order {
		f := own[iid]
		if !hasFigureBy(f, p) {
			continue
		}
		ind := inds.byID[iid]
		out.items = append(out.items, deriveOwn(Facts{Unit: u.Code, Indicator: ind, Period: p, AsOf: asOf,
			Figures: f, Plans: plans[iid], Synthetic: u.Synthetic}, db.th))
		out.ids, out.indicators = append(out.ids, iid), append(out.indicators, ind)
	}
	return out, nil
}
