package web

import (
	"math"

	"github.com/plantrack/plantrack/charts"

	"github.com/plantrack/plantrack/storage"
)

// card formats one derived item for the overview.
func (l *Locale) card(unit string, ind storage.Indicator, it storage.Item) card {
	c := card{Code: it.Indicator, Name: ind.Name(l.Lang), URL: l.Link(IndicatorPath(unit, it.Indicator), "period", rawPeriod(it.Period)),
		Value: l.Value(it.Value, it.Measure), YTD: l.Value(it.YTD, it.Measure), Unit: l.Measure(it.Measure),
		Completion: l.completionText(it), Expected: l.Pct(it.Expected), Pace: l.paceTag(it.Pace),
		YoY: l.yoyText(it), YoYNominal: l.nominalText(it), OtherPlans: l.otherPlans(it), Terms: l.termTargets(it), Status: l.Status(it.ReportStatus), Flags: len(it.Flags), Synthetic: it.Synthetic, item: it}
	c.Color = charts.PaceColor(c.Pace.Class)
	c.HasPlan = it.Completion != nil || it.Expected != nil
	c.Section, c.StatusClass = l.Section(it.Indicator), string(it.ReportStatus)
	c.ShowYTD = it.Kind == storage.KindFlow && !it.Period.IsYTD() && it.YTD != nil
	if it.Completion != nil {
		c.HasBar = true
		c.BarWidth = clamp(*it.Completion*100, 0, 100)
		if it.Expected != nil {
			c.BarMark = clamp(*it.Expected*100, 0, 100)
		}
	}
	if it.Completion != nil && it.Expected != nil {
		d := (*it.Completion - *it.Expected) * 100
		c.GapBehind = it.Pace == storage.PaceBehind || it.Pace == storage.PaceAtRisk
		c.GapAhead = it.Pace == storage.PaceAhead
		c.Gap = l.points(d)
	}
	switch {
	case it.PlanBasis == storage.BasisGrowth:
		c.PlanNote = l.T("plan.growth") + " " + l.planRange(it.PlanLow, it.PlanHigh, it.Plan) + "%"
	case it.PlanBasis == storage.BasisPoints:
		c.PlanNote = l.T("plan.points") + " " + l.planRange(it.PlanLow, it.PlanHigh, it.Plan) + " " + l.T("unit.points")
	case it.PlanSource == storage.PlanImplied:
		c.PlanNote = l.T("plan.implied")
	case it.OriginalPlan != nil:
		c.PlanNote = l.T("plan.adjusted")
	}
	l.targetText(&c, it)
	return c
}

// points formats a difference in percentage points with its sign.
func (l *Locale) points(d float64) string {
	s := l.Num(&d, 1)
	if d > 0 {
		s = "+" + s
	}
	if len(s) > 0 && s[0] == '-' {
		s = "−" + s[1:]
	}
	return s + " " + l.T("unit.points")
}

// planRange formats a plan range "7–7,5" (or a single target).
func (l *Locale) planRange(low, high, mid *float64) string {
	if low != nil && high != nil && *low != *high {
		return l.Num(low, 2) + "–" + l.Num(high, 2)
	}
	return l.Num(mid, 2)
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// childRow is one child unit with its own status.
type childRow struct {
	Name, URL  string
	Synthetic  bool
	Period     string
	Summary    []paceCount
	Worst      string // the child's worst-off indicator, "" when none is behind
	WorstPace  paceTag
	Indicators int
}

// childRows lists a unit's children with their status at the overview's
// period (each child's latest period when that is zero).
func (l *Locale) childRows(ov storage.Overview, inds map[string]storage.Indicator) []childRow {
	per := ov.Progress.Period
	rows := make([]childRow, len(ov.Children))
	for i, k := range ov.Children {
		rows[i] = childRow{Name: k.Name(l.Lang), URL: l.Link(UnitPath(k.Code), "period", rawPeriod(per)), Synthetic: k.Synthetic}
		if prog, ok := ov.ChildProgress[k.Code]; ok || !per.IsZero() {
			l.fillStatus(&rows[i], prog, inds)
		}
	}
	return rows
}

// fillStatus sets a child row's summary and worst-off indicator.
func (l *Locale) fillStatus(row *childRow, prog storage.Progress, inds map[string]storage.Indicator) {
	row.Period = l.Period(prog.Period)
	row.Summary = l.summarize(prog.Items)
	row.Indicators = len(prog.Items)
	best := -1
	for i, it := range prog.Items {
		if it.Pace != storage.PaceAtRisk && it.Pace != storage.PaceBehind {
			continue
		}
		if best < 0 || paceRank(it.Pace) < paceRank(prog.Items[best].Pace) ||
			(it.Pace == prog.Items[best].Pace && paceRatio(it) < paceRatio(prog.Items[best])) {
			best = i
		}
	}
	if best >= 0 {
		row.Worst = indicatorOf(inds, prog.Items[best].Indicator).Name(l.Lang)
		row.WorstPace = l.paceTag(prog.Items[best].Pace)
	}
}

// crumbs are the unit's ancestors (root first), each linked to its overview.
func (l *Locale) crumbs(anc []storage.Unit) []crumb {
	out := make([]crumb, 0, len(anc))
	for _, u := range anc {
		out = append(out, crumb{Name: u.Name(l.Lang), URL: l.Link(UnitPath(u.Code))})
	}
	return out
}

// periodPicker is the period form of an overview: a year and a span.
type periodPicker struct {
	Action string
	Lang   string
	Years  []option
	Spans  []option
}

// option is one <option> of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// picker offers the ten years up to the shown one and every kind of span.
func (l *Locale) picker(action string, per storage.Period) periodPicker {
	pk := periodPicker{Action: action, Lang: l.Lang}
	if per.IsZero() {
		return pk
	}
	for y := per.Year + 1; y >= per.Year-9; y-- {
		pk.Years = append(pk.Years, option{Value: itoa(y), Label: itoa(y), Selected: y == per.Year})
	}
	cur := per.SpanCode()
	for _, s := range storage.SpanCodes() {
		pk.Spans = append(pk.Spans, option{Value: s, Label: l.spanLabel(s), Selected: s == cur})
	}
	return pk
}

// spanName is a period's name without its year ("6 tháng đầu năm", "H1";
// the catalog's word for a whole year).
func (l *Locale) spanName(p storage.Period) string {
	if p.Months() == 12 {
		return l.T("span.year")
	}
	return p.SpanName(l.Lang)
}

// spanLabel is spanName for a span code of storage.SpanCodes.
func (l *Locale) spanLabel(span string) string {
	if span == "Y" {
		return l.T("span.year")
	}
	return storage.SpanNameOf(span, l.Lang)
}
