package storage

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestNewFieldsRoundTrip stores every field revision 2 added — an index
// indicator with its base and primary authority, plans by authority with
// a reference and a term, and percents of plan naming their plans — reads
// them back, and checks that an identical re-send stores nothing while a
// change to any new field is a new revision or plan row.
func TestNewFieldsRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	base := Batch{
		Units: []Unit{{Code: "tinh", NameVI: "Tỉnh", NameEN: "Province"}},
		Indicators: []Indicator{
			{Code: "iip", NameVI: "IIP", NameEN: "IIP", Measure: "index", Kind: KindLevel, GrowthBasis: GrowthIndex,
				IndexBase: "base_year:2010"},
			{Code: "thu", NameVI: "Thu", NameEN: "Revenue", Measure: "billion_vnd", Kind: KindFlow, PrimaryAuthority: AuthorityCentral},
		},
		Observations: []Observation{{Unit: "tinh", Indicator: "thu", Period: MustParsePeriod("2020-9M"), Value: val(14490),
			ReportedAt: "2020-09-25", ReportedPlanPercents: PlanPercents{
				{Authority: AuthorityCouncil, Percent: *pct(t, "98.1")}, {Authority: AuthorityCentral, Percent: *pct(t, "103.5")}}}},
		Plans: []Plan{
			{Unit: "tinh", Indicator: "thu", Year: 2020, Basis: BasisValue, Target: val(14765), AdoptedOn: "2019-12-10"},
			{Unit: "tinh", Indicator: "thu", Year: 2020, Authority: AuthorityCentral, Basis: BasisValue, Target: val(14000), AdoptedOn: "2019-11-20"},
			{Unit: "tinh", Indicator: "iip", Term: Term{2021, 2025}, Authority: AuthorityParty, Basis: BasisAverageGrowth, Target: val(7), AdoptedOn: "2020-10-15"},
			{Unit: "tinh", Indicator: "iip", Year: 2020, Basis: BasisGrowth, Reference: ReferencePreviousDecember, Target: val(14), AdoptedOn: "2019-12-10"},
		},
	}
	if res := writeBatch(t, db, base); res.New != 5 {
		t.Fatalf("first write: %+v, want 5 new (1 figure, 4 plans)", res)
	}
	iip, err := db.Indicator(ctx, "iip")
	if err != nil || iip.GrowthBasis != GrowthIndex || iip.IndexBase != "base_year:2010" {
		t.Fatalf("iip read back as %+v, %v", iip, err)
	}
	thu, _ := db.Indicator(ctx, "thu")
	if thu.PrimaryAuthority != AuthorityCentral || thu.IndexBase != "" {
		t.Fatalf("thu read back as %+v", thu)
	}
	obs, err := db.Observations(ctx, ObservationFilter{Unit: "tinh", AsOf: "2020-12-31"})
	if err != nil || len(obs) != 1 {
		t.Fatalf("observations: %v, %v", obs, err)
	}
	if got := obs[0].ReportedPlanPercents.String(); got != "council:98.1;central:103.5" {
		t.Fatalf("reported_plan_percents read back as %q", got)
	}
	plans, err := db.Plans(ctx, PlanFilter{Unit: "tinh"})
	if err != nil || len(plans) != 4 {
		t.Fatalf("plans: %+v, %v", plans, err)
	}
	b, _ := json.Marshal(plans)
	for _, want := range []string{`"authority":"central"`, `"authority":"council"`, `"term":"2021-2025"`,
		`"basis":"average_growth"`, `"reference":"previous_december"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("plans JSON lacks %s: %s", want, b)
		}
	}
	// A plan filter by year finds the term plans covering it.
	if ps, _ := db.Plans(ctx, PlanFilter{Unit: "tinh", Year: 2023}); len(ps) != 1 || ps[0].Term != (Term{2021, 2025}) {
		t.Fatalf("plans of 2023: %+v, want the 2021-2025 term plan", ps)
	}

	// The same batch again, percents in the other order: nothing new.
	again := base
	again.Observations = []Observation{base.Observations[0]}
	again.Observations[0].ReportedPlanPercents = PlanPercents{base.Observations[0].ReportedPlanPercents[1], base.Observations[0].ReportedPlanPercents[0]}
	if res := writeBatch(t, db, again); res.New != 0 || res.Unchanged != 5 {
		t.Fatalf("identical re-send: %+v, want 0 new and 5 unchanged", res)
	}
	// Each new field changed alone is new.
	changes := []Batch{
		{Observations: []Observation{withPercents(base.Observations[0], PlanPercents{{Authority: AuthorityCentral, Percent: *pct(t, "103.50")}})}},
		{Plans: []Plan{withPlan(base.Plans[3], func(p *Plan) { p.Reference = "" })}},
		{Plans: []Plan{withPlan(base.Plans[2], func(p *Plan) { p.Basis = BasisCumulative })}},
	}
	for i, c := range changes {
		if res := writeBatch(t, db, c); res.New != 1 {
			t.Errorf("change %d: %+v, want 1 new", i, res)
		}
	}
	// Another authority's plan of the same year and version is its own plan, not a revision.
	if ps, _ := db.Plans(ctx, PlanFilter{Unit: "tinh", Indicator: "thu", Year: 2020}); len(ps) != 2 {
		t.Fatalf("thu 2020 plans: %+v, want council and central", ps)
	}
}

func withPercents(o Observation, ps PlanPercents) Observation { o.ReportedPlanPercents = ps; return o }

func withPlan(p Plan, f func(*Plan)) Plan { f(&p); return p }

// TestNewFieldsRefused checks each rule of the new fields names its field.
func TestNewFieldsRefused(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	writeBatch(t, db, Batch{Units: []Unit{{Code: "tinh", NameVI: "Tỉnh"}},
		Indicators: []Indicator{{Code: "thu", NameVI: "Thu", Measure: "billion_vnd", Kind: KindFlow}}})
	p := Plan{Unit: "tinh", Indicator: "thu", Year: 2020, Basis: BasisValue, Target: val(1)}
	o := Observation{Unit: "tinh", Indicator: "thu", Period: MustParsePeriod("2020"), Value: val(1)}
	cases := []struct {
		field string
		b     Batch
	}{
		{"authority", Batch{Plans: []Plan{withPlan(p, func(p *Plan) { p.Authority = "province" })}}},
		{"reference", Batch{Plans: []Plan{withPlan(p, func(p *Plan) { p.Reference = "last_month" })}}},
		{"reference", Batch{Plans: []Plan{withPlan(p, func(p *Plan) { p.Reference = ReferencePreviousDecember })}}},
		{"basis", Batch{Plans: []Plan{withPlan(p, func(p *Plan) { p.Basis = BasisAverageGrowth })}}},
		{"basis", Batch{Plans: []Plan{withPlan(p, func(p *Plan) { p.Year, p.Term = 0, Term{2021, 2025} })}}},
		{"term", Batch{Plans: []Plan{withPlan(p, func(p *Plan) { p.Term, p.Basis = Term{2021, 2025}, BasisCumulative })}}},
		{"term", Batch{Plans: []Plan{withPlan(p, func(p *Plan) { p.Year, p.Term, p.Basis = 0, Term{2025, 2021}, BasisCumulative })}}},
		{"reported_plan_percents", Batch{Observations: []Observation{withPercents(o, PlanPercents{{Authority: "tw", Percent: Percent{Value: 1}}})}}},
		{"reported_plan_percents", Batch{Observations: []Observation{withPercents(o, PlanPercents{
			{Authority: AuthorityCentral, Percent: Percent{Value: 1}}, {Authority: AuthorityCentral, Percent: Percent{Value: 2}}})}}},
		{"index_base", Batch{Indicators: []Indicator{{Code: "x", NameVI: "X", Measure: "index", Kind: KindLevel, GrowthBasis: GrowthIndex, IndexBase: "base_year:10"}}}},
		{"index_base", Batch{Indicators: []Indicator{{Code: "x", NameVI: "X", Measure: "index", Kind: KindLevel, GrowthBasis: GrowthReal, IndexBase: IndexPreviousDecember}}}},
		{"primary_authority", Batch{Indicators: []Indicator{{Code: "x", NameVI: "X", Measure: "index", Kind: KindLevel, PrimaryAuthority: "hdnd"}}}},
	}
	v0, _ := db.DataVersion(ctx)
	for i, c := range cases {
		_, err := db.Write(ctx, c.b, testProv)
		e, ok := err.(*Error)
		if !ok || e.Code != CodeValidation || len(e.Details) == 0 || e.Details[0].Field != c.field {
			t.Errorf("case %d: got %v, want a validation error naming %s", i, err, c.field)
		}
	}
	if v1, _ := db.DataVersion(ctx); v1 != v0 {
		t.Fatalf("refused writes changed the data version %d → %d", v0, v1)
	}
}

// TestIndexBaseDefaults: an index indicator without a base is measured
// against the same period last year; leaving index drops the base.
func TestIndexBaseDefaults(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	writeBatch(t, db, Batch{Indicators: []Indicator{{Code: "x", NameVI: "X", Measure: "index", Kind: KindLevel, GrowthBasis: GrowthIndex}}})
	if i, _ := db.Indicator(ctx, "x"); i.IndexBase != IndexSamePeriodLastYear {
		t.Fatalf("default index_base %q", i.IndexBase)
	}
	writeBatch(t, db, Batch{Indicators: []Indicator{{Code: "x", GrowthBasis: GrowthReal}}})
	if i, _ := db.Indicator(ctx, "x"); i.IndexBase != "" || i.GrowthBasis != GrowthReal {
		t.Fatalf("after leaving index: %+v", i)
	}
}

// TestTermPlanThroughTheDatabase: the readers load what a term plan needs —
// December's figures of the term's earlier years — so that Progress,
// Series and Latest agree on the third worked example carried into 2024:
// real growth 5.0, 8.0, 7.0 for 2021–2023 and 6.0 for 2024-H1 →
// (1.05 × 1.08 × 1.07 × 1.06)^(1/4) − 1 = 1.2861828^(1/4) − 1 = 0.06494131087;
// needed over 2025: 1.07^5 ÷ 1.2861828 − 1 = 0.0904761988.
func TestTermPlanThroughTheDatabase(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	o := func(p string, v float64, g string) Observation {
		return Observation{Unit: "tinh", Indicator: "grdp", Period: MustParsePeriod(p), Value: val(v),
			ReportedYoYPercent: pct(t, g), ReportedAt: "2024-07-05"}
	}
	writeBatch(t, db, Batch{Units: []Unit{{Code: "tinh", NameVI: "Tỉnh"}},
		Observations: []Observation{o("2021", 60000, "5.0"), o("2022", 66000, "8.0"), o("2023", 72000, "7.0"), o("2024-H1", 37000, "6.0")},
		Plans:        []Plan{{Unit: "tinh", Indicator: "grdp", Term: Term{2021, 2025}, Basis: BasisAverageGrowth, Target: val(7), AdoptedOn: "2020-10-15"}}})
	check := func(where string, it Item) {
		t.Helper()
		if len(it.Plans) != 1 || it.Plans[0].Achieved == nil || it.Plans[0].Needed == nil {
			t.Fatalf("%s: plans %+v", where, it.Plans)
		}
		p := it.Plans[0]
		if *p.Achieved != 0.06494131087 || *p.Needed != 0.0904761988 || p.RemainingYears != 1 || p.Pace != PaceBehind {
			t.Fatalf("%s: %+v achieved %v needed %v", where, p, *p.Achieved, *p.Needed)
		}
	}
	pr, err := db.Progress(ctx, "tinh", MustParsePeriod("2024-H1"), "2024-12-31")
	if err != nil || len(pr.Items) != 1 {
		t.Fatalf("progress %+v %v", pr, err)
	}
	check("progress", pr.Items[0])
	s, err := db.Series(ctx, "tinh", "grdp", "2024-12-31")
	if err != nil {
		t.Fatal(err)
	}
	check("series", s.Points[len(s.Points)-1])
	l, err := db.Latest(ctx, 0, "2024-12-31")
	if err != nil || len(l) != 1 {
		t.Fatalf("latest %+v %v", l, err)
	}
	check("latest", l[0])
}
