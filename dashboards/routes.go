package dashboards

import (
	"net/http"
	"strconv"
	"time"

	"github.com/plantrack/plantrack/dashboards/assets"
)

// routes lists every route the server answers. Patterns use Go 1.22
// method-and-path syntax; each is timed under its pattern in the latency
// histogram.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	r := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, s.timed(pattern, h)) }

	// JSON API (SPEC §3).
	r("GET /api/v1/units", s.handleUnits)
	r("GET /api/v1/units/{code}", s.handleUnit)
	r("GET /api/v1/indicators", s.handleIndicators)
	r("GET /api/v1/indicators/{code}", s.handleIndicator)
	r("GET /api/v1/observations", s.handleObservations)
	r("POST /api/v1/observations", s.handlePostBatch)
	r("GET /api/v1/revisions", s.handleRevisions)
	r("GET /api/v1/plans", s.handlePlans)
	r("POST /api/v1/plans", s.handlePostBatch)
	r("GET /api/v1/series", s.handleSeries)
	r("GET /api/v1/progress", s.handleProgress)
	r("GET /api/v1/compare", s.handleCompare)
	r("GET /api/v1/quality", s.handleQuality)
	r("POST /api/v1/import", s.handleImport)
	r("GET /api/v1/whoami", s.handleWhoami)
	r("/api/", s.handleNoEndpoint)

	// Sessions for writers.
	r("GET /login", s.auth.HandleLoginPage)
	r("POST /login", s.auth.HandleLogin)
	r("POST /logout", s.auth.HandleLogout)

	// Web pages (package web) and their static assets.
	r("GET /{$}", s.pages.Home)
	r("GET /units", s.pages.Units)
	r("GET /units/{code}", s.pages.Overview)
	r("GET /units/{code}/report", s.pages.Report)
	r("GET /units/{code}/indicators/{ind}", s.pages.Indicator)
	r("GET /compare", s.pages.Compare)
	r("GET /compare/periods", s.pages.ComparePeriods)
	r("GET /compare/units", s.pages.CompareUnits)
	r("GET /quality", s.pages.Quality)
	r("GET /entry", s.pages.Entry)
	r("POST /entry", s.pages.Entry)
	r("GET /upload", s.pages.Upload)
	r("POST /upload", s.pages.Upload)
	r("GET /paste", s.pages.Paste)
	r("POST /paste", s.pages.Paste)
	mux.Handle("GET /assets/", s.timed("GET /assets/", s.assets))
	r("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.assets.Path(assets.FaviconSVG), http.StatusMovedPermanently)
	})

	// Prometheus.
	mux.Handle("GET /metrics", s.timed("GET /metrics", s.metrics))

	r("GET /healthz", s.handleHealth)
	return mux
}

// timed wraps h so its answers are counted in the latency histogram under
// the route's pattern (bounded label values) and status code.
func (s *Server) timed(pattern string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := recorderOf(w)
		h.ServeHTTP(rec, r)
		s.latency.WithLabelValues(pattern, strconv.Itoa(rec.Status())).Observe(time.Since(start).Seconds())
	})
}
