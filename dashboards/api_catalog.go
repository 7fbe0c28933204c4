package dashboards

import (
	"context"
	"net/http"
	"strings"

	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/dashboards/web"
	"github.com/plantrack/plantrack/storage"
)

// unitView is a unit as the API shows it: valid_from and valid_to are null
// when open, predecessors [] when none; parents (with the day each took
// effect) only when the unit's parent ever changed.
type unitView struct {
	Code         string                `json:"code"`
	NameVI       string                `json:"name_vi"`
	NameEN       string                `json:"name_en"`
	Parent       string                `json:"parent,omitempty"`
	Parents      []storage.ParentSpan  `json:"parents,omitempty"`
	ValidFrom    *string               `json:"valid_from"`
	ValidTo      *string               `json:"valid_to"`
	Predecessors []storage.Predecessor `json:"predecessors"`
	Depth        int                   `json:"depth"`
	Synthetic    bool                  `json:"synthetic,omitempty"`
}

func viewUnit(u storage.Unit) unitView {
	v := unitView{Code: u.Code, NameVI: u.NameVI, NameEN: u.NameEN, Parent: u.Parent, Parents: u.Parents,
		Predecessors: u.Predecessors, Depth: u.Depth, Synthetic: u.Synthetic}
	if u.ValidFrom != "" {
		v.ValidFrom = &u.ValidFrom
	}
	if u.ValidTo != "" {
		v.ValidTo = &u.ValidTo
	}
	if v.Predecessors == nil {
		v.Predecessors = []storage.Predecessor{}
	}
	return v
}

func viewUnits(us []storage.Unit) []unitView {
	out := make([]unitView, len(us))
	for i, u := range us {
		out[i] = viewUnit(u)
	}
	return out
}

// handleUnits answers GET /api/v1/units[?parent=U][&date=D][&current=true]:
// every unit, current and retired, in hierarchy order, or the children of
// one in the tree in force on date (default today); current=true keeps
// only the units valid today.
func (s *Server) handleUnits(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "parent", "date", "current")
	parent, date, current := p.unit("parent"), p.date("date"), p.boolean("current")
	if p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	today := storage.Today()
	if date == "" {
		date = today
	}
	var us []storage.Unit
	var err error
	if parent != "" {
		us, err = s.db.ChildrenAt(r.Context(), parent, date)
	} else {
		us, err = s.db.Units(r.Context())
	}
	if current {
		us = storage.ValidUnits(us, today)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"units": viewUnits(us)})
}

// handleUnit answers GET /api/v1/units/{code}: the unit, its ancestors
// (parent first) and its children; ?history=true adds every stored revision
// of the unit, oldest first, with its provenance.
func (s *Server) handleUnit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	code := r.PathValue("code")
	p := newParams(r.URL.Query(), "history")
	history := p.boolean("history")
	if p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	u, err := s.db.Unit(ctx, code)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	anc, err := s.db.Ancestors(ctx, code)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	kids, err := s.db.Children(ctx, code)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if anc == nil {
		anc = []string{}
	}
	answer := map[string]any{"unit": viewUnit(u), "ancestors": anc, "children": viewUnits(kids)}
	if history {
		if answer["history"], err = s.db.UnitHistory(ctx, code); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	s.writeJSON(w, http.StatusOK, answer)
}

// handleIndicators answers GET /api/v1/indicators: every indicator.
func (s *Server) handleIndicators(w http.ResponseWriter, r *http.Request) {
	if p := newParams(r.URL.Query()); p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	is, err := s.db.Indicators(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if is == nil {
		is = []storage.Indicator{}
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"indicators": is})
}

// handleIndicator answers GET /api/v1/indicators/{code}; ?history=true adds
// every stored revision of the indicator, as for units.
func (s *Server) handleIndicator(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "history")
	history := p.boolean("history")
	if p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	ind, err := s.db.Indicator(r.Context(), r.PathValue("code"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	answer := map[string]any{"indicator": ind}
	if history {
		if answer["history"], err = s.db.IndicatorHistory(r.Context(), ind.Code); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	s.writeJSON(w, http.StatusOK, answer)
}

// handleWhoami answers GET /api/v1/whoami: the writer the request presents.
func (s *Server) handleWhoami(w http.ResponseWriter, r *http.Request) {
	wr, ok := auth.WriterFrom(r.Context())
	if !ok {
		s.writeError(w, r, storage.Errorf(storage.CodeUnauthorized,
			"no token: send \"Authorization: Bearer <token>\" or sign in at /login"))
		return
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"writer": wr})
}

// handleNoEndpoint answers any other /api/ request with a JSON 405 when the
// path exists for other methods, and a JSON 404 otherwise.
func (s *Server) handleNoEndpoint(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/api/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.writeError(w, r, storage.Errorf(web.CodeMethodNotAllowed,
			"%s %s is not allowed; use %s", r.Method, r.URL.Path, strings.Join(allow, " or ")))
		return
	}
	s.writeError(w, r, storage.Errorf(storage.CodeNotFound,
		"no API endpoint %s %s; see README.md for the list", r.Method, r.URL.Path))
}

// handleHealth answers GET /healthz with the database's data version, what
// the background refresher last finished (refreshed: its data version, end
// time and seconds; absent before a first refresh) and,
// when the server runs an inbox, its state: 503 "degraded" while the inbox
// is stopped or its last scan could not read the folder or file a file.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	v, err := s.db.DataVersion(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	answer := map[string]any{"status": "ok", "data_version": v}
	if rn := s.refreshed.health(); rn != nil {
		answer["refreshed"] = rn
	}
	status := http.StatusOK
	if in, ok := s.col.InboxState(); ok {
		answer["inbox"] = in
		if !in.OK {
			answer["status"], status = "degraded", http.StatusServiceUnavailable
		}
	}
	s.writeJSON(w, status, answer)
}

// synthetic returns the codes of the synthetic units.
func (s *Server) synthetic(ctx context.Context) (map[string]bool, error) {
	us, err := s.db.Units(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool)
	for _, u := range us {
		if u.Synthetic {
			out[u.Code] = true
		}
	}
	return out, nil
}

// knownUnit returns the unit named by a filter, or a not-found error, so a
// filter on a unit that does not exist is a 404 rather than an empty list.
func (s *Server) knownUnit(ctx context.Context, code string) (storage.Unit, error) {
	if code == "" {
		return storage.Unit{}, nil
	}
	return s.db.Unit(ctx, code)
}

// knownIndicator is knownUnit for indicators.
func (s *Server) knownIndicator(ctx context.Context, code string) error {
	if code == "" {
		return nil
	}
	_, err := s.db.Indicator(ctx, code)
	return err
}
