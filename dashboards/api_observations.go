package dashboards

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/plantrack/plantrack/storage"
)

// observationView is an observation with its unit's synthetic mark.
type observationView struct {
	storage.Observation
	Synthetic bool `json:"synthetic,omitempty"`
}

// planView is a plan with its unit's synthetic mark.
type planView struct {
	storage.Plan
	Synthetic bool `json:"synthetic,omitempty"`
}

// handleObservations answers GET /api/v1/observations with filters unit,
// indicator, from, to (periods, by end month), as_of, history (every
// revision, with provenance) and retracted (include retractions).
// format=csv answers in the CSV import format instead, as a download. The
// answer streams, so large selections do not sit in memory.
func (s *Server) handleObservations(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "unit", "indicator", "from", "to", "as_of", "history", "retracted", "format")
	f := storage.ObservationFilter{Unit: p.unit("unit"), Indicator: p.indicator("indicator"),
		From: p.period("from"), To: p.period("to"), AsOf: p.date("as_of"),
		History: p.boolean("history"), IncludeRetracted: p.boolean("retracted")}
	format := p.q.Get("format")
	if format != "" && format != "json" && format != "csv" {
		p.reject("query parameter format=%q: use json (default) or csv", format)
	}
	if err := s.checkFilter(r, p, f.Unit, f.Indicator); err != nil {
		s.writeError(w, r, err)
		return
	}
	if format == "csv" {
		s.exportCSV(w, r, f)
		return
	}
	s.streamObservations(w, r, f)
}

// streamObservations writes the selection as {"observations":[…]}, one
// row at a time. An error before the first row is an ordinary JSON error;
// after it, the connection is aborted so the client sees a broken answer
// rather than a short one.
func (s *Server) streamObservations(w http.ResponseWriter, r *http.Request, f storage.ObservationFilter) {
	syn, err := s.synthetic(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	bw := bufio.NewWriterSize(w, 32<<10)
	enc := json.NewEncoder(bw)
	started := false
	err = s.db.EachObservation(r.Context(), f, func(o storage.Observation) error {
		if !started {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			bw.WriteString(`{"observations":[`)
			started = true
		} else {
			bw.WriteByte(',')
		}
		return enc.Encode(observationView{Observation: o, Synthetic: syn[o.Unit] || o.Synthetic})
	})
	switch {
	case err != nil && !started:
		s.writeError(w, r, err)
		return
	case err != nil:
		s.log.Error("observations stream broke off", "err", err)
		bw.Flush()
		panic(http.ErrAbortHandler)
	case !started:
		s.writeJSON(w, http.StatusOK, map[string]any{"observations": []observationView{}})
		return
	}
	bw.WriteString("]}\n")
	if err := bw.Flush(); err != nil {
		s.log.Debug("write observations", "err", err)
	}
}

// checkFilter reports the first bad parameter, then an unknown unit or
// indicator named by the filter (404).
func (s *Server) checkFilter(r *http.Request, p *params, unit, indicator string) error {
	if p.err != nil {
		return p.err
	}
	if _, err := s.knownUnit(r.Context(), unit); err != nil {
		return err
	}
	return s.knownIndicator(r.Context(), indicator)
}

// handlePlans answers GET /api/v1/plans with filters unit, indicator, year
// and history (every version, not only the newest of each).
func (s *Server) handlePlans(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := newParams(r.URL.Query(), "unit", "indicator", "year", "history")
	f := storage.PlanFilter{Unit: p.unit("unit"), Indicator: p.indicator("indicator"),
		Year: p.year("year"), History: p.boolean("history")}
	if err := s.checkFilter(r, p, f.Unit, f.Indicator); err != nil {
		s.writeError(w, r, err)
		return
	}
	plans, err := s.db.Plans(ctx, f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	syn, err := s.synthetic(ctx)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := make([]planView, len(plans))
	for i, pl := range plans {
		out[i] = planView{Plan: pl, Synthetic: syn[pl.Unit]}
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"plans": out})
}

// exportCSV answers with the selection in the CSV import format. The
// export is buffered so an error can still be a JSON error with a status.
func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request, f storage.ObservationFilter) {
	var buf bytes.Buffer
	if err := s.col.Export(r.Context(), &buf, "csv", f); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="plantrack-observations.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	if _, err := buf.WriteTo(w); err != nil {
		s.log.Debug("write CSV export", "err", err)
	}
}

// handleRevisions answers GET /api/v1/revisions?unit=U&indicator=I&period=P:
// the audit trail of one figure — every revision, retractions included,
// oldest first (the last is current), each with who sent it, how and when.
func (s *Server) handleRevisions(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "unit", "indicator", "period")
	p.require("unit", "indicator", "period")
	unit, ind, per := p.unit("unit"), p.indicator("indicator"), p.period("period")
	u, err := s.knownUnit(r.Context(), unit)
	if p.err != nil {
		err = p.err
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	revs, err := s.db.Revisions(r.Context(), unit, ind, per)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := make([]observationView, len(revs))
	for i, o := range revs {
		out[i] = observationView{Observation: o, Synthetic: u.Synthetic}
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"unit": unit, "indicator": ind, "period": per,
		"synthetic": u.Synthetic, "revisions": out})
}
