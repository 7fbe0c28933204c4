package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/extract"
	"github.com/plantrack/plantrack/storage"
)

func openCollector(t *testing.T) (*collector.Collector, *storage.DB) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := collector.New(db, nil)
	if _, err := c.ImportBatch(ctx, storage.Batch{Units: []storage.Unit{{Code: "hau-giang", NameVI: "Hậu Giang", NameEN: "Hau Giang"}}}, collector.Options{}); err != nil {
		t.Fatal(err)
	}
	return c, db
}

const importText = "6 tháng đầu năm 2019, thu ngân sách đạt 2.310 tỷ đồng, đạt 52,5% dự toán; kim ngạch xuất khẩu ước đạt 410 triệu USD, tăng 7,25% so với cùng kỳ."

// importFigures stores reviewed figures the way `plantrack extract --import`
// does: Rows, then the collector's ImportRows (the pages' write path) with
// provenance "text".
func importFigures(ctx context.Context, c *collector.Collector, figs []extract.Figure) (collector.Report, error) {
	rows, err := extract.Rows(figs, nil, "", "")
	if err != nil {
		return collector.Report{}, err
	}
	return c.ImportRows(ctx, rows, collector.Options{Via: extract.ViaText, Locale: "en"})
}

// TestRowsStoreWhatTheBatchWould: the figures and plan of a report stored
// through Rows and ImportRows equal, field for field, what the typed batch
// (FiguresToBatch, PlansToBatch, ImportBatch) stores — the row cells lose
// nothing (2,310 and 52.5% with its one decimal, 7.25% with two, the plan).
func TestRowsStoreWhatTheBatchWould(t *testing.T) {
	ctx := context.Background()
	text := importText + " Kế hoạch năm 2019 thu ngân sách 4.400 tỷ đồng."
	ex := extract.Extract(text, extract.Options{Unit: "hau-giang"})
	if len(ex.Figures) < 2 || len(ex.Plans) != 1 {
		t.Fatalf("extracted %+v", ex)
	}
	viaRows, dbR := openCollector(t)
	rows, err := extract.Rows(ex.Figures, ex.Plans, "report", "2019-07-01")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := viaRows.ImportRows(ctx, rows, collector.Options{Via: extract.ViaText, Locale: "en"}); err != nil {
		t.Fatal(err)
	}
	viaBatch, dbB := openCollector(t)
	b, err := extract.FiguresToBatch(ex.Figures, "report", "2019-07-01")
	if err != nil {
		t.Fatal(err)
	}
	pb, err := extract.PlansToBatch(ex.Plans, "report", "2019-07-01")
	if err != nil {
		t.Fatal(err)
	}
	b.Plans = pb.Plans
	if _, err := viaBatch.ImportBatch(ctx, b, collector.Options{Via: extract.ViaText}); err != nil {
		t.Fatal(err)
	}
	f := storage.ObservationFilter{Unit: "hau-giang"}
	or, err1 := dbR.Observations(ctx, f)
	ob, err2 := dbB.Observations(ctx, f)
	if err1 != nil || err2 != nil || len(or) != len(b.Observations) || len(or) != len(ob) {
		t.Fatalf("rows stored %d, batch %d (%v %v)", len(or), len(ob), err1, err2)
	}
	pr, err1 := dbR.Plans(ctx, storage.PlanFilter{Unit: "hau-giang"})
	pbs, err2 := dbB.Plans(ctx, storage.PlanFilter{Unit: "hau-giang"})
	if err1 != nil || err2 != nil || len(pr) != 1 || len(pbs) != 1 || *pr[0].Target != 4400 || *pr[0].Target != *pbs[0].Target ||
		pr[0].Year != pbs[0].Year || pr[0].Source != pbs[0].Source || pr[0].Version != pbs[0].Version {
		t.Errorf("plans: rows %+v, batch %+v (%v %v)", pr, pbs, err1, err2)
	}
	for i := range or {
		r, bb := or[i], ob[i]
		r.Revision, bb.Revision = 0, 0         // each database numbers its own revisions
		r.Provenance, bb.Provenance = nil, nil // and records its own time
		jr, _ := json.Marshal(r)
		jb, _ := json.Marshal(bb)
		if string(jr) != string(jb) {
			t.Errorf("observation %d: rows %+v, batch %+v", i, r, bb)
		}
	}
}

// TestImportFigures stores extracted figures through the collector with
// provenance "text" and their quotes, and re-importing them is a no-op.
func TestImportFigures(t *testing.T) {
	ctx := context.Background()
	c, db := openCollector(t)
	ex := extract.Extract(importText, extract.Options{Unit: "hau-giang"})
	if len(ex.Figures) != 2 {
		t.Fatalf("extracted %d figures, want 2: %+v", len(ex.Figures), ex.Figures)
	}
	rep, err := importFigures(ctx, c, ex.Figures)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Result.New != 2 {
		t.Fatalf("report %+v, want 2 new", rep)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "hau-giang"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]storage.Observation{}
	for _, o := range obs {
		got[o.Indicator] = o
	}
	rev, ok := got["budget_revenue"]
	if !ok || rev.Value == nil || *rev.Value != 2310 || rev.ReportedPlanPercent.String() != "52.5" || rev.Period.String() != "2019-H1" ||
		rev.Source != "extracted text" || !strings.Contains(importText, rev.Quote) || rev.Quote == "" {
		t.Errorf("budget_revenue stored as %+v", rev)
	}
	exp := got["exports"]
	if exp.ReportStatus != storage.StatusEstimate || exp.ReportedYoYPercent == nil || exp.ReportedYoYPercent.String() != "7.25" {
		t.Errorf("exports stored as %+v", exp)
	}
	hist, err := db.Revisions(ctx, "hau-giang", "exports", storage.MustParsePeriod("2019-H1"))
	if err != nil || len(hist) != 1 || hist[0].Provenance == nil || hist[0].Provenance.Via != extract.ViaText {
		t.Errorf("revisions %+v, %v: want one with provenance text", hist, err)
	}
	again, err := importFigures(ctx, c, ex.Figures)
	if err != nil || again.Result.New != 0 || again.Result.Unchanged != 2 {
		t.Errorf("re-import: %+v, %v; want 2 unchanged", again.Result, err)
	}
}

// TestImportFiguresRefusesWhatItCannotStore names every figure without a
// period or unit, and stores nothing.
func TestImportFiguresRefusesWhatItCannotStore(t *testing.T) {
	ctx := context.Background()
	c, db := openCollector(t)
	text := "Nhiệm kỳ 2015-2020, toàn Đảng bộ kết nạp 5.200 đảng viên. Năm 2019, kim ngạch xuất khẩu đạt 900 triệu USD."
	figs := extract.Extract(text, extract.Options{Unit: "hau-giang"}).Figures
	if len(figs) != 2 || figs[0].Period != nil {
		t.Fatalf("figures %+v", figs)
	}
	figs[1].Unit = ""
	_, err := importFigures(ctx, c, figs)
	var se *storage.Error
	if !errors.As(err, &se) || se.Code != storage.CodeValidation || len(se.Details) != 2 {
		t.Fatalf("error %v, want a validation error with two details", err)
	}
	d0, d1 := se.Details[0], se.Details[1]
	if d0.Row != 1 || d0.Field != "period" || !strings.Contains(d0.Reason, "new_party_members") || !strings.Contains(d0.Value, "5.200") ||
		d1.Row != 2 || d1.Field != "unit" || !strings.Contains(d1.Reason, "exports") {
		t.Errorf("details %+v", se.Details)
	}
	if has, err := db.HasObservations(ctx); err != nil || has {
		t.Errorf("stored something after a refused import: %v %v", has, err)
	}
}

// TestWriteExtractionTable prints every figure with its quote and the unrecognised numbers.
func TestWriteExtractionTable(t *testing.T) {
	ex := extract.Extract(importText+" Có 45 dự án mới.", extract.Options{Unit: "hau-giang"})
	for _, c := range []struct{ lang, value, pct, head string }{{"vi", "2.310", "52,5", "chỉ tiêu"}, {"en", "2,310", "52.5", "indicator"}} {
		var b bytes.Buffer
		num := func(v float64, maxFrac int) string { return charts.FormatNumber(v, maxFrac, c.lang) }
		if err := extract.WriteExtractionTable(&b, ex, c.lang, num); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{c.head, "budget_revenue", "2019-H1", c.value, c.pct, "thu ngân sách đạt 2.310 tỷ đồng", "exports", "45 dự án"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s table lacks %q:\n%s", c.lang, want, out)
			}
		}
	}
}
