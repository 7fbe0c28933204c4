package storage

import (
	"context"
	"strconv"
	"strings"
)

// childrenAt loads what Facts.Children needs at period p for the given
// indicators of a parent (flows are checked against their children's sum,
// levels against their range): first every child's figure for exactly p — usually all there
// is to read — and then, only for the children and indicators lacking one,
// their figures of p's year ending by p's end, from which the span can be
// summed or differenced. Only the children's periods and values are read:
// all Derive looks at to sum them.
func (db *DB) childrenAt(ctx context.Context, parentID int64, asOf string, p Period, iids []int64) (map[int64]string, figures, error) {
	kids, err := db.childrenOf(ctx, parentID, periodEndDate(p))
	if err != nil || len(kids) == 0 || len(iids) == 0 {
		return kids, figures{}, err
	}
	list := idList(iids)
	figs, err := db.loadPeriodValues(ctx, asOf, p, unitsCond(sortedIDs(kids))+` AND indicator_id IN (`+list+`)`)
	if err != nil {
		return nil, nil, err
	}
	missKids, missInds := map[int64]bool{}, map[int64]bool{}
	for cid := range kids {
		for _, iid := range iids {
			if len(figs[cid][iid]) == 0 {
				missKids[cid], missInds[iid] = true, true
			}
		}
	}
	if len(missKids) == 0 {
		return kids, figs, nil
	}
	more, err := db.loadFigures(ctx, asOf, `unit_id IN (`+idList(sortedIDs(missKids))+`)
		AND indicator_id IN (`+idList(sortedIDs(missInds))+`) AND year = ? AND last_month <= ?`, p.Year, p.Last)
	if err != nil {
		return nil, nil, err
	}
	for cid, byInd := range more {
		if figs[cid] == nil {
			figs[cid] = map[int64][]Observation{}
		}
		for iid, list := range byInd {
			figs[cid][iid] = list // a superset of the exact figure, if any
		}
	}
	return kids, figs, nil
}

// unitsCond selects the units of ids: figures are clustered by unit, so
// SQLite seeks each unit's key (and, with an indicator list beside it, each
// unit × indicator's).
func unitsCond(ids []int64) string {
	return `unit_id IN (` + idList(ids) + `)`
}

// idList writes ids for an IN list; ids come from the database, never from
// users.
func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

// withFigures returns, in catalog order, the indicators among those of
// figs that satisfy has.
func withFigures(inds indicatorSet, figs map[int64][]Observation, has func([]Observation) bool) []int64 {
	var out []int64
	for _, iid := range inds.order {
		if has(figs[iid]) {
			out = append(out, iid)
		}
	}
	return out
}
