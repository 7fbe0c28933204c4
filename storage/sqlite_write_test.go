package storage

import (
	"context"
	"testing"
	"time"
)

var testUnits = []Unit{
	{Code: "can-tho", NameVI: "Cần Thơ", NameEN: "Can Tho"},
	{Code: "ninh-kieu", NameVI: "Ninh Kiều", Parent: "can-tho"},
	{Code: "cai-rang", NameVI: "Cái Răng", Parent: "can-tho"},
	{Code: "an-binh", NameVI: "An Bình", Parent: "ninh-kieu"},
}

// seedSmall stores units and a few figures and plans.
func seedSmall(t testing.TB, db *DB) {
	t.Helper()
	writeBatch(t, db, Batch{
		Units: testUnits,
		Observations: []Observation{
			{Unit: "can-tho", Indicator: "retail_sales", Period: MustParsePeriod("2018-H1"), Value: val(63135),
				ReportStatus: StatusEstimate, ReportedPlanPercent: pct(t, "53.7"), ReportedAt: "2018-06-11",
				Source: "Báo Cần Thơ (CTO), 11/06/2018"},
			{Unit: "can-tho", Indicator: "exports", Period: MustParsePeriod("2018-H1"), Value: val(942),
				ReportedPlanPercent: pct(t, "52.7"), ReportedAt: "2018-06-11"},
		},
		Plans: []Plan{{Unit: "can-tho", Indicator: "budget_revenue", Year: 2018, Basis: BasisValue,
			Target: val(14234), AdoptedOn: "2017-12-10"}},
	})
}

func TestWriterOutcomes(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	h1 := MustParsePeriod("2018-H1")
	base := Observation{Unit: "can-tho", Indicator: "exports", Period: h1, Value: val(942),
		ReportedPlanPercent: pct(t, "52.7"), ReportedAt: "2018-06-11"}
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	same := base
	if out, err := w.PutObservation(ctx, same); err != nil || out != OutcomeUnchanged {
		t.Fatalf("identical figure: %v %v, want unchanged", out, err)
	}
	noDate := base
	noDate.ReportedAt, noDate.Source = "", ""
	if out, err := w.PutObservation(ctx, noDate); err != nil || out != OutcomeUnchanged {
		t.Fatalf("identical figure without reported_at/source: %v %v, want unchanged", out, err)
	}
	changed := base
	changed.Value = val(950)
	if _, err := w.PutObservation(ctx, changed); ErrorCode(err) != CodeConflict {
		t.Fatalf("same figure twice with different values in one writer: %v, want conflict", err)
	}
	q1 := base
	q1.Period = MustParsePeriod("2018-Q1")
	q1.Value = val(400)
	if out, err := w.PutObservation(ctx, q1); err != nil || out != OutcomeNew {
		t.Fatalf("new figure: %v %v", out, err)
	}
	if out, err := w.PutObservation(ctx, q1); err != nil || out != OutcomeUnchanged {
		t.Fatalf("new figure again in the same writer: %v %v, want unchanged", out, err)
	}
	unknown := base
	unknown.Unit = "nowhere"
	if _, err := w.PutObservation(ctx, unknown); ErrorCode(err) != CodeValidation {
		t.Fatalf("unknown unit: %v, want validation", err)
	}
	unknown = base
	unknown.Indicator = "no_such"
	if _, err := w.PutObservation(ctx, unknown); ErrorCode(err) != CodeValidation {
		t.Fatalf("unknown indicator: %v, want validation", err)
	}
	res, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 1 || res.Unchanged != 3 {
		t.Fatalf("result %+v, want 1 new, 3 unchanged", res)
	}
	if err := w.Rollback(); err != nil {
		t.Fatalf("Rollback after Commit: %v", err)
	}
}

func TestWriterRevisionAndDefaults(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	h1 := MustParsePeriod("2018-H1")
	res := writeBatch(t, db, Batch{Observations: []Observation{
		{Unit: "can-tho", Indicator: "exports", Period: h1, Value: val(945)}, // revision, defaults
		{Unit: "can-tho", Indicator: "imports", Period: h1, Value: val(500), Quote: "nhập khẩu 500"},
	}})
	if res.New != 2 || res.Unchanged != 0 {
		t.Fatalf("result %+v, want 2 new", res)
	}
	revs, err := db.Revisions(ctx, "can-tho", "exports", h1)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || *revs[0].Value != 942 || *revs[1].Value != 945 {
		t.Fatalf("revisions %+v, want 942 then 945", revs)
	}
	cur := revs[1]
	if cur.ReportStatus != StatusPreliminary || cur.ReportedAt != "2018-07-01" || cur.Source != "csv import" {
		t.Fatalf("defaults: status %q reported_at %q source %q", cur.ReportStatus, cur.ReportedAt, cur.Source)
	}
	if cur.Provenance == nil || cur.Provenance.Via != "csv" || cur.Provenance.FileName != "test.csv" ||
		cur.Provenance.TokenName != "tester" || !cur.Provenance.RecordedAt.Equal(testProv.RecordedAt) {
		t.Fatalf("provenance %+v", cur.Provenance)
	}
	if revs[0].Revision >= revs[1].Revision {
		t.Fatalf("revision numbers %d, %d do not increase", revs[0].Revision, revs[1].Revision)
	}
	// The percent reported with the first revision is not carried into the second.
	if cur.ReportedPlanPercent != nil || revs[0].ReportedPlanPercent.String() != "52.7" {
		t.Fatalf("percents: %v then %v", revs[0].ReportedPlanPercent, cur.ReportedPlanPercent)
	}
	// Re-sending the revision with its defaults left out is a no-op.
	res = writeBatch(t, db, Batch{Observations: []Observation{{Unit: "can-tho", Indicator: "exports", Period: h1, Value: val(945)}}})
	if res.New != 0 || res.Unchanged != 1 {
		t.Fatalf("re-send: %+v, want unchanged", res)
	}
	// Source and quote count: a different one is a new revision.
	for _, o := range []Observation{
		{Unit: "can-tho", Indicator: "exports", Period: h1, Value: val(945), Quote: "xuất khẩu 945"},
		{Unit: "can-tho", Indicator: "exports", Period: h1, Value: val(945), Quote: "xuất khẩu 945", Source: "Cục Thống kê"},
	} {
		if res := writeBatch(t, db, Batch{Observations: []Observation{o}}); res.New != 1 {
			t.Fatalf("new quote or source: %+v, want a new revision", res)
		}
	}
}

func TestWriterRollbackLeavesDatabaseUnchanged(t *testing.T) {
	ctx := context.Background()
	db, path := openTestDB(t)
	seedSmall(t, db)
	before := dumpDB(t, path)
	_, err := db.Write(ctx, Batch{
		Units: []Unit{{Code: "phong-dien", Parent: "can-tho"}},
		Observations: []Observation{
			{Unit: "phong-dien", Indicator: "exports", Period: MustParsePeriod("2018-Q1"), Value: val(1)},
			{Unit: "can-tho", Indicator: "exports", Period: MustParsePeriod("2018-H1"), Value: val(1)},
			{Unit: "can-tho", Indicator: "exports", Period: MustParsePeriod("2018-H1"), Value: val(2)},
		},
	}, testProv)
	if ErrorCode(err) != CodeConflict {
		t.Fatalf("conflicting batch: %v, want conflict", err)
	}
	_, err = db.Write(ctx, Batch{Observations: []Observation{
		{Unit: "can-tho", Indicator: "exports", Period: MustParsePeriod("2018-Q1"), Value: val(1)},
		{Unit: "nowhere", Indicator: "exports", Period: MustParsePeriod("2018-Q1"), Value: val(1)},
	}}, testProv)
	if ErrorCode(err) != CodeValidation {
		t.Fatalf("batch with an unknown unit: %v, want validation", err)
	}
	if after := dumpDB(t, path); after != before {
		t.Fatalf("failed writes changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestWriterValidation(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	obs := []Observation{
		{Unit: "can-tho", Indicator: "exports", Period: Period{2018, 2, 5}, Value: val(1)},
		{Unit: "can-tho", Indicator: "exports", Period: MustParsePeriod("2018"), ReportStatus: "guess"},
		{Unit: "can-tho", Indicator: "exports", Period: MustParsePeriod("2018"), ReportedAt: "11/06/2018"},
	}
	for _, o := range obs {
		if _, err := w.PutObservation(ctx, o); ErrorCode(err) != CodeValidation {
			t.Errorf("PutObservation(%+v): %v, want validation", o, err)
		}
	}
	plans := []Plan{
		{Unit: "can-tho", Indicator: "exports", Year: 2018, Basis: "hope", Target: val(1)},
		{Unit: "can-tho", Indicator: "exports", Year: 2018, Basis: BasisValue},
		{Unit: "can-tho", Indicator: "exports", Year: 2018, Basis: BasisGrowth, TargetLow: val(8), TargetHigh: val(7)},
	}
	for _, p := range plans {
		if _, err := w.PutPlan(ctx, p); ErrorCode(err) != CodeValidation {
			t.Errorf("PutPlan(%+v): %v, want validation", p, err)
		}
	}
	units := []Unit{{Code: "Can Tho"}, {Code: "x", Parent: "nowhere"}, {Code: "can-tho", Parent: "an-binh"}, {Code: "can-tho", Parent: "can-tho"}}
	for _, u := range units {
		if _, err := w.PutUnit(ctx, u); ErrorCode(err) != CodeValidation {
			t.Errorf("PutUnit(%+v): %v, want validation", u, err)
		}
	}
	if _, err := w.PutIndicator(ctx, Indicator{Code: "thing"}); ErrorCode(err) != CodeValidation {
		t.Errorf("indicator without kind: %v, want validation", err)
	}
	// Validation errors leave the writer usable.
	if out, err := w.PutObservation(ctx, Observation{Unit: "can-tho", Indicator: "exports",
		Period: MustParsePeriod("2018-Q3"), Value: val(3)}); err != nil || out != OutcomeNew {
		t.Fatalf("after validation errors: %v %v", out, err)
	}
}

func TestWriterUnitsAndIndicators(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	res := writeBatch(t, db, Batch{Units: testUnits,
		Indicators: []Indicator{{Code: "bridges_built", NameEN: "Bridges built", Measure: "units", Kind: KindFlow}}})
	if res.UnitsNew != 4 || res.IndicatorsNew != 1 {
		t.Fatalf("result %+v, want 4 units and 1 indicator new", res)
	}
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	if out, err := w.PutUnit(ctx, Unit{Code: "ninh-kieu"}); err != nil || out != OutcomeUnchanged {
		t.Fatalf("unit by code only: %v %v, want unchanged", out, err)
	}
	if out, err := w.PutUnit(ctx, Unit{Code: "cai-rang", NameEN: "Cai Rang"}); err != nil || out != OutcomeUpdated {
		t.Fatalf("new English name: %v %v, want updated", out, err)
	}
	if _, err := w.PutUnit(ctx, Unit{Code: "cai-rang", NameEN: "Cái Răng district"}); ErrorCode(err) != CodeConflict {
		t.Fatalf("unit twice with different names: %v, want conflict", err)
	}
	if out, err := w.PutIndicator(ctx, Indicator{Code: "bridges_built", Kind: KindFlow}); err != nil || out != OutcomeUnchanged {
		t.Fatalf("indicator again: %v %v", out, err)
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	u, err := db.Unit(ctx, "cai-rang")
	if err != nil || u.NameEN != "Cai Rang" || u.NameVI != "Cái Răng" || u.Parent != "can-tho" || u.Depth != 1 {
		t.Fatalf("updated unit %+v %v", u, err)
	}
	i, err := db.Indicator(ctx, "bridges_built")
	if err != nil || i.Direction != DirectionUp || i.PaceProfile != PaceLinear || i.GrowthBasis != GrowthNominal {
		t.Fatalf("indicator defaults %+v %v", i, err)
	}
}

func TestWriterWaitsForAnotherProcess(t *testing.T) {
	ctx := context.Background()
	db, path := openTestDB(t)
	seedSmall(t, db)
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.PutObservation(ctx, Observation{Unit: "can-tho", Indicator: "fdi", Period: MustParsePeriod("2018-Q1"), Value: val(10)}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := other.Write(ctx, Batch{Observations: []Observation{{Unit: "can-tho", Indicator: "fdi",
			Period: MustParsePeriod("2018-Q1"), Value: val(10)}}}, testProv)
		done <- err
	}()
	time.Sleep(200 * time.Millisecond)
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("second writer: %v", err)
	}
	revs, _ := db.Revisions(ctx, "can-tho", "fdi", MustParsePeriod("2018-Q1"))
	if len(revs) != 1 {
		t.Fatalf("%d revisions, want 1: the second writer must see the first's row and store nothing", len(revs))
	}
}

// Re-sending an older revision with its own reported_at changes nothing:
// it is compared with the revision in force on that date, so importing an
// exported history twice stores nothing the second time.
func TestWriterOlderRevisionResentIsUnchanged(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	q1 := revisionHistory(t, db)
	hist, err := db.Observations(ctx, ObservationFilter{Unit: "can-tho", History: true})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := db.DataVersion(ctx)
	for _, o := range hist {
		o.Provenance, o.Revision = nil, 0
		res := writeBatch(t, db, Batch{Observations: []Observation{o}})
		if res.New != 0 || res.Unchanged != 1 {
			t.Errorf("re-sending %s %s of %s: %+v, want unchanged", o.Indicator, o.Period, o.ReportedAt, res)
		}
	}
	if after, _ := db.DataVersion(ctx); after != before {
		t.Errorf("data version moved %d → %d", before, after)
	}
	revs, _ := db.Revisions(ctx, "can-tho", "exports", q1)
	if len(revs) != 4 {
		t.Errorf("%d revisions after re-sending history, want 4", len(revs))
	}
}

// A request cancelled in the middle of a write leaves nothing behind and
// the next write works.
func TestWriterCancelledContext(t *testing.T) {
	db, path := openTestDB(t)
	seedSmall(t, db)
	before := dumpDB(t, path)
	ctx, cancel := context.WithCancel(context.Background())
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.PutObservation(ctx, Observation{Unit: "can-tho", Indicator: "fdi", Period: MustParsePeriod("2018-Q1"), Value: val(1)}); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := w.PutObservation(ctx, Observation{Unit: "can-tho", Indicator: "fdi", Period: MustParsePeriod("2018-Q2"), Value: val(2)}); err == nil {
		t.Fatal("Put with a cancelled context succeeded")
	}
	if _, err := w.Commit(); err == nil {
		t.Fatal("Commit after a failed Put succeeded")
	}
	if after := dumpDB(t, path); after != before {
		t.Fatal("a cancelled write changed the database")
	}
	res := writeBatch(t, db, Batch{Observations: []Observation{{Unit: "can-tho", Indicator: "fdi", Period: MustParsePeriod("2018-Q1"), Value: val(1)}}})
	if res.New != 1 {
		t.Fatalf("write after a cancelled one: %+v", res)
	}
}

// TestWriterInForceAmongSeveralRevisions: the revision a Put is compared
// with is the one with the greatest (reported_at, id) reported on or before
// the Put's reported_at, whatever order the lookup reads revisions in.
func TestWriterInForceAmongSeveralRevisions(t *testing.T) {
	db, _ := openTestDB(t)
	seedSmall(t, db)
	q1 := MustParsePeriod("2018-Q1")
	put := func(v float64, at string) WriteResult {
		return writeBatch(t, db, Batch{Observations: []Observation{{Unit: "can-tho", Indicator: "fdi", Period: q1,
			Value: val(v), ReportedAt: at, Source: "s"}}})
	}
	// Revisions 1 (value 1, April 10), 2 (value 2, May 10), 3 (value 3, May 10 too, a later id).
	for i, r := range []struct {
		v  float64
		at string
	}{{1, "2018-04-10"}, {2, "2018-05-10"}, {3, "2018-05-10"}} {
		if res := put(r.v, r.at); res.New != 1 {
			t.Fatalf("revision %d: %+v, want new", i+1, res)
		}
	}
	cases := []struct {
		v      float64
		at     string
		newRev bool
		why    string
	}{
		{1, "2018-04-10", false, "revision 1 is in force on April 10"},
		{3, "2018-05-10", false, "of the two May 10 revisions, 3 (the later id) is in force"},
		{3, "", false, "revision 3 is the current one"},
		{2, "2018-05-10", true, "revision 2 is not in force on May 10: 3 is"},
	}
	for _, c := range cases {
		if res := put(c.v, c.at); (res.New == 1) != c.newRev || res.New+res.Unchanged != 1 {
			t.Errorf("value %g at %q: %+v; want new=%v (%s)", c.v, c.at, res, c.newRev, c.why)
		}
	}
}
