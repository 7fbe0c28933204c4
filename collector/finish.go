package collector

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/plantrack/plantrack/storage"
)

// finish ends the session: on a parse error or any problem it rolls back
// and returns the error; a dry run rolls back and returns the preview;
// otherwise it commits.
func (s *session) finish(ctx context.Context, feedErr error) (Report, error) {
	rep := Report{Format: s.format, Rows: s.rows}
	if feedErr != nil {
		s.w.Rollback()
		var e *storage.Error
		switch {
		case errors.As(feedErr, &e):
			return rep, feedErr
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			return rep, storage.Errorf(storage.CodeTooLarge,
				"the import took longer than one request may take, and was stopped; nothing was stored. Split it into smaller files")
		case ctx.Err() != nil:
			return rep, fmt.Errorf("import %s interrupted (%w); nothing was stored", s.format, ctx.Err())
		}
		return rep, fmt.Errorf("import %s: %w", s.format, feedErr)
	}
	if s.probs.total > 0 {
		s.w.Rollback()
		return rep, s.probs.err()
	}
	if s.opt.DryRun {
		if err := s.w.Rollback(); err != nil {
			return rep, fmt.Errorf("import %s: end dry run: %w", s.format, err)
		}
		rep.Result, rep.Preview, rep.Plans = s.res, s.preview, s.plans
		return rep, nil
	}
	if s.opt.beforeCommit != nil {
		if err := s.opt.beforeCommit(); err != nil {
			s.w.Rollback()
			return rep, err
		}
	}
	res, err := s.w.Commit()
	if err != nil {
		return rep, fmt.Errorf("import %s: commit: %w", s.format, err)
	}
	rep.Result = res
	rep.Warnings = s.c.warnings(ctx, s.touched, s.overflow)
	return rep, nil
}

// putBatch stores an already decoded batch: units, indicators, then
// observations and plans. Rows are numbered from 1 within each list.
func (s *session) putBatch(ctx context.Context, b storage.Batch) error {
	for i, u := range b.Units {
		if err := s.unit(ctx, pos{"units", i + 1}, u, false); err != nil {
			return err
		}
	}
	for i, ind := range b.Indicators {
		if err := s.indicator(ctx, pos{"indicators", i + 1}, ind); err != nil {
			return err
		}
	}
	for i, o := range b.Observations {
		if err := s.count(ctx); err != nil {
			return err
		}
		at := pos{"observations", i + 1}
		if bad := o.Validate(); len(bad) > 0 {
			s.addAll(at, bad)
			continue
		}
		if err := s.observation(ctx, at, o); err != nil {
			return err
		}
	}
	for i, p := range b.Plans {
		if err := s.count(ctx); err != nil {
			return err
		}
		at := pos{"plans", i + 1}
		if p.Basis == "" {
			p.Basis = storage.BasisValue // the file formats' default too
		}
		if p.Version == "" {
			p.Version = "original"
		}
		if bad := p.Validate(); len(bad) > 0 {
			s.addAll(at, bad)
			continue
		}
		if err := s.plan(ctx, at, p); err != nil {
			return err
		}
	}
	return nil
}

// addAll records a decoded record's problems (storage's Validate) at its
// place in the batch.
func (s *session) addAll(at pos, bad []storage.Detail) {
	for _, d := range bad {
		d.Sheet, d.Row = at.sheet, at.row
		s.probs.add(storage.CodeValidation, at, d)
	}
}

// unit stores a declared unit, once the writer's scope allows the change
// it makes to what is stored. keepSynthetic (the declaration leaves the
// synthetic mark out) keeps a stored unit's mark.
func (s *session) unit(ctx context.Context, at pos, u storage.Unit, keepSynthetic bool) error {
	bad := u.NamedUnitProblems()
	if u.NameVI == "" && u.NameEN == "" {
		// A stored unit may be declared without names: it keeps its own.
		known, err := s.w.HasUnit(ctx, u.Code)
		if err != nil {
			return err
		}
		if known {
			bad = u.Validate()
		}
	}
	if len(bad) > 0 {
		s.addAll(at, bad)
		return nil
	}
	if keepSynthetic {
		syn, err := s.w.StoredSynthetic(ctx, u.Code)
		if err != nil {
			return err
		}
		u.Synthetic = u.Synthetic || syn
	}
	if s.opt.Allow != nil {
		c, err := s.w.UnitChange(ctx, u)
		if err != nil {
			return err
		}
		if s.refused(at, "code", u.Code, s.opt.Allow(c)) {
			return nil
		}
	}
	out, err := s.w.PutUnit(ctx, u)
	if err != nil {
		return s.putFailed(at, err)
	}
	if out == storage.OutcomeNew {
		s.res.UnitsNew++
	}
	return nil
}

// indicator stores a declared indicator, once the writer's scope allows
// the change it makes to the catalog.
func (s *session) indicator(ctx context.Context, at pos, i storage.Indicator) error {
	if bad := i.Validate(); len(bad) > 0 {
		s.addAll(at, bad)
		return nil
	}
	if s.opt.Allow != nil {
		c, err := s.w.IndicatorChange(ctx, i)
		if err != nil {
			return err
		}
		if s.refused(at, "code", i.Code, s.opt.Allow(c)) {
			return nil
		}
	}
	out, err := s.w.PutIndicator(ctx, i)
	if err != nil {
		return s.putFailed(at, err)
	}
	if out == storage.OutcomeNew {
		s.res.IndicatorsNew++
	}
	return nil
}

// warnings returns the quality flags (SPEC §2) of the unit × indicator ×
// years an import wrote, or nothing when it wrote too many to check
// cheaply. Flags never fail an import, and a flag that cannot be computed
// is left out rather than failing an import already stored.
func (c *Collector) warnings(ctx context.Context, touched map[touchKey]bool, overflow bool) []storage.Flag {
	if overflow {
		return nil
	}
	keys := make([]touchKey, 0, len(touched))
	for k := range touched {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.unit != b.unit {
			return a.unit < b.unit
		}
		if a.indicator != b.indicator {
			return a.indicator < b.indicator
		}
		return a.year < b.year
	})
	var out []storage.Flag
	for _, k := range keys {
		flags, err := c.db.Quality(ctx, storage.QualityFilter{Unit: k.unit, Indicator: k.indicator, Year: k.year})
		if err == nil {
			out = append(out, flags...)
		}
	}
	return out
}
