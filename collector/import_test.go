package collector

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

func TestImportGoodCSVThenAgainIsNoOp(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	rep, err := c.ImportFile(ctx, filepath.Join("testdata", "good_observations.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 5 || rep.Result.New != 5 || rep.Result.Unchanged != 0 {
		t.Fatalf("first import: %+v, want 5 rows, 5 new", rep)
	}
	before := snapshot(t, c, db)
	rep, err = c.ImportFile(ctx, filepath.Join("testdata", "good_observations.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Result.New != 0 || rep.Result.Unchanged != 5 || rep.Summary() != "0 new, 5 unchanged" {
		t.Fatalf("second import: %+v (%s), want 0 new, 5 unchanged", rep.Result, rep.Summary())
	}
	if after := snapshot(t, c, db); after != before {
		t.Fatalf("re-import changed the database:\n%s\n---\n%s", before, after)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho", Indicator: "retail_sales"})
	if err != nil {
		t.Fatal(err)
	}
	if len(obs) != 1 || *obs[0].Value != 63135 || obs[0].ReportedPlanPercent.String() != "53.7" ||
		obs[0].ReportedAt != "2018-06-11" || obs[0].ReportStatus != storage.StatusEstimate {
		t.Fatalf("stored %+v", obs)
	}
	p := obs[0].Provenance
	if p == nil || p.Via != "csv" || p.FileName != "good_observations.csv" || p.RecordedAt.IsZero() {
		t.Fatalf("provenance %+v", p)
	}
}

// TestImportUTF16CSV reads a CSV saved as UTF-16 with a byte-order mark, as
// some spreadsheet programs write "Unicode text".
func TestImportUTF16CSV(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	rep, err := c.ImportFile(ctx, filepath.Join("testdata", "good_utf16.csv"), Options{})
	if err != nil || rep.Result.New != 1 {
		t.Fatalf("%+v, %v", rep, err)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho", Indicator: "exports"})
	if err != nil || len(obs) != 1 || *obs[0].Value != 942 {
		t.Fatalf("%+v, %v", obs, err)
	}
}

// TestImportFileUnknownExtension refuses a file type it cannot read.
func TestImportFileUnknownExtension(t *testing.T) {
	c, _ := newTestCollector(t)
	_, err := c.ImportFile(context.Background(), filepath.Join("testdata", "report.txt"), Options{})
	e := storageErr(t, err, storage.CodeInvalid)
	if e.Message == "" {
		t.Fatal("empty message")
	}
}

// TestQualityFlagsAreWarnings: a reported percentage that disagrees with
// the stored plan is stored anyway and comes back as a warning.
func TestQualityFlagsAreWarnings(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	if _, err := c.ImportFile(ctx, filepath.Join("testdata", "good_plans.csv"), Options{}); err != nil {
		t.Fatal(err)
	}
	row := "unit,indicator,period,value,reported_plan_percent,reported_at\ncan-tho,retail_sales,2018-H1,63135,60,2018-06-11\n"
	rep, err := c.ImportReader(ctx, strings.NewReader(row), FormatCSV, Options{})
	if err != nil || rep.Result.New != 1 {
		t.Fatalf("%+v, %v", rep, err)
	}
	found := false
	for _, f := range rep.Warnings {
		found = found || (f.Code == storage.FlagPlanPercentMismatch && f.Unit == "can-tho" && f.Indicator == "retail_sales")
	}
	if !found {
		t.Fatalf("no plan_percent_mismatch warning in %+v", rep.Warnings)
	}
	if obs, _ := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho"}); len(obs) != 1 {
		t.Fatal("the flagged figure was not stored")
	}
}
