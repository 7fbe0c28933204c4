package storage

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
)

// MaxCompareLevel is the deepest Level a comparison reaches below its parent.
const MaxCompareLevel = 4

// Comparison is the answer to a CompareQuery.
type Comparison struct {
	A    Period       `json:"a"`
	B    Period       `json:"b"`
	Rows []CompareRow `json:"rows"`
	// Derivation numbers the derivation that made this answer, unique in
	// the DB: it stays while the answer is kept (across writes that did not
	// touch it), so two answers with the same Derivation are the same and a
	// caller may keep what it made of one, e.g. its encoding.
	Derivation int64 `json:"-"`
}

// CompareRow is one unit × indicator in periods A and B. Values are each
// period's own value (for flows over a year-to-date period, the ytd);
// A is the period looked at and B its baseline (a=2018-H1&b=2017-H1), so
// Difference is A − B and Ratio A ÷ B, when both exist (and B ≠ 0).
type CompareRow struct {
	Unit        string   `json:"unit"`
	Indicator   string   `json:"indicator"`
	Measure     string   `json:"measure"`
	ValueA      *float64 `json:"value_a"`
	ValueB      *float64 `json:"value_b"`
	Difference  *float64 `json:"difference"`
	Ratio       *float64 `json:"ratio"`
	CompletionA *float64 `json:"completion_a"`
	CompletionB *float64 `json:"completion_b"`
	PaceA       Pace     `json:"pace_a"`
	PaceB       Pace     `json:"pace_b"`
	// ReconstructedA and B: that period's figures are the unit's
	// predecessors' summed (SPEC §2 "Units over time").
	ReconstructedA bool `json:"reconstructed_a"`
	ReconstructedB bool `json:"reconstructed_b"`
	// Synthetic: A's or B's figures include generated sample data (the
	// unit's, or a figure marked synthetic).
	Synthetic bool `json:"synthetic,omitempty"`
}

// Compare answers both forms of a comparison: with Unit, one row per
// indicator of that unit with a figure in A's or B's year by that period's
// end (catalog order); with Indicator and Parent, one row per child of
// Parent by code, children without figures included. Anything else is
// CodeInvalid; unknown codes are CodeNotFound. Answers are kept until the
// next write (see memo): the Rows slice is the caller's (sort it at will),
// but what its rows point to is shared, so do not modify it.
func (db *DB) Compare(ctx context.Context, q CompareQuery) (Comparison, error) {
	asOf, err := resolveAsOf(q.AsOf)
	if err != nil {
		return Comparison{}, err
	}
	if q.A.IsZero() || q.B.IsZero() {
		return Comparison{}, Errorf(CodeInvalid, "a comparison needs two periods a and b, e.g. a=2017-H1&b=2018-H1")
	}
	if err := checkPeriod(q.A); err != nil {
		return Comparison{}, err
	}
	if err := checkPeriod(q.B); err != nil {
		return Comparison{}, err
	}
	if q.Level < 0 || q.Level > MaxCompareLevel {
		return Comparison{}, Errorf(CodeInvalid, "level %d is out of range: compare 1 (children) to %d levels below the parent", q.Level, MaxCompareLevel)
	}
	if q.Level == 0 {
		q.Level = 1
	}
	key := fmt.Sprintf("compare\x00%s\x00%s\x00%s\x00%d\x00%v\x00%v", q.Unit, q.Indicator, q.Parent, q.Level, q.A, q.B)
	c, err := readMemoized(ctx, db, key, asOf, func(ctx context.Context, at int64) (Comparison, []pair, error) {
		return db.compare(ctx, q, asOf, at)
	})
	c.Rows = slices.Clone(c.Rows)
	return c, err
}

func (db *DB) compare(ctx context.Context, q CompareQuery, asOf string, at int64) (c Comparison, deps []pair, err error) {
	switch {
	case q.Unit != "" && q.Parent == "":
		c, deps, err = db.compareUnit(ctx, q, asOf)
	case q.Unit == "" && q.Parent != "" && q.Indicator != "":
		c, deps, err = db.compareChildren(ctx, q, asOf, at)
	default:
		err = Errorf(CodeInvalid,
			"compare either unit=U (every indicator of U) or indicator=I&parent=U (I across U's children), with a and b")
	}
	c.Derivation = db.answers.Add(1)
	return c, deps, err
}

// compareYears are the years whose figures two periods' derivations read.
func compareYears(a, b Period) []any { return []any{a.Year, a.Year - 1, b.Year, b.Year - 1} }

func (db *DB) compareUnit(ctx context.Context, q CompareQuery, asOf string) (Comparison, []pair, error) {
	u, err := db.unitRef(ctx, q.Unit)
	if err != nil {
		return Comparison{}, nil, err
	}
	var only int64
	if q.Indicator != "" {
		if only, err = db.indicatorIDOf(ctx, q.Indicator); err != nil {
			return Comparison{}, nil, err
		}
	}
	inds, err := db.indicatorSet(ctx)
	if err != nil {
		return Comparison{}, nil, err
	}
	figs, err := db.loadFigures(ctx, asOf, `unit_id = ? AND year IN (?, ?, ?, ?)`, append([]any{u.id}, compareYears(q.A, q.B)...)...)
	if err == nil {
		err = db.reconstruct(ctx, asOf, figs, []int64{u.id}, `year IN (?, ?, ?, ?)`, compareYears(q.A, q.B))
	}
	if err != nil {
		return Comparison{}, nil, err
	}
	plans, err := db.plansOf(ctx, u.id, only, q.A.Year, q.B.Year)
	if err != nil {
		return Comparison{}, nil, err
	}
	out := Comparison{A: q.A, B: q.B, Rows: []CompareRow{}}
	for _, iid := range inds.order {
		f := figs[u.id][iid]
		if (only != 0 && iid != only) || !(hasFigureBy(f, q.A) || hasFigureBy(f, q.B)) {
			continue
		}
		facts := Facts{Unit: u.Code, Indicator: inds.byID[iid], AsOf: asOf, Figures: f, Plans: plans[iid], Synthetic: u.Synthetic}
		out.Rows = append(out.Rows, db.compareRow(facts, q.A, q.B))
	}
	return out, []pair{{u.id, only, true}}, nil
}

func (db *DB) compareChildren(ctx context.Context, q CompareQuery, asOf string, at int64) (Comparison, []pair, error) {
	// The tree in force at the end of A, the period looked at.
	date := periodEndDate(q.A)
	fr, err := db.compareFrameOf(ctx, q.Parent, q.Indicator, q.Level, date)
	if err != nil {
		return Comparison{}, nil, err
	}
	parent, ind, iid, kids := fr.parent, fr.ind.Indicator, fr.ind.id, fr.kids
	// Rows kept from earlier answers are reused; only the units a write
	// touched since (or never compared) are read and derived.
	rows, keys := make(map[int64]CompareRow, len(kids)), make(map[int64]string, len(kids))
	var missing []int64
	suffix := fmt.Sprintf("\x00%d\x00%v\x00%v\x00%t", iid, q.A, q.B, parent.Synthetic)
	for _, cid := range fr.order {
		keys[cid] = db.pieceKey("crow\x00"+strconv.FormatInt(cid, 10)+suffix, asOf)
		if v, ok := db.piece(keys[cid]); ok {
			rows[cid] = v.(CompareRow)
		} else {
			missing = append(missing, cid)
		}
	}
	if len(missing) > 0 {
		below, belowArgs := belowAt(parent.id, q.Level, date)
		sel, args := `unit_id IN (`+below+`)`, belowArgs
		// One child (the first read after its report) is read with
		// statements prepared once: parsing them was most of its cost.
		few := len(missing) == 1 && len(kids) > 1
		switch {
		case few:
			sel, args = `unit_id = ?`, []any{missing[0]}
		case len(missing) < len(kids):
			slices.Sort(missing)
			sel, args = unitsCond(missing), nil
		}
		plans, err := db.readPlans(ctx, few, sel+` AND indicator_id = ? AND year IN (?, ?)`,
			append(slices.Clone(args), iid, q.A.Year, q.B.Year))
		if err != nil {
			return Comparison{}, nil, err
		}
		figs, err := db.compareFigures(ctx, sel, args, missing, iid, ind, q.A, q.B, asOf, plans, db.narrowCompare, few)
		if err == nil {
			err = db.reconstruct(ctx, asOf, figs, missing, `indicator_id = ? AND year IN (?, ?, ?, ?)`,
				append([]any{iid}, compareYears(q.A, q.B)...))
		}
		if err != nil {
			return Comparison{}, nil, err
		}
		for _, cid := range missing {
			facts := Facts{Unit: kids[cid], Indicator: ind, AsOf: asOf, Figures: figs[cid][iid], Plans: plans[cid][iid],
				Synthetic: parent.Synthetic}
			rows[cid] = db.compareRow(facts, q.A, q.B)
			db.keepPiece(keys[cid], at, []pair{{cid, iid, true}}, rows[cid])
		}
	}
	out := Comparison{A: q.A, B: q.B, Rows: make([]CompareRow, 0, len(kids))}
	deps := make([]pair, 0, len(kids))
	for _, cid := range fr.order {
		out.Rows = append(out.Rows, rows[cid])
		deps = append(deps, pair{cid, iid, true})
	}
	return out, deps, nil
}

// compareRow derives facts at both periods and lays them side by side.
func (db *DB) compareRow(f Facts, a, b Period) CompareRow {
	x := newFigIndex(f.Figures)
	f.Period = a
	ia := deriveIndexed(f, x, db.th)
	f.Period = b
	ib := deriveIndexed(f, x, db.th)
	row := CompareRow{Unit: f.Unit, Indicator: f.Indicator.Code, Measure: f.Indicator.Measure,
		ValueA: ownValue(ia), ValueB: ownValue(ib), CompletionA: ia.Completion, CompletionB: ib.Completion,
		PaceA: ia.Pace, PaceB: ib.Pace, ReconstructedA: ia.Reconstructed && ia.Value != nil,
		ReconstructedB: ib.Reconstructed && ib.Value != nil, Synthetic: ia.Synthetic || ib.Synthetic}
	if row.ValueA != nil && row.ValueB != nil {
		d := roundTo(*row.ValueA-*row.ValueB, max(decimalsOf(*row.ValueA), decimalsOf(*row.ValueB)))
		row.Difference = &d
		if *row.ValueB != 0 {
			r := sig10(*row.ValueA / *row.ValueB)
			row.Ratio = &r
		}
	}
	return row
}

// ownValue is the period's own value; for a flow over a year-to-date span
// that is its ytd.
func ownValue(it Item) *float64 {
	if it.Value == nil && it.Kind == KindFlow && it.Period.IsYTD() {
		return it.YTD
	}
	return it.Value
}

// sortedByCode returns the ids of a code map ordered by code.
func sortedByCode(m map[int64]string) []int64 {
	ids := sortedIDs(m)
	sort.SliceStable(ids, func(i, j int) bool { return m[ids[i]] < m[ids[j]] })
	return ids
}

// compareFigures loads what comparing a and b needs of the units (ids,
// ascending or not) that sel selects. Narrow, it first reads only the figures of those years that end
// in a's or b's last month or in December: with direct year-to-date
// figures and a stored plan that is all the comparison uses. Units for which
// it is not — figures only by month, no stored plan (the implied plan reads
// every percent of the year), a missing span — are then read whole, so the
// answer is the same either way; only the number of rows read differs.
func (db *DB) compareFigures(ctx context.Context, sel string, selArgs []any, units []int64, iid int64, ind Indicator, a, b Period,
	asOf string, plans map[int64]map[int64][]Plan, narrow, few bool) (figures, error) {
	full := `indicator_id = ? AND year IN (?, ?, ?, ?)`
	fullArgs := append([]any{iid}, compareYears(a, b)...)
	load := db.loadFigures
	if few { // sel has no literal values (see compareChildren)
		load = db.loadFewFigures
	}
	if !narrow {
		return load(ctx, asOf, sel+` AND `+full, append(slices.Clone(selArgs), fullArgs...)...)
	}
	// One IN list per index column (no OR), so SQLite seeks each unit's
	// few rows instead of scanning all of its figures of the indicator.
	figs, err := load(ctx, asOf, sel+` AND indicator_id = ?
		AND year IN (?, ?, ?, ?) AND last_month IN (?, ?, 12)`,
		append(slices.Clone(selArgs), append([]any{iid}, append(compareYears(a, b), a.Last, b.Last)...)...)...)
	if err != nil {
		return nil, err
	}
	var short []int64
	for _, uid := range units {
		if !narrowSuffices(figs[uid][iid], ind, plans[uid][iid], a, b, asOf) {
			short = append(short, uid)
		}
	}
	if len(short) == 0 {
		return figs, nil
	}
	more, err := db.loadFigures(ctx, asOf, `unit_id IN (`+idList(short)+`) AND `+full, fullArgs...)
	if err != nil {
		return nil, err
	}
	for _, uid := range short {
		if figs[uid] == nil {
			figs[uid] = map[int64][]Observation{}
		}
		figs[uid][iid] = more[uid][iid]
	}
	return figs, nil
}

// narrowSuffices reports whether figs, read narrowly, hold everything a
// comparison of a and b derives from: a stored plan in force for both years, each
// period's own figure, for flows its year-to-date figure and last year's
// year-to-date figures at the same month and at December, and last year's
// same span (for growth).
func narrowSuffices(figs []Observation, ind Indicator, plans []Plan, a, b Period, asOf string) bool {
	have := make(map[Period]bool, len(figs))
	for _, o := range figs {
		if !o.Retracted && o.Value != nil {
			have[o.Period] = true
		}
	}
	for _, p := range []Period{a, b} {
		if !hasPlanFor(plans, p.Year, asOf) || !have[p] || !have[p.SameSpanIn(p.Year-1)] {
			return false
		}
		if ind.Kind == KindFlow && (!have[p.YTD()] || !have[Period{p.Year - 1, 1, p.Last}] || !have[Period{p.Year - 1, 1, 12}]) {
			return false
		}
	}
	return true
}

// hasPlanFor reports whether a stored plan of year is in force on asOf.
func hasPlanFor(plans []Plan, year int, asOf string) bool {
	_, ok := PlanInForce(plansOfYear(plans, year), asOf)
	return ok
}
