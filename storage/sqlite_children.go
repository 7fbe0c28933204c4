package storage

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// childrenAt loads what Facts.Children needs at period p for the given
// indicators of a parent (flows are checked against their children's sum,
// levels against their range), and each child's values as those checks
// read them (see childValue). Each child's are kept until a write touches
// that child, so after one child's report only its values are read again;
// the maps returned are shared, so do not modify them.
func (db *DB) childrenAt(ctx context.Context, parentID int64, asOf string, p Period, iids []int64) (map[int64]string, figures, kidValues, error) {
	kids, err := db.childrenOf(ctx, parentID, periodEndDate(p))
	if err != nil || len(kids) == 0 || len(iids) == 0 {
		return kids, figures{}, kidValues{}, err
	}
	at := db.fresh.version() // before reading: see memoized
	list := idList(iids)
	figs, vals, keys := figures{}, kidValues{}, make(map[int64]string, len(kids))
	var missing []int64
	for cid := range kids {
		keys[cid] = db.pieceKey(fmt.Sprintf("kidvals\x00%d\x00%v\x00%s", cid, p, list), asOf)
		if v, ok := db.piece(keys[cid]); ok {
			kp := v.(kidPiece)
			if len(kp.figs) > 0 {
				figs[cid], vals[cid] = kp.figs, kp.vals
			}
		} else {
			missing = append(missing, cid)
		}
	}
	if len(missing) == 0 {
		return kids, figs, vals, nil
	}
	slices.Sort(missing)
	got, err := db.childValues(ctx, asOf, p, missing, iids)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, cid := range missing {
		kp := newKidPiece(got[cid], p)
		db.keepPiece(keys[cid], at, []pair{{cid, 0, true}}, kp)
		if len(kp.figs) > 0 {
			figs[cid], vals[cid] = kp.figs, kp.vals
		}
	}
	return kids, figs, vals, nil
}

// kidPiece is what childrenAt keeps of one child: its figures, by
// indicator, and their values at the period.
type kidPiece struct {
	figs map[int64][]Observation
	vals map[int64]childValue
}

// childValue is a child's value of an indicator at a period as a parent's
// checks read it from the child's figures of the period's year ending by
// its end (childWindow): a flow's span (childSpan), a level's value.
type childValue struct {
	flow, level     float64
	flowOK, levelOK bool
}

// kidValues are childValues by child and indicator id.
type kidValues map[int64]map[int64]childValue

func newKidPiece(figs map[int64][]Observation, p Period) kidPiece {
	if figs == nil {
		figs = map[int64][]Observation{}
	}
	kp := kidPiece{figs: figs, vals: make(map[int64]childValue, len(figs))}
	for iid, list := range figs {
		w := childWindow(list, p)
		if len(w) == 0 {
			continue
		}
		var cv childValue
		cv.flow, cv.flowOK = childSpan(w, p)
		cv.level, cv.levelOK = newFigIndex(w).value(KindLevel, p)
		kp.vals[iid] = cv
	}
	return kp
}

// of appends to buf the value of indicator iid of each child of order (a
// parent's children in force, in code order) as a check of kind reads it;
// nil when a child has none (no check applies).
func (v kidValues) of(buf []float64, order []int64, iid int64, kind Kind) []float64 {
	for _, cid := range order {
		cv, ok := v[cid][iid]
		switch {
		case ok && kind == KindFlow && cv.flowOK:
			buf = append(buf, cv.flow)
		case ok && kind == KindLevel && cv.levelOK:
			buf = append(buf, cv.level)
		default:
			return nil
		}
	}
	return buf
}

// byCode returns the ids of kids ordered by their codes.
func byCode(kids map[int64]string) []int64 {
	ids := make([]int64, 0, len(kids))
	for id := range kids {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return strings.Compare(kids[a], kids[b]) })
	return ids
}

// childValues reads the children's (kids, ascending ids) figures for
// childrenAt: first every child's figure for exactly p — usually all there
// is to read — and then, only for the children and indicators lacking one,
// their figures of p's year ending by p's end, from which the span can be
// summed or differenced. Only the children's periods and values are read:
// all Derive looks at to sum them.
func (db *DB) childValues(ctx context.Context, asOf string, p Period, kids, iids []int64) (figures, error) {
	figs, err := db.loadPeriodValues(ctx, asOf, p, unitsCond(kids)+` AND indicator_id IN (`+idList(iids)+`)`)
	if err != nil {
		return nil, err
	}
	missKids, missInds := map[int64]bool{}, map[int64]bool{}
	for _, cid := range kids {
		for _, iid := range iids {
			if len(figs[cid][iid]) == 0 {
				missKids[cid], missInds[iid] = true, true
			}
		}
	}
	if len(missKids) == 0 {
		return figs, nil
	}
	more, err := db.loadFigures(ctx, asOf, `unit_id IN (`+idList(sortedIDs(missKids))+`)
		AND indicator_id IN (`+idList(sortedIDs(missInds))+`) AND year = ? AND last_month <= ?`, p.Year, p.Last)
	if err != nil {
		return nil, err
	}
	for cid, byInd := range more {
		if figs[cid] == nil {
			figs[cid] = map[int64][]Observation{}
		}
		for iid, list := range byInd {
			figs[cid][iid] = list // a superset of the exact figure, if any
		}
	}
	return figs, nil
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
