package storage

import (
	"context"
	"sync"
)

// UnitOverview reads a unit's overview in one call: the unit and its
// ancestors, its progress, the catalog, the spans of its indicators over
// q.SpanYears years, and its children with their progress. It is a thin
// aggregation over Unit, Ancestors, Progress, Indicators, SpanValues,
// Children (ChildrenAt the period's last day: the tree in force then) and
// ChildrenStatus, so it answers what they answer, from their
// caches. CodeNotFound for an unknown unit, or for a period asked for that
// has no figures.
func (db *DB) UnitOverview(ctx context.Context, q OverviewQuery) (Overview, error) {
	u, err := db.Unit(ctx, q.Unit)
	if err != nil {
		return Overview{}, err
	}
	ov := Overview{Unit: u}
	ov.Progress, err = db.Progress(ctx, q.Unit, q.Period, q.AsOf)
	switch {
	case ErrorCode(err) == CodeNotFound && q.Period.IsZero():
		ov.Progress = Progress{Unit: u}
	case err != nil:
		return Overview{}, err
	}
	if ov.Indicators, err = db.Indicators(ctx); err != nil {
		return Overview{}, err
	}
	if ov.Ancestors, err = db.ancestorUnits(ctx, q.Unit); err != nil {
		return Overview{}, err
	}
	if ov.Spans, err = db.overviewSpans(ctx, q, ov.Progress); err != nil {
		return Overview{}, err
	}
	if per := ov.Progress.Period; !per.IsZero() {
		ov.Children, err = db.ChildrenAt(ctx, q.Unit, periodEndDate(per)) // the tree in force then
	} else {
		ov.Children, err = db.Children(ctx, q.Unit)
	}
	if err != nil {
		return Overview{}, err
	}
	ov.ChildProgress, err = db.childProgress(ctx, q.Unit, ov.Children, ov.Progress.Period, q.AsOf)
	return ov, err
}

// ancestorUnits are a unit's ancestors, root first.
func (db *DB) ancestorUnits(ctx context.Context, code string) ([]Unit, error) {
	anc, err := db.Ancestors(ctx, code)
	if err != nil {
		return nil, err
	}
	out := make([]Unit, 0, len(anc))
	for i := len(anc) - 1; i >= 0; i-- {
		u, err := db.Unit(ctx, anc[i])
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

func (db *DB) overviewSpans(ctx context.Context, q OverviewQuery, prog Progress) (map[string][]*float64, error) {
	if prog.Period.IsZero() || q.SpanYears <= 0 {
		return map[string][]*float64{}, nil
	}
	codes := make([]string, len(prog.Items))
	for i, it := range prog.Items {
		codes[i] = it.Indicator
	}
	return db.SpanValues(ctx, q.Unit, prog.Period, prog.Period.Year-q.SpanYears+1, codes, q.AsOf)
}

// childProgress is each child's progress at per: one ChildrenStatus read
// for a period, else each child's own latest Progress, four at a time.
func (db *DB) childProgress(ctx context.Context, unit string, kids []Unit, per Period, asOf string) (map[string]Progress, error) {
	if !per.IsZero() {
		return db.ChildrenStatus(ctx, unit, per, asOf)
	}
	out := make(map[string]Progress, len(kids))
	var mu sync.Mutex
	var wg sync.WaitGroup
	var first error
	sem := make(chan struct{}, 4)
	for _, k := range kids {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			p, err := db.Progress(ctx, k.Code, per, asOf)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				out[k.Code] = p
			case ErrorCode(err) != CodeNotFound && first == nil:
				first = err
			}
		}()
	}
	wg.Wait()
	return out, first
}
