package storage

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// seedDerived stores the seed's H1 2018 figures for Cần Thơ, a stored
// budget plan with a mid-year adjustment, the children's budget revenue and
// monthly year-to-date retail sales for Ninh Kiều in 2017 and 2018.
func seedDerived(t *testing.T, db *DB) {
	t.Helper()
	h1 := MustParsePeriod("2018-H1")
	src := "Báo Cần Thơ (CTO), 11/06/2018"
	obs := []Observation{
		{Unit: "can-tho", Indicator: "retail_sales", Period: h1, Value: val(63135), ReportStatus: StatusEstimate,
			ReportedPlanPercent: pct(t, "53.7"), ReportedAt: "2018-06-11", Source: src},
		{Unit: "can-tho", Indicator: "budget_revenue", Period: h1, Value: val(7060),
			ReportedPlanPercent: pct(t, "49.6"), ReportedAt: "2018-06-11", Source: src},
		{Unit: "can-tho", Indicator: "budget_revenue", Period: MustParsePeriod("2017-H1"), Value: val(6500), ReportedAt: "2017-06-15"},
		{Unit: "ninh-kieu", Indicator: "budget_revenue", Period: h1, Value: val(3000), ReportedAt: "2018-06-11"},
		{Unit: "cai-rang", Indicator: "budget_revenue", Period: h1, Value: val(3000), ReportedAt: "2018-06-11"},
	}
	for _, y := range []int{2017, 2018} {
		for m := 1; m <= 12 && (y == 2017 || m <= 6); m++ {
			v := float64(100 * m)
			if y == 2018 && m == 4 {
				v = 250 // below March's 300: a YTD decrease
			}
			obs = append(obs, Observation{Unit: "ninh-kieu", Indicator: "retail_sales", Period: Period{y, 1, m},
				Value: val(v), ReportedAt: "2018-07-01"})
		}
	}
	writeBatch(t, db, Batch{Units: testUnits, Observations: obs, Plans: []Plan{
		{Unit: "can-tho", Indicator: "budget_revenue", Year: 2018, Basis: BasisValue, Target: val(14234), AdoptedOn: "2017-12-10"},
		{Unit: "can-tho", Indicator: "budget_revenue", Year: 2018, Basis: BasisValue, Target: val(14000),
			Version: "adjusted", AdoptedOn: "2018-07-15"},
	}})
}

func itemOf(t *testing.T, items []Item, indicator string) Item {
	t.Helper()
	for _, it := range items {
		if it.Indicator == indicator {
			return it
		}
	}
	t.Fatalf("no item for %s in %d items", indicator, len(items))
	return Item{}
}

func approx(p *float64, want, tol float64) bool { return p != nil && math.Abs(*p-want) <= tol }

func hasFlag(flags []Flag, code string) bool {
	for _, f := range flags {
		if f.Code == code {
			return true
		}
	}
	return false
}

func TestProgressSeedAndPlanInForce(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedDerived(t, db)
	pr, err := db.Progress(ctx, "can-tho", Period{}, "2018-07-01")
	if err != nil {
		t.Fatal(err)
	}
	if pr.Period != MustParsePeriod("2018-H1") || pr.AsOf != "2018-07-01" || len(pr.Items) != 2 {
		t.Fatalf("progress: period %s as_of %s, %d items; want 2018-H1, 2 items", pr.Period, pr.AsOf, len(pr.Items))
	}
	rs := itemOf(t, pr.Items, "retail_sales")
	if rs.PlanSource != PlanImplied || !approx(rs.Completion, 0.537, 1e-9) || !approx(rs.Plan, 117569.8, 0.05) ||
		rs.Pace != PaceAhead || rs.ReportStatus != StatusEstimate {
		t.Errorf("retail_sales: source %s completion %v plan %v pace %s status %s", rs.PlanSource, showF(rs.Completion), showF(rs.Plan), rs.Pace, rs.ReportStatus)
	}
	br := itemOf(t, pr.Items, "budget_revenue")
	if br.PlanSource != PlanStored || !approx(br.Plan, 14234, 0) || !approx(br.Completion, 7060.0/14234, 1e-9) ||
		br.Pace != PaceOnTrack || br.OriginalPlan != nil {
		t.Errorf("budget_revenue before the adjustment: plan %v completion %v pace %s original %v",
			showF(br.Plan), showF(br.Completion), br.Pace, showF(br.OriginalPlan))
	}
	if !approx(br.YoY, 7060.0/6500-1, 1e-9) {
		t.Errorf("budget_revenue yoy %v", showF(br.YoY))
	}
	if !hasFlag(br.Flags, FlagChildrenSumMismatch) {
		t.Errorf("children sum 6000 vs 7060 not flagged: %+v", br.Flags)
	}
	after, err := db.Progress(ctx, "can-tho", MustParsePeriod("2018-H1"), "2018-08-01")
	if err != nil {
		t.Fatal(err)
	}
	br = itemOf(t, after.Items, "budget_revenue")
	if !approx(br.Plan, 14000, 0) || br.PlanVersion != "adjusted" || !approx(br.OriginalPlan, 14234, 0) {
		t.Errorf("after the adjustment: plan %v version %q original %v", showF(br.Plan), br.PlanVersion, showF(br.OriginalPlan))
	}
	before, err := db.Progress(ctx, "can-tho", MustParsePeriod("2018-H1"), "2018-06-01")
	if err != nil || len(before.Items) != 0 {
		t.Fatalf("as of 2018-06-01 nothing was reported yet: %d items, %v", len(before.Items), err)
	}
	b, _ := json.Marshal(pr)
	if !strings.HasPrefix(string(b), `{"unit":"can-tho",`) || !strings.Contains(string(b), `"period":"2018-H1"`) {
		t.Errorf("progress JSON %s", b)
	}
}

func TestSeriesAndLatestPeriod(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedDerived(t, db)
	s, err := db.Series(ctx, "ninh-kieu", "retail_sales", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Points) != 18 || s.Points[0].Period != MustParsePeriod("2017-M01") || s.Points[17].Period != MustParsePeriod("2018-H1") {
		t.Fatalf("series: %d points from %v", len(s.Points), s.Points)
	}
	for i := 1; i < len(s.Points); i++ {
		if s.Points[i].Period.EndMonth() <= s.Points[i-1].Period.EndMonth() {
			t.Fatalf("points not ascending at %d", i)
		}
	}
	if p := s.Points[12]; p.Period != MustParsePeriod("2018-M01") || !approx(p.YTD, 100, 0) || !approx(p.YoY, 0, 1e-12) {
		t.Errorf("2018-M01 point: %s ytd %v yoy %v", p.Period, showF(p.YTD), showF(p.YoY))
	}
	lp, err := db.LatestPeriod(ctx, "ninh-kieu", "retail_sales", "")
	if err != nil || lp != MustParsePeriod("2018-H1") {
		t.Fatalf("LatestPeriod = %s, %v", lp, err)
	}
	if lp, err := db.LatestPeriod(ctx, "can-tho", "budget_revenue", "2018-01-01"); err != nil || lp != MustParsePeriod("2017-H1") {
		t.Fatalf("LatestPeriod as of 2018-01-01 = %s, %v", lp, err)
	}
	cs, err := db.Series(ctx, "can-tho", "budget_revenue", "")
	if err != nil || len(cs.Plans) != 2 || len(cs.Points) != 2 {
		t.Fatalf("can-tho budget series: %d points, %d plans, %v", len(cs.Points), len(cs.Plans), err)
	}
	if !hasFlag(cs.Points[1].Flags, FlagChildrenSumMismatch) || hasFlag(cs.Points[0].Flags, FlagChildrenSumMismatch) {
		t.Errorf("children sum flags in the series: 2017 %+v, 2018 %+v", cs.Points[0].Flags, cs.Points[1].Flags)
	}
}

func TestCompareBothForms(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedDerived(t, db)
	a, b := MustParsePeriod("2017-H1"), MustParsePeriod("2018-H1")
	c, err := db.Compare(ctx, CompareQuery{Unit: "can-tho", A: a, B: b})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows) != 2 || c.Rows[0].Indicator != "retail_sales" || c.Rows[1].Indicator != "budget_revenue" {
		t.Fatalf("unit form rows %+v", c.Rows)
	}
	br := c.Rows[1]
	if !approx(br.ValueA, 6500, 0) || !approx(br.ValueB, 7060, 0) || !approx(br.Difference, -560, 1e-9) ||
		!approx(br.Ratio, 0.9206798867, 0) /* 6500 ÷ 7060 at 10 significant digits */ || !approx(br.CompletionB, 7060.0/14000, 1e-9) || br.CompletionA != nil ||
		br.PaceB != PaceOnTrack || br.PaceA != PaceUnknown {
		t.Errorf("budget_revenue row %+v", br)
	}
	if rs := c.Rows[0]; rs.ValueA != nil || rs.Difference != nil || !approx(rs.ValueB, 63135, 0) {
		t.Errorf("retail row without a 2017 value: %+v", rs)
	}
	c, err = db.Compare(ctx, CompareQuery{Indicator: "retail_sales", Parent: "can-tho", A: MustParsePeriod("2017-Q1"), B: MustParsePeriod("2018-Q1")})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows) != 2 || c.Rows[0].Unit != "cai-rang" || c.Rows[1].Unit != "ninh-kieu" {
		t.Fatalf("children form rows %+v", c.Rows)
	}
	if r := c.Rows[1]; !approx(r.ValueA, 300, 0) || !approx(r.ValueB, 300, 0) || !approx(r.Ratio, 1, 0) {
		t.Errorf("ninh-kieu Q1 row %+v", r)
	}
	if r := c.Rows[0]; r.ValueA != nil || r.ValueB != nil {
		t.Errorf("cai-rang has no retail figures: %+v", r)
	}
	for _, q := range []CompareQuery{{A: a, B: b}, {Unit: "can-tho", A: a}, {Indicator: "exports", A: a, B: b}} {
		if _, err := db.Compare(ctx, q); ErrorCode(err) != CodeInvalid {
			t.Errorf("Compare(%+v): %v, want invalid", q, err)
		}
	}
}

func TestQualityAndLatest(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedDerived(t, db)
	flags, err := db.Quality(ctx, QualityFilter{Unit: "ninh-kieu", Year: 2018})
	if err != nil {
		t.Fatal(err)
	}
	var dec []Flag
	for _, f := range flags {
		if f.Code == FlagYTDDecrease {
			dec = append(dec, f)
		}
	}
	if len(dec) != 1 || dec[0].Unit != "ninh-kieu" || dec[0].Indicator != "retail_sales" || dec[0].Figures["ytd"] == 0 {
		t.Fatalf("ytd_decrease flags %+v (all: %+v)", dec, flags)
	}
	if flags, err := db.Quality(ctx, QualityFilter{Unit: "ninh-kieu", Year: 2017}); err != nil || hasFlag(flags, FlagYTDDecrease) {
		t.Fatalf("2017 has no YTD decrease: %+v %v", flags, err)
	}
	all, err := db.Quality(ctx, QualityFilter{})
	if err != nil || !hasFlag(all, FlagYTDDecrease) || !hasFlag(all, FlagChildrenSumMismatch) {
		t.Fatalf("all flags %+v %v", all, err)
	}
	top, err := db.Latest(ctx, 0, "")
	if err != nil || len(top) != 2 {
		t.Fatalf("Latest(0): %d items %v", len(top), err)
	}
	for _, it := range top {
		if it.Unit != "can-tho" || it.Period != MustParsePeriod("2018-H1") {
			t.Errorf("Latest(0) item %s/%s at %s", it.Unit, it.Indicator, it.Period)
		}
	}
	deeper, err := db.Latest(ctx, 1, "")
	if err != nil || len(deeper) != 5 {
		t.Fatalf("Latest(1): %d items %v, want 5", len(deeper), err)
	}
}

// showF prints a nullable figure.
func showF(p *float64) any {
	if p == nil {
		return "null"
	}
	return *p
}

// A child without a figure for exactly the period still counts when its
// figures of the year add up to it (Q1 + Q2 for H1).
func TestProgressChildrenSumFromSubPeriods(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		q2   float64
		flag bool
	}{{200, true}, {400, false}} {
		db, _ := openTestDB(t)
		o := func(unit, period string, v float64) Observation {
			return Observation{Unit: unit, Indicator: "exports", Period: MustParsePeriod(period), Value: val(v), ReportedAt: "2018-07-01"}
		}
		writeBatch(t, db, Batch{
			Units: []Unit{{Code: "p"}, {Code: "a", Parent: "p"}, {Code: "b", Parent: "p"}},
			Observations: []Observation{o("p", "2018-H1", 1000), o("a", "2018-Q1", 300), o("a", "2018-Q2", tc.q2),
				o("b", "2018-H1", 300)},
		})
		pr, err := db.Progress(ctx, "p", MustParsePeriod("2018-H1"), "")
		if err != nil {
			t.Fatal(err)
		}
		it := itemOf(t, pr.Items, "exports")
		if got := hasFlag(it.Flags, FlagChildrenSumMismatch); got != tc.flag {
			t.Errorf("a's Q2 %v: children_sum_mismatch %v, want %v (%+v)", tc.q2, got, tc.flag, it.Flags)
		}
	}
}

// When the newest figure is retracted, the latest period falls back to the
// one before, in Latest, LatestPeriod and Progress alike.
func TestLatestSkipsRetractedNewest(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	o := func(period string, v float64, at string) Observation {
		return Observation{Unit: "can-tho", Indicator: "fdi", Period: MustParsePeriod(period), Value: val(v), ReportedAt: at}
	}
	writeBatch(t, db, Batch{Units: testUnits[:1], Observations: []Observation{o("2017", 50, "2018-01-10"), o("2018-Q1", 10, "2018-04-10"), o("2018-Q2", 12, "2018-07-10")}})
	retract := o("2018-Q2", 12, "2018-07-20")
	retract.Retracted, retract.Value = true, nil
	writeBatch(t, db, Batch{Observations: []Observation{retract}})
	items, err := db.Latest(ctx, 0, "")
	if err != nil || len(items) != 1 || items[0].Period != MustParsePeriod("2018-Q1") || !approx(items[0].Value, 10, 0) {
		t.Fatalf("Latest after retracting Q2: %+v %v", items, err)
	}
	if items, _ := db.Latest(ctx, 0, "2018-07-15"); len(items) != 1 || items[0].Period != MustParsePeriod("2018-Q2") {
		t.Fatalf("Latest as of 2018-07-15 (before the retraction): %+v", items)
	}
	if p, err := db.LatestPeriod(ctx, "can-tho", "", ""); err != nil || p != MustParsePeriod("2018-Q1") {
		t.Fatalf("LatestPeriod = %s %v", p, err)
	}
	if pr, err := db.Progress(ctx, "can-tho", Period{}, ""); err != nil || pr.Period != MustParsePeriod("2018-Q1") {
		t.Fatalf("Progress latest = %s %v", pr.Period, err)
	}
}
