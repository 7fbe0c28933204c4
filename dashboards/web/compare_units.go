package web

import (
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"time"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/storage"
)

// CompareUnits serves GET /compare/units?parent=&indicator=&period=: one
// indicator in one period for every child of a unit, as bars sorted and
// coloured by pace, with the same numbers in a table.
func (p *Pages) CompareUnits(w http.ResponseWriter, r *http.Request) {
	if redirectPickers(w, r, "period") {
		return
	}
	p.serveView(w, r, p.buildCompareUnits)
}

// compareUnitsView is the data of templates/compare_units.html.
type compareUnitsView struct {
	L                *Locale
	Parent           storage.Unit
	ParentName       string
	Ind              storage.Indicator
	IndName, Measure string
	A, B             storage.Period
	Pick             periodField // the form's period picker, like the overview's
	AName, BName     string
	Rows             []compareRow
	Chart            template.HTML
	ParentOptions    []option
	IndOptions       []option
	Synthetic        bool
	ByCompletion     bool
	Reconstructed    bool // some figures are units' predecessors' summed (marked *)
	// NoFigures says that no child has a figure for A (the chart is left
	// out); Elsewhere lists the periods they do report the indicator for.
	NoFigures string
	Elsewhere []periodLink
}

func (v compareUnitsView) meta() pageMeta {
	return pageMeta{Title: v.L.T("compare.units.title") + " · " + v.IndName, Active: "compare", Synthetic: v.Synthetic, Template: "compare_units"}
}

func (v compareUnitsView) data() any { return comparisonJSON(v.A, v.B, v.Synthetic, v.Rows) }

func (v compareUnitsView) table() dataTable { return comparisonTable(v.A, v.B, v.Rows) }

func (p *Pages) buildCompareUnits(q *request) (view, error) {
	units, err := p.db.Units(q.ctx)
	if err != nil {
		return nil, err
	}
	parents := map[string]bool{}
	for _, u := range units {
		parents[u.Parent] = true
	}
	parent, err := pickParent(q.query("parent"), units, parents)
	if err != nil {
		return nil, err
	}
	pu, err := p.db.Unit(q.ctx, parent)
	if err != nil {
		return nil, err
	}
	inds, list, err := p.indicatorsByCode(q.ctx)
	if err != nil {
		return nil, err
	}
	cov, err := p.childCoverage(q, parent)
	if err != nil {
		return nil, err
	}
	indCode, a, b, err := p.unitsChoice(q, parent, cov, list)
	if err != nil {
		return nil, err
	}
	res, err := p.db.Compare(q.ctx, storage.CompareQuery{Indicator: indCode, Parent: parent, A: a, B: b, AsOf: q.query("as_of")})
	if err != nil {
		return nil, err
	}
	L := q.L
	ind := indicatorOf(inds, indCode)
	v := compareUnitsView{L: L, Parent: pu, ParentName: pu.Name(L.Lang), Ind: ind, IndName: ind.Name(L.Lang),
		Measure: L.Measure(ind.Measure), A: res.A, B: res.B, AName: L.Period(res.A), BName: L.Period(res.B), Synthetic: pu.Synthetic,
		Pick: L.periodField("period", L.T("col.period"), res.A, pickerYears(time.Now(), res.A), false)}
	for _, u := range units {
		if parents[u.Code] || u.Code == parent { // a unit without children stays chosen, and the page says so
			v.ParentOptions = append(v.ParentOptions, option{Value: u.Code, Label: indentName(u, L.Lang), Selected: u.Code == parent})
		}
	}
	v.IndOptions = cov.indicatorOptions(list, indCode, L.Lang)
	if err := v.fill(res, units, ind); err != nil {
		return nil, err
	}
	v.explainEmpty(cov, parent)
	return v, nil
}

// explainEmpty says so when no child has a figure for the period, and
// offers the periods that have some.
func (v *compareUnitsView) explainEmpty(cov coverage, parent string) {
	for _, r := range v.Rows {
		if r.Row.ValueA != nil {
			return
		}
	}
	L := v.L
	v.Chart = ""
	v.NoFigures = fmt.Sprintf(L.T("compare.units.nofigures"), v.ParentName, v.IndName, v.AName)
	var mine coverage
	for _, r := range cov {
		if r.Indicator == v.Ind.Code {
			mine = append(mine, r)
		}
	}
	for _, per := range mine.periods(v.A) {
		if len(v.Elsewhere) == 6 {
			break
		}
		v.Elsewhere = append(v.Elsewhere, periodLink{Name: L.Period(per),
			URL: L.Link("/compare/units", "parent", parent, "indicator", v.Ind.Code, "period", rawPeriod(per))})
	}
}

// pickParent is the requested parent, or the first unit with children.
func pickParent(parent string, units []storage.Unit, parents map[string]bool) (string, error) {
	for _, u := range units {
		if parent != "" {
			break
		}
		if parents[u.Code] {
			parent = u.Code
		}
	}
	if parent == "" {
		return "", storage.Errorf(storage.CodeNotFound, "no unit has child units yet: import districts with a parent first")
	}
	return parent, nil
}

// fill adds the comparison's rows and its chart, drawn from the same rows.
func (v *compareUnitsView) fill(res storage.Comparison, units []storage.Unit, ind storage.Indicator) error {
	L := v.L
	names := map[string]storage.Unit{}
	for _, u := range units {
		names[u.Code] = u
	}
	for _, x := range res.Rows {
		v.ByCompletion = v.ByCompletion || x.CompletionA != nil
		v.Synthetic = v.Synthetic || names[x.Unit].Synthetic || x.Synthetic
		v.Reconstructed = v.Reconstructed || x.ReconstructedA || x.ReconstructedB
	}
	in := charts.UnitsInput{Options: charts.Options{ID: "chart-units", Lang: L.Lang, Title: v.IndName + " · " + v.AName},
		Measure: v.Measure, Percent: v.ByCompletion}
	for _, x := range res.Rows {
		u := names[x.Unit]
		v.Rows = append(v.Rows, L.compareRowOf(x, ind, u.Name(L.Lang), L.Link(IndicatorPath(x.Unit, ind.Code), "period", rawPeriod(res.A))))
		val := x.ValueA
		if v.ByCompletion {
			val = times100(x.CompletionA)
		}
		in.Units = append(in.Units, charts.UnitValue{Name: u.Name(L.Lang), Value: val, Pace: string(x.PaceA)})
	}
	// The table reads in the chart's order: highest first, units without a
	// figure last, ties by name.
	order := make([]int, len(v.Rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return charts.CompareUnits(in.Units[i], in.Units[j]) })
	rows := make([]compareRow, len(order))
	for k, i := range order {
		rows[k] = v.Rows[i]
	}
	v.Rows = rows
	if len(in.Units) == 0 {
		return nil
	}
	var err error
	v.Chart, err = chartHTML(charts.Units(in))
	return err
}

// unitsChoice is the indicator and periods a unit comparison shows: what
// the query asks for, and where it leaves a choice open, the indicator the
// most children report (in the requested period, if any) and the latest
// period the most of them report it for; b defaults to a's span a year
// earlier. Without any child figure it falls back to the parent's own.
func (p *Pages) unitsChoice(q *request, parent string, cov coverage, list []storage.Indicator) (string, storage.Period, storage.Period, error) {
	indCode := q.query("indicator")
	a, err := q.periodParam("a")
	if err == nil && a.IsZero() {
		a, err = q.periodParam("period")
	}
	if err != nil {
		return "", a, a, err
	}
	best, ok := cov.best(indCode, a, list)
	if !ok && !a.IsZero() && indCode == "" { // nobody reports in that period: the indicator most report at all
		best, ok = cov.best("", storage.Period{}, list)
	}
	if ok && indCode == "" {
		indCode = best.Indicator
	}
	if !ok || !a.IsZero() {
		if indCode == "" {
			if indCode, err = p.firstIndicatorWithData(q, parent, list); err != nil {
				return "", a, a, err
			}
		}
		a, b, err := p.childPeriods(q, parent, indCode)
		return indCode, a, b, err
	}
	a = best.Period
	b, err := q.periodParam("b")
	if err == nil && b.IsZero() {
		b = a.SameSpanIn(a.Year - 1)
	}
	return indCode, a, b, err
}

// firstIndicatorWithData picks the first catalog indicator the parent (or
// else any of its children) has a figure for.
func (p *Pages) firstIndicatorWithData(q *request, parent string, list []storage.Indicator) (string, error) {
	kids, err := p.db.Children(q.ctx, parent)
	if err != nil {
		return "", err
	}
	for _, i := range list {
		for _, u := range append([]string{parent}, unitCodes(kids)...) {
			_, err := p.db.LatestPeriod(q.ctx, u, i.Code, q.query("as_of"))
			if err == nil {
				return i.Code, nil
			}
			if storage.ErrorCode(err) != storage.CodeNotFound {
				return "", err
			}
		}
	}
	if len(list) > 0 {
		return list[0].Code, nil
	}
	return "", nil
}

// childPeriods picks the periods of a unit comparison: ?period= (or ?a=),
// else the latest period of the parent or of its first child with a figure.
func (p *Pages) childPeriods(q *request, parent, ind string) (storage.Period, storage.Period, error) {
	a, b, err := p.comparePeriods(q, parent, ind)
	if err == nil || storage.ErrorCode(err) != storage.CodeNotFound {
		return a, b, err
	}
	kids, kerr := p.db.Children(q.ctx, parent)
	if kerr != nil {
		return a, b, kerr
	}
	for _, k := range kids {
		if a, b, err2 := p.comparePeriods(q, k.Code, ind); err2 == nil {
			return a, b, nil
		}
	}
	return a, b, err
}

func unitCodes(us []storage.Unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Code
	}
	return out
}
