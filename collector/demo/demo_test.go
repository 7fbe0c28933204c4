package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

func TestDemoBatchesAreDeterministic(t *testing.T) {
	a, err := json.Marshal(Batches())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(Batches())
	if !bytes.Equal(a, b) {
		t.Fatal("two generations of the demo data differ")
	}
	if len(a) < 1e6 {
		t.Errorf("demo data is only %d bytes of JSON; expected ten years of monthly figures", len(a))
	}
}

// figures indexes every observation of the demo batches by unit,
// indicator and period; revisions of one figure are listed in write order.
func figures(t *testing.T) (map[string][]storage.Observation, []storage.Batch) {
	t.Helper()
	batches := Batches()
	figs := map[string][]storage.Observation{}
	for i, b := range batches {
		inBatch := map[string]bool{}
		for _, o := range b.Observations {
			k := o.Unit + "/" + o.Indicator + "/" + o.Period.String()
			if inBatch[k] {
				t.Fatalf("report %d carries %s twice; a revision must travel in a later report", i+1, k)
			}
			inBatch[k] = true
			figs[k] = append(figs[k], o)
		}
	}
	return figs, batches
}

func TestDemoProvinceShape(t *testing.T) {
	figs, batches := figures(t)
	var units []storage.Unit
	var plans []storage.Plan
	for _, b := range batches {
		units = append(units, b.Units...)
		plans = append(plans, b.Plans...)
	}
	districts := 0
	for _, u := range units {
		if u.Code == "can-tho" {
			continue
		}
		if !u.Synthetic || !strings.Contains(u.NameVI, "mô phỏng") || !strings.Contains(u.NameEN, "synthetic") {
			t.Errorf("unit %s is not labelled synthetic: %+v", u.Code, u)
		}
		if u.Parent == province {
			districts++
		}
	}
	if districts < 8 {
		t.Errorf("%d districts, want at least 8", districts)
	}
	for _, ind := range storage.Catalog() {
		if len(figs[province+"/"+ind.Code+"/2018"]) == 0 && len(figs[province+"/"+ind.Code+"/2018-M12"]) == 0 {
			t.Errorf("no 2018 figure of %s for the sample province", ind.Code)
		}
	}
	for y := firstYear; y <= lastYear; y++ {
		for m := 1; m <= 12; m++ {
			p := storage.Period{Year: y, First: m, Last: m}
			if len(figs[province+"/retail_sales/"+p.String()]) != 1 {
				t.Fatalf("retail_sales %s missing", p)
			}
		}
	}
	revised := 0
	for k, revs := range figs {
		if len(revs) == 2 && revs[0].ReportStatus == storage.StatusEstimate &&
			revs[1].ReportStatus == storage.StatusOfficial && revs[1].ReportedAt > revs[0].ReportedAt {
			revised++
		} else if len(revs) > 1 {
			t.Errorf("%s: unexpected revisions %+v", k, revs)
		}
	}
	if revised < 100 {
		t.Errorf("%d estimate→official revisions, want some hundreds", revised)
	}
	adjusted, growth := 0, 0
	for _, p := range plans {
		if p.Version == "adjusted" {
			adjusted++
		}
		if p.Basis == storage.BasisGrowth && p.Indicator == "grdp" {
			growth++
		}
	}
	if adjusted < 5 || growth < 10 {
		t.Errorf("%d adjusted plan versions and %d GRDP growth plans, want ≥5 and ≥10", adjusted, growth)
	}
}

// TestDemoDistrictsSumToProvince: for every district-reported flow and month
// the districts add up to the province, except the one deliberate slip.
func TestDemoDistrictsSumToProvince(t *testing.T) {
	figs, _ := figures(t)
	var mismatches []string
	for _, s := range specs() {
		if !s.districts {
			continue
		}
		for y := firstYear; y <= lastYear; y++ {
			for m := 1; m <= 12; m++ {
				p := storage.Period{Year: y, First: m, Last: m}.String()
				sum := 0.0
				for _, d := range districts() {
					revs := figs[d.code+"/"+s.code+"/"+p]
					if len(revs) != 1 {
						t.Fatalf("%s/%s/%s: %d figures", d.code, s.code, p, len(revs))
					}
					sum += *revs[0].Value
				}
				prov := *figs[province+"/"+s.code+"/"+p][0].Value
				if math.Abs(sum-prov) > 0.02*prov {
					mismatches = append(mismatches, s.code+"/"+p)
				}
			}
		}
	}
	if want := []string{"retail_sales/2023-M07"}; strings.Join(mismatches, ",") != strings.Join(want, ",") {
		t.Errorf("children sum mismatches %v, want only %v", mismatches, want)
	}
}

func TestLoadDemoTwiceIntoSQLite(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	first, err := Load(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first load: %+v in %v", first, time.Since(start))
	// Cần Thơ, the province, its districts and their communes, and the
	// merger's Sóc Trăng, Hậu Giang and new Cần Thơ.
	if want := 1 + 1 + 3*len(districts()) + 3; first.New < 10000 || first.UnitsNew != want {
		t.Errorf("first load %+v, want >10,000 new figures and plans and %d units", first, want)
	}
	version, _ := db.DataVersion(ctx)
	second, err := Load(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if second.New != 0 || second.UnitsNew != 0 || second.Unchanged != first.New {
		t.Errorf("second load %+v, want 0 new and %d unchanged", second, first.New)
	}
	if v, _ := db.DataVersion(ctx); v != version {
		t.Errorf("data version moved from %d to %d on a load that stored nothing", version, v)
	}
	checkCanTho(t, ctx, db)
	checkDemoQuality(t, ctx, db)
}

// checkDemoQuality: the generated figures agree with their own percents,
// growth rates and year-to-date sums; the only children_sum_mismatch is the
// deliberate one.
func checkDemoQuality(t *testing.T, ctx context.Context, db *storage.DB) {
	flags, err := db.Quality(ctx, storage.QualityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, f := range flags {
		count[f.Code]++
		if f.Code == storage.FlagChildrenSumMismatch &&
			(f.Unit != province || f.Indicator != mismatchInd || f.Period.String() != "2023-M07") {
			t.Errorf("unexpected %+v", f)
		}
	}
	t.Logf("quality flags of the demo data: %v", count)
	for _, code := range []string{storage.FlagPlanPercentMismatch, storage.FlagYTDDecrease, storage.FlagYoYMismatch,
		storage.FlagPartsMismatch, storage.FlagMissingPeriod, storage.FlagChildrenRange} {
		if count[code] != 0 {
			t.Errorf("%d %s flags, want none", count[code], code)
		}
	}
	if count[storage.FlagChildrenSumMismatch] != 1 || count[storage.FlagOutlier] > 300 {
		t.Errorf("flags %v, want one children_sum_mismatch and few outliers", count)
	}
}

// checkCanTho reads the seed report's figures back from the database.
func checkCanTho(t *testing.T, ctx context.Context, db *storage.DB) {
	h1 := storage.MustParsePeriod("2018-H1") // the merger's synthetic figures are of 2024 and 2025
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho", From: h1, To: h1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		value       float64 // -1: none
		status      storage.ReportStatus
		pct, yoy    string
		planPercent bool
	}{
		"grdp":                        {28478, storage.StatusEstimate, "", "7.43", false},
		"industrial_production_index": {-1, storage.StatusEstimate, "", "7.35", false},
		"retail_sales":                {63135, storage.StatusEstimate, "53.7", "", true},
		"exports":                     {942, storage.StatusEstimate, "52.7", "", true},
		"budget_revenue":              {7060, storage.StatusPreliminary, "49.6", "", true},
		"new_party_members":           {1452, storage.StatusPreliminary, "66", "", true},
		"cadres_assigned":             {53, storage.StatusPreliminary, "", "", false},
		"party_members_disciplined":   {50, storage.StatusPreliminary, "", "", false},
		"party_orgs_disciplined":      {1, storage.StatusPreliminary, "", "", false},
		"midterm_reviews_held":        {7, storage.StatusPreliminary, "", "", false},
	}
	if len(obs) != len(want) {
		t.Errorf("%d Cần Thơ figures, want %d", len(obs), len(want))
	}
	for _, o := range obs {
		w, ok := want[o.Indicator]
		if !ok {
			t.Errorf("unexpected Cần Thơ figure %s", o.Indicator)
			continue
		}
		gotValue := -1.0
		if o.Value != nil {
			gotValue = *o.Value
		}
		if gotValue != w.value || o.ReportStatus != w.status || pctText(o.ReportedPlanPercent) != w.pct ||
			pctText(o.ReportedYoYPercent) != w.yoy || o.Period.String() != "2018-H1" ||
			o.ReportedAt != "2018-06-11" || o.Source != "Báo Cần Thơ (CTO), 11/06/2018" {
			t.Errorf("%s: got %v %s pct %q yoy %q %s %s %q", o.Indicator, gotValue, o.ReportStatus,
				pctText(o.ReportedPlanPercent), pctText(o.ReportedYoYPercent), o.Period, o.ReportedAt, o.Source)
		}
	}
	plans, err := db.Plans(ctx, storage.PlanFilter{Unit: "can-tho", Indicator: "midterm_reviews_held", Year: 2018})
	if err != nil || len(plans) != 1 || plans[0].Target == nil || *plans[0].Target != 16 {
		t.Errorf("midterm_reviews_held plan: %+v %v, want a value plan of 16", plans, err)
	}
	checkCanThoProgress(t, ctx, db)
}

// checkCanThoProgress reads the derived figures issue 2 names for the demo.
func checkCanThoProgress(t *testing.T, ctx context.Context, db *storage.DB) {
	pr, err := db.Progress(ctx, "can-tho", storage.MustParsePeriod("2018-H1"), "")
	if err != nil {
		t.Fatal(err)
	}
	items := map[string]storage.Item{}
	for _, it := range pr.Items {
		items[it.Indicator] = it
	}
	want := []struct {
		ind              string
		completion, plan float64 // -1: null
		pace             storage.Pace
		yoy              float64 // -1: null
	}{
		{"retail_sales", 0.537, 117569.8, storage.PaceAhead, -1},
		{"exports", 0.527, 1787.5, storage.PaceAhead, -1},
		{"budget_revenue", 0.496, 14233.9, storage.PaceOnTrack, -1},
		{"new_party_members", 0.66, 2200, storage.PaceAhead, -1},
		{"midterm_reviews_held", 0.4375, 16, storage.PaceUnknown, -1},
		{"grdp", -1, -1, storage.PaceUnknown, 0.0743},
	}
	for _, w := range want {
		it, ok := items[w.ind]
		if !ok {
			t.Errorf("progress lacks %s", w.ind)
			continue
		}
		if !closeTo(it.Completion, w.completion, 5e-4) || !closeTo(it.Plan, w.plan, 0.05) ||
			!closeTo(it.YoY, w.yoy, 1e-9) || it.Pace != w.pace {
			t.Errorf("%s: completion %v plan %v pace %s yoy %v; want %v %v %s %v", w.ind,
				fmtOpt(it.Completion), fmtOpt(it.Plan), it.Pace, fmtOpt(it.YoY), w.completion, w.plan, w.pace, w.yoy)
		}
	}
}

func closeTo(got *float64, want, tol float64) bool {
	if want == -1 {
		return got == nil
	}
	return got != nil && math.Abs(*got-want) <= tol
}

func fmtOpt(p *float64) any {
	if p == nil {
		return "null"
	}
	return *p
}

func pctText(p *storage.Percent) string {
	if p == nil {
		return ""
	}
	return p.String()
}

// loadedDemo opens a fresh database file in t's temporary folder, loads the
// whole demo into it and closes it when t ends.
func loadedDemo(t *testing.T) (context.Context, *storage.DB) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	return ctx, db
}
