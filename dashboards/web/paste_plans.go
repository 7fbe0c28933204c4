package web

import (
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/collector/extract"
	"github.com/plantrack/plantrack/storage"
)

// pastePlan is one target the pasted text states, listed for review
// beside the figures: indicator, year or term, who set it, its basis and
// target, and the words it came from.
type pastePlan struct {
	N                                 int
	Indicator, When, Authority, Basis string
	Target, Quote                     string
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
		row := pastePlan{N: i + 1, Indicator: code, When: p.Term, Authority: v.L.T("authority." + string(p.Authority)),
			Basis: v.L.T("basis." + string(p.Basis)), Quote: p.Quote}
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
