package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// formCase is one table case of the issue-16 forms: a sentence of our own,
// the exact figures (fullLine) and the exact plans (planLine) it must give.
type formCase struct {
	name, date, text string
	figs             []string
	plans            []string
}

// fullLine renders a figure with what issue 16 added: the part it is
// (whole/part), the percents against each plan, a change in points and a
// growth given as a range.
func fullLine(f Figure) string {
	ind := f.Indicator
	if f.Component != "" {
		ind += "/" + f.Component
	}
	v, per := "-", "nil"
	if f.Value != nil {
		v = strconv.FormatFloat(*f.Value, 'f', -1, 64)
	}
	if f.Period != nil {
		per = f.Period.String()
	}
	s := fmt.Sprintf("%s %s %s plan=%s yoy=%s", ind, v, per, pctOr(f.ReportedPlanPercent), pctOr(f.ReportedYoYPercent))
	if len(f.ReportedPlanPercents) > 0 {
		var pp []string
		for _, p := range f.ReportedPlanPercents {
			pp = append(pp, string(p.Authority)+":"+p.Percent.String())
		}
		s += " pp=" + strings.Join(pp, ",")
	}
	if f.ReportedChangePoints != nil {
		s += " pts=" + f.ReportedChangePoints.String()
	}
	if f.ReportedYoYRange != nil {
		s += " range=" + f.ReportedYoYRange[0].String() + ".." + f.ReportedYoYRange[1].String()
	}
	return s
}

func pctOr(p *storage.Percent) string {
	if p == nil {
		return "-"
	}
	return p.String()
}

// planLine renders a plan found in the text.
func planLine(p Plan) string {
	ind := p.Indicator
	if p.Component != "" {
		ind += "/" + p.Component
	}
	when := strconv.Itoa(p.Year)
	if p.Term != "" {
		when = p.Term
	}
	num := func(f *float64) string { return strconv.FormatFloat(*f, 'f', -1, 64) }
	target := "?"
	switch {
	case p.Target != nil:
		target = num(p.Target)
	case p.TargetLow != nil && p.TargetHigh != nil:
		target = num(p.TargetLow) + ".." + num(p.TargetHigh)
	}
	return fmt.Sprintf("plan %s %s %s %s %s", ind, when, p.Authority, p.Basis, target)
}

// runFormCases checks every case exactly: the figures, the plans, and that
// each quote is the text at its offsets.
func runFormCases(t *testing.T, cases []formCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := Extract(c.text, Options{Date: c.date, Unit: "u"})
			var figs, plans []string
			for _, f := range ex.Figures {
				figs = append(figs, fullLine(f))
				if c.text[f.Start:f.End] != f.Quote {
					t.Errorf("figure %s: quote %q is not the text at %d:%d", f.Indicator, f.Quote, f.Start, f.End)
				}
			}
			for _, p := range ex.Plans {
				plans = append(plans, planLine(p))
				if p.Quote == "" || c.text[p.Start:p.End] != p.Quote {
					t.Errorf("plan %s: quote %q is not the text at %d:%d", p.Indicator, p.Quote, p.Start, p.End)
				}
			}
			if strings.Join(figs, "\n") != strings.Join(c.figs, "\n") {
				t.Errorf("text: %s\nfigures got:\n  %s\nwant:\n  %s", c.text, strings.Join(figs, "\n  "), strings.Join(c.figs, "\n  "))
			}
			if strings.Join(plans, "\n") != strings.Join(c.plans, "\n") {
				t.Errorf("text: %s\nplans got:\n  %s\nwant:\n  %s", c.text, strings.Join(plans, "\n  "), strings.Join(c.plans, "\n  "))
			}
		})
	}
}
