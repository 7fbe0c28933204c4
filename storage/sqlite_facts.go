package storage

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
)

// figures holds current, non-retracted figures by unit id, then indicator id.
type figures map[int64]map[int64][]Observation

// packedSQL is the packed column of figures (period, retraction and status
// in one integer; see packFigure and migration 0006).
const packedSQL = `packed`

// figureSelect reads only what the derived figures need, from figures (a
// table clustered on this order), as plain columns: SQLite's
// per-row arithmetic costs more than fetching a column, so the period,
// retraction and status come pre-packed (see packFigure).
const figureSelect = `SELECT unit_id, indicator_id, ` + packedSQL + `, reported_at, value,
	reported_plan_percent, reported_yoy_percent, reported_plan_percents FROM figures`

// unitFigureSelect is figureSelect for one unit, without its id: every
// column costs the driver two calls per row.
const unitFigureSelect = `SELECT indicator_id, ` + packedSQL + `, reported_at, value,
	reported_plan_percent, reported_yoy_percent, reported_plan_percents FROM figures`

const figureOrder = ` ORDER BY unit_id, indicator_id, year, last_month, first_month, reported_at, id`

var statusCodes = [...]ReportStatus{StatusPreliminary, StatusEstimate, StatusOfficial}

// figureScan turns packed rows into figures, keeping the last revision of
// each period (rows arrive in (reported_at, id) order) and dropping
// retracted ones.
type figureScan struct {
	out      figures
	uid, iid int64
	list     []Observation
	percents map[string]*Percent
	started  bool

	fixedUnit int64 // the one unit read, when the query leaves its id out
	slim      bool  // rows carry only unit, indicator, packed and value
}

func (s *figureScan) flush() {
	if !s.started {
		return
	}
	kept := s.list[:0]
	for _, o := range s.list {
		if !o.Retracted {
			kept = append(kept, o)
		}
	}
	if len(kept) > 0 {
		if s.out[s.uid] == nil {
			s.out[s.uid] = map[int64][]Observation{}
		}
		s.out[s.uid][s.iid] = kept
	}
}

func (s *figureScan) add(row []driver.Value) error {
	uid, ok1 := s.fixedUnit, true
	if s.fixedUnit == 0 {
		uid, ok1 = row[0].(int64)
		row = row[1:]
	}
	iid, ok2 := row[0].(int64)
	k, ok3 := row[1].(int64)
	if !ok1 || !ok2 || !ok3 {
		return fmt.Errorf("unexpected figure row %v", row)
	}
	var o Observation
	o.ReportStatus = statusCodes[min(k&3, 2)]
	o.Retracted = (k>>2)&1 == 1
	o.Period.Last = int((k >> 3) & 15)
	o.Period.First = int((k >> 7) & 15)
	o.Period.Year = int((k &^ syntheticBit) >> 11)
	o.Synthetic = k&syntheticBit != 0
	if s.slim {
		o.Value = floatValue(row[2])
	} else {
		d, ok := row[2].(string)
		if !ok {
			return fmt.Errorf("unexpected figure row %v", row)
		}
		o.ReportedAt = d
		o.Value = floatValue(row[3])
		if pp, ok := row[4].(string); ok {
			o.ReportedPlanPercent = s.percent(pp)
		}
		if yp, ok := row[5].(string); ok {
			o.ReportedYoYPercent = s.percent(yp)
		}
		if pps, ok := row[6].(string); ok {
			o.ReportedPlanPercents = planPercentsOf(pps)
		}
	}
	if !s.started || uid != s.uid || iid != s.iid {
		s.flush()
		s.uid, s.iid, s.list, s.started = uid, iid, nil, true
	}
	if n := len(s.list); n > 0 && s.list[n-1].Period == o.Period {
		s.list[n-1] = o // a later revision of the same figure
		return nil
	}
	s.list = append(s.list, o)
	return nil
}

// percent parses a stored percentage, once per distinct text.
func (s *figureScan) percent(t string) *Percent {
	if p, ok := s.percents[t]; ok {
		return p
	}
	var out *Percent
	if p, err := ParsePercent(t); err == nil {
		out = &p
	}
	s.percents[t] = out
	return out
}

// loadFigures returns the current revision as of asOf of every figure cond
// selects, retracted ones left out. It talks to the driver directly: at
// thousands of rows per page, database/sql's per-value conversions cost
// more than SQLite itself.
func (db *DB) loadFigures(ctx context.Context, asOf, cond string, args ...any) (figures, error) {
	return db.readFigures(ctx, asOf, 0, cond, args)
}

// loadUnitFigures is loadFigures for one unit's figures that cond selects,
// by indicator id.
func (db *DB) loadUnitFigures(ctx context.Context, asOf string, unitID int64, cond string, args ...any) (map[int64][]Observation, error) {
	figs, err := db.readFigures(ctx, asOf, unitID, cond, args)
	if err != nil {
		return nil, err
	}
	if figs[unitID] == nil {
		return map[int64][]Observation{}, nil
	}
	return figs[unitID], nil
}

// figureQuery selects, in figureOrder, the figures cond selects that were
// reported by an as_of given as the last argument.
func figureQuery(cond string) string {
	return figureSelect + ` WHERE (` + cond + `) AND reported_at <= ?` + figureOrder
}

func (db *DB) readFigures(ctx context.Context, asOf string, unitID int64, cond string, args []any) (figures, error) {
	query := figureQuery(cond)
	if unitID != 0 {
		query = unitFigureSelect + ` WHERE unit_id = ? AND (` + cond + `) AND reported_at <= ?` + figureOrder
		args = append([]any{unitID}, args...)
	}
	return db.scanFigures(ctx, query, unitID, false, append(args, asOf))
}

// loadFewFigures is loadFigures for a condition without literal values
// that selects few rows — one unit's figures read again after a write: its
// statement is prepared once (readStmt) rather than parsed on every call,
// which is most of such a read's cost, and its rows come through
// database/sql, slower per row but few.
func (db *DB) loadFewFigures(ctx context.Context, asOf, cond string, args ...any) (figures, error) {
	s, err := db.readStmt(ctx, figureQuery(cond))
	if err != nil {
		return nil, fmt.Errorf("read figures: %w", err)
	}
	rows, err := s.QueryContext(ctx, append(slices.Clone(args), asOf)...)
	if err != nil {
		return nil, fmt.Errorf("read figures: %w", err)
	}
	defer rows.Close()
	sc := &figureScan{out: figures{}, percents: map[string]*Percent{}}
	row, vals, dest := make([]driver.Value, 8), make([]any, 8), make([]any, 8)
	for i := range vals {
		dest[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("read figures: %w", err)
		}
		for i, v := range vals {
			row[i] = v
		}
		if err := sc.add(row); err != nil {
			return nil, fmt.Errorf("read figures: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read figures: %w", err)
	}
	sc.flush()
	return sc.out, nil
}

// scanFigures runs a figure query whose rows come grouped by unit and
// indicator, revisions in (reported_at, id) order; with unitID set, the
// query leaves the unit's id out of its columns; slim rows carry only the
// packed period and the value after the ids.
func (db *DB) scanFigures(ctx context.Context, query string, unitID int64, slim bool, args []any) (figures, error) {
	width := 8
	switch {
	case slim:
		width = 4
	case unitID != 0:
		width = 7
	}
	named := make([]driver.NamedValue, 0, len(args))
	for i, a := range args {
		if n, ok := a.(int); ok {
			a = int64(n)
		}
		named = append(named, driver.NamedValue{Ordinal: i + 1, Value: a})
	}
	conn, err := db.r.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("read figures: %w", err)
	}
	defer conn.Close()
	s := &figureScan{out: figures{}, percents: map[string]*Percent{}, fixedUnit: unitID, slim: slim}
	err = conn.Raw(func(dc any) error {
		q, ok := dc.(driver.QueryerContext)
		if !ok {
			return fmt.Errorf("driver cannot query directly")
		}
		rows, err := q.QueryContext(ctx, query, named)
		if err != nil {
			return err
		}
		defer rows.Close()
		row := make([]driver.Value, width)
		for {
			switch err := rows.Next(row); {
			case errors.Is(err, io.EOF):
				return nil
			case err != nil:
				return err
			}
			if err := s.add(row); err != nil {
				return err
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read figures: %w", err)
	}
	s.flush()
	return s.out, nil
}

// indicatorSet is every indicator by id, and the ids in catalog order.
type indicatorSet struct {
	byID  map[int64]Indicator
	order []int64
}

func (db *DB) indicatorSet(ctx context.Context) (indicatorSet, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, code, name_vi, name_en, measure, kind, direction,
		pace_profile, growth_basis, index_base, primary_authority, part_of FROM indicators ORDER BY id`)
	if err != nil {
		return indicatorSet{}, fmt.Errorf("list indicators: %w", err)
	}
	defer rows.Close()
	s := indicatorSet{byID: map[int64]Indicator{}}
	for rows.Next() {
		var id int64
		var i Indicator
		if err := rows.Scan(&id, &i.Code, &i.NameVI, &i.NameEN, &i.Measure, &i.Kind, &i.Direction,
			&i.PaceProfile, &i.GrowthBasis, &i.IndexBase, &i.PrimaryAuthority, &i.PartOf); err != nil {
			return indicatorSet{}, fmt.Errorf("list indicators: %w", err)
		}
		s.byID[id] = i
		s.order = append(s.order, id)
	}
	return s, rows.Err()
}

// unitRef is a unit with its id.
type unitRef struct {
	Unit
	id int64
}

// unitsWhere returns the codes of the units cond selects, by id.
func (db *DB) unitsWhere(ctx context.Context, cond string, args ...any) (map[int64]string, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, code FROM units WHERE `+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var cid int64
		var code string
		if err := rows.Scan(&cid, &code); err != nil {
			return nil, fmt.Errorf("list units: %w", err)
		}
		out[cid] = code
	}
	return out, rows.Err()
}

func placeholders(n int) string {
	b := make([]byte, 0, 2*n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}

// figuresFor appends to dst the figures Facts needs at p: every figure of
// p's year and the year before, p's span in every year, and every figure
// ending in December (the years of a term plan). Series and
// quality derive at every month end, so callers reuse dst (Derive keeps no
// reference to it) instead of allocating a copy each time.
func figuresFor(dst, all []Observation, p Period) []Observation {
	for _, o := range all {
		if o.Period.Year == p.Year || o.Period.Year == p.Year-1 || o.Period.Last == 12 ||
			(o.Period.First == p.First && o.Period.Last == p.Last) {
			dst = append(dst, o)
		}
	}
	return dst
}

// childFigures gives each child's figures of p's year that end by p's end.
// Figure lists are in (year, last month) order, so the span is found by
// binary search and shared, not copied (capped, so appends cannot clobber).
func childFigures(kids map[int64]string, figs figures, indicatorID int64, p Period) map[string][]Observation {
	out := make(map[string][]Observation, len(kids))
	for cid, code := range kids {
		if w := childWindow(figs[cid][indicatorID], p); len(w) > 0 {
			out[code] = w
		}
	}
	return out
}

// childWindow is the part of a child's figures (ordered by period) that a
// parent's check at p reads: those of p's year ending by p's end.
func childWindow(list []Observation, p Period) []Observation {
	lo := sort.Search(len(list), func(i int) bool { return list[i].Period.Year >= p.Year })
	hi := sort.Search(len(list), func(i int) bool {
		q := list[i].Period
		return q.Year > p.Year || (q.Year == p.Year && q.Last > p.Last)
	})
	if lo >= hi {
		return nil
	}
	return list[lo:hi:hi]
}

// hasFigureBy reports whether any figure lies in p's year and ends by p's end.
func hasFigureBy(figs []Observation, p Period) bool {
	for _, o := range figs {
		if o.Period.Year == p.Year && o.Period.Last <= p.Last {
			return true
		}
	}
	return false
}

// sortedIDs returns map keys in ascending order.
func sortedIDs[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
