package web

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"slices"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/storage"
)

// Indicator serves GET /units/{code}/indicators/{ind}: the year by month
// against the plan and expected-pace lines, the same period across years
// with yoy, the plan versions and the revision history with provenance.
func (p *Pages) Indicator(w http.ResponseWriter, r *http.Request) {
	p.serveView(w, r, p.buildIndicator)
}

// monthRow is one month of the year chart's table.
type monthRow struct {
	Period                        storage.Period `json:"period"`
	Value                         *float64       `json:"value"` // YTD for flows, the level otherwise
	Expected                      *float64       `json:"expected_value"`
	Plan                          *float64       `json:"plan"`
	Completion                    *float64       `json:"completion"`
	Pace                          storage.Pace   `json:"pace"`
	PeriodName, ValueS, ExpectedS string         `json:"-"`
	PlanS, CompletionS, MonthName string         `json:"-"`
	PaceTag                       paceTag        `json:"-"`
}

// yearRow is one year of the same-period-across-years table.
type yearRow struct {
	Period       storage.Period `json:"period"`
	Value        *float64       `json:"value"`
	YoY          *float64       `json:"yoy"`
	PeriodName   string         `json:"-"`
	ValueS, YoYS string         `json:"-"`
}

// planRow is one stored plan version.
type planRow struct {
	Plan                         storage.Plan `json:"plan"`
	Target, Basis, Adopted, Note string       `json:"-"`
	Version                      string       `json:"-"` // the version's name in the page's language
	Authority, Span              string       `json:"-"` // who set it; its year or term
	InForceWord                  string       `json:"-"`
	InForce                      bool         `json:"in_force"`
	ThisYear                     bool         `json:"-"` // of the page's year (others are folded away)
}

// revisionRow is one stored revision of the figure.
type revisionRow struct {
	Obs                                   storage.Observation `json:"revision"`
	Value, Status, Reported, PlanPct, YoY string              `json:"-"`
	Via, Recorded                         string              `json:"-"`
}

// indicatorView is the data of templates/indicator.html.
type indicatorView struct {
	L                    *Locale
	Unit                 storage.Unit
	Ind                  storage.Indicator
	UnitName, Name       string
	Measure              string
	Period               storage.Period
	PeriodName           string
	Item                 *storage.Item
	Card                 *card
	Months               []monthRow
	Years                []yearRow
	Plans                []planRow
	Revisions            []revisionRow
	YTDChart, YearsChart template.HTML
	Synthetic            bool
	OverviewURL          string
	YearName, SpanName   string
	PlanLine             string // the plan in force under the month table
	OtherPlans           int    // plan versions of other years
}

func (v indicatorView) meta() pageMeta {
	return pageMeta{Title: v.Name + " · " + v.UnitName, Active: "units", Synthetic: v.Synthetic, Template: "indicator"}
}

func (v indicatorView) data() any {
	return struct {
		Unit      string        `json:"unit"`
		Indicator string        `json:"indicator"`
		Measure   string        `json:"measure"`
		Period    string        `json:"period"`
		Synthetic bool          `json:"synthetic,omitempty"`
		Item      *storage.Item `json:"item"`
		Months    []monthRow    `json:"months"`
		Years     []yearRow     `json:"years"`
		Plans     []planRow     `json:"plans"`
		Revisions []revisionRow `json:"revisions"`
	}{v.Unit.Code, v.Ind.Code, v.Ind.Measure, rawPeriod(v.Period), v.Synthetic, v.Item, nonNil(v.Months), nonNil(v.Years), nonNil(v.Plans), nonNil(v.Revisions)}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (v indicatorView) table() dataTable {
	t := dataTable{Columns: []string{"section", "unit", "indicator", "period", "value", "expected_value", "plan", "completion", "pace", "yoy"}}
	for _, m := range v.Months {
		t.Rows = append(t.Rows, []string{"by_month", v.Unit.Code, v.Ind.Code, rawPeriod(m.Period), raw(m.Value), raw(m.Expected), raw(m.Plan), raw(m.Completion), string(m.Pace), ""})
	}
	for _, y := range v.Years {
		t.Rows = append(t.Rows, []string{"across_years", v.Unit.Code, v.Ind.Code, rawPeriod(y.Period), raw(y.Value), "", "", "", "", raw(y.YoY)})
	}
	return t
}

func (p *Pages) buildIndicator(q *request) (view, error) {
	code, indCode := q.r.PathValue("code"), q.r.PathValue("ind")
	asOf := q.query("as_of")
	unit, err := p.db.Unit(q.ctx, code)
	if err != nil {
		return nil, err
	}
	ind, err := p.db.Indicator(q.ctx, indCode)
	if err != nil {
		return nil, err
	}
	per, err := q.periodParam("period")
	if err != nil {
		return nil, err
	}
	if per.IsZero() {
		if per, err = p.db.LatestPeriod(q.ctx, code, indCode, asOf); err != nil {
			return nil, err
		}
	}
	series, err := p.db.Series(q.ctx, code, indCode, asOf)
	if err != nil {
		return nil, err
	}
	L := q.L
	v := indicatorView{L: L, Unit: unit, Ind: ind, UnitName: unit.Name(L.Lang), Name: ind.Name(L.Lang),
		Measure: L.Measure(ind.Measure), Period: per, PeriodName: L.Period(per), Synthetic: unit.Synthetic,
		OverviewURL: L.Link(UnitPath(code), "period", rawPeriod(per)), YearName: itoa(per.Year), SpanName: L.spanName(per)}
	for i := range series.Points {
		it := series.Points[i]
		v.Synthetic = v.Synthetic || it.Synthetic
		if it.Period == per {
			v.Item = &it
			c := L.card(code, ind, it)
			v.Card = &c
		}
	}
	v.Months = L.linearExpected(L.monthRows(ind, series.Points, per.Year), per.Year, ind)
	v.Years = L.yearRows(ind, series.Points, per)
	v.Plans = L.planRows(series.Plans, per.Year, asOf)
	for _, pr := range v.Plans {
		if !pr.ThisYear {
			v.OtherPlans++
		}
	}
	if v.Item != nil && v.Item.Plan != nil && v.Item.PlanBasis == storage.BasisValue {
		v.PlanLine = fmt.Sprintf(L.T("indicator.planline"), L.Value(v.Item.Plan, ind.Measure), v.Measure)
	}
	revs, err := p.db.Revisions(q.ctx, code, indCode, per)
	if err != nil && storage.ErrorCode(err) != storage.CodeNotFound {
		return nil, err
	}
	v.Revisions = L.revisionRows(ind, reportedBy(revs, asOf))
	if err := v.charts(series.Points, per); err != nil {
		return nil, err
	}
	return v, nil
}

// reportedBy keeps the revisions reported on or before asOf (all when asOf
// is ""), so a page viewed as of a date does not show later revisions.
func reportedBy(revs []storage.Observation, asOf string) []storage.Observation {
	if asOf == "" {
		return revs
	}
	out := revs[:0:0]
	for _, r := range revs {
		if r.ReportedAt <= asOf {
			out = append(out, r)
		}
	}
	return out
}

// charts builds the year-by-month and across-years charts from the same
// rows as the tables beside them.
func (v *indicatorView) charts(points []storage.Item, per storage.Period) error {
	L := v.L
	in := charts.YTDInput{Options: charts.Options{ID: "chart-ytd", Lang: L.Lang,
		Title: v.Name + " · " + itoa(per.Year)}, Year: per.Year, Measure: v.Measure, Level: v.Ind.Kind == storage.KindLevel}
	for _, m := range v.Months {
		in.Points = append(in.Points, charts.MonthPoint{Month: m.Period.Last, Value: m.Value, Expected: m.Expected})
		if m.Plan != nil {
			in.Plan = m.Plan
		}
	}
	if v.Item != nil && v.Item.OriginalPlan != nil && v.Item.PlanBasis == storage.BasisValue {
		in.OriginalPlan = v.Item.OriginalPlan
	}
	if in.Plan != nil && v.Item != nil && v.Item.PlanBasis == storage.BasisGrowth {
		in.Plan = nil
	}
	var err error
	if len(in.Points) > 0 {
		if v.YTDChart, err = chartHTML(charts.YTD(in)); err != nil {
			return err
		}
	}
	yin := charts.YearsInput{Options: charts.Options{ID: "chart-years", Lang: L.Lang,
		Title: v.Name + " · " + v.SpanName}, Measure: v.Measure}
	for _, y := range v.Years {
		yin.Years = append(yin.Years, charts.YearValue{Label: y.PeriodName, Value: y.Value, YoY: y.YoY})
	}
	if len(yin.Years) > 0 {
		if v.YearsChart, err = chartHTML(charts.Years(yin)); err != nil {
			return err
		}
	}
	return nil
}

// chartHTML renders a built chart's fragment (container and data block).
func chartHTML(c *charts.Chart, err error) (template.HTML, error) {
	if err != nil {
		return "", err
	}
	return c.HTML()
}

// linearExpected completes the expected-pace rows over all twelve months
// of the year when the pace is linear (plan × month ÷ 12) — stated by the
// indicator, or shown by every known row — so a year with one report still
// draws its reference line; the added rows carry no value and appear in the
// table and downloads too, so the chart and its table keep the same numbers.
func (l *Locale) linearExpected(rows []monthRow, year int, ind storage.Indicator) []monthRow {
	var plan *float64
	for _, r := range rows {
		if r.Plan != nil {
			plan = r.Plan
		}
	}
	if plan == nil || ind.Kind != storage.KindFlow || ind.PaceProfile == storage.PaceNone {
		return rows
	}
	linear := ind.PaceProfile == storage.PaceLinear
	if !linear {
		linear = len(rows) > 0
		for _, r := range rows {
			if r.Expected == nil || math.Abs(*r.Expected-*plan*storage.LinearShare(r.Period.Last)) > 1e-6*math.Abs(*plan) {
				linear = false
			}
		}
	}
	if !linear {
		return rows
	}
	have := map[int]bool{}
	for _, r := range rows {
		have[r.Period.Last] = true
	}
	out := slices.Clone(rows)
	for m := 1; m <= 12; m++ {
		if have[m] {
			continue
		}
		e := storage.Tidy(*plan * storage.LinearShare(m))
		p := storage.Period{Year: year, First: m, Last: m}
		out = append(out, monthRow{Period: p, Expected: &e, Plan: plan, PeriodName: l.Period(p),
			ValueS: "–", ExpectedS: l.Value(&e, ind.Measure), PlanS: l.Value(plan, ind.Measure), CompletionS: "–",
			MonthName: l.month(m), PaceTag: l.paceTag(storage.PaceUnknown)})
	}
	slices.SortFunc(out, func(a, b monthRow) int { return a.Period.Last - b.Period.Last })
	return out
}
