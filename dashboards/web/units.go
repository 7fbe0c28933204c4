package web

import (
	"net/http"

	"github.com/plantrack/plantrack/storage"
)

// Units serves GET /units: every unit in its hierarchy, each linked to its
// overview, report, comparison and data quality. With ?go=CODE (the
// overview's unit switcher) it redirects to that unit's overview, keeping
// period, language and as_of.
func (p *Pages) Units(w http.ResponseWriter, r *http.Request) {
	if code := r.URL.Query().Get("go"); code != "" {
		q := r.URL.Query()
		q.Del("go")
		http.Redirect(w, r, UnitPath(code)+"?"+q.Encode(), http.StatusSeeOther)
		return
	}
	p.serveView(w, r, p.buildUnits)
}

// unitRow is one unit of the index.
type unitRow struct {
	Code, Name, OtherName, Parent string
	Ended                         string // "kết thúc 30/06/2025" for a retired unit
	Depth                         int
	Synthetic                     bool
	URL, ReportURL, QualityURL    string
	CompareURL                    string // unit comparison of its children ("" without children)
}

// unitsView is the data of templates/units.html.
type unitsView struct {
	L         *Locale
	Units     []unitRow
	Synthetic bool
	// Retired counts the units that have ended; ToggleURL and ToggleText
	// show or hide them (current units only by default).
	Retired               int
	ToggleURL, ToggleText string
}

func (v unitsView) meta() pageMeta {
	return pageMeta{Title: v.L.T("units.title"), Active: "units", Synthetic: v.Synthetic, Template: "units"}
}

func (v unitsView) table() dataTable {
	t := dataTable{Columns: []string{"code", "name", "parent", "depth", "synthetic"}}
	for _, u := range v.Units {
		t.Rows = append(t.Rows, []string{u.Code, u.Name, u.Parent, itoa(u.Depth), boolStr(u.Synthetic)})
	}
	return t
}

func (v unitsView) data() any {
	type unitJSON struct {
		Code      string `json:"code"`
		Name      string `json:"name"`
		Parent    string `json:"parent,omitempty"`
		Depth     int    `json:"depth"`
		Synthetic bool   `json:"synthetic,omitempty"`
	}
	out := make([]unitJSON, len(v.Units))
	for i, u := range v.Units {
		out[i] = unitJSON{u.Code, u.Name, u.Parent, u.Depth, u.Synthetic}
	}
	return struct {
		Units []unitJSON `json:"units"`
	}{out}
}

func (p *Pages) buildUnits(q *request) (view, error) {
	units, err := p.db.Units(q.ctx)
	if err != nil {
		return nil, err
	}
	hasKids := map[string]bool{}
	for _, u := range units {
		hasKids[u.Parent] = true
	}
	L := q.L
	v := unitsView{L: L}
	other := langEN
	if L.Lang == langEN {
		other = langVI
	}
	all, today := q.query("retired") == "1", storage.Today()
	for _, u := range units {
		if u.Retired(today) {
			v.Retired++
			if !all {
				continue
			}
		}
		row := unitRow{Code: u.Code, Name: u.Name(L.Lang), OtherName: u.Name(other), Parent: u.Parent,
			Depth: u.Depth, Synthetic: u.Synthetic,
			URL: L.Link(UnitPath(u.Code)), ReportURL: L.Link(UnitPath(u.Code) + "/report"),
			QualityURL: L.Link("/quality", "unit", u.Code)}
		if hasKids[u.Code] {
			row.CompareURL = L.Link("/compare/units", "parent", u.Code)
		}
		if u.Retired(today) {
			row.Ended = L.Wordf("units.ended", L.Date(u.ValidTo))
		}
		v.Synthetic = v.Synthetic || u.Synthetic
		v.Units = append(v.Units, row)
	}
	v.ToggleURL, v.ToggleText = L.Link("/units", "retired", "1"), L.Wordf("units.showretired", v.Retired)
	if all {
		v.ToggleURL, v.ToggleText = L.Link("/units"), L.T("units.hideretired")
	}
	return v, nil
}
