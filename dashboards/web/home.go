package web

import (
	"net/http"
	"slices"

	"github.com/plantrack/plantrack/storage"
)

// Home serves GET /: every root unit with its latest period's status at a
// glance and its worst-off indicators, linking onward.
func (p *Pages) Home(w http.ResponseWriter, r *http.Request) {
	p.serveView(w, r, p.buildHome)
}

// rootCard is one root unit on the home page.
type rootCard struct {
	Code, Name, URL string
	Synthetic       bool
	Period          string
	PeriodCode      string
	Summary         []paceCount
	Worst           []card // the worst-off indicators (at risk or behind), at most five
	Indicators      int
	ReportURL       string
	items           []storage.Item
}

// homeView is the data of templates/home.html.
type homeView struct {
	L         *Locale
	Roots     []rootCard
	Synthetic bool
}

func (v homeView) meta() pageMeta {
	return pageMeta{Title: v.L.T("home.title"), Active: "home", Synthetic: v.Synthetic, Template: "home"}
}

func (v homeView) table() dataTable {
	t := dataTable{Columns: []string{"unit", "name", "period", "indicators", "ahead", "on_track", "behind", "at_risk", "unknown", "synthetic"}}
	for _, rc := range v.Roots {
		n := map[storage.Pace]int{}
		for _, it := range rc.items {
			n[it.Pace]++
		}
		t.Rows = append(t.Rows, []string{rc.Code, rc.Name, rc.PeriodCode, itoa(rc.Indicators),
			itoa(n[storage.PaceAhead]), itoa(n[storage.PaceOnTrack]), itoa(n[storage.PaceBehind]),
			itoa(n[storage.PaceAtRisk]), itoa(n[storage.PaceUnknown] + n[""]), boolStr(rc.Synthetic)})
	}
	return t
}

func (v homeView) data() any {
	out := make([]progressJSON, len(v.Roots))
	for i, rc := range v.Roots {
		out[i] = progressJSON{Unit: rc.Code, Period: rc.PeriodCode, Synthetic: rc.Synthetic, Items: rc.items}
		if out[i].Items == nil {
			out[i].Items = []storage.Item{}
		}
	}
	return struct {
		Units []progressJSON `json:"units"`
	}{out}
}

func (p *Pages) buildHome(q *request) (view, error) {
	units, err := p.db.Units(q.ctx)
	if err != nil {
		return nil, err
	}
	inds, _, err := p.indicatorsByCode(q.ctx)
	if err != nil {
		return nil, err
	}
	v := homeView{L: q.L}
	today := storage.Today()
	for _, u := range units {
		if u.Parent != "" || u.Retired(today) { // retired units: on the units index, one click away
			continue
		}
		rc, err := p.rootCard(q, u, inds)
		if err != nil {
			return nil, err
		}
		v.Synthetic = v.Synthetic || rc.Synthetic
		v.Roots = append(v.Roots, rc)
	}
	return v, nil
}

func (p *Pages) rootCard(q *request, u storage.Unit, inds map[string]storage.Indicator) (rootCard, error) {
	L := q.L
	rc := rootCard{Code: u.Code, Name: u.Name(L.Lang), URL: L.Link(UnitPath(u.Code)), Synthetic: u.Synthetic}
	prog, err := p.db.Progress(q.ctx, u.Code, storage.Period{}, q.query("as_of"))
	if storage.ErrorCode(err) == storage.CodeNotFound {
		return rc, nil
	}
	if err != nil {
		return rc, err
	}
	rc.items = prog.Items
	rc.Period, rc.PeriodCode = L.Period(prog.Period), rawPeriod(prog.Period)
	rc.URL = L.Link(UnitPath(u.Code), "period", rc.PeriodCode)
	rc.ReportURL = L.Link(UnitPath(u.Code)+"/report", "period", rc.PeriodCode)
	rc.Summary = L.summarize(prog.Items)
	rc.Indicators = len(prog.Items)
	var cards []card
	for _, it := range prog.Items {
		rc.Synthetic = rc.Synthetic || it.Synthetic
		if it.Pace == storage.PaceAtRisk || it.Pace == storage.PaceBehind {
			cards = append(cards, L.card(u.Code, indicatorOf(inds, it.Indicator), it))
		}
	}
	slices.SortStableFunc(cards, compareCards)
	rc.Worst = cards[:min(5, len(cards))]
	return rc, nil
}
