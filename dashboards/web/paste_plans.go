package web

import (
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/extract"
	"github.com/plantrack/plantrack/storage"
)

// pastePlan is one target the pasted text states, listed for review
// beside the figures: indicator, year or term, who set it, its basis and
// target, and the words it came from.
type pastePlan struct {
	N                                 int
	Keep, Bad                         bool // Bad: the import refused it
	Indicator, When, Authority, Basis string
	Target, Quote                     string
	Cells                             map[string]string // what the confirm form carries, by plan column
}

// fillPlans lists the extraction's plans in the page's language.
func (v *pasteView) fillPlans(plans []extract.Plan) {
	names := map[string]string{}
	for _, o := range v.Inds {
		names[o.Value] = o.Label
	}
	for i, p := range plans {
		if i >= maxPasteFigures {
			break
		}
		code := p.Code()
		row := pastePlan{N: i + 1, Keep: true, Indicator: code, When: p.Term, Authority: v.L.T("authority." + string(p.Authority)),
			Basis: v.L.T("basis." + string(p.Basis)), Quote: p.Quote, Cells: map[string]string{"indicator": code,
				"term": p.Term, "authority": string(p.Authority), "basis": string(p.Basis)}}
		if p.Term == "" {
			row.Cells["year"] = strconv.Itoa(p.Year)
		}
		for col, t := range map[string]*float64{"target": p.Target, "target_low": p.TargetLow, "target_high": p.TargetHigh} {
			if t != nil {
				row.Cells[col] = v.L.Num(t, 6)
			}
		}
		if n := names[code]; n != "" {
			row.Indicator = n
		}
		if row.When == "" {
			row.When = strconv.Itoa(p.Year)
		}
		switch {
		case p.Target != nil:
			row.Target = v.L.Num(p.Target, 3)
		case p.TargetLow != nil && p.TargetHigh != nil:
			row.Target = v.L.Num(p.TargetLow, 3) + "–" + v.L.Num(p.TargetHigh, 3)
		}
		v.Plans = append(v.Plans, row)
	}
}

// percentsNote names every % of plan a figure gave with who set the plan,
// when more than the primary plan's is named ("Trung ương 78,2% · HĐND 70,4%").
func (v *pasteView) percentsNote(f extract.Figure) string {
	if len(f.ReportedPlanPercents) < 2 && (len(f.ReportedPlanPercents) == 0 || f.ReportedPlanPercent != nil) {
		return ""
	}
	out := ""
	for i, p := range f.ReportedPlanPercents {
		if i > 0 {
			out += " · "
		}
		pc := p.Percent
		out += v.L.T("authority."+string(p.Authority)) + " " + v.L.Percent(&pc)
	}
	return out
}

// namedPercent is a % of another authority's plan than the primary's,
// carried in the confirm form as a hidden field pp_<authority>_<row>.
type namedPercent struct{ Authority, Value string }

// namedPercents are the figure's percents other than the primary plan's.
func (v *pasteView) namedPercents(f extract.Figure) []namedPercent {
	var out []namedPercent
	for _, p := range f.ReportedPlanPercents {
		if f.ReportedPlanPercent != nil && p.Percent == *f.ReportedPlanPercent {
			continue // the primary's, in the editable % of plan
		}
		pc := p.Percent
		out = append(out, namedPercent{Authority: string(p.Authority), Value: strings.TrimSuffix(v.L.Percent(&pc), "%")})
	}
	return out
}

// namedFromForm reads row k's percents of named plans into the import
// cells reported_plan_percent_<authority>.
func namedFromForm(get func(string) string, k string, cells map[string]string) []namedPercent {
	var out []namedPercent
	for _, a := range storage.Authorities() {
		if s := strings.TrimSpace(get("pp_" + string(a) + "_" + k)); s != "" {
			cells["reported_plan_percent_"+string(a)] = s
			out = append(out, namedPercent{Authority: string(a), Value: s})
		}
	}
	return out
}

// planColumns are the plan fields the paste form carries per plan.
func planFormColumns() []string {
	return []string{"indicator", "year", "term", "authority", "basis", "target", "target_low", "target_high"}
}

// keptPlans reads the confirm form's plans: every one ticked "Keep" becomes
// a plan row of the import, adopted on the report's date with the report
// as its source; all are shown again as they were posted.
func (v *pasteView) keptPlans(get func(string) string) []collector.Row {
	n, _ := strconv.Atoi(get("plan_count"))
	var rows []collector.Row
	for i := 1; i <= min(max(n, 0), maxPasteFigures); i++ {
		k := strconv.Itoa(i)
		row := pastePlan{N: i, Keep: get("plan_keep_"+k) != "", Indicator: get("plan_name_" + k), When: get("plan_when_" + k),
			Authority: get("plan_authname_" + k), Basis: get("plan_basisname_" + k), Target: get("plan_targetname_" + k),
			Quote: get("plan_quote_" + k), Cells: map[string]string{}}
		for _, col := range planFormColumns() {
			if s := strings.TrimSpace(get("plan_" + col + "_" + k)); s != "" {
				row.Cells[col] = s
			}
		}
		v.Plans = append(v.Plans, row)
		if !row.Keep {
			continue
		}
		cells := map[string]string{"unit": v.Unit, "adopted_on": v.Date, "source": v.Source, "version": "original"}
		for c, s := range row.Cells {
			cells[c] = s
		}
		rows = append(rows, collector.Row{N: maxPasteFigures + i, Cells: cells, Plan: true})
	}
	return rows
}

// markPlanProblem names a problem of a kept plan by the plan's number in
// its table ("Kế hoạch 2" / "Plan 2") rather than the import row past the
// figures (maxPasteFigures + 2) that keptPlans gave it, outlines that plan
// and links the problem to it. It reports whether the problem was a plan's.
func (v *pasteView) markPlanProblem(pr *problem) bool {
	n := pr.Row - maxPasteFigures
	if n < 1 || n > len(v.Plans) {
		return false
	}
	v.Plans[n-1].Bad = true
	pr.Row, pr.RowName, pr.Anchor = n, v.L.T("col.plan")+" "+strconv.Itoa(n), "plan-"+strconv.Itoa(n)
	return true
}
