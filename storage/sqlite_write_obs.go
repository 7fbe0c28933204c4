package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
)

// farFuture is an as_of later than any reported_at.
const farFuture = "9999-12-31"

const obsColumns = `id, value, report_status, reported_plan_percent, reported_yoy_percent,
	reported_at, source, quote, retracted, reported_plan_percents, synthetic`

// PutObservation stores obs as a new revision unless it is identical to the
// revision in force at its reported_at (the current one when reported_at is
// omitted); an omitted reported_at or source then matches the stored one.
// Defaults: report_status preliminary, reported_at the Vietnam date of the
// writer's RecordedAt, source a description of how it arrived. The unit and
// indicator must be stored or Put earlier in this writer; the same figure
// Put twice in one writer with different content is a conflict.
func (w *Writer) PutObservation(ctx context.Context, o Observation) (Outcome, error) {
	if err := w.usable(); err != nil {
		return 0, err
	}
	if bad := o.Validate(); len(bad) > 0 {
		return 0, invalid(bad)
	}
	ps, err := w.pair(ctx, o.Unit, o.Indicator)
	if err != nil {
		return 0, err
	}
	if o.ReportStatus == "" {
		o.ReportStatus = StatusPreliminary
	}
	pk := pairPeriod{int16(o.Period.Year), int8(o.Period.First), int8(o.Period.Last)}
	k := obsKey{ps.unit, ps.indicator, pk.year, pk.first, pk.last}
	if id, ok := ps.seen[pk]; ok {
		return w.putAgain(ctx, o, id)
	}
	asOf := o.ReportedAt
	if asOf == "" {
		asOf = farFuture
	}
	var prev Observation
	empty, err := w.pairEmpty(ctx, ps)
	if err != nil {
		return 0, err
	}
	found := false
	if !empty {
		if prev, found, err = w.inForce(ctx, k, asOf); err != nil {
			return 0, err
		}
	}
	if found && sameFigure(o, prev) {
		// The lookup read the index only; source and quote need the row.
		if prev.Source, prev.Quote, err = w.revisionText(ctx, prev.Revision); err != nil {
			return 0, err
		}
	}
	if found && sameObservation(o, prev) {
		ps.seen[pk] = prev.Revision
		w.res.Unchanged++
		return OutcomeUnchanged, nil
	}
	id, err := w.insertObservation(ctx, k, o)
	if err != nil {
		return 0, err
	}
	ps.seen[pk] = id
	w.res.New++
	w.changed = true
	return OutcomeNew, nil
}

// putAgain handles a figure this writer has already stored or matched.
func (w *Writer) putAgain(ctx context.Context, o Observation, id int64) (Outcome, error) {
	s, err := w.stmt(ctx, `SELECT `+obsColumns+` FROM observations WHERE id = ?`)
	if err != nil {
		return 0, err
	}
	prev, err := scanRevision(s.QueryRowContext(ctx, id))
	if err != nil {
		return 0, w.fail(fmt.Errorf("read revision %d: %w", id, err))
	}
	if !sameObservation(o, prev) {
		return 0, Errorf(CodeConflict, "%s / %s / %s is given twice with different figures; keep one", o.Unit, o.Indicator, o.Period).
			WithDetails(Detail{Field: "period", Value: o.Period.String()}.Says("same unit, indicator and period given twice"))
	}
	w.res.Unchanged++
	return OutcomeUnchanged, nil
}

// pairState is what a writer knows of one unit × indicator: its ids,
// whether it held no revision when the writer began, and the revision this
// writer stored or matched for each period it was given. Rows of an import
// mostly come grouped by unit and indicator, so the writer keeps the
// previous row's pair at hand: a large import then touches one small map a
// row rather than a map of every figure it saw, a million in a large one.
type pairState struct {
	unitCode, indicatorCode string
	unit, indicator         int32
	emptyKnown, empty       bool
	seen                    map[pairPeriod]int64
}

// pairPeriod is a figure's period within its pair.
type pairPeriod struct {
	year        int16
	first, last int8
}

// pair returns the state of unit × indicator, which must be stored or Put
// earlier in this writer.
func (w *Writer) pair(ctx context.Context, unit, indicator string) (*pairState, error) {
	if p := w.last; p != nil && p.unitCode == unit && p.indicatorCode == indicator {
		return p, nil
	}
	uid, err := w.unitID(ctx, unit)
	if err != nil {
		return nil, err
	}
	iid, err := w.indicatorID(ctx, indicator)
	if err != nil {
		return nil, err
	}
	if uid > math.MaxInt32 || iid > math.MaxInt32 {
		return nil, w.fail(Errorf(CodeInternal, "unit or indicator id beyond 2^31; the database needs compacting"))
	}
	key := [2]int32{int32(uid), int32(iid)}
	p := w.pairs[key]
	if p == nil {
		p = &pairState{unitCode: unit, indicatorCode: indicator, unit: key[0], indicator: key[1], seen: map[pairPeriod]int64{}}
		w.pairs[key] = p
	}
	w.last = p
	return p, nil
}

// pairEmpty reports whether the pair had no revision at all when this
// writer began. Then no figure of it needs looking up: the writer holds the
// write lock, and what it stored itself is in the pair's seen. A first
// import of history skips every lookup this way. It is asked before the
// writer's first figure of the pair, so what it finds is the pair as the
// writer began.
func (w *Writer) pairEmpty(ctx context.Context, p *pairState) (bool, error) {
	if p.emptyKnown {
		return p.empty, nil
	}
	dest := make([]driver.Value, 1)
	found, err := w.rawQueryRow(ctx, `SELECT 1 FROM figures WHERE unit_id = ? AND indicator_id = ? LIMIT 1`,
		namedArgs(p.unit, p.indicator), dest)
	if err != nil {
		return false, w.fail(fmt.Errorf("look for figures: %w", err))
	}
	p.empty, p.emptyKnown = !found, true
	return p.empty, nil
}

// revisionsSQL reads one seek of the clustered figures: every revision of
// a figure (seldom more than two), every column but source and quote,
// which revisionText reads when the rest matches. inForce picks the one in
// force in Go: with the bound range on reported_at and the ORDER BY …
// LIMIT 1 that would pick it in SQL, SQLite prepared the statement again
// on every call (21 against 9 µs of CPU a lookup, measured on the
// province bench database).
const revisionsSQL = `SELECT id, value, CASE packed & 3 WHEN 1 THEN 'estimate' WHEN 2 THEN 'official' ELSE 'preliminary' END,
	reported_plan_percent, reported_yoy_percent, reported_at, '', '', (packed >> 2) & 1, reported_plan_percents, (packed >> 40) & 1 FROM figures
	WHERE unit_id = ? AND indicator_id = ? AND year = ? AND last_month = ? AND first_month = ?`

// revisionText reads a revision's source and quote.
func (w *Writer) revisionText(ctx context.Context, id int64) (source, quote string, err error) {
	dest := make([]driver.Value, 2)
	found, err := w.rawQueryRow(ctx, `SELECT b.source, f.quote FROM figures f JOIN batches b ON b.id = f.batch_id
		WHERE f.id = ?`, namedArgs(id), dest)
	if err == nil && !found {
		err = fmt.Errorf("revision %d vanished", id)
	}
	if err != nil {
		return "", "", w.fail(fmt.Errorf("read revision %d: %w", id, err))
	}
	source, _ = dest[0].(string)
	quote, _ = dest[1].(string)
	return source, quote, nil
}

// inForce reads the revision of k with the greatest (reported_at, id) among
// those reported on or before asOf, without its source and quote.
func (w *Writer) inForce(ctx context.Context, k obsKey, asOf string) (Observation, bool, error) {
	dest := make([]driver.Value, 11)
	var best Observation
	found := false
	err := w.rawQueryEach(ctx, revisionsSQL, namedArgs(k.unit, k.indicator, k.year, k.last, k.first), dest, func() (bool, error) {
		at, _ := dest[5].(string)
		id, _ := dest[0].(int64)
		if at > asOf || found && (at < best.ReportedAt || at == best.ReportedAt && id < best.Revision) {
			return true, nil
		}
		o, err := revisionFrom(dest)
		best, found = o, err == nil
		return true, err
	})
	if err != nil {
		return Observation{}, false, w.fail(fmt.Errorf("read current revision: %w", err))
	}
	return best, found, nil
}

// insertObservationSQL stores a revision; its provenance is a batch (see
// batchID) and its number the next one (see nextRevision).
const insertObservationSQL = `INSERT INTO figures (unit_id, indicator_id, year, first_month, last_month,
	reported_at, id, packed, value, batch_id, reported_plan_percent, reported_yoy_percent, reported_plan_percents, quote)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertPlainSQL is insertObservationSQL for the usual figure, without
// reported percentages or quote: the columns left out take their defaults
// (NULL and ”), which is what binding them would store, and four fewer
// bindings a row are a measurable share of a large import.
const insertPlainSQL = `INSERT INTO figures (unit_id, indicator_id, year, first_month, last_month,
	reported_at, id, packed, value, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertPlainArgs is how many of insertArgs' arguments insertPlainSQL
// takes: the first ten, which end with the batch.
const insertPlainArgs = 10

func (w *Writer) insertObservation(ctx context.Context, k obsKey, o Observation) (int64, error) {
	if o.ReportedAt == "" {
		o.ReportedAt = w.defDate
	}
	if o.Source == "" {
		o.Source = w.defSource
	}
	batch, err := w.batchID(ctx, o.Source)
	if err != nil {
		return 0, err
	}
	id, err := w.nextRevision(ctx)
	if err != nil {
		return 0, err
	}
	if o.ReportedPlanPercent == nil && o.ReportedYoYPercent == nil && len(o.ReportedPlanPercents) == 0 && o.Quote == "" {
		_, err = w.rawExec(ctx, insertPlainSQL, w.insertArgs(k, o, id, batch)[:insertPlainArgs])
	} else {
		_, err = w.rawExec(ctx, insertObservationSQL, w.insertArgs(k, o, id, batch))
	}
	if err != nil {
		return 0, w.fail(fmt.Errorf("store %s / %s / %s: %w", o.Unit, o.Indicator, o.Period, err))
	}
	return id, nil
}

// insertArgs fills the writer's one argument list for insertObservationSQL
// (the driver copies the values while binding them): a million-row import
// then allocates no list per row.
func (w *Writer) insertArgs(k obsKey, o Observation, id, batch int64) []driver.NamedValue {
	if w.insArgs == nil {
		w.insArgs = make([]driver.NamedValue, 14)
		for i := range w.insArgs {
			w.insArgs[i].Ordinal = i + 1
		}
	}
	w.refs.add(int64(k.unit), int64(k.indicator), batch)
	a := w.insArgs
	a[0].Value, a[1].Value, a[2].Value = int64(k.unit), int64(k.indicator), int64(k.year)
	a[3].Value, a[4].Value, a[5].Value = int64(k.first), int64(k.last), o.ReportedAt
	a[6].Value, a[7].Value = id, packFigure(o.Period, o.Retracted, o.ReportStatus)|syntheticPacked(o.Synthetic)
	a[8].Value, a[9].Value, a[10].Value = nullFloat(o.Value), batch, percentText(o.ReportedPlanPercent)
	a[11].Value, a[12].Value, a[13].Value = percentText(o.ReportedYoYPercent), planPercentsText(o.ReportedPlanPercents), o.Quote
	return a
}

// scanRevision reads the obsColumns of one row.
func scanRevision(row *sql.Row) (Observation, error) {
	var o Observation
	var v sql.NullFloat64
	var pp, yp, pps sql.NullString
	err := row.Scan(&o.Revision, &v, &o.ReportStatus, &pp, &yp, &o.ReportedAt, &o.Source, &o.Quote, &o.Retracted, &pps, &o.Synthetic)
	if err != nil {
		return o, err
	}
	o.ReportedPlanPercents = planPercentsOf(pps.String)
	o.Value = floatPtr(v)
	o.ReportedPlanPercent = percentPtr(pp)
	o.ReportedYoYPercent = percentPtr(yp)
	return o, nil
}

// sameObservation reports whether o (defaults applied to its status) would
// add nothing to the stored revision s.
func sameObservation(o, s Observation) bool {
	return sameFigure(o, s) && (o.Source == "" || o.Source == s.Source) && o.Quote == s.Quote
}

// sameFigure is sameObservation without source and quote.
func sameFigure(o, s Observation) bool {
	return sameFloat(o.Value, s.Value) &&
		o.ReportStatus == s.ReportStatus &&
		samePercent(o.ReportedPlanPercent, s.ReportedPlanPercent) &&
		samePercent(o.ReportedYoYPercent, s.ReportedYoYPercent) &&
		samePlanPercents(o.ReportedPlanPercents, s.ReportedPlanPercents) &&
		(o.ReportedAt == "" || o.ReportedAt == s.ReportedAt) &&
		o.Retracted == s.Retracted && o.Synthetic == s.Synthetic
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func samePercent(a, b *Percent) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.String() == b.String()
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func floatPtr(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	f := v.Float64
	return &f
}

// planPercentsText is the stored form of reported_plan_percents: NULL when
// there are none, so rows without them look like rows stored before 0003.
func planPercentsText(ps PlanPercents) any {
	if len(ps) == 0 {
		return nil
	}
	return ps.String()
}

// planPercentsOf parses the stored form; stored text was written by
// PlanPercents.String, so it always parses.
func planPercentsOf(s string) PlanPercents {
	ps, err := ParsePlanPercents(s)
	if err != nil {
		return nil
	}
	return ps
}

func percentText(p *Percent) any {
	if p == nil {
		return nil
	}
	return p.String()
}

// percentPtr parses a stored percentage; stored text was written by
// Percent.String, so it always parses.
func percentPtr(s sql.NullString) *Percent {
	if !s.Valid {
		return nil
	}
	p, err := ParsePercent(s.String)
	if err != nil {
		return nil
	}
	return &p
}

// syntheticBit is the bit of figures.packed that marks a synthetic figure
// (migration 0008); it lies above every period, retraction and status.
const syntheticBit = int64(1) << 40

// syntheticPacked is syntheticBit when synthetic, else 0.
func syntheticPacked(synthetic bool) int64 {
	if synthetic {
		return syntheticBit
	}
	return 0
}

// packFigure is the packed column of observations (see 0001_init.sql and
// packedSQL, which must agree).
func packFigure(p Period, retracted bool, status ReportStatus) int64 {
	k := (int64(p.Year)*16+int64(p.First))*16 + int64(p.Last)
	k *= 2
	if retracted {
		k++
	}
	k *= 4
	switch status {
	case StatusEstimate:
		k++
	case StatusOfficial:
		k += 2
	}
	return k
}
