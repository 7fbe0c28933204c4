package web

import (
	"context"
	"html"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// rev2Batch is a province with the figures of SPEC §2 revision 2's
// examples: real growth beside current-price values, a budget with a
// council and a central plan, a term target, a poverty rate with a points
// plan, and a poverty rate over its cap in a second unit.
func rev2Batch() storage.Batch {
	obs := func(unit, ind, p string, v float64, yoy string) storage.Observation {
		o := storage.Observation{Unit: unit, Indicator: ind, Period: storage.MustParsePeriod(p), Value: f64(v),
			ReportedAt: "2023-12-25", ReportStatus: storage.StatusEstimate}
		if yoy != "" {
			o.ReportedYoYPercent = pct(yoy)
		}
		return o
	}
	budget := obs("tinh", "budget_revenue", "2023-9M", 14490, "")
	budget.ReportedPlanPercents = storage.PlanPercents{{Authority: storage.AuthorityCentral, Percent: *pct("103.5")}}
	return storage.Batch{
		Units: []storage.Unit{{Code: "tinh", NameVI: "Tỉnh", NameEN: "Province"}, {Code: "xa", NameVI: "Xã", NameEN: "Commune"}},
		Observations: []storage.Observation{
			obs("tinh", "grdp", "2021", 60000, "5.0"), obs("tinh", "grdp", "2022", 66000, "8.0"),
			obs("tinh", "grdp", "2023", 72290, "7.0"), budget,
			obs("tinh", "poverty_rate", "2022", 4.8, ""), obs("tinh", "poverty_rate", "2023", 2.9, ""),
			obs("xa", "poverty_rate", "2023", 3.42, ""),
		},
		Plans: []storage.Plan{
			{Unit: "tinh", Indicator: "grdp", Term: storage.Term{First: 2021, Last: 2025}, Basis: storage.BasisAverageGrowth, Target: f64(7)},
			{Unit: "tinh", Indicator: "budget_revenue", Year: 2023, Basis: storage.BasisValue, Target: f64(14765)},
			{Unit: "tinh", Indicator: "budget_revenue", Year: 2023, Authority: storage.AuthorityCentral, Basis: storage.BasisValue, Target: f64(14000)},
			{Unit: "tinh", Indicator: "poverty_rate", Year: 2023, Basis: storage.BasisPoints, TargetLow: f64(-1.5), TargetHigh: f64(-1)},
			{Unit: "xa", Indicator: "poverty_rate", Year: 2023, Basis: storage.BasisValue, Target: f64(3)},
		},
	}
}

// TestPagesShowRevision2Figures: the overview and indicator pages show, in
// both languages, a term target with what was achieved and is still
// needed (the third example: 5.0, 8.0, 7.0 → 6,66%/năm, cần
// 7,51%/năm for 2 years), the current-price growth of a real indicator
// labelled as such (72290 ÷ 66000 − 1 = +9,53%), the completion against
// the central plan beside the council's (14490 ÷ 14000 = 103,5%), a
// rate's change in points (2.9 − 4.8 = −1,9 điểm %), and a rate over its
// cap in words that cannot be misread (3.42 ÷ 3 − 1 = 14% over the cap).
func TestPagesShowRevision2Figures(t *testing.T) {
	e := newTestEnv(t)
	if _, err := e.db.Write(context.Background(), rev2Batch(), storage.Provenance{Via: "api", RecordedAt: time.Date(2023, 12, 26, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	_, vi, _ := e.get(t, "/units/tinh?period=2023&lang=vi&as_of=2023-12-31")
	vi = html.UnescapeString(vi)
	mustContain(t, vi, "Mục tiêu 2021–2025: bình quân 7%/năm · đạt 6,66%/năm · cần 7,51%/năm cho 2 năm còn lại",
		"+9,53% theo giá hiện hành", "−1,9 điểm %")
	_, en, _ := e.get(t, "/units/tinh?period=2023&lang=en&as_of=2023-12-31")
	en = html.UnescapeString(en)
	mustContain(t, en, "Target 2021–2025: 7% a year on average · achieved 6.66% a year · needs 7.51% a year over the 2 remaining years",
		"+9.53% at current prices", "−1.9 pts")
	_, vi, _ = e.get(t, "/units/tinh/indicators/budget_revenue?period=2023-9M&lang=vi&as_of=2023-12-31")
	mustContain(t, html.UnescapeString(vi), "KH Trung ương giao: đạt 103,5%", "98,1%")
	_, vi, _ = e.get(t, "/units/xa?period=2023&lang=vi&as_of=2023-12-31")
	mustContain(t, html.UnescapeString(vi), "vượt trần 14,0%")
	_, en, _ = e.get(t, "/units/xa?period=2023&lang=en&as_of=2023-12-31")
	mustContain(t, html.UnescapeString(en), "14.0% over the cap")
}
