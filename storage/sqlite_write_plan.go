package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// PutPlan stores p as the newest row of its key (unit, indicator, year,
// version) unless it is identical to the current one; an omitted adopted_on
// or source then matches the stored one. Defaults: version "original",
// adopted_on the writer's recording date, source how it arrived.
func (w *Writer) PutPlan(ctx context.Context, p Plan) (Outcome, error) {
	if err := w.usable(); err != nil {
		return 0, err
	}
	if p.Version == "" {
		p.Version = "original"
	}
	if err := validatePlan(p); err != nil {
		return 0, err
	}
	uid, err := w.unitID(ctx, p.Unit)
	if err != nil {
		return 0, err
	}
	iid, err := w.indicatorID(ctx, p.Indicator)
	if err != nil {
		return 0, err
	}
	k := planKey{uid, iid, p.Year, p.Version}
	prev, found, err := w.currentPlan(ctx, k)
	if err != nil {
		return 0, err
	}
	same := found && samePlan(p, prev)
	if id, ok := w.seenPlans[k]; ok {
		if !same || prev.id != id {
			return 0, Errorf(CodeConflict, "plan %s / %s / %d / %s is given twice with different targets; keep one",
				p.Unit, p.Indicator, p.Year, p.Version)
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
	s, err := w.stmt(ctx, `INSERT INTO plans (unit_id, indicator_id, year, version, basis, target, target_low,
		target_high, adopted_on, source, via, token_name, file_name, recorded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	res, err := s.ExecContext(ctx, uid, iid, p.Year, p.Version, string(p.Basis), nullFloat(p.Target),
		nullFloat(p.TargetLow), nullFloat(p.TargetHigh), p.AdoptedOn, p.Source,
		w.prov.Via, w.prov.TokenName, w.prov.FileName, w.recordedAt)
	if err != nil {
		return 0, w.fail(fmt.Errorf("store plan %s / %s / %d: %w", p.Unit, p.Indicator, p.Year, err))
	}
	id, _ := res.LastInsertId()
	w.seenPlans[k] = id
	w.res.New++
	w.changed = true
	return OutcomeNew, nil
}

type storedPlan struct {
	Plan
	id int64
}

// currentPlan reads the newest row of a plan key.
func (w *Writer) currentPlan(ctx context.Context, k planKey) (storedPlan, bool, error) {
	s, err := w.stmt(ctx, `SELECT id, basis, target, target_low, target_high, adopted_on, source FROM plans
		WHERE unit_id = ? AND indicator_id = ? AND year = ? AND version = ? ORDER BY id DESC LIMIT 1`)
	if err != nil {
		return storedPlan{}, false, err
	}
	var sp storedPlan
	var t, lo, hi sql.NullFloat64
	err = s.QueryRowContext(ctx, k.unit, k.indicator, k.year, k.version).Scan(&sp.id, &sp.Basis, &t, &lo, &hi,
		&sp.AdoptedOn, &sp.Source)
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
	return p.Basis == s.Basis && sameFloat(p.Target, s.Target) && sameFloat(p.TargetLow, s.TargetLow) &&
		sameFloat(p.TargetHigh, s.TargetHigh) &&
		(p.AdoptedOn == "" || p.AdoptedOn == s.AdoptedOn) && (p.Source == "" || p.Source == s.Source)
}

func validatePlan(p Plan) error {
	finite := func(f *float64) bool { return f == nil || !math.IsNaN(*f) && !math.IsInf(*f, 0) }
	switch {
	case p.Year < 1900 || p.Year > 2999:
		return invalidField("year", strconv.Itoa(p.Year), "a plan's year is between 1900 and 2999")
	case p.Basis != BasisValue && p.Basis != BasisGrowth:
		return invalidField("basis", string(p.Basis), "basis is value or growth")
	case !finite(p.Target) || !finite(p.TargetLow) || !finite(p.TargetHigh):
		return invalidField("target", "", "targets must be finite numbers")
	case p.Target != nil && (p.TargetLow != nil || p.TargetHigh != nil):
		return invalidField("target", fmt.Sprint(*p.Target), "give either target or target_low and target_high, not both")
	case p.Target == nil && (p.TargetLow == nil || p.TargetHigh == nil):
		return invalidField("target", "", "give target, or both target_low and target_high")
	case p.Target == nil && *p.TargetLow > *p.TargetHigh:
		return invalidField("target_low", fmt.Sprint(*p.TargetLow), "target_low is above target_high")
	}
	if p.AdoptedOn != "" {
		if _, err := time.Parse(DateLayout, p.AdoptedOn); err != nil {
			return invalidField("adopted_on", p.AdoptedOn, "adopted_on is a date YYYY-MM-DD")
		}
	}
	return nil
}
