package storage

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"
)

// wholeProgress is Progress as it was derived before the unit's own items
// were kept apart from the checks against its children: one Derive per
// indicator with the children's figures in its facts, nothing kept. The
// split tests compare Progress with it.
func (db *DB) wholeProgress(t *testing.T, code string, p Period) Progress {
	t.Helper()
	ctx, asOf := context.Background(), "2030-01-01"
	u, err := db.unitRef(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if p.IsZero() {
		if p, err = db.latestPeriod(ctx, u, 0, asOf); err != nil {
			t.Fatal(err)
		}
	}
	inds, err := db.indicatorSet(ctx)
	if err != nil {
		t.Fatal(err)
	}
	own, err := db.loadUnitFigures(ctx, asOf, u.id, `year IN (?, ?) OR (first_month = ? AND last_month = ?) OR last_month = 12`,
		p.Year, p.Year-1, p.First, p.Last)
	if err == nil {
		err = db.reconstruct(ctx, asOf, figures{u.id: own}, []int64{u.id}, `year IN (?, ?) OR (first_month = ? AND last_month = ?)`,
			[]any{p.Year, p.Year - 1, p.First, p.Last})
	}
	if err != nil {
		t.Fatal(err)
	}
	present := withFigures(inds, own, func(f []Observation) bool { return hasFigureBy(f, p) })
	kids, err := db.childrenOf(ctx, u.id, periodEndDate(p))
	if err != nil {
		t.Fatal(err)
	}
	kidFigs := figures{}
	if len(kids) > 0 && len(present) > 0 {
		if kidFigs, err = db.childValues(ctx, asOf, p, sortedIDs(kids), present); err != nil {
			t.Fatal(err)
		}
	}
	plans, err := db.plansOf(ctx, u.id, 0, p.Year)
	if err != nil {
		t.Fatal(err)
	}
	items := []Item{}
	for _, iid := range present {
		items = append(items, Derive(Facts{Unit: u.Code, Indicator: inds.byID[iid], Period: p, AsOf: asOf,
			Figures: own[iid], Plans: plans[iid], Children: childFigures(kids, kidFigs, iid, p),
			ChildCount: len(kids), Synthetic: u.Synthetic}, db.th))
	}
	return Progress{Unit: u.Unit, Period: p, Items: items}
}

// splitFixture is a province with four communes, 2018–2024, monthly
// year-to-date figures of six flows and two levels (benchIndicators'
// synthetic ones) and yearly plans of the province. The communes' flows
// are 10/20/30/40 % of the province's and its levels 0.9–1.1 times the
// province's, except where a flag is planted: commune c1 triples its odd
// flows in 2023 (children_sum_mismatch), every commune reports 1.5 times
// the province's levels in 2024 (children_range), the province reports a
// wrong growth on every flow and level in June (yoy_mismatch, ranked
// between the two) and a fivefold June 2024 of its first flow (outlier,
// after children_sum_mismatch), and c4 lacks its first flow in 2022 (no
// check: a child did not report).
func splitFixture(t *testing.T) (*DB, string, []Indicator) {
	t.Helper()
	db, path := openTestDB(t)
	_, extra := benchIndicators(len(Catalog()) + 8)
	b := Batch{Indicators: extra, Units: []Unit{{Code: "prov", NameEN: "Province"}}}
	for c := 1; c <= 4; c++ {
		b.Units = append(b.Units, Unit{Code: fmt.Sprintf("c%d", c), NameEN: fmt.Sprintf("Commune %d", c), Parent: "prov"})
	}
	round := func(v float64) *float64 { return val(math.Round(v*10) / 10) }
	for k, ind := range extra {
		for y := 2018; y <= 2024; y++ {
			base := 1000 * float64(k+1) * math.Pow(1.05, float64(y-2018))
			b.Plans = append(b.Plans, Plan{Unit: "prov", Indicator: ind.Code, Year: y, Basis: BasisValue,
				Target: val(math.Round(base * 1.1)), AdoptedOn: fmt.Sprintf("%d-01-05", y)})
			for m := 1; m <= 12; m++ {
				v := base * (1 + 0.02*math.Sin(float64(k*12+m)))
				if ind.Kind == KindFlow {
					v = v * float64(m) / 12
				}
				pv := v
				if k == 1 && y == 2024 && m == 6 {
					pv *= 5
				}
				p, at := Period{y, 1, m}, fmt.Sprintf("%d-%02d-25", y, m)
				o := Observation{Unit: "prov", Indicator: ind.Code, Period: p, Value: round(pv), ReportedAt: at}
				if m == 6 {
					o.ReportedYoYPercent = &Percent{Value: 40, Decimals: 0}
				}
				b.Observations = append(b.Observations, o)
				for c := 1; c <= 4; c++ {
					cv := v * float64(c) / 10
					switch {
					case ind.Kind == KindLevel && y == 2024:
						cv = v * 1.5
					case ind.Kind == KindLevel:
						cv = v * (0.9 + 0.2*float64(c-1)/3)
					case c == 1 && y == 2023 && k%2 == 1:
						cv *= 3
					case c == 4 && y == 2022 && k == 1:
						continue
					}
					b.Observations = append(b.Observations, Observation{Unit: fmt.Sprintf("c%d", c), Indicator: ind.Code,
						Period: p, Value: round(cv), ReportedAt: at})
				}
			}
		}
	}
	writeBatch(t, db, b)
	return db, path, extra
}

// splitPeriods are the periods the split is checked at: every month's
// year to date, every month and quarter alone (differenced from the
// year-to-date figures), and the latest (zero).
func splitPeriods() []Period {
	ps := []Period{{}}
	for y := 2022; y <= 2024; y++ {
		for m := 1; m <= 12; m++ {
			ps = append(ps, Period{y, 1, m}, Period{y, m, m})
		}
		for q := 1; q <= 4; q++ {
			ps = append(ps, Period{y, 3*q - 2, 3 * q})
		}
	}
	return ps
}

// Progress, assembled from the unit's own items and the checks against
// its children's kept values, is item for item what one whole Derive per
// indicator gives — values, plans, and the flags in the same order with
// the same figures — at every period of every unit, and the planted flags
// are all there, each children's check beside a flag ranked before or
// after it.
func TestProgressSplitMatchesWholeDerive(t *testing.T) {
	ctx := context.Background()
	db, _, _ := splitFixture(t)
	seen := map[string]int{}
	for _, code := range []string{"prov", "c1", "c2", "c3", "c4"} {
		for _, p := range splitPeriods() {
			got, err := db.Progress(ctx, code, p, "2030-01-01")
			if err != nil {
				t.Fatalf("progress of %s at %v: %v", code, p, err)
			}
			want := db.wholeProgress(t, code, p)
			if got.Period != want.Period || !reflect.DeepEqual(got.Items, want.Items) {
				t.Fatalf("progress of %s at %v differs from the whole derivation:\n got %s\nwant %s",
					code, p, flagCodes(got.Items), flagCodes(want.Items))
			}
			for _, it := range got.Items {
				for i, fl := range it.Flags {
					seen[fl.Code]++
					if i > 0 && (fl.Code == FlagChildrenSumMismatch || fl.Code == FlagChildrenRange) {
						seen["after "+it.Flags[i-1].Code]++
					}
					if i > 0 && (it.Flags[i-1].Code == FlagChildrenSumMismatch || it.Flags[i-1].Code == FlagChildrenRange) {
						seen["before "+fl.Code]++
					}
				}
			}
		}
	}
	for _, code := range []string{FlagChildrenSumMismatch, FlagChildrenRange, FlagYoYMismatch, FlagOutlier,
		"before " + FlagYoYMismatch, "after " + FlagYoYMismatch, "before " + FlagOutlier} {
		if seen[code] == 0 {
			t.Errorf("no %s in the fixture's progress (seen %v): the comparison proves less than it claims", code, seen)
		}
	}
}

// flagCodes lists each item's indicator and flag codes, for messages.
func flagCodes(items []Item) string {
	s := ""
	for _, it := range items {
		s += it.Indicator + fmt.Sprint(len(it.Flags))
		for _, fl := range it.Flags {
			s += " " + fl.Code
		}
		s += "; "
	}
	return s
}

// After a child's report the parent's progress derives none of its own
// items again — only the checks against its children, from the one child's
// values read again — and those checks follow the report. Worked by hand:
// the province's retail sales of 2024-H1 are 300, its communes' 100 and
// 200, summing to 300: no flag. Commune a revises to 160: the sum is
// 160 + 200 = 360, (360 − 300) / 300 = 0.2 above the province's figure,
// beyond the 2 % tolerance: children_sum_mismatch with value 300,
// children_sum 360, children 2, difference_share 0.2. The province then
// reports 360 itself: its own items are derived again and the flag goes.
func TestChildReportKeepsParentsOwnItems(t *testing.T) {
	ctx := context.Background()
	db, path := openTestDB(t)
	h1, asOf := MustParsePeriod("2024-H1"), "2030-01-01"
	fig := func(unit string, v float64, at string) Observation {
		return Observation{Unit: unit, Indicator: "retail_sales", Period: h1, Value: val(v), ReportedAt: at}
	}
	writeBatch(t, db, Batch{Units: []Unit{{Code: "prov"}, {Code: "a", Parent: "prov"}, {Code: "b", Parent: "prov"}},
		Observations: []Observation{fig("prov", 300, "2024-07-01"), fig("a", 100, "2024-07-01"), fig("b", 200, "2024-07-01")}})
	sales := func() Item {
		t.Helper()
		pr, err := db.Progress(ctx, "prov", h1, asOf)
		if err != nil {
			t.Fatal(err)
		}
		return itemOf(t, pr.Items, "retail_sales")
	}
	before := sales()
	if len(before.Flags) != 0 {
		t.Fatalf("flags %v before the revision, want none", before.Flags)
	}
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	writeBatch(t, other, Batch{Observations: []Observation{fig("a", 160, "2024-07-05")}})
	n := db.Derivations()
	after := sales()
	if d := db.Derivations() - n; d != 2 {
		t.Errorf("%d derivations after a child's report, want 2: the answer and that child's values", d)
	}
	if after.Value != before.Value { // the same pointer: the kept item, not a new derivation
		t.Error("the province's own item was derived again after a child's report")
	}
	want := []Flag{{Code: FlagChildrenSumMismatch, Unit: "prov", Indicator: "retail_sales", Period: h1,
		Figures: map[string]float64{"value": 300, "children_sum": 360, "children": 2, "difference_share": 0.2}}}
	if !reflect.DeepEqual(after.Flags, want) {
		t.Fatalf("flags after the revision %+v, want %+v", after.Flags, want)
	}

	writeBatch(t, other, Batch{Observations: []Observation{fig("prov", 360, "2024-07-06")}})
	n = db.Derivations()
	own := sales()
	if d := db.Derivations() - n; d != 2 {
		t.Errorf("%d derivations after the province's own report, want 2: the answer and its own items", d)
	}
	if own.Value == before.Value || *own.Value != 360 || len(own.Flags) != 0 {
		t.Fatalf("after the province's own report: value %v, flags %v; want a new 360 and no flag", show(own.Value), own.Flags)
	}
}

// Changed names a child's parent before the child, whatever their codes,
// so that the background refresh derives the parent's answers first: the
// child "a" sorts before its parent "z" by code.
func TestChangedListsParentsFirst(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	writeBatch(t, db, Batch{Units: []Unit{{Code: "root"}, {Code: "z", Parent: "root"}, {Code: "a", Parent: "z"}}})
	if _, _, _, err := db.Changed(ctx); err != nil {
		t.Fatal(err)
	}
	writeBatch(t, db, Batch{Observations: []Observation{{Unit: "a", Indicator: "retail_sales",
		Period: MustParsePeriod("2024-H1"), Value: val(1), ReportedAt: "2024-07-01"}}})
	_, units, many, err := db.Changed(ctx)
	if err != nil || many || !reflect.DeepEqual(units, []string{"z", "a"}) {
		t.Fatalf("changed %v (many %t, %v), want [z a]: the parent first", units, many, err)
	}
}
