package web

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/plantrack/plantrack/storage"
)

// Quality serves GET /quality?unit=&indicator=&year=: every data-quality
// flag with its explanation, its figures and a link to the figure.
func (p *Pages) Quality(w http.ResponseWriter, r *http.Request) {
	p.serveView(w, r, p.buildQuality)
}

// flagRow is one flag, formatted.
type flagRow struct {
	Flag                    storage.Flag
	Kind, UnitName, IndName string
	Text                    string // the explanation in the page's language
	Period, URL             string
	Figures                 []figure
}

// figure is one named number of a flag.
type figure struct{ Name, Value string }

// qualityView is the data of templates/quality.html.
type qualityView struct {
	L           *Locale
	Unit        string
	UnitName    string
	Year        string
	Rows        []flagRow
	UnitOptions []option
	Synthetic   bool
	Total       int        // flags found with the unit, year and kind filters
	Kinds       []flagChip // flags counted by kind, each a link filtering on it
	AllKinds    flagChip   // the chip that clears the kind filter
	Flag        string     // the kind filtered on, "" for all
	Sort        string     // "newest" (the default) or "oldest": by period
	SortURL     string     // this page sorted the other way
	Pager       pager
	all         []storage.Flag // every flag after the filters, in the page's order (downloads carry all)
}

func (v qualityView) meta() pageMeta {
	return pageMeta{Title: v.L.T("quality.title"), Active: "quality", Synthetic: v.Synthetic, Template: "quality"}
}

func (v qualityView) data() any {
	return struct {
		Flags []storage.Flag `json:"flags"`
	}{nonNil(v.all)}
}

func (v qualityView) table() dataTable {
	t := dataTable{Columns: []string{"flag", "unit", "indicator", "period", "explanation", "figures"}}
	for _, f := range v.all {
		figs := ""
		for _, k := range sortedKeys(f.Figures) {
			if figs != "" {
				figs += "; "
			}
			figs += k + "=" + strconv.FormatFloat(f.Figures[k], 'f', -1, 64)
		}
		t.Rows = append(t.Rows, []string{f.Code, f.Unit, f.Indicator, rawPeriod(f.Period), f.Explanation, figs})
	}
	return t
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (p *Pages) buildQuality(q *request) (view, error) {
	unit, ind := q.query("unit"), q.query("indicator")
	year := 0
	if s := q.query("year"); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil {
			return nil, badRequest("year %q is not a year: use four digits such as 2018", s)
		}
		year = y
	}
	flags, err := p.db.Quality(q.ctx, storage.QualityFilter{Unit: unit, Indicator: ind, Year: year, AsOf: q.query("as_of")})
	if err != nil {
		return nil, err
	}
	units, err := p.db.Units(q.ctx)
	if err != nil {
		return nil, err
	}
	inds, _, err := p.indicatorsByCode(q.ctx)
	if err != nil {
		return nil, err
	}
	L := q.L
	v := qualityView{L: L, Unit: unit, Year: q.query("year"), Flag: q.query("flag"), Sort: q.query("sort")}
	byCode := map[string]storage.Unit{}
	v.UnitOptions = append(v.UnitOptions, option{Value: "", Label: L.T("quality.allunits"), Selected: unit == ""})
	for _, u := range units {
		byCode[u.Code] = u
		v.UnitOptions = append(v.UnitOptions, option{Value: u.Code, Label: indentName(u, L.Lang), Selected: u.Code == unit})
	}
	if u, ok := byCode[unit]; ok {
		v.UnitName = u.Name(L.Lang)
		v.Synthetic = u.Synthetic
	}
	return v, v.addFlags(q, flags, byCode, inds)
}
