package storage

import (
	"context"
	"reflect"
	"testing"
)

// TestUnitOverviewIsTheReadsItAggregates: one UnitOverview answers what the
// overview page used to read call by call (Unit, Progress, Indicators,
// SpanValues, Ancestors with a Unit each, Children, ChildrenStatus — eight
// calls plus one per ancestor), for a parent at a period, a child at its
// latest period, and a parent with no figures of its own (par-c4 has none;
// par-gc's parent is par-c1, whose parent is par).
func TestUnitOverviewIsTheReadsItAggregates(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	statusData(t, db)
	const asOf = "2025-02-01"
	for _, c := range []struct {
		unit, period string
		ancestors    []string
	}{{"par", "2024-H1", nil}, {"par-gc", "", []string{"par", "par-c1"}}, {"par-c4", "", []string{"par"}}} {
		per := Period{}
		if c.period != "" {
			per = MustParsePeriod(c.period)
		}
		ov, err := db.UnitOverview(ctx, OverviewQuery{Unit: c.unit, Period: per, AsOf: asOf, SpanYears: 5})
		if err != nil {
			t.Fatalf("%s: %v", c.unit, err)
		}
		u, _ := db.Unit(ctx, c.unit)
		prog, err := db.Progress(ctx, c.unit, per, asOf)
		if c.unit == "par-c4" {
			if ErrorCode(err) != CodeNotFound || !ov.Progress.Period.IsZero() || len(ov.Progress.Items) != 0 {
				t.Fatalf("par-c4 has no figures: Progress %v, overview %+v", err, ov.Progress)
			}
			prog = Progress{Unit: u}
		}
		if !reflect.DeepEqual(ov.Unit, u) || !reflect.DeepEqual(ov.Progress, prog) {
			t.Errorf("%s: unit or progress differ from Unit and Progress", c.unit)
		}
		var anc []string
		for _, a := range ov.Ancestors {
			anc = append(anc, a.Code)
		}
		if !reflect.DeepEqual(anc, c.ancestors) {
			t.Errorf("%s: ancestors %v, want %v (root first)", c.unit, anc, c.ancestors)
		}
		kids, _ := db.Children(ctx, c.unit)
		if !reflect.DeepEqual(ov.Children, kids) {
			t.Errorf("%s: children %+v, want %+v", c.unit, ov.Children, kids)
		}
		if !prog.Period.IsZero() {
			codes := make([]string, len(prog.Items))
			for i, it := range prog.Items {
				codes[i] = it.Indicator
			}
			spans, _ := db.SpanValues(ctx, c.unit, prog.Period, prog.Period.Year-4, codes, asOf)
			status, _ := db.ChildrenStatus(ctx, c.unit, prog.Period, asOf)
			if len(spans) == 0 || !reflect.DeepEqual(ov.Spans, spans) || !reflect.DeepEqual(ov.ChildProgress, status) {
				t.Errorf("%s: spans or children's status differ from SpanValues and ChildrenStatus", c.unit)
			}
		}
	}
	if _, err := db.UnitOverview(ctx, OverviewQuery{Unit: "nowhere"}); ErrorCode(err) != CodeNotFound {
		t.Errorf("unknown unit: %v, want not found", err)
	}
}
