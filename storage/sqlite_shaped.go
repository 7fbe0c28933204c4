package storage

import (
	"context"
	"fmt"
	"slices"
)

// Answers that depend only on the tables that shape derivation — units,
// their links, indicators — are kept without pairs: they stay valid across
// every write of figures and plans and are dropped with everything else
// when a unit or an indicator changes (see tracker and shapeOf). The first
// request after a report then reads and derives only what the report
// touched, not the unit it names, the indicator or the children it lists.

// unitRef resolves a unit code, Depth filled, or CodeNotFound. Kept until
// units change; the slices it holds are the caller's.
func (db *DB) unitRef(ctx context.Context, code string) (unitRef, error) {
	r, err := memoized(ctx, db, "unit\x00"+code, "", func(ctx context.Context, _ int64) (unitRef, []pair, error) {
		r, err := unitRefByCode(ctx, db.r, code)
		return r, nil, err
	})
	r.Parents, r.Predecessors = slices.Clone(r.Parents), slices.Clone(r.Predecessors)
	return r, err
}

// indicatorRef is an indicator with its id.
type indicatorRef struct {
	Indicator
	id int64
}

// indicatorRef resolves an indicator code, or CodeNotFound. Kept until
// indicators change.
func (db *DB) indicatorRef(ctx context.Context, code string) (indicatorRef, error) {
	return memoized(ctx, db, "indicator\x00"+code, "", func(ctx context.Context, _ int64) (indicatorRef, []pair, error) {
		ind, err := db.Indicator(ctx, code)
		if err != nil {
			return indicatorRef{}, nil, err
		}
		id, err := db.indicatorIDOf(ctx, code)
		return indicatorRef{ind, id}, nil, err
	})
}

// compareFrame is what a comparison across a parent's descendants needs
// besides figures: the parent, the indicator, and the units compared (in
// the tree in force at the end of the period looked at) in code order.
type compareFrame struct {
	parent unitRef
	ind    indicatorRef
	kids   map[int64]string
	order  []int64 // kids' ids by code
}

// compareFrameOf returns the frame of a comparison of indicator across
// parent's units level levels below it at date, kept until units or
// indicators change. Its maps and slices are shared: do not modify them.
func (db *DB) compareFrameOf(ctx context.Context, parent, indicator string, level int, date string) (compareFrame, error) {
	key := fmt.Sprintf("cframe\x00%s\x00%s\x00%d\x00%s", parent, indicator, level, date)
	return memoized(ctx, db, key, "", func(ctx context.Context, _ int64) (compareFrame, []pair, error) {
		p, err := db.unitRef(ctx, parent)
		if err != nil {
			return compareFrame{}, nil, err
		}
		ind, err := db.indicatorRef(ctx, indicator)
		if err != nil {
			return compareFrame{}, nil, err
		}
		below, belowArgs := belowAt(p.id, level, date)
		kids, err := db.unitsWhere(ctx, `id IN (`+below+`)`, belowArgs...)
		if err != nil {
			return compareFrame{}, nil, err
		}
		return compareFrame{parent: p, ind: ind, kids: kids, order: sortedByCode(kids)}, nil, nil
	})
}
