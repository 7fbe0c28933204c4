package collector

import (
	"context"
	"errors"
	"fmt"

	"github.com/plantrack/plantrack/storage"
)

// Caps that keep error reports and previews readable and bounded.
const (
	maxDetails   = 100   // problems listed in one error; the message gives the total
	inboxDetails = 10000 // problems listed in an inbox error report
	previewMax   = 1000  // observations (and plans) shown by a dry run
	maxTouched   = 50    // unit × indicator × year combinations checked for warnings
)

// pos locates a row for error reports.
type pos struct {
	sheet string
	row   int
}

// touchKey is one unit × indicator × year an import wrote to.
type touchKey struct {
	unit, indicator string
	year            int
}

// session is one import: one writer (one transaction), the problems found
// so far, and what was stored.
type session struct {
	c      *Collector
	w      *storage.Writer
	format string
	opt    Options

	rows     int
	res      storage.WriteResult
	probs    problems
	allowed  map[string]error
	preview  []storage.Observation
	plans    []storage.Plan
	touched  map[touchKey]bool
	overflow bool // more combinations than maxTouched: warnings skipped
	check    rowCheck

	// deferUnknown keeps rows that name a unit or indicator not (yet)
	// declared, to retry once the whole file is read (JSON may declare
	// units after the observations that use them).
	deferUnknown bool
	deferred     []deferredRow
}

// deferredRow is a row waiting for its unit or indicator to be declared.
type deferredRow struct {
	at  pos
	obs *storage.Observation
	pln *storage.Plan
}

// maxDeferred bounds the rows kept for a retry; beyond it they are reported
// at once.
const maxDeferred = 10000

func newSession(c *Collector, w *storage.Writer, format string, opt Options) *session {
	limit := opt.detailLimit
	if limit <= 0 {
		limit = maxDetails
	}
	return &session{c: c, w: w, format: format, opt: opt, allowed: map[string]error{}, probs: problems{limit: limit},
		touched: map[touchKey]bool{}, check: rowCheck{locale: opt.Locale}}
}

// problems collects every rejected row and field of one import.
type problems struct {
	limit   int
	details []storage.Detail
	total   int
	rows    int // distinct rows with a problem
	last    pos
	codes   map[string]int // problems by error code, for metrics and the error's code
}

func (p *problems) add(code string, at pos, d storage.Detail) {
	if p.codes == nil {
		p.codes = map[string]int{}
	}
	p.codes[code]++
	p.total++
	if at != p.last || p.rows == 0 {
		p.rows++
		p.last = at
	}
	if len(p.details) < p.limit {
		p.details = append(p.details, d)
	}
}

// err turns the problems into one *storage.Error: forbidden if any unit was
// out of scope, else validation if any row was invalid, else conflict.
func (p *problems) err() *storage.Error {
	code := storage.CodeConflict
	switch {
	case p.codes[storage.CodeForbidden] > 0:
		code = storage.CodeForbidden
	case p.codes[storage.CodeValidation] > 0:
		code = storage.CodeValidation
	}
	var e *storage.Error
	if p.total > len(p.details) {
		e = storage.Errorf(code, "%d problem(s) in %d row(s); nothing was stored. Correct them and import the whole report again (the first %d of %d are listed)",
			p.total, p.rows, len(p.details), p.total)
	} else {
		e = storage.Errorf(code, "%d problem(s) in %d row(s); nothing was stored. Correct them and import the whole report again", p.total, p.rows)
	}
	return e.WithDetails(p.details...)
}

// count registers one more row and enforces the context and MaxRows.
func (s *session) count(ctx context.Context) error {
	s.rows++
	if s.opt.MaxRows > 0 && s.rows > s.opt.MaxRows {
		return storage.Errorf(storage.CodeTooLarge,
			"the report has more than %d rows, the most one import takes; split it into smaller files", s.opt.MaxRows)
	}
	if s.rows%1024 == 0 {
		return ctx.Err()
	}
	return nil
}

// record validates one tabular row and stores it.
func (s *session) record(ctx context.Context, r *record, kind tableKind) error {
	if err := s.count(ctx); err != nil {
		return err
	}
	var row checkedRow
	s.check.row(r, kind, &row)
	return s.store(ctx, kind, &row)
}

// checkedRow is one tabular row read and checked against the rules
// (rowCheck), ready for the writer: its place, its problems, and the
// record of its table's kind (an observation in place: most rows are).
type checkedRow struct {
	at      pos
	bad     []storage.Detail
	obs     storage.Observation
	plan    *storage.Plan
	unit    *storage.Unit
	keepSyn bool // a unit row without the synthetic column keeps the stored mark
	ind     *storage.Indicator
}

// row reads r as a record of kind into out. It touches nothing but c and
// out, so a reader goroutine can check rows while the session stores
// earlier ones.
func (c *rowCheck) row(r *record, kind tableKind, out *checkedRow) {
	c.r, c.bad = r, c.bad[:0]
	out.at = pos{r.sheet, r.row}
	switch kind {
	case tableUnits:
		u := c.unit()
		out.unit, out.keepSyn = &u, c.text(fSynthetic) == ""
	case tableIndicators:
		i := c.indicator()
		out.ind = &i
	case tablePlans:
		p := c.plan()
		out.plan = &p
	default:
		out.obs = c.observation()
	}
	if len(c.bad) > 0 {
		out.bad = append([]storage.Detail(nil), c.bad...)
	}
}

// store records a checked row's problems, or stores its record. The row
// was counted already.
func (s *session) store(ctx context.Context, kind tableKind, r *checkedRow) error {
	if len(r.bad) > 0 {
		for _, d := range r.bad {
			s.probs.add(storage.CodeValidation, r.at, d)
		}
		return nil
	}
	switch kind {
	case tableUnits:
		return s.unit(ctx, r.at, *r.unit, r.keepSyn)
	case tableIndicators:
		return s.indicator(ctx, r.at, *r.ind)
	case tablePlans:
		return s.plan(ctx, r.at, *r.plan)
	}
	return s.observation(ctx, r.at, r.obs)
}

// allow applies opt.Allow once per unit whose figures or plans are
// written, deciding by the unit's stored place in the hierarchy. A unit not
// stored (yet) is left to the writer, which refuses it as unknown (or, in
// JSON, retries it once the whole file has been read). A database error
// ends the import.
func (s *session) allow(ctx context.Context, at pos, unit string) (bool, error) {
	if s.opt.Allow == nil {
		return true, nil
	}
	err, ok := s.allowed[unit]
	if !ok {
		c, found, lerr := s.w.FigureChange(ctx, unit)
		if lerr != nil {
			return false, lerr
		}
		if !found {
			return true, nil
		}
		err = s.opt.Allow(c)
		s.allowed[unit] = err
	}
	return !s.refused(at, "unit", unit, err), nil
}

// refused records a scope's refusal of one change as a problem.
func (s *session) refused(at pos, field, value string, err error) bool {
	if err == nil {
		return false
	}
	s.probs.add(storage.CodeForbidden, at, storage.Detail{Sheet: at.sheet, Row: at.row, Field: field,
		Value: value}.Because(err))
	return true
}

// observation stores one validated observation.
func (s *session) observation(ctx context.Context, at pos, o storage.Observation) error {
	if ok, err := s.allow(ctx, at, o.Unit); !ok || err != nil {
		return err
	}
	out, err := s.w.PutObservation(ctx, o)
	if err != nil {
		if s.deferrable(err) {
			s.deferred = append(s.deferred, deferredRow{at: at, obs: &o})
			return nil
		}
		return s.putFailed(at, err)
	}
	s.outcome(out)
	s.touch(o.Unit, o.Indicator, o.Period.Year)
	if s.opt.DryRun && len(s.preview) < previewMax {
		if o.ReportStatus == "" {
			o.ReportStatus = storage.StatusPreliminary
		}
		s.preview = append(s.preview, o)
	}
	return nil
}

// plan stores one validated plan.
func (s *session) plan(ctx context.Context, at pos, p storage.Plan) error {
	if ok, err := s.allow(ctx, at, p.Unit); !ok || err != nil {
		return err
	}
	out, err := s.w.PutPlan(ctx, p)
	if err != nil {
		if s.deferrable(err) {
			s.deferred = append(s.deferred, deferredRow{at: at, pln: &p})
			return nil
		}
		return s.putFailed(at, err)
	}
	s.outcome(out)
	if p.Year != 0 { // a term plan's warnings are its years', checked when their figures arrive
		s.touch(p.Unit, p.Indicator, p.Year)
	}
	if s.opt.DryRun && len(s.plans) < previewMax {
		s.plans = append(s.plans, p)
	}
	return nil
}

func (s *session) outcome(o storage.Outcome) {
	switch o {
	case storage.OutcomeNew:
		s.res.New++
	case storage.OutcomeUnchanged:
		s.res.Unchanged++
	}
}

func (s *session) touch(unit, indicator string, year int) {
	if s.overflow {
		return
	}
	k := touchKey{unit, indicator, year}
	if s.touched[k] {
		return
	}
	if len(s.touched) >= maxTouched {
		s.overflow = true
		return
	}
	s.touched[k] = true
}

// putFailed records a writer's refusal of one row (unknown unit, conflict,
// invalid field) as a problem; any other error ends the import.
func (s *session) putFailed(at pos, err error) error {
	var e *storage.Error
	if !errors.As(err, &e) || (e.Code != storage.CodeValidation && e.Code != storage.CodeConflict &&
		e.Code != storage.CodeForbidden && e.Code != storage.CodeNotFound) {
		return fmt.Errorf("store row %d: %w", at.row, err)
	}
	code := e.Code
	if code == storage.CodeNotFound {
		code = storage.CodeValidation
	}
	if len(e.Details) == 0 {
		s.probs.add(code, at, storage.Detail{Sheet: at.sheet, Row: at.row}.Because(e))
		return nil
	}
	for _, d := range e.Details {
		d.Sheet, d.Row = at.sheet, at.row
		if d.Reason == "" {
			d = d.Because(e)
		}
		s.probs.add(code, at, d)
	}
	return nil
}

// deferrable reports whether err is an unknown unit or indicator that a
// later part of the file may still declare.
func (s *session) deferrable(err error) bool {
	var e *storage.Error
	if !s.deferUnknown || len(s.deferred) >= maxDeferred || !errors.As(err, &e) || e.Code != storage.CodeValidation {
		return false
	}
	for _, d := range e.Details {
		if d.Field == "unit" || d.Field == "indicator" {
			return true
		}
	}
	return false
}

// retryDeferred stores the rows kept back by deferUnknown, now that every
// declaration has been read; those that still fail are reported.
func (s *session) retryDeferred(ctx context.Context) error {
	s.deferUnknown = false
	rows := s.deferred
	s.deferred = nil
	for _, d := range rows {
		var err error
		if d.obs != nil {
			err = s.observation(ctx, d.at, *d.obs)
		} else {
			err = s.plan(ctx, d.at, *d.pln)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
