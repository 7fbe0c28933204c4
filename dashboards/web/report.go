package web

import (
	"github.com/plantrack/plantrack/storage"
)

// reportSection is one board section of the printable report's table.
type reportSection struct {
	Title string
	Rows  []reportRow
}

// reportRow is one indicator as a Vietnamese office's report table prints
// it: Chỉ tiêu · ĐVT · KH năm · Thực hiện/Ước thực hiện kỳ · So KH (%) ·
// So cùng kỳ (%). Every field is formatted; "–" where there is no figure.
type reportRow struct {
	N        int
	Name     string
	Measure  string
	Plan     string // the year's plan: a value, or "KH tăng 7–7,5%"; "chưa có KH" without one
	Done     string // the period's value (year to date for flows when the period is not)
	Estimate bool   // the value is an estimate ("ước")
	Implied  bool   // the plan is implied from a reported "% of plan", not adopted
	OfPlan   string // completion ×100, without the % sign (the column says %)
	SameTime string // the same period last year = 100: 100 × (1 + yoy)
	Pace     paceTag
	Behind   bool
}

// ReportSections is the report table: the overview's cards grouped by
// board section, numbered straight through.
func (v overviewView) ReportSections() []reportSection {
	L := v.L
	var out []reportSection
	for _, s := range v.Sections() {
		rs := reportSection{Title: s.Title}
		for _, c := range s.Cards {
			rs.Rows = append(rs.Rows, L.reportRow(c))
		}
		out = append(out, rs)
	}
	return out
}

func (l *Locale) reportRow(c numberedCard) reportRow {
	it := c.item
	r := reportRow{N: c.N, Name: c.Name, Measure: c.Unit, Done: c.Value, Pace: c.Pace,
		Estimate: it.ReportStatus == storage.StatusEstimate && it.Value != nil, Behind: c.GapBehind,
		OfPlan: "–", SameTime: "–", Plan: l.T("report.noplan")}
	if c.ShowYTD {
		r.Done = c.YTD
	}
	if c.GrowthOnly { // the card shows the growth as its value; the report has its own column for it
		r.Done, r.Measure = "–", l.Measure(it.Measure)
	}
	if c.IsPart {
		r.Name = "↳ " + r.Name // a part, listed right after its whole
	}
	switch {
	case it.PlanBasis == storage.BasisGrowth:
		r.Plan = l.T("plan.growth") + " " + l.planRange(it.PlanLow, it.PlanHigh, it.Plan) + "%"
	case it.Plan != nil:
		r.Plan = l.Value(it.Plan, it.Measure)
		r.Implied = it.PlanSource == storage.PlanImplied
	}
	if it.Completion != nil {
		pct := *it.Completion * 100
		r.OfPlan = l.Num(&pct, 1)
	}
	if it.YoY != nil {
		idx := (1 + *it.YoY) * 100
		r.SameTime = l.Num(&idx, 1)
	}
	return r
}

// DataDate is the latest report date among the report's figures (dd/mm/yyyy
// in Vietnamese), for "Số liệu tính đến …"; "" when no figure carries one.
func (v overviewView) DataDate() string {
	latest := ""
	for _, c := range v.Cards {
		if d := c.item.ReportedAt; len(d) >= len(storage.DateLayout) && d[:len(storage.DateLayout)] > latest {
			latest = d[:len(storage.DateLayout)]
		}
	}
	if latest == "" {
		return ""
	}
	return v.L.Date(latest)
}
