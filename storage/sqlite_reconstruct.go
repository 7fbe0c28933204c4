package storage

import (
	"context"
	"fmt"
	"slices"
	"sort"
)

// succession is what reconstruction needs of the units' history (SPEC §2
// "Units over time"), read once per data version.
type succession struct {
	bySuccessor map[int64]successor
}

// successor is a unit that took over other units' territory.
type successor struct {
	date       string  // the day it took over: its valid_from, or its predecessors' latest date
	preds      []int64 // predecessor ids, ascending
	continuing bool    // it existed before date, so its own figures count too
	// why, when not "", says why its figures are not reconstructed: a
	// predecessor's territory passed to several units (a split) or the
	// predecessor lives on.
	why string
}

// Why a successor's earlier figures are not reconstructed.
const (
	NotReconstructedSplit   = "split"   // a predecessor was divided among several units
	NotReconstructedPartial = "partial" // a predecessor is still in force: only part of it passed
)

// succession reads the successions, memoized until the next write.
func (db *DB) succession(ctx context.Context) (succession, error) {
	// It depends on the units tables alone, whose every change drops all
	// kept answers: no pairs.
	return memoized(ctx, db, "succession", "", func(ctx context.Context, _ int64) (succession, []pair, error) {
		s, err := db.readSuccession(ctx)
		return s, nil, err
	})
}

func (db *DB) readSuccession(ctx context.Context) (succession, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT s.unit_id, s.predecessor_id, s.date, u.valid_from, p.valid_to,
			(SELECT count(*) FROM unit_predecessors o WHERE o.predecessor_id = s.predecessor_id)
		FROM unit_predecessors s JOIN units u ON u.id = s.unit_id JOIN units p ON p.id = s.predecessor_id
		ORDER BY s.unit_id, s.predecessor_id`)
	if err != nil {
		return succession{}, fmt.Errorf("read successions: %w", err)
	}
	defer rows.Close()
	out := succession{bySuccessor: map[int64]successor{}}
	type predRow struct {
		validTo string
		heirs   int
	}
	rowsBy := map[int64][]predRow{}
	for rows.Next() {
		var uid, pid int64
		var date, from string
		var pr predRow
		if err := rows.Scan(&uid, &pid, &date, &from, &pr.validTo, &pr.heirs); err != nil {
			return succession{}, fmt.Errorf("read successions: %w", err)
		}
		s := out.bySuccessor[uid]
		s.preds = append(s.preds, pid)
		s.date = max(s.date, date)
		if from != "" {
			s.date = from
		}
		s.continuing = from == ""
		out.bySuccessor[uid] = s
		rowsBy[uid] = append(rowsBy[uid], pr)
	}
	for uid, s := range out.bySuccessor {
		for _, pr := range rowsBy[uid] {
			switch {
			case pr.heirs > 1:
				s.why = NotReconstructedSplit
			case s.why == "" && (pr.validTo == "" || pr.validTo >= s.date):
				s.why = NotReconstructedPartial
			}
		}
		out.bySuccessor[uid] = s
	}
	return out, rows.Err()
}

// reconstruct adds to figs, for every unit of ids that took over other
// units' territory, its reconstructed figures (SPEC §2): for each flow
// period that ends before the takeover and that every predecessor reported
// (and the unit itself, when it existed before), the sum, marked
// Reconstructed; a figure the unit itself holds for such a period (a level
// or rate imported as reconstructed) is kept and marked. cond and args
// select the figures as the caller's read did, without its unit condition.
func (db *DB) reconstruct(ctx context.Context, asOf string, figs figures, ids []int64, cond string, args []any) error {
	succ, err := db.succession(ctx)
	if err != nil || len(succ.bySuccessor) == 0 {
		return err
	}
	var kinds map[int64]Indicator
	for _, uid := range ids {
		s, ok := succ.bySuccessor[uid]
		if !ok || s.why != "" {
			continue
		}
		if kinds == nil {
			set, err := db.indicatorSet(ctx)
			if err != nil {
				return err
			}
			kinds = set.byID
		}
		predFigs, err := db.loadFigures(ctx, asOf, `unit_id IN (`+idList(s.preds)+`) AND (`+cond+`)`, args...)
		if err != nil {
			return err
		}
		if figs[uid] == nil {
			figs[uid] = map[int64][]Observation{}
		}
		for iid := range indicatorsOf(predFigs, figs[uid]) {
			list := reconstructed(figs[uid][iid], predFigs, s, kinds[iid].Kind == KindFlow, iid)
			if len(list) > 0 {
				figs[uid][iid] = list
			}
		}
	}
	return nil
}

// indicatorsOf is the set of indicator ids with figures in any of the lists.
func indicatorsOf(preds figures, own map[int64][]Observation) map[int64]bool {
	out := map[int64]bool{}
	for iid := range own {
		out[iid] = true
	}
	for _, byInd := range preds {
		for iid := range byInd {
			out[iid] = true
		}
	}
	return out
}

// reconstructed returns a successor's figures of one indicator with its
// reconstructed ones: own are its figures, preds its predecessors'.
func reconstructed(own []Observation, preds figures, s successor, flow bool, iid int64) []Observation {
	byPeriod := map[Period]Observation{}
	for _, o := range own {
		if !s.continuing && periodEndDate(o.Period) < s.date {
			o.Reconstructed = true // imported as reconstructed: nothing else can be
		}
		byPeriod[o.Period] = o
	}
	if flow {
		for p, sum := range sums(preds, s, iid) {
			o, has := byPeriod[p]
			switch {
			case has && !s.continuing:
				continue // the unit's own reconstructed figure wins
			case has && o.Value == nil:
				continue
			case has:
				sum.Value = ptr(*sum.Value + *o.Value)
				sum.ReportStatus = weaker(sum.ReportStatus, o.ReportStatus)
				sum.ReportedAt = max(sum.ReportedAt, o.ReportedAt)
				sum.Synthetic = sum.Synthetic || o.Synthetic
			case s.continuing:
				continue // the unit itself did not report it
			}
			byPeriod[p] = sum
		}
	}
	out := make([]Observation, 0, len(byPeriod))
	for _, o := range byPeriod {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Period, out[j].Period
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if a.Last != b.Last {
			return a.Last < b.Last
		}
		return a.First < b.First
	})
	return out
}

// sums adds up the predecessors' values of each period that ends before
// the takeover and that every predecessor reported with a value.
func sums(preds figures, s successor, iid int64) map[Period]Observation {
	out := map[Period]Observation{}
	counts := map[Period]int{}
	for _, pid := range s.preds {
		for _, o := range preds[pid][iid] {
			if o.Value == nil || periodEndDate(o.Period) >= s.date {
				continue
			}
			sum, ok := out[o.Period]
			if !ok {
				sum = Observation{Period: o.Period, Value: ptr(0.0), ReportStatus: StatusOfficial, Reconstructed: true}
			}
			sum.Value = ptr(*sum.Value + *o.Value)
			sum.ReportStatus = weaker(sum.ReportStatus, o.ReportStatus)
			sum.ReportedAt = max(sum.ReportedAt, o.ReportedAt)
			out[o.Period] = sum
			counts[o.Period]++
		}
	}
	for p, n := range counts {
		if n < len(s.preds) {
			delete(out, p)
		}
	}
	return out
}

// weaker is the less final of two report statuses.
func weaker(a, b ReportStatus) ReportStatus {
	rank := func(s ReportStatus) int { return slices.Index(statusCodes[:], s) }
	if rank(b) < rank(a) {
		return b
	}
	return a
}

// reconstructedAt reports whether the figure a derivation at p stands on is
// reconstructed: p's own figure, or, without one, any figure of p's year
// ending by p's end.
func reconstructedAt(figs []Observation, p Period) bool {
	any := false
	for _, o := range figs {
		if o.Retracted {
			continue
		}
		if o.Period == p {
			return o.Reconstructed
		}
		if o.Period.Year == p.Year && o.Period.Last <= p.Last && o.Reconstructed {
			any = true
		}
	}
	return any
}

// syntheticAt reports whether a derivation at p may stand on a synthetic
// figure: any figure of p's year or the year before (its own, the YTD
// parts, last year's for yoy, a previous December's index base).
func syntheticAt(figs []Observation, p Period) bool {
	for _, o := range figs {
		if o.Synthetic && !o.Retracted && (o.Period.Year == p.Year || o.Period.Year == p.Year-1) {
			return true
		}
	}
	return false
}

// NotReconstructed says why a unit's figures before it took over its
// predecessors' territory are not summed from theirs: NotReconstructedSplit
// or NotReconstructedPartial; "" when they are (or it has no predecessors).
func (db *DB) NotReconstructed(ctx context.Context, code string) (string, error) {
	u, err := db.unitRef(ctx, code)
	if err != nil {
		return "", err
	}
	succ, err := db.succession(ctx)
	if err != nil {
		return "", err
	}
	return succ.bySuccessor[u.id].why, nil
}
