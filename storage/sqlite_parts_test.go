package storage

import (
	"context"
	"testing"
)

// TestIndicatorParts: the catalog's parts name their wholes once stored;
// a user's indicator may be a part of an existing whole, never of a part,
// of itself or of nothing.
func TestIndicatorParts(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	inds, err := db.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	partOf := map[string]string{}
	for _, i := range inds {
		partOf[i.Code] = i.PartOf
	}
	for _, p := range CatalogParts() {
		if partOf[p.Code] != p.PartOf || p.PartOf == "" {
			t.Errorf("%s stored as part of %q, want %q", p.Code, partOf[p.Code], p.PartOf)
		}
	}
	if partOf["grdp"] != "" {
		t.Errorf("grdp is a part of %q", partOf["grdp"])
	}
	w, err := db.BeginWrite(ctx, testProv)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	for _, bad := range []Indicator{
		{Code: "rev_fees", NameEN: "Fees", Kind: KindFlow, PartOf: "nowhere"},
		{Code: "rev_fees", NameEN: "Fees", Kind: KindFlow, PartOf: "budget_revenue_domestic"},
		{Code: "rev_fees", NameEN: "Fees", Kind: KindFlow, PartOf: "rev_fees"},
	} {
		if _, err := w.PutIndicator(ctx, bad); ErrorCode(err) != CodeValidation {
			t.Errorf("PutIndicator(%+v): %v, want validation", bad, err)
		}
	}
	if _, err := w.PutIndicator(ctx, Indicator{Code: "rev_fees", NameEN: "Fees", Kind: KindFlow, Measure: "billion_vnd", PartOf: "budget_revenue"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := db.Indicator(ctx, "rev_fees")
	if err != nil || got.PartOf != "budget_revenue" {
		t.Errorf("rev_fees: %+v, %v", got, err)
	}
}
