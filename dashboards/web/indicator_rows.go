package web

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// shown is the figure an item contributes to the indicator's charts: the
// YTD for flows, the value for levels.
func shown(ind storage.Indicator, it storage.Item) *float64 {
	if ind.Kind == storage.KindFlow {
		return it.YTD
	}
	return it.Value
}

// monthRows are the month ends of year: YTD (or level), expected value,
// plan, completion and pace.
func (l *Locale) monthRows(ind storage.Indicator, points []storage.Item, year int) []monthRow {
	var out []monthRow
	for _, it := range points {
		if it.Period.Year != year {
			continue
		}
		m := monthRow{Period: it.Period, Value: shown(ind, it), Completion: it.Completion, Pace: it.Pace}
		if it.PlanBasis == storage.BasisValue {
			m.Plan = it.Plan
			if it.Plan != nil && it.Expected != nil {
				e := storage.Tidy(*it.Plan * *it.Expected)
				m.Expected = &e
			}
		}
		m.PeriodName, m.ValueS, m.ExpectedS = l.Period(it.Period), l.Value(m.Value, ind.Measure), l.Value(m.Expected, ind.Measure)
		m.PlanS, m.CompletionS, m.PaceTag = l.Value(m.Plan, ind.Measure), l.Pct(m.Completion), l.paceTag(it.Pace)
		m.MonthName = l.month(it.Period.Last)
		out = append(out, m)
	}
	return out
}

// yearRows is per's span in every year with a figure, oldest first, with
// the change against the year before.
func (l *Locale) yearRows(ind storage.Indicator, points []storage.Item, per storage.Period) []yearRow {
	var out []yearRow
	for _, it := range points {
		if it.Period.Last != per.Last {
			continue
		}
		sp := per.SameSpanIn(it.Period.Year)
		var v *float64
		switch {
		case it.Period == sp:
			v = it.Value
		case ind.Kind == storage.KindFlow && per.IsYTD():
			v = it.YTD
		case ind.Kind == storage.KindLevel:
			v = it.Value
		}
		if v == nil {
			continue
		}
		row := yearRow{Period: sp, Value: v, PeriodName: l.Period(sp), ValueS: l.Value(v, ind.Measure)}
		prev := len(out) > 0 && out[len(out)-1].Period.Year == sp.Year-1
		switch {
		case ind.Measure == "percent" && prev: // a rate changes in points
			row.YoYS = l.points(*v - *out[len(out)-1].Value)
		case it.Period == sp: // the item's own yoy follows the growth basis
			row.YoY = it.YoY
		case prev && ind.GrowthBasis == storage.GrowthNominal && *out[len(out)-1].Value != 0:
			g := storage.Tidy(*v / *out[len(out)-1].Value - 1)
			row.YoY = &g
		}
		if row.YoYS == "" {
			row.YoYS = l.SignedPct(row.YoY)
		}
		out = append(out, row)
	}
	return out
}

// planRows lists every stored plan version, newest year first, marking the
// one in force for each year.
func (l *Locale) planRows(plans []storage.Plan, year int, asOf string) []planRow {
	type key struct {
		year int
		term storage.Term
		a    storage.Authority
	}
	groups := map[key][]storage.Plan{}
	for _, p := range plans {
		k := key{p.Year, p.Term, p.Authority.OrDefault()}
		groups[k] = append(groups[k], p)
	}
	out := make([]planRow, 0, len(plans))
	for _, p := range plans {
		inForce, ok := storage.PlanInForce(groups[key{p.Year, p.Term, p.Authority.OrDefault()}], asOf)
		row := planRow{Plan: p, InForce: ok && inForce.Version == p.Version && inForce.AdoptedOn == p.AdoptedOn,
			Adopted: l.Date(p.AdoptedOn), Basis: l.T("basis." + string(p.Basis)), ThisYear: p.Covers(year),
			InForceWord: l.T("plan.inforce"), Version: l.TOr("plan.version."+p.Version, p.Version),
			Authority: l.authorityName(p.Authority), Span: strconv.Itoa(p.Year)}
		if !p.Term.IsZero() {
			row.Span = fmt.Sprintf("%d–%d", p.Term.First, p.Term.Last)
		}
		row.Target = l.planRange(p.TargetLow, p.TargetHigh, p.Target)
		switch p.Basis {
		case storage.BasisGrowth, storage.BasisAverageGrowth:
			row.Target += "%"
		case storage.BasisPoints:
			row.Target += " " + l.T("unit.points")
		}
		if p.Reference == storage.ReferencePreviousDecember {
			row.Basis += " (" + l.T("plan.sincedec") + ")"
		}
		out = append(out, row)
	}
	slices.SortStableFunc(out, func(a, b planRow) int {
		if c := cmp.Compare(b.Plan.Year, a.Plan.Year); c != 0 {
			return c
		}
		return cmp.Compare(a.Plan.AdoptedOn, b.Plan.AdoptedOn)
	})
	return out
}

// revisionRows formats the stored revisions, oldest first, with provenance.
func (l *Locale) revisionRows(ind storage.Indicator, revs []storage.Observation) []revisionRow {
	out := make([]revisionRow, 0, len(revs))
	for _, o := range revs {
		r := revisionRow{Obs: o, Value: l.Value(o.Value, ind.Measure), Status: l.Status(o.ReportStatus),
			Reported: l.Date(o.ReportedAt), PlanPct: l.Percent(o.ReportedPlanPercent), YoY: l.Percent(o.ReportedYoYPercent)}
		if o.Retracted {
			r.Status = l.T("status.retracted")
		}
		if pv := o.Provenance; pv != nil {
			r.Via = l.TOr("via."+pv.Via, pv.Via)
			if pv.TokenName != "" {
				r.Via += " · " + pv.TokenName
			}
			if pv.FileName != "" {
				r.Via += " · " + pv.FileName
			}
			r.Recorded = l.Time(pv.RecordedAt)
		}
		out = append(out, r)
	}
	return out
}

// month names a month: "tháng 6" / "June".
func (l *Locale) month(m int) string {
	if l.Lang == langEN {
		return time.Month(m).String()
	}
	return "tháng " + strconv.Itoa(m)
}
