package web

import (
	"cmp"
	"context"
	"html/template"
	"net/http"
	"slices"

	"github.com/plantrack/plantrack/storage"
)

// Overview serves GET /units/{code}: one card per indicator for a period
// (?period=, the unit's latest by default), worst-off first, with the
// period picker and the unit's children with their status.
func (p *Pages) Overview(w http.ResponseWriter, r *http.Request) {
	if redirectPicked(w, r) {
		return
	}
	p.serveView(w, r, func(q *request) (view, error) { return p.buildOverview(q, false) })
}

// Report serves GET /units/{code}/report: the overview as a printable A4
// report (the "báo cáo 6 tháng" handed out at meetings).
func (p *Pages) Report(w http.ResponseWriter, r *http.Request) {
	if redirectPicked(w, r) {
		return
	}
	p.serveView(w, r, func(q *request) (view, error) { return p.buildOverview(q, true) })
}

// redirectPicked turns the period picker's ?year=&span= into the canonical,
// shareable ?period= URL (303); it reports whether it redirected.
func redirectPicked(w http.ResponseWriter, r *http.Request) bool {
	q := r.URL.Query()
	if q.Get("period") != "" || q.Get("year") == "" {
		return false
	}
	per, err := (&request{r: r}).periodParam("period")
	if err != nil {
		return false // the page shows the error
	}
	q.Del("year")
	q.Del("span")
	q.Set("period", per.String())
	http.Redirect(w, r, r.URL.Path+"?"+q.Encode(), http.StatusSeeOther)
	return true
}

// card is one indicator of the overview.
type card struct {
	Code, Name, URL   string
	Value, YTD, Unit  string // formatted; Unit is the measure's name
	ShowYTD           bool
	Completion        string
	Expected          string
	BarWidth, BarMark float64 // completion and expected as 0–100 for the progress bar
	HasBar            bool
	Gap               string // "−3,2 điểm" against the expected pace
	GapBehind         bool   // behind or at risk: the gap is shown in red
	GapAhead          bool   // ahead: the gap is shown in green
	HasPlan           bool   // completion or expected is known
	PlanNote          string // "kế hoạch ước tính" for implied plans, "điều chỉnh" for adjusted
	Pace              paceTag
	Section           string // the board section the indicator belongs to
	StatusClass       string // estimate, preliminary, official
	Color             string // the pace's colour, for the progress bar
	YoY               string
	YoYNominal        string   // real indicators: the current-price growth, labelled as such
	OtherPlans        []string // completion against the other authorities' plans
	Terms             []string // term targets with their progress
	Target            string   // behind or at risk: the target it is judged by ("KH 93,2%")
	Shortfall         string   // … and how far it is from it ("thiếu 0,3 điểm %")
	GrowthOnly        bool     // Value is the growth (the indicator reports no value)
	Status            string
	Flags             int
	Synthetic         bool
	Reconstructed     string // "số liệu 2024 cộng từ …" when the figures are the predecessors' summed
	Spark             template.HTML
	Parts             []card // the cards of the indicator's parts, shown inside its own
	IsPart            bool   // a part listed under its whole
	item              storage.Item
}

// overviewView is the data of templates/overview.html and report.html.
type overviewView struct {
	L          *Locale
	Unit       storage.Unit
	UnitName   string
	Crumbs     []crumb
	Period     storage.Period
	PeriodName string
	Picker     periodPicker
	Summary    []paceCount
	Cards      []card
	Attention  []card // behind or at risk, worst first
	Children   []childRow
	Synthetic  bool
	Printable  bool
	Links      overviewLinks
	AsOf       string
	inds       map[string]storage.Indicator // to nest parts under their whole
	History    unitHistory                  // the unit's place in time
	YoYNote    string                       // growth compares with reconstructed figures
	// UnitOptions switch to another unit's overview of the same period.
	UnitOptions []option
}

// overviewLinks are the onward links of an overview.
type overviewLinks struct {
	Report, Overview, Compare, Quality, Prev, Next, Latest string
}

// crumb is one ancestor in the breadcrumb.
type crumb struct{ Name, URL string }

func (v overviewView) meta() pageMeta {
	t, name := "overview", v.L.T("overview.title")
	if v.Printable {
		t, name = "report", v.L.T("report.title")
	}
	return pageMeta{Title: name + " · " + v.UnitName + " · " + v.PeriodName, Active: "units",
		Synthetic: v.Synthetic, Template: t, Printable: v.Printable}
}

func (v overviewView) data() any {
	items := make([]storage.Item, len(v.Cards))
	for i, c := range v.Cards {
		items[i] = c.item
	}
	return progressJSON{Unit: v.Unit.Code, Period: rawPeriod(v.Period), Synthetic: v.Synthetic, Items: items}
}

// progressJSON is the JSON download of an overview: the API's progress shape.
type progressJSON struct {
	Unit      string         `json:"unit"`
	Period    string         `json:"period"`
	Synthetic bool           `json:"synthetic,omitempty"`
	Items     []storage.Item `json:"items"`
}

func (v overviewView) table() dataTable {
	t := dataTable{Columns: []string{"unit", "indicator", "name", "measure", "period", "value", "ytd", "plan",
		"plan_source", "completion", "expected", "pace", "yoy", "report_status", "synthetic"}}
	for _, c := range v.Cards {
		it := c.item
		t.Rows = append(t.Rows, []string{v.Unit.Code, it.Indicator, c.Name, it.Measure, rawPeriod(it.Period),
			raw(it.Value), raw(it.YTD), raw(it.Plan), string(it.PlanSource), raw(it.Completion), raw(it.Expected),
			string(it.Pace), raw(it.YoY), string(it.ReportStatus), boolStr(it.Synthetic || v.Synthetic)})
	}
	return t
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// fileParts name an overview's or report's download: unit and period.
func (v overviewView) fileParts() []string { return []string{v.Unit.Code, rawPeriod(v.Period)} }

func (p *Pages) buildOverview(q *request, printable bool) (view, error) {
	code := q.r.PathValue("code")
	per, err := q.periodParam("period")
	if err != nil {
		return nil, err
	}
	asOf := q.query("as_of")
	// One storage read; a unit with no figures of its own (a parent whose
	// districts report) comes back empty, with its children's status.
	ov, err := p.db.UnitOverview(q.ctx, storage.OverviewQuery{Unit: code, Period: per, AsOf: asOf, SpanYears: sparkYears})
	if err != nil {
		return nil, err
	}
	unit, prog := ov.Unit, ov.Progress
	inds := byCode(ov.Indicators)
	L := q.L
	v := overviewView{L: L, Unit: unit, UnitName: unit.Name(L.Lang), Period: prog.Period,
		PeriodName: L.Period(prog.Period), Synthetic: unit.Synthetic, Printable: printable, AsOf: asOf}
	if v.History, err = p.history(q, unit); err != nil {
		return nil, err
	}
	if last := prog.Period.SameSpanIn(prog.Period.Year - 1); !prog.Period.IsZero() && v.History.reconstructs(last) {
		v.YoYNote = L.Wordf("history.yoy", v.History.label(L, last.Year))
	}
	for _, it := range prog.Items {
		c := L.card(unit.Code, indicatorOf(inds, it.Indicator), it)
		if it.Reconstructed {
			c.Reconstructed = v.History.label(L, it.Period.Year)
		}
		c.Spark = L.spark(c, prog.Period, ov.Spans[it.Indicator])
		v.Synthetic = v.Synthetic || it.Synthetic
		v.Cards = append(v.Cards, c)
	}
	slices.SortStableFunc(v.Cards, compareCards)
	v.inds = inds
	for _, c := range v.Cards {
		if c.item.Pace == storage.PaceAtRisk || c.item.Pace == storage.PaceBehind {
			v.Attention = append(v.Attention, c)
		}
	}
	v.Summary = L.summarize(prog.Items)
	v.Crumbs = L.crumbs(ov.Ancestors)
	v.Children = L.childRows(ov, inds)
	for _, ch := range v.Children {
		v.Synthetic = v.Synthetic || ch.Synthetic
	}
	v.Picker = L.picker(UnitPath(code), prog.Period)
	units, err := p.db.Units(q.ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		v.UnitOptions = append(v.UnitOptions, option{Value: u.Code, Label: indentName(u, L.Lang), Selected: u.Code == code})
	}
	v.Links = L.overviewLinks(code, prog.Period)
	return v, nil
}

// compareCards puts the worst-off first: by pace (at risk first), then by
// how far completion trails the expected pace, then by name.
func compareCards(a, b card) int {
	if c := cmp.Compare(paceRank(a.item.Pace), paceRank(b.item.Pace)); c != 0 {
		return c
	}
	if c := cmp.Compare(paceRatio(a.item), paceRatio(b.item)); c != 0 {
		return c
	}
	return cmp.Compare(a.Name, b.Name)
}

// paceRatio is completion ÷ expected (1 when either is missing), flipped
// for down-is-better indicators so that smaller is always worse.
func paceRatio(it storage.Item) float64 {
	if it.Completion == nil || it.Expected == nil || *it.Expected == 0 {
		return 1
	}
	r := *it.Completion / *it.Expected
	if it.Direction == storage.DirectionDown {
		return 2 - r
	}
	return r
}

func (l *Locale) overviewLinks(code string, per storage.Period) overviewLinks {
	path := UnitPath(code)
	lk := overviewLinks{
		Overview: l.Link(path, "period", rawPeriod(per)),
		Report:   l.Link(path+"/report", "period", rawPeriod(per)),
		Compare:  l.Link("/compare/periods", "unit", code, "a", rawPeriod(per), "b", rawPeriod(per.SameSpanIn(per.Year-1))),
		Quality:  l.Link("/quality", "unit", code),
		Latest:   l.Link(path),
	}
	if !per.IsZero() {
		lk.Prev = l.Link(path, "period", per.SameSpanIn(per.Year-1).String())
		lk.Next = l.Link(path, "period", per.SameSpanIn(per.Year+1).String())
	}
	return lk
}

// WarmOverview derives the storage answers that the overview of code at
// its latest period reads (its progress, its children's status, its
// sparklines), so that the next reader finds them kept, and renders the
// page's content in each language into the page cache at the current data
// version, so that the next reader of /units/{code} without a query is
// served it as a repeated request is. A unit without figures is not an
// error.
func (p *Pages) WarmOverview(ctx context.Context, code string) error {
	_, err := p.db.UnitOverview(ctx, storage.OverviewQuery{Unit: code, SpanYears: sparkYears})
	if storage.ErrorCode(err) == storage.CodeNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	return p.warmPage(ctx, UnitPath(code), map[string]string{"code": code},
		func(q *request) (view, error) { return p.buildOverview(q, false) })
}
