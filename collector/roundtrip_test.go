package collector

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// loadFixtures imports every good fixture and a few edge cases (a value of
// 1.452, a three-decimal percent, a retraction, a quote with a comma).
func loadFixtures(t *testing.T, c *Collector) {
	t.Helper()
	ctx := context.Background()
	for _, f := range []string{"good_observations.csv", "good_plans.csv", "good.json"} {
		if _, err := c.ImportFile(ctx, filepath.Join("testdata", f), Options{}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	if _, err := c.ImportFile(ctx, filepath.Join("testdata", "good_vi.csv"), Options{Locale: LocaleVI}); err != nil {
		t.Fatal(err)
	}
	edge := "unit,indicator,period,value,reported_plan_percent,reported_yoy_percent,quote,retracted\n" +
		"cai-rang,exports,2018-Q1,1.452,,-2.125,\"exports rose, then fell\",\n" +
		"cai-rang,imports,2018-Q1,,12.50,,,\n" +
		"cai-rang,imports,2018-M02,,,,,true\n"
	if _, err := c.ImportReader(ctx, strings.NewReader(edge), FormatCSV, Options{Locale: LocaleEN}); err != nil {
		t.Fatal(err)
	}
}

// TestExportReimportIsNoOp exports CSV and JSON and imports each back: 0
// new rows and an unchanged database. The JSON export also rebuilds the
// same data in an empty database.
func TestExportReimportIsNoOp(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	loadFixtures(t, c)
	before := snapshot(t, c, db)
	for _, format := range []string{FormatCSV, FormatJSON} {
		var out bytes.Buffer
		if err := c.Export(ctx, &out, format, storage.ObservationFilter{IncludeRetracted: true}); err != nil {
			t.Fatal(err)
		}
		rep, err := c.ImportReader(ctx, bytes.NewReader(out.Bytes()), format, Options{})
		if err != nil {
			t.Fatalf("re-import %s: %v\n%s", format, err, out.String())
		}
		if rep.Result.New != 0 || rep.Result.Unchanged == 0 || rep.Result.UnitsNew != 0 {
			t.Fatalf("re-import %s: %+v, want 0 new", format, rep.Result)
		}
		if after := snapshot(t, c, db); after != before {
			t.Fatalf("re-importing the %s export changed the database:\n%s\n---\n%s", format, before, after)
		}
	}
	var first bytes.Buffer
	if err := c.Export(ctx, &first, FormatJSON, storage.ObservationFilter{}); err != nil {
		t.Fatal(err)
	}
	fresh, _ := newTestCollector(t)
	if _, err := fresh.ImportReader(ctx, bytes.NewReader(first.Bytes()), FormatJSON, Options{}); err != nil {
		t.Fatalf("import into an empty database: %v", err)
	}
	var second bytes.Buffer
	if err := fresh.Export(ctx, &second, FormatJSON, storage.ObservationFilter{}); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Fatalf("exports differ after a copy through JSON:\n%s\n---\n%s", first.String(), second.String())
	}
}

func TestExportFilterAndFormat(t *testing.T) {
	c, _ := newTestCollector(t)
	ctx := context.Background()
	loadFixtures(t, c)
	var out bytes.Buffer
	if err := c.Export(ctx, &out, FormatCSV, storage.ObservationFilter{Unit: "can-tho", Indicator: "retail_sales"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		"unit,indicator,period,value,report_status,reported_plan_percent,reported_yoy_percent,reported_at,source,quote,retracted," +
			"reported_plan_percent_council,reported_plan_percent_central,reported_plan_percent_party,reported_plan_percent_own,synthetic",
		"can-tho,retail_sales,2018-H1,63135.5,preliminary,53.7,,2018-06-11,csv import,,,,,,,",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("export:\n%s\nwant:\n%s", out.String(), strings.Join(want, "\n"))
	}
	err := c.Export(ctx, &out, "openmetrics", storage.ObservationFilter{})
	storageErr(t, err, storage.CodeInvalid)
}

// TestChangedFigureIsNewRevision re-imports a figure with another value: one
// new revision, the old one kept in the history, the new one current.
func TestChangedFigureIsNewRevision(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	row := func(v string) string {
		return "unit,indicator,period,value,reported_at,source\ncan-tho,exports,2018-H1," + v + ",2018-06-11,CTO\n"
	}
	if _, err := c.ImportReader(ctx, strings.NewReader(row("942")), FormatCSV, Options{TokenName: "alice"}); err != nil {
		t.Fatal(err)
	}
	rep, err := c.ImportReader(ctx, strings.NewReader(row("945.5")), FormatCSV, Options{TokenName: "bob", Via: "form"})
	if err != nil || rep.Result.New != 1 || rep.Result.Unchanged != 0 {
		t.Fatalf("%+v, %v", rep.Result, err)
	}
	revs, err := db.Revisions(ctx, "can-tho", "exports", storage.MustParsePeriod("2018-H1"))
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions %+v, %v", revs, err)
	}
	if *revs[0].Value != 942 || *revs[1].Value != 945.5 || revs[1].Provenance.TokenName != "bob" || revs[1].Provenance.Via != "form" ||
		revs[0].Provenance.TokenName != "alice" || revs[0].Provenance.Via != "csv" {
		t.Fatalf("revisions %v %+v / %v %+v", *revs[0].Value, revs[0].Provenance, *revs[1].Value, revs[1].Provenance)
	}
}

// TestDryRunStoresNothing previews a file and counts what would be new.
func TestDryRunStoresNothing(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	before := snapshot(t, c, db)
	rep, err := c.ImportFile(ctx, filepath.Join("testdata", "good_observations.csv"), Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Result.New != 5 || len(rep.Preview) != 5 || rep.Preview[0].Indicator != "retail_sales" ||
		rep.Preview[4].ReportStatus != storage.StatusOfficial || rep.Preview[2].ReportStatus != storage.StatusPreliminary {
		t.Fatalf("dry run report %+v", rep)
	}
	if snapshot(t, c, db) != before {
		t.Fatal("a dry run changed the database")
	}
	_, err = c.ImportFile(ctx, filepath.Join("testdata", "bad_one_row.csv"), Options{DryRun: true})
	storageErr(t, err, storage.CodeValidation)
}

// TestJSONDeclaresUnitsAfterUse imports good.json, whose units and
// indicators follow the observations that use them.
func TestJSONDeclaresUnitsAfterUse(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	rep, err := c.ImportFile(ctx, filepath.Join("testdata", "good.json"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Result.New != 3 || rep.Result.UnitsNew != 1 || rep.Result.IndicatorsNew != 1 {
		t.Fatalf("%+v", rep.Result)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "phong-dien", Indicator: "rice_tonnes_local"})
	if err != nil || len(obs) != 1 || *obs[0].Value != 1250.5 || obs[0].Provenance.Via != "json" {
		t.Fatalf("%+v, %v", obs, err)
	}
	anc, err := db.Ancestors(ctx, "phong-dien")
	if err != nil || len(anc) != 1 || anc[0] != "can-tho" {
		t.Fatalf("ancestors %v, %v", anc, err)
	}
}

// TestConcurrentImports runs three imports at once, two through one handle
// and one through a second handle on the same file (as a CLI import beside
// a server): all succeed and every row is stored exactly once; a bad file
// imported at the same time fails alone.
func TestConcurrentImports(t *testing.T) {
	c, db, path := newTestCollectorPath(t)
	ctx := context.Background()
	db2, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	c2 := New(db2, nil)
	jobs := []struct {
		c    *Collector
		file string
		ok   bool
	}{{c, "good_observations.csv", true}, {c2, "good_plans.csv", true}, {c, "good.json", true}, {c2, "bad_one_row.csv", false}}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = j.c.ImportFile(ctx, filepath.Join("testdata", j.file), Options{})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if jobs[i].ok && err != nil {
			t.Errorf("%s: %v", jobs[i].file, err)
		}
		if !jobs[i].ok && storage.ErrorCode(err) != storage.CodeValidation {
			t.Errorf("%s: %v, want a validation error", jobs[i].file, err)
		}
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{})
	if err != nil || len(obs) != 7 {
		t.Fatalf("%d observations, %v; want 7", len(obs), err)
	}
	plans, err := db2.Plans(ctx, storage.PlanFilter{})
	if err != nil || len(plans) != 3 {
		t.Fatalf("%d plans, %v; want 3", len(plans), err)
	}
}

func TestImportBatchValidates(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	before := snapshot(t, c, db)
	b := storage.Batch{Observations: []storage.Observation{
		{Unit: "can-tho", Indicator: "exports", Period: storage.MustParsePeriod("2018-H1"), Value: fptr(942)},
		{Unit: "can-tho", Indicator: "exports", Period: storage.MustParsePeriod("2018-Q1")},
		{Unit: "can-tho", Indicator: "imports", Period: storage.MustParsePeriod("2018-Q1"), Value: fptr(1),
			ReportedPlanPercent: &storage.Percent{Value: 5000}},
	}}
	_, err := c.ImportBatch(ctx, b, Options{})
	e := storageErr(t, err, storage.CodeValidation)
	if len(e.Details) != 2 || !hasDetail(e, "observations", 2, "value") || !hasDetail(e, "observations", 3, "reported_plan_percent") {
		t.Fatalf("%v", err)
	}
	if snapshot(t, c, db) != before {
		t.Fatal("a rejected batch changed the database")
	}
	rep, err := c.ImportBatch(ctx, storage.Batch{Observations: b.Observations[:1]}, Options{TokenName: "api-user"})
	if err != nil || rep.Result.New != 1 {
		t.Fatalf("%+v, %v", rep, err)
	}
	obs, _ := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho"})
	if len(obs) != 1 || obs[0].Provenance.Via != "api" || obs[0].Provenance.TokenName != "api-user" {
		t.Fatalf("%+v", obs)
	}
	plan := storage.Plan{Unit: "can-tho", Indicator: "exports", Year: 2018, Target: fptr(1800)}
	if _, err := c.ImportBatch(ctx, storage.Batch{Plans: []storage.Plan{plan}}, Options{}); err != nil {
		t.Fatal(err)
	}
	plans, err := db.Plans(ctx, storage.PlanFilter{Unit: "can-tho"})
	if err != nil || len(plans) != 1 || plans[0].Basis != storage.BasisValue || plans[0].Version != "original" {
		t.Fatalf("plans %+v, %v", plans, err)
	}
	plan.Basis, plan.Target, plan.TargetLow, plan.TargetHigh = storage.BasisGrowth, nil, fptr(7), fptr(7500)
	_, err = c.ImportBatch(ctx, storage.Batch{Plans: []storage.Plan{plan}}, Options{})
	if e := storageErr(t, err, storage.CodeValidation); !hasDetail(e, "plans", 1, "target_high") {
		t.Fatalf("%v", err)
	}
}
