package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
)

// Progress is every indicator's derived figures for one unit at one period.
type Progress struct {
	Unit   Unit
	Period Period
	AsOf   string
	Items  []Item
}

// MarshalJSON writes the shape of GET /api/v1/progress: the unit's code,
// its names, the period code, as_of and the items.
func (p Progress) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Unit      string `json:"unit"`
		NameVI    string `json:"unit_name_vi"`
		NameEN    string `json:"unit_name_en"`
		Synthetic bool   `json:"synthetic,omitempty"`
		Period    Period `json:"period"`
		AsOf      string `json:"as_of"`
		Items     []Item `json:"items"`
	}{p.Unit.Code, p.Unit.NameVI, p.Unit.NameEN, p.Unit.Synthetic, p.Period, p.AsOf, p.Items})
}

// checkPeriod refuses a Period that NewPeriod would not make.
func checkPeriod(p Period) error {
	if _, err := NewPeriod(p.Year, p.First, p.Last); err != nil {
		return Errorf(CodeInvalid, "%v", err)
	}
	return nil
}

// childrenFigures returns the tenure of a unit's children (every unit that
// ever had it as parent) and their figures that cond (over the
// observations table) selects.
func (db *DB) childrenFigures(ctx context.Context, unitID int64, asOf, cond string, args ...any) (tenure, figures, error) {
	kids, err := db.tenureOf(ctx, unitID)
	if err != nil || len(kids.units) == 0 {
		return kids, figures{}, err
	}
	figs, err := db.loadFigures(ctx, asOf, `unit_id IN (SELECT unit_id FROM unit_parents WHERE parent_id = ?) AND `+cond,
		append([]any{unitID}, args...)...)
	return kids, figs, err
}

// LatestPeriod returns the latest period of a unit and indicator ("" = any
// indicator) as known on asOf: the representative period of the greatest
// end month with a figure. No figure at all is CodeNotFound.
func (db *DB) LatestPeriod(ctx context.Context, unit, indicator, asOf string) (Period, error) {
	asOf, err := resolveAsOf(asOf)
	if err != nil {
		return Period{}, err
	}
	u, err := db.unitRef(ctx, unit)
	if err != nil {
		return Period{}, err
	}
	var iid int64
	if indicator != "" {
		if iid, err = db.indicatorIDOf(ctx, indicator); err != nil {
			return Period{}, err
		}
	}
	return db.latestPeriod(ctx, u, iid, asOf)
}

func (db *DB) latestPeriod(ctx context.Context, u unitRef, iid int64, asOf string) (Period, error) {
	cond, args := `unit_id = ?`, []any{u.id}
	if iid != 0 {
		cond, args = cond+` AND indicator_id = ?`, append(args, iid)
	}
	// The greatest end month of any revision, found by one backward index
	// seek per indicator; it is the answer unless that month's figures are
	// all retracted, in which case earlier months are looked at.
	end, err := db.latestEndMonth(ctx, u.id, iid, asOf)
	if err != nil || end < 0 {
		return Period{}, err
	}
	for end >= 0 {
		figs, err := db.loadFigures(ctx, asOf, cond+` AND year = ? AND last_month = ?`,
			append(args, end/12, end%12+1)...)
		if err != nil {
			return Period{}, err
		}
		var all []Observation
		for _, list := range figs[u.id] {
			all = append(all, list...)
		}
		if o, ok := LatestRepresentative(all); ok {
			return o.Period, nil
		}
		var prev int
		err = db.r.QueryRowContext(ctx, `SELECT coalesce(max(year * 12 + last_month - 1), -1) FROM figures
			WHERE `+cond+` AND reported_at <= ? AND year * 12 + last_month - 1 < ?`, append(args, asOf, end)...).Scan(&prev)
		if err != nil {
			return Period{}, fmt.Errorf("find latest period of %s: %w", u.Code, err)
		}
		end = prev
	}
	return Period{}, Errorf(CodeNotFound, "unit %q has no figures reported by %s; import some first", u.Code, asOf)
}

// latestEndMonth returns the greatest Period.EndMonth of any revision of
// the unit (and indicator, unless 0) reported by asOf, or -1 (and a
// CodeNotFound error) when there is none.
func (db *DB) latestEndMonth(ctx context.Context, unitID, iid int64, asOf string) (int, error) {
	q := `SELECT coalesce(max((SELECT o.year * 12 + o.last_month - 1 FROM figures o
			WHERE o.unit_id = ? AND o.indicator_id = i.id AND o.reported_at <= ?
			ORDER BY o.year DESC, o.last_month DESC LIMIT 1)), -1)
		FROM indicators i`
	args := []any{unitID, asOf}
	if iid != 0 {
		q, args = q+` WHERE i.id = ?`, append(args, iid)
	}
	var end int
	if err := db.r.QueryRowContext(ctx, q, args...).Scan(&end); err != nil {
		return -1, fmt.Errorf("find latest period: %w", err)
	}
	if end < 0 {
		var code string
		if err := db.r.QueryRowContext(ctx, `SELECT code FROM units WHERE id = ?`, unitID).Scan(&code); err != nil {
			return -1, fmt.Errorf("find latest period: %w", err)
		}
		return -1, Errorf(CodeNotFound, "unit %q has no figures reported by %s; import some first", code, asOf)
	}
	return end, nil
}

// Series is one unit × indicator over time.
type Series struct {
	Unit      string `json:"unit"`
	Indicator string `json:"indicator"`
	Points    []Item `json:"points"`
	Plans     []Plan `json:"plans"`
	// Derivation numbers the derivation that made this answer (see
	// Comparison.Derivation).
	Derivation int64 `json:"-"`
}

// Series derives the unit × indicator at every month end that has a
// representative period, ascending, as known on asOf; Plans holds every
// plan version of every year. Unknown codes are CodeNotFound. Answers are
// kept until the next write (see memo): the Points and Plans slices are the
// caller's, but what their elements point to is shared, so do not modify it.
func (db *DB) Series(ctx context.Context, unit, indicator, asOf string) (Series, error) {
	asOf, err := resolveAsOf(asOf)
	if err != nil {
		return Series{}, err
	}
	key := fmt.Sprintf("series\x00%s\x00%s", unit, indicator)
	s, err := readMemoized(ctx, db, key, asOf, func(ctx context.Context, _ int64) (Series, []pair, error) {
		s, deps, err := db.series(ctx, unit, indicator, asOf)
		s.Derivation = db.answers.Add(1)
		return s, deps, err
	})
	s.Points, s.Plans = slices.Clone(s.Points), slices.Clone(s.Plans)
	return s, err
}

func (db *DB) series(ctx context.Context, unit, indicator, asOf string) (Series, []pair, error) {
	u, err := db.unitRef(ctx, unit)
	if err != nil {
		return Series{}, nil, err
	}
	ind, err := db.Indicator(ctx, indicator)
	if err != nil {
		return Series{}, nil, err
	}
	iid, err := db.indicatorIDOf(ctx, indicator)
	if err != nil {
		return Series{}, nil, err
	}
	figs, err := db.loadFigures(ctx, asOf, `unit_id = ? AND indicator_id = ?`, u.id, iid)
	if err == nil {
		err = db.reconstruct(ctx, asOf, figs, []int64{u.id}, `indicator_id = ?`, []any{iid})
	}
	if err != nil {
		return Series{}, nil, err
	}
	kids, kidFigs, err := db.childrenFigures(ctx, u.id, asOf, `indicator_id = ?`, iid)
	if err != nil {
		return Series{}, nil, err
	}
	plans, err := db.Plans(ctx, PlanFilter{Unit: unit, Indicator: indicator})
	if err != nil {
		return Series{}, nil, err
	}
	own := figs[u.id][iid]
	points := []Item{}
	var buf []Observation
	for _, p := range MonthEnds(own) {
		buf = figuresFor(buf[:0], own, p)
		inForce := kids.at(periodEndDate(p))
		points = append(points, Derive(Facts{Unit: u.Code, Indicator: ind, Period: p, AsOf: asOf,
			Figures: buf, Plans: plans, Children: childFigures(inForce, kidFigs, iid, p),
			ChildCount: len(inForce), Synthetic: u.Synthetic}, db.th))
	}
	return Series{Unit: u.Code, Indicator: ind.Code, Points: points, Plans: plans}, []pair{{u.id, iid, false}}, nil
}
