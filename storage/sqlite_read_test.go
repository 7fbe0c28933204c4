package storage

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestUnitsHierarchy(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	writeBatch(t, db, Batch{Units: append([]Unit{{Code: "an-giang", NameVI: "An Giang"}}, testUnits...)})
	units, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range units {
		got = append(got, strings.Repeat(".", u.Depth)+u.Code)
	}
	want := []string{"an-giang", "can-tho", ".cai-rang", ".ninh-kieu", "..an-binh"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Units order/depth %v, want %v", got, want)
	}
	kids, err := db.Children(ctx, "can-tho")
	if err != nil || len(kids) != 2 || kids[0].Code != "cai-rang" || kids[1].Depth != 1 {
		t.Fatalf("Children(can-tho) = %+v, %v", kids, err)
	}
	if kids, err := db.Children(ctx, "an-binh"); err != nil || kids == nil || len(kids) != 0 {
		t.Fatalf("Children of a leaf = %#v, %v; want empty, non-nil", kids, err)
	}
	anc, err := db.Ancestors(ctx, "an-binh")
	if err != nil || !reflect.DeepEqual(anc, []string{"ninh-kieu", "can-tho"}) {
		t.Fatalf("Ancestors(an-binh) = %v, %v", anc, err)
	}
	if u, err := db.Unit(ctx, "an-binh"); err != nil || u.Depth != 2 || u.Parent != "ninh-kieu" {
		t.Fatalf("Unit(an-binh) = %+v, %v", u, err)
	}
}

func TestNotFoundErrorsNameTheCode(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	check := func(what string, err error, code string) {
		t.Helper()
		if ErrorCode(err) != CodeNotFound || !strings.Contains(err.Error(), `"`+code+`"`) {
			t.Errorf("%s: %v, want not_found naming %q", what, err, code)
		}
	}
	_, err := db.Unit(ctx, "nowhere")
	check("Unit", err, "nowhere")
	_, err = db.Children(ctx, "nowhere")
	check("Children", err, "nowhere")
	_, err = db.Ancestors(ctx, "nowhere")
	check("Ancestors", err, "nowhere")
	_, err = db.Indicator(ctx, "no_such")
	check("Indicator", err, "no_such")
	_, err = db.Observations(ctx, ObservationFilter{Unit: "nowhere"})
	check("Observations", err, "nowhere")
	_, err = db.Plans(ctx, PlanFilter{Indicator: "no_such"})
	check("Plans", err, "no_such")
	_, err = db.Progress(ctx, "nowhere", Period{}, "")
	check("Progress", err, "nowhere")
	_, err = db.Series(ctx, "can-tho", "no_such", "")
	check("Series", err, "no_such")
	_, err = db.LatestPeriod(ctx, "ninh-kieu", "", "")
	check("LatestPeriod without figures", err, "ninh-kieu")
}

// revisionHistory stores three revisions of exports 2018-Q1 for can-tho,
// the last a retraction, and one of imports.
func revisionHistory(t *testing.T, db *DB) Period {
	q1 := MustParsePeriod("2018-Q1")
	obs := func(v float64, at string) Observation {
		return Observation{Unit: "can-tho", Indicator: "exports", Period: q1, Value: val(v), ReportedAt: at}
	}
	writeBatch(t, db, Batch{Observations: []Observation{obs(400, "2018-04-05"),
		{Unit: "can-tho", Indicator: "imports", Period: q1, Value: val(300), ReportedAt: "2018-04-05"}}})
	writeBatch(t, db, Batch{Observations: []Observation{obs(410, "2018-05-10")}})
	// A late-recorded correction dated before the second revision is not current.
	writeBatch(t, db, Batch{Observations: []Observation{obs(405, "2018-04-20")}})
	retract := obs(410, "2018-06-01")
	retract.Value, retract.Retracted = nil, true
	writeBatch(t, db, Batch{Observations: []Observation{retract}})
	return q1
}

func TestObservationsAsOfAndRetraction(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	q1 := revisionHistory(t, db)
	valueAsOf := func(asOf string) any {
		t.Helper()
		obs, err := db.Observations(ctx, ObservationFilter{Unit: "can-tho", Indicator: "exports", From: q1, To: q1, AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		if len(obs) == 0 {
			return nil
		}
		if len(obs) > 1 {
			t.Fatalf("as of %s: %d current revisions", asOf, len(obs))
		}
		return *obs[0].Value
	}
	for asOf, want := range map[string]any{"2018-04-01": nil, "2018-04-05": 400.0, "2018-04-30": 405.0,
		"2018-05-10": 410.0, "2018-05-31": 410.0, "2018-06-01": nil, "": nil} {
		if got := valueAsOf(asOf); got != want {
			t.Errorf("exports 2018-Q1 as of %q = %v, want %v", asOf, got, want)
		}
	}
	withRetracted, err := db.Observations(ctx, ObservationFilter{Unit: "can-tho", Indicator: "exports", From: q1, To: q1, IncludeRetracted: true})
	if err != nil || len(withRetracted) != 1 || !withRetracted[0].Retracted {
		t.Fatalf("IncludeRetracted: %+v %v", withRetracted, err)
	}
	hist, err := db.Observations(ctx, ObservationFilter{Unit: "can-tho", Indicator: "exports", From: q1, To: q1, History: true})
	if err != nil || len(hist) != 4 {
		t.Fatalf("history: %d rows %v, want 4", len(hist), err)
	}
	var dates []string
	for _, o := range hist {
		dates = append(dates, o.ReportedAt)
	}
	if !reflect.DeepEqual(dates, []string{"2018-04-05", "2018-04-20", "2018-05-10", "2018-06-01"}) {
		t.Fatalf("history order %v", dates)
	}
	revs, err := db.Revisions(ctx, "can-tho", "exports", q1)
	if err != nil || !reflect.DeepEqual(revs, hist) {
		t.Fatalf("Revisions differ from history: %v", err)
	}
	// Period filter by end month: Q1 ends in March, H1 in June.
	all, err := db.Observations(ctx, ObservationFilter{Unit: "can-tho", From: MustParsePeriod("2018-M04")})
	if err != nil || len(all) != 2 {
		t.Fatalf("from 2018-M04: %+v %v, want the two H1 figures", all, err)
	}
	for _, o := range all {
		if o.Period != MustParsePeriod("2018-H1") {
			t.Errorf("from 2018-M04 returned %s", o.Period)
		}
	}
}

func TestPlanVersions(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	plan := func(version, adopted string, target float64) Plan {
		return Plan{Unit: "can-tho", Indicator: "exports", Year: 2018, Basis: BasisValue, Target: val(target),
			Version: version, AdoptedOn: adopted, Source: "resolution"}
	}
	res := writeBatch(t, db, Batch{Plans: []Plan{plan("", "2017-12-10", 1800), plan("adjusted", "2018-07-15", 1700)}})
	if res.New != 2 {
		t.Fatalf("result %+v", res)
	}
	if res := writeBatch(t, db, Batch{Plans: []Plan{plan("original", "2017-12-10", 1800)}}); res.Unchanged != 1 {
		t.Fatalf("identical plan: %+v, want unchanged", res)
	}
	writeBatch(t, db, Batch{Plans: []Plan{plan("original", "2017-12-10", 1790)}}) // correction of the original
	cur, err := db.Plans(ctx, PlanFilter{Unit: "can-tho", Indicator: "exports"})
	if err != nil || len(cur) != 2 || *cur[0].Target != 1790 || cur[0].Version != "original" || cur[1].Version != "adjusted" {
		t.Fatalf("current plans %+v %v", cur, err)
	}
	if cur[0].Provenance == nil || cur[0].Provenance.Via != "csv" {
		t.Fatalf("plan provenance %+v", cur[0].Provenance)
	}
	hist, err := db.Plans(ctx, PlanFilter{Unit: "can-tho", Indicator: "exports", Year: 2018, History: true})
	if err != nil || len(hist) != 3 {
		t.Fatalf("plan history %d rows %v, want 3", len(hist), err)
	}
	if none, err := db.Plans(ctx, PlanFilter{Year: 2019}); err != nil || none == nil || len(none) != 0 {
		t.Fatalf("plans of 2019: %#v %v", none, err)
	}
	w, _ := db.BeginWrite(ctx, testProv)
	defer w.Rollback()
	if _, err := w.PutPlan(ctx, plan("revised", "2018-09-01", 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.PutPlan(ctx, plan("revised", "2018-09-01", 2)); ErrorCode(err) != CodeConflict {
		t.Fatalf("plan twice with different targets: %v, want conflict", err)
	}
}

// Rows inserted by other tools without the packed column are read through
// the same formula.
func TestFiguresWithoutPackedColumn(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	seedSmall(t, db)
	_, err := db.w.ExecContext(ctx, `INSERT INTO observations (unit_id, indicator_id, year, first_month, last_month,
		value, report_status, reported_at, source, retracted, recorded_at)
		SELECT u.id, i.id, 2018, 7, 9, 321, 'official', '2018-10-01', 'raw', 0, '2018-10-01T00:00:00Z'
		FROM units u, indicators i WHERE u.code = 'can-tho' AND i.code = 'fdi'`)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := db.Progress(ctx, "can-tho", Period{}, "2018-12-31")
	if err != nil {
		t.Fatal(err)
	}
	it := itemOf(t, pr.Items, "fdi")
	if pr.Period != MustParsePeriod("2018-Q3") || it.ReportStatus != StatusOfficial || !approx(it.Value, 321, 0) {
		t.Fatalf("raw row read as %s status %s value %v", pr.Period, it.ReportStatus, showF(it.Value))
	}
}
