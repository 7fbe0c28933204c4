package collector

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestMetricsCountImports(t *testing.T) {
	_, db := newTestCollector(t)
	reg := prometheus.NewRegistry()
	c := New(db, NewMetrics(reg))
	ctx := context.Background()
	for _, f := range []string{"good_observations.csv", "good_observations.csv", "bad_one_row.csv", "bad_malformed.csv"} {
		c.ImportFile(ctx, filepath.Join("testdata", f), Options{})
	}
	c.ImportFile(ctx, filepath.Join("testdata", "good_plans.csv"), Options{DryRun: true})
	want := `
# HELP plantrack_import_rejections_total Problems that made an import fail, by format and reason (the error code).
# TYPE plantrack_import_rejections_total counter
plantrack_import_rejections_total{format="csv",reason="invalid"} 1
plantrack_import_rejections_total{format="csv",reason="validation"} 1
# HELP plantrack_import_rows_total Observation and plan rows imported, by format and outcome (new, unchanged, rejected).
# TYPE plantrack_import_rows_total counter
plantrack_import_rows_total{format="csv",outcome="new"} 5
plantrack_import_rows_total{format="csv",outcome="rejected"} 1
plantrack_import_rows_total{format="csv",outcome="unchanged"} 5
# HELP plantrack_imports_total Imports attempted, by format and result (ok, dry_run, rejected, error).
# TYPE plantrack_imports_total counter
plantrack_imports_total{format="csv",result="dry_run"} 1
plantrack_imports_total{format="csv",result="ok"} 2
plantrack_imports_total{format="csv",result="rejected"} 2
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want)); err != nil {
		t.Fatal(err)
	}
	if probs, err := testutil.GatherAndLint(reg); err != nil || len(probs) > 0 {
		t.Fatalf("lint: %v %v", probs, err)
	}
	var nilMetrics *Metrics
	nilMetrics.imported("csv", "ok", 3) // a nil *Metrics counts nothing and does not panic
}
