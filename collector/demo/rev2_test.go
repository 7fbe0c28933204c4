package demo

import (
	"math"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestDemoShowsRevision2Figures: the synthetic province carries every kind
// of figure SPEC §2 revision 2 added, and each is derived as such — a
// budget judged against the council's and the central government's
// estimates, the Party congress's 2021–2025 GRDP target, poverty planned
// in points, credit against last December, IIP and CPI as indices, a
// deficit and a cap of zero — all marked synthetic.
func TestDemoShowsRevision2Figures(t *testing.T) {
	ctx, db := loadedDemo(t)
	item := func(ind, period string) storage.Item {
		t.Helper()
		pr, err := db.Progress(ctx, province, storage.MustParsePeriod(period), "2030-01-01")
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range pr.Items {
			if it.Indicator == ind {
				if !it.Synthetic {
					t.Errorf("%s %s is not marked synthetic", ind, period)
				}
				return it
			}
		}
		t.Fatalf("no %s at %s", ind, period)
		return storage.Item{}
	}
	plan := func(it storage.Item, a storage.Authority, term bool) storage.PlanProgress {
		t.Helper()
		for _, p := range it.Plans {
			if p.Authority == a && p.Term.IsZero() != term {
				return p
			}
		}
		t.Fatalf("%s: no %s plan (term %v) in %+v", it.Indicator, a, term, it.Plans)
		return storage.PlanProgress{}
	}
	budget := item("budget_revenue", "2023-9M")
	central := plan(budget, storage.AuthorityCentral, false)
	if budget.PrimaryAuthority != storage.AuthorityCouncil || central.PlanSource != storage.PlanStored || central.Completion == nil ||
		*central.Completion <= *budget.Completion {
		t.Errorf("budget: primary %s, central %+v, council completion %v", budget.PrimaryAuthority, central, *budget.Completion)
	}
	grdp := plan(item("grdp", "2023"), storage.AuthorityParty, true)
	if grdp.Term != (storage.Term{First: 2021, Last: 2025}) || grdp.Achieved == nil || grdp.Needed == nil || grdp.RemainingYears != 2 || grdp.Pace == storage.PaceUnknown {
		t.Errorf("grdp term plan %+v", grdp)
	}
	pov := item("poverty_rate", "2023")
	if pov.PlanBasis != storage.BasisPoints || pov.YoYPoints == nil || *pov.YoYPoints >= 0 || pov.Pace == storage.PaceUnknown {
		t.Errorf("poverty: basis %s, points %v, pace %s", pov.PlanBasis, pov.YoYPoints, pov.Pace)
	}
	credit := plan(item("credit_outstanding", "2023-M06"), storage.AuthorityCouncil, false)
	if credit.Reference != storage.ReferencePreviousDecember || credit.Change == nil || credit.Pace == storage.PaceUnknown {
		t.Errorf("credit plan %+v", credit)
	}
	for _, code := range []string{"industrial_production_index", "cpi"} {
		it := item(code, "2023-9M")
		if it.Value == nil || it.YoY == nil || math.Abs(*it.YoY-(*it.Value/100-1)) > 1e-9 {
			t.Errorf("%s 2023-9M: value %v yoy %v, want value ÷ 100 − 1", code, it.Value, it.YoY)
		}
	}
	bal := item(balanceInd, "2023")
	if bal.Completion != nil || bal.YTD == nil || *bal.YTD >= 0 || bal.Pace == storage.PaceUnknown {
		t.Errorf("deficit: completion %v ytd %v pace %s", bal.Completion, bal.YTD, bal.Pace)
	}
	if it := item(firesInd, "2023-H1"); it.Pace != storage.PaceAtRisk || it.Completion != nil {
		t.Errorf("fires 2023-H1 (one fire against a cap of 0): pace %s", it.Pace)
	}
	if it := item(firesInd, "2022"); it.Pace != storage.PaceOnTrack {
		t.Errorf("fires 2022 (none): pace %s", it.Pace)
	}
}
