package web

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"time"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/storage"
)

// Compare serves GET /compare: it redirects to the period comparison,
// keeping the query.
func (p *Pages) Compare(w http.ResponseWriter, r *http.Request) {
	target := "/compare/periods"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// ComparePeriods serves GET /compare/periods?unit=&a=&b=: every indicator
// of a unit in two periods — both values, difference, ratio, completion in
// both — with a chart of the completions and a table of every number.
func (p *Pages) ComparePeriods(w http.ResponseWriter, r *http.Request) {
	if redirectPickers(w, r, "a", "b") {
		return
	}
	p.serveView(w, r, p.buildComparePeriods)
}

// compareRow is one row of a comparison, formatted.
type compareRow struct {
	Row                         storage.CompareRow
	Name, URL, Measure          string
	ValueA, ValueB, Diff, Ratio string
	CompletionA, CompletionB    string
	PaceA, PaceB                paceTag
	DiffNeg                     bool
}

// comparePeriodsView is the data of templates/compare_periods.html.
type comparePeriodsView struct {
	L            *Locale
	Unit         storage.Unit
	UnitName     string
	A, B         storage.Period
	AName, BName string
	PickA, PickB periodField // the form's period pickers, like the overview's
	Rows         []compareRow
	Chart        template.HTML
	UnitOptions  []option
	Synthetic    bool
	UnitsURL     string // the unit comparison for this unit's children; "" when they report nothing
	History      unitHistory
	Notes        []string // which columns hold reconstructed figures, and from what
	// Missing says which compared period has no figure of the unit;
	// Elsewhere lists periods that have some, to compare with instead.
	Missing   string
	Elsewhere []periodLink
}

func (v comparePeriodsView) meta() pageMeta {
	return pageMeta{Title: v.L.T("compare.periods.title") + " · " + v.UnitName, Active: "compare", Synthetic: v.Synthetic, Template: "compare_periods"}
}

func (v comparePeriodsView) data() any { return comparisonJSON(v.A, v.B, v.Synthetic, v.Rows) }

func (v comparePeriodsView) table() dataTable { return comparisonTable(v.A, v.B, v.Rows) }

// comparisonJSON is the JSON download of a comparison: the API's shape,
// except that difference is A − B and ratio A ÷ B, as the page shows them.
func comparisonJSON(a, b storage.Period, synthetic bool, rows []compareRow) any {
	out := make([]storage.CompareRow, len(rows))
	for i, r := range rows {
		out[i] = r.Row
	}
	return struct {
		A         string               `json:"a"`
		B         string               `json:"b"`
		Synthetic bool                 `json:"synthetic,omitempty"`
		Rows      []storage.CompareRow `json:"rows"`
	}{rawPeriod(a), rawPeriod(b), synthetic, out}
}

func comparisonTable(a, b storage.Period, rows []compareRow) dataTable {
	t := dataTable{Columns: []string{"unit", "indicator", "measure", "a", "b", "value_a", "value_b", "difference_a_minus_b", "ratio_a_to_b",
		"completion_a", "completion_b", "pace_a", "pace_b"}}
	for _, r := range rows {
		x := r.Row
		t.Rows = append(t.Rows, []string{x.Unit, x.Indicator, x.Measure, rawPeriod(a), rawPeriod(b), raw(x.ValueA), raw(x.ValueB),
			raw(x.Difference), raw(x.Ratio), raw(x.CompletionA), raw(x.CompletionB), string(x.PaceA), string(x.PaceB)})
	}
	return t
}

// compareRowOf formats a storage comparison row: A is the period looked
// at and B the baseline, so the difference is A − B and the ratio A ÷ B.
func (l *Locale) compareRowOf(x storage.CompareRow, ind storage.Indicator, name, url string) compareRow {
	r := compareRow{Row: x, Name: name, URL: url, Measure: l.Measure(x.Measure),
		ValueA: l.Value(x.ValueA, x.Measure), ValueB: l.Value(x.ValueB, x.Measure),
		Diff: l.Value(x.Difference, x.Measure), Ratio: l.Pct(x.Ratio),
		CompletionA: l.Pct(x.CompletionA), CompletionB: l.Pct(x.CompletionB),
		PaceA: l.paceTag(x.PaceA), PaceB: l.paceTag(x.PaceB)}
	if x.Difference != nil {
		// Red marks a change for the worse: a fall, or a rise of a
		// down-is-better indicator (accidents, poverty).
		r.DiffNeg = (*x.Difference < 0) != (ind.Direction == storage.DirectionDown) && *x.Difference != 0
	}
	if x.Difference != nil && *x.Difference > 0 {
		r.Diff = "+" + r.Diff
	}
	return r
}

func (p *Pages) buildComparePeriods(q *request) (view, error) {
	units, err := p.db.Units(q.ctx)
	if err != nil {
		return nil, err
	}
	if len(units) == 0 {
		return nil, storage.Errorf(storage.CodeNotFound, "there are no units yet: import a report first")
	}
	code := q.query("unit")
	if code == "" {
		if code, err = p.unitWithLastYear(q, units); err != nil {
			return nil, err
		}
	}
	unit, err := p.db.Unit(q.ctx, code)
	if err != nil {
		return nil, err
	}
	own, err := p.db.Coverage(q.ctx, []string{code}, q.query("as_of"))
	if err != nil {
		return nil, err
	}
	a, b, err := p.comparePeriods(q, code, "")
	if err != nil {
		return nil, err
	}
	if q.query("b") == "" {
		b = coverage(own).baseline(a)
	}
	cmpRes, err := p.db.Compare(q.ctx, storage.CompareQuery{Unit: code, A: a, B: b, AsOf: q.query("as_of")})
	if err != nil {
		return nil, err
	}
	inds, _, err := p.indicatorsByCode(q.ctx)
	if err != nil {
		return nil, err
	}
	L := q.L
	v := comparePeriodsView{L: L, Unit: unit, UnitName: unit.Name(L.Lang), A: cmpRes.A, B: cmpRes.B,
		AName: L.Period(cmpRes.A), BName: L.Period(cmpRes.B), Synthetic: unit.Synthetic,
		PickA: L.periodField("a", L.T("compare.a"), cmpRes.A, pickerYears(time.Now(), cmpRes.A), false),
		PickB: L.periodField("b", L.T("compare.b"), cmpRes.B, pickerYears(time.Now(), cmpRes.B), false)}
	if err := p.periodsOnData(q, &v, cmpRes, own); err != nil {
		return nil, err
	}
	for _, u := range units {
		v.UnitOptions = append(v.UnitOptions, option{Value: u.Code, Label: indentName(u, L.Lang), Selected: u.Code == code})
	}
	in := charts.PeriodsInput{Options: charts.Options{ID: "chart-periods", Lang: L.Lang, Title: L.T("compare.chart.completion")},
		ALabel: v.AName, BLabel: v.BName, Percent: true}
	// The board's reading order, so the table's section headings and the
	// chart's bars list the indicators alike.
	slices.SortStableFunc(cmpRes.Rows, func(x, y storage.CompareRow) int {
		return cmp.Compare(L.board.Position(x.Indicator), L.board.Position(y.Indicator))
	})
	for _, x := range cmpRes.Rows {
		v.Synthetic = v.Synthetic || x.Synthetic
		ind := indicatorOf(inds, x.Indicator)
		name := ind.Name(L.Lang)
		v.Rows = append(v.Rows, L.compareRowOf(x, ind, name, L.Link(IndicatorPath(code, x.Indicator), "period", rawPeriod(a))))
		if x.CompletionA != nil || x.CompletionB != nil {
			in.Rows = append(in.Rows, charts.PairRow{Name: name, A: times100(x.CompletionA), B: times100(x.CompletionB)})
		}
	}
	if len(in.Rows) > 0 {
		if v.Chart, err = chartHTML(charts.Periods(in)); err != nil {
			return nil, err
		}
	}
	if v.History, err = p.history(q, unit); err != nil {
		return nil, err
	}
	v.Notes = reconstructedNotes(L, v.History, cmpRes)
	return v, nil
}

// reconstructedNotes says, for each period of a comparison with
// reconstructed figures, whose figures were summed: "* 6 tháng đầu năm
// 2024: số liệu 2024 cộng từ Cần Thơ, Sóc Trăng, Hậu Giang".
func reconstructedNotes(L *Locale, h unitHistory, c storage.Comparison) []string {
	var a, b bool
	for _, r := range c.Rows {
		a, b = a || r.ReconstructedA, b || r.ReconstructedB
	}
	var out []string
	for _, x := range []struct {
		on bool
		p  storage.Period
	}{{a, c.A}, {b, c.B}} {
		if label := h.label(L, x.p.Year); x.on && label != "" {
			out = append(out, L.Wordf("history.column", L.Period(x.p), label))
		}
	}
	return out
}

// periodsOnData links the unit comparison only when the unit's children
// report something (in period A if they do), and says so when period A or
// B has no figure of the unit, offering the periods that have some.
func (p *Pages) periodsOnData(q *request, v *comparePeriodsView, res storage.Comparison, own coverage) error {
	L, code := v.L, v.Unit.Code
	kids, err := p.childCoverage(q, code)
	if err != nil {
		return err
	}
	if len(kids) > 0 {
		per := ""
		if kidsReportIn(kids, res.A) {
			per = rawPeriod(res.A)
		}
		v.UnitsURL = L.Link("/compare/units", "parent", code, "period", per)
	}
	hasA, hasB := false, false
	for _, r := range res.Rows {
		hasA, hasB = hasA || r.ValueA != nil, hasB || r.ValueB != nil
	}
	if hasA && hasB {
		return nil
	}
	missing, keep := v.AName, res.B
	if hasA {
		missing, keep = v.BName, res.A
	}
	v.Missing = fmt.Sprintf(L.T("compare.periods.nofigures"), v.UnitName, missing)
	for _, per := range own.periods(keep) {
		if len(v.Elsewhere) == 6 {
			break
		}
		a, b := rawPeriod(keep), rawPeriod(per)
		if !hasA {
			a, b = b, a
		}
		v.Elsewhere = append(v.Elsewhere, periodLink{Name: L.Period(per), URL: L.Link("/compare/periods", "unit", code, "a", a, "b", b)})
	}
	return nil
}

// unitWithLastYear is the default unit of a period comparison: the first
// top-level unit whose latest period has figures a year earlier too, else
// the first unit.
func (p *Pages) unitWithLastYear(q *request, units []storage.Unit) (string, error) {
	for _, u := range units {
		if u.Depth != 0 {
			continue
		}
		own, err := p.db.Coverage(q.ctx, []string{u.Code}, q.query("as_of"))
		if err != nil {
			return "", err
		}
		c := coverage(own)
		if per := c.periods(storage.Period{}); len(per) > 0 && c.reports("", per[0].SameSpanIn(per[0].Year-1)) {
			return u.Code, nil
		}
	}
	return units[0].Code, nil
}

// kidsReportIn says whether the coverage holds any figure for period per.
func kidsReportIn(c coverage, per storage.Period) bool {
	_, ok := c.best("", per, nil)
	return ok
}

// comparePeriods reads ?a= and ?b=; a defaults to the latest period of the
// unit (and indicator), b to a's span a year earlier.
func (p *Pages) comparePeriods(q *request, unit, indicator string) (storage.Period, storage.Period, error) {
	a, err := q.periodParam("a")
	if err != nil {
		return a, a, err
	}
	if a.IsZero() {
		if a, err = q.periodParam("period"); err != nil {
			return a, a, err
		}
	}
	if a.IsZero() {
		if a, err = p.db.LatestPeriod(q.ctx, unit, indicator, q.query("as_of")); err != nil {
			return a, a, err
		}
	}
	b, err := q.periodParam("b")
	if err != nil {
		return a, b, err
	}
	if b.IsZero() {
		b = a.SameSpanIn(a.Year - 1)
	}
	return a, b, nil
}

// indentName is a unit's name indented by its depth, for selects.
func indentName(u storage.Unit, lang string) string {
	pad := ""
	for range u.Depth {
		pad += "\u2003"
	}
	return pad + u.Name(lang)
}
