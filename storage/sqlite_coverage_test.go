package storage

import (
	"context"
	"testing"
)

// TestCoverage: seedDerived gives the districts budget revenue for 2018-H1
// (both of them) and Ninh Kiều retail sales for the 18 months Jan 2017 …
// Jun 2018 (year-to-date periods). So, for {ninh-kieu, cai-rang}: budget
// revenue 2018-H1 by 2 units; retail sales by 1 unit in 18 periods, the
// latest 2018-01..06 first; and Cần Thơ's own figures are not counted.
// Before 2018-06-11 (as_of 2018-06-10) the budget figures are not known
// yet, and neither are the retail figures (reported 2018-07-01).
func TestCoverage(t *testing.T) {
	db, _ := openTestDB(t)
	seedDerived(t, db)
	ctx := context.Background()
	got, err := db.Coverage(ctx, []string{"ninh-kieu", "cai-rang"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1+18 {
		t.Fatalf("%d rows, want 19: %v", len(got), got)
	}
	if r := got[0]; r.Indicator != "budget_revenue" || r.Period != MustParsePeriod("2018-H1") || r.Units != 2 {
		t.Errorf("first row %+v, want budget_revenue 2018-H1 by 2 units", r)
	}
	if r := got[1]; r.Indicator != "retail_sales" || r.Period != (Period{2018, 1, 6}) || r.Units != 1 {
		t.Errorf("second row %+v, want retail_sales 2018 months 1–6 by 1 unit", r)
	}
	if r := got[len(got)-1]; r.Period != (Period{2017, 1, 1}) {
		t.Errorf("last row %+v, want retail_sales January 2017", r)
	}
	early, err := db.Coverage(ctx, []string{"ninh-kieu", "cai-rang"}, "2018-06-10")
	if err != nil || len(early) != 0 {
		t.Errorf("as of 2018-06-10: %v (err %v), want nothing known yet", early, err)
	}
	if _, err := db.Coverage(ctx, []string{"nowhere"}, ""); ErrorCode(err) != CodeNotFound {
		t.Errorf("unknown unit: err %v, want not_found", err)
	}
}
