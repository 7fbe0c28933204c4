package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// PutPlan stores p as the newest row of its key (unit, indicator, year or
// term, authority, version) unless it is identical to the current one; an
// omitted adopted_on or source then matches the stored one. Defaults:
// authority council, version "original", reference same_period_last_year
// (stored empty), adopted_on the writer's recording date, source how it
// arrived.
func (w *Writer) PutPlan(ctx context.Context, p Plan) (Outcome, error) {
	if err := w.usable(); err != nil {
		return 0, err
	}
	p = normalizePlan(p)
	if bad := p.Validate(); len(bad) > 0 {
		return 0, invalid(bad)
	}
	uid, err := w.unitID(ctx, p.Unit)
	if err != nil {
		return 0, err
	}
	iid, err := w.indicatorID(ctx, p.Indicator)
	if err != nil {
		return 0, err
	}
	k := planKey{uid, iid, p.Year, p.Term, p.Authority, p.Version}
	prev, found, err := w.currentPlan(ctx, k)
	if err != nil {
		return 0, err
	}
	same := found && samePlan(p, prev)
	if id, ok := w.seenPlans[k]; ok {
		if !same || prev.id != id {
			return 0, Errorf(CodeConflict, "plan %s / %s / %s / %s / %s is given twice with different targets; keep one",
				p.Unit, p.Indicator, planPeriodText(p), p.Authority, p.Version)
		}
	}
	if same {
		w.seenPlans[k] = prev.id
		w.res.Unchanged++
		return OutcomeUnchanged, nil
	}
	if p.AdoptedOn == "" {
		p.AdoptedOn = w.defDate
	}
	if p.Source == "" {
		p.Source = w.defSource
	}
	id, err := w.insertPlan(ctx, uid, iid, p)
	if err != nil {
		return 0, err
	}
	w.seenPlans[k] = id
	w.res.New++
	w.changed = true
	return OutcomeNew, nil
}

func (w *Writer) insertPlan(ctx context.Context, uid, iid int64, p Plan) (int64, error) {
	s, err := w.stmt(ctx, `INSERT INTO plans (unit_id, indicator_id, year, version, basis, target, target_low,
		target_high, adopted_on, source, via, token_name, file_name, recorded_at, authority, reference,
		term_first, term_last)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	first, last := termColumns(p.Term)
	w.refs.add(uid, iid, 0)
	res, err := s.ExecContext(ctx, uid, iid, p.Year, p.Version, string(p.Basis), nullFloat(p.Target),
		nullFloat(p.TargetLow), nullFloat(p.TargetHigh), p.AdoptedOn, p.Source,
		w.prov.Via, w.prov.TokenName, w.prov.FileName, w.recordedAt, string(p.Authority), p.Reference, first, last)
	if err != nil {
		return 0, w.fail(fmt.Errorf("store plan %s / %s / %s: %w", p.Unit, p.Indicator, planPeriodText(p), err))
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, w.fail(fmt.Errorf("store plan %s / %s / %s: %w", p.Unit, p.Indicator, planPeriodText(p), err))
	}
	return id, nil
}

// normalizePlan applies the defaults that identity depends on.
func normalizePlan(p Plan) Plan {
	if p.Version == "" {
		p.Version = "original"
	}
	p.Authority = p.Authority.OrDefault()
	if p.Reference == ReferenceSamePeriodLastYear {
		p.Reference = ""
	}
	return p
}

// termColumns is a term's stored form: NULLs for a yearly plan.
func termColumns(t Term) (first, last any) {
	if t.IsZero() {
		return nil, nil
	}
	return t.First, t.Last
}

// planPeriodText names a plan's year or term in messages.
func planPeriodText(p Plan) string {
	if !p.Term.IsZero() {
		return p.Term.String()
	}
	return strconv.Itoa(p.Year)
}

type storedPlan struct {
	Plan
	id int64
}

// currentPlan reads the newest row of a plan key.
func (w *Writer) currentPlan(ctx context.Context, k planKey) (storedPlan, bool, error) {
	s, err := w.stmt(ctx, `SELECT id, basis, target, target_low, target_high, adopted_on, source, reference FROM plans
		WHERE unit_id = ? AND indicator_id = ? AND year = ? AND authority = ? AND term_first IS ? AND term_last IS ?
		AND version = ? ORDER BY id DESC LIMIT 1`)
	if err != nil {
		return storedPlan{}, false, err
	}
	var sp storedPlan
	var t, lo, hi sql.NullFloat64
	first, last := termColumns(k.term)
	err = s.QueryRowContext(ctx, k.unit, k.indicator, k.year, string(k.authority), first, last, k.version).Scan(
		&sp.id, &sp.Basis, &t, &lo, &hi, &sp.AdoptedOn, &sp.Source, &sp.Reference)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return storedPlan{}, false, nil
	case err != nil:
		return storedPlan{}, false, w.fail(fmt.Errorf("read plan: %w", err))
	}
	sp.Target, sp.TargetLow, sp.TargetHigh = floatPtr(t), floatPtr(lo), floatPtr(hi)
	return sp, true, nil
}

func samePlan(p Plan, s storedPlan) bool {
	return p.Basis == s.Basis && p.Reference == s.Reference && sameFloat(p.Target, s.Target) &&
		sameFloat(p.TargetLow, s.TargetLow) && sameFloat(p.TargetHigh, s.TargetHigh) &&
		(p.AdoptedOn == "" || p.AdoptedOn == s.AdoptedOn) && (p.Source == "" || p.Source == s.Source)
}
