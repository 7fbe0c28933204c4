package dashboards

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/plantrack/plantrack/storage"
)

// progressView is the answer of GET /api/v1/progress (SPEC §3).
type progressView struct {
	Unit      string         `json:"unit"`
	NameVI    string         `json:"unit_name_vi"`
	NameEN    string         `json:"unit_name_en"`
	Period    storage.Period `json:"period"`
	AsOf      string         `json:"as_of,omitempty"`
	Synthetic bool           `json:"synthetic,omitempty"`
	Items     []storage.Item `json:"items"`
}

// handleProgress answers GET /api/v1/progress?unit=U[&period=P][&as_of=D]:
// every indicator of the unit at the period (default: its latest).
func (s *Server) handleProgress(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "unit", "period", "as_of")
	p.require("unit")
	unit, period, asOf := p.unit("unit"), p.period("period"), p.date("as_of")
	if p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	// A progress answer has no derivation number of its own (storage
	// assembles it from kept pieces), so its JSON is kept per data
	// version, read before the answer: an answer a concurrent write
	// overtook is kept under the older version, never served as the newer.
	version, verr := s.db.DataVersion(r.Context())
	pr, err := s.db.Progress(r.Context(), unit, period, asOf)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	view := func() any {
		return progressView{Unit: pr.Unit.Code, NameVI: pr.Unit.NameVI, NameEN: pr.Unit.NameEN, Period: pr.Period,
			AsOf: pr.AsOf, Synthetic: pr.Unit.Synthetic, Items: s.markItems(r, pr.Items, pr.Unit.Synthetic)}
	}
	if verr != nil {
		s.writeJSON(w, http.StatusOK, view())
		return
	}
	// pr.AsOf is the resolved date (today without as_of).
	key := fmt.Sprintf("progress\x00%s\x00%s\x00%s\x00%s\x00@%d", unit, period, pr.AsOf, s.words.lang(r), version)
	s.writeEncoded(w, key, view)
}

// markItems returns items, never nil, marked synthetic when syn, their
// flags explained in the request's language.
func (s *Server) markItems(r *http.Request, items []storage.Item, syn bool) []storage.Item {
	if items == nil {
		return []storage.Item{}
	}
	cat := s.words.catalog(r)
	for i := range items {
		items[i].Synthetic = items[i].Synthetic || syn
		// The flags are shared with the kept answer (storage.Progress):
		// explain a copy, so that concurrent answers in two languages
		// neither race nor mix.
		items[i].Flags = slices.Clone(items[i].Flags)
		if items[i].Flags == nil {
			items[i].Flags = []storage.Flag{}
		}
		explainWith(cat, items[i].Flags)
	}
	return items
}

// seriesView is the answer of GET /api/v1/series.
type seriesView struct {
	Unit      string         `json:"unit"`
	Indicator string         `json:"indicator"`
	Synthetic bool           `json:"synthetic,omitempty"`
	Points    []storage.Item `json:"points"`
	Plans     []storage.Plan `json:"plans"`
}

// handleSeries answers GET /api/v1/series?unit=U&indicator=I[&as_of=D]:
// the derived figures at every month end with a figure, and every plan.
func (s *Server) handleSeries(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := newParams(r.URL.Query(), "unit", "indicator", "as_of")
	p.require("unit", "indicator")
	unit, ind, asOf := p.unit("unit"), p.indicator("indicator"), p.date("as_of")
	if err := s.checkFilter(r, p, "", ind); err != nil {
		s.writeError(w, r, err)
		return
	}
	u, err := s.db.Unit(ctx, unit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	se, err := s.db.Series(ctx, unit, ind, asOf)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	// The same while storage keeps it (se.Derivation), in one language.
	key := fmt.Sprintf("series\x00%s\x00%s\x00%s\x00%s\x00%t\x00%d", unit, ind, asOf, s.words.lang(r), u.Synthetic, se.Derivation)
	s.writeEncoded(w, key, func() any {
		plans := se.Plans
		if plans == nil {
			plans = []storage.Plan{}
		}
		return seriesView{Unit: unit, Indicator: ind, Synthetic: u.Synthetic,
			Points: s.markItems(r, se.Points, u.Synthetic), Plans: plans}
	})
}

// compareView is the answer of GET /api/v1/compare.
type compareView struct {
	Unit      string               `json:"unit,omitempty"`
	Indicator string               `json:"indicator,omitempty"`
	Parent    string               `json:"parent,omitempty"`
	Level     int                  `json:"level,omitempty"`
	A         storage.Period       `json:"a"`
	B         storage.Period       `json:"b"`
	AsOf      string               `json:"as_of,omitempty"`
	Synthetic bool                 `json:"synthetic,omitempty"`
	Rows      []storage.CompareRow `json:"rows"`
}

// handleCompare answers both forms of GET /api/v1/compare:
// ?unit=U&a=P&b=Q (every indicator of U in two periods) and
// ?indicator=I&parent=U&a=P&b=Q (I for every child of U; with &level=2 for
// every grandchild, and so on).
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "unit", "indicator", "parent", "level", "a", "b", "as_of")
	p.require("a", "b")
	q := storage.CompareQuery{Unit: p.unit("unit"), Indicator: p.indicator("indicator"), Parent: p.unit("parent"),
		Level: p.level("level"), A: p.period("a"), B: p.period("b"), AsOf: p.date("as_of")}
	switch {
	case q.Unit != "" && (q.Parent != "" || q.Indicator != ""):
		p.reject("give either unit=U (every indicator of one unit) or indicator=I&parent=U (one indicator across the children of U), not both")
	case q.Unit == "" && (q.Parent == "" || q.Indicator == ""):
		p.reject("compare needs unit=U, or both indicator=I and parent=U")
	case q.Unit != "" && q.Level != 0:
		p.reject("level goes with indicator=I&parent=U, not with unit=U")
	}
	main := q.Unit
	if main == "" {
		main = q.Parent
	}
	if err := s.checkFilter(r, p, main, q.Indicator); err != nil {
		s.writeError(w, r, err)
		return
	}
	u, err := s.db.Unit(r.Context(), main)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	c, err := s.db.Compare(r.Context(), q)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	// The answer is the same while storage keeps it (c.Derivation) and the
	// unit's mark stays: its encoding is kept with it.
	key := fmt.Sprintf("compare\x00%+v\x00%t\x00%d", q, u.Synthetic, c.Derivation)
	s.writeEncoded(w, key, func() any {
		rows := c.Rows
		if rows == nil {
			rows = []storage.CompareRow{}
		}
		return compareView{Unit: q.Unit, Indicator: q.Indicator, Parent: q.Parent,
			Level: q.Level, A: q.A, B: q.B, AsOf: q.AsOf, Synthetic: u.Synthetic, Rows: rows}
	})
}

// flagView is a quality flag with its unit's synthetic mark.
type flagView struct {
	storage.Flag
	Synthetic bool `json:"synthetic,omitempty"`
}

// handleQuality answers GET /api/v1/quality with filters unit, indicator,
// year and as_of: every data-quality flag raised.
func (s *Server) handleQuality(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := newParams(r.URL.Query(), "unit", "indicator", "year", "as_of")
	f := storage.QualityFilter{Unit: p.unit("unit"), Indicator: p.indicator("indicator"),
		Year: p.year("year"), AsOf: p.date("as_of")}
	if err := s.checkFilter(r, p, f.Unit, f.Indicator); err != nil {
		s.writeError(w, r, err)
		return
	}
	flags, err := s.db.Quality(ctx, f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	syn, err := s.synthetic(ctx)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.explainFlags(r, flags)
	out := make([]flagView, len(flags))
	for i, fl := range flags {
		out[i] = flagView{Flag: fl, Synthetic: syn[fl.Unit]}
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"flags": out})
}
