package dashboards

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/dashboards/assets"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/dashboards/metrics"
	"github.com/plantrack/plantrack/dashboards/web"
	"github.com/plantrack/plantrack/storage"
)

// Deps are the long-lived objects the server uses; cmd/plantrack creates them.
type Deps struct {
	DB        *storage.DB
	Collector *collector.Collector
	Registry  *prometheus.Registry // the service's own metrics are registered here
	Logger    *slog.Logger         // nil: slog.Default()
}

// Server is the web server: API, pages, /metrics and login sessions.
type Server struct {
	cfg     Config
	db      *storage.DB
	col     *collector.Collector
	reg     *prometheus.Registry
	log     *slog.Logger
	auth    *auth.Manager
	tokens  *auth.Tokens
	latency *prometheus.HistogramVec
	pages   *web.Pages
	assets  *assets.Assets
	metrics *metrics.Handler
	words   *apiWords
	// refreshed is what the last Refresh did, for /healthz.
	refreshed refreshNote
	// metricsWarm is set once a Refresh built the /metrics exposition.
	metricsWarm atomic.Bool
	// encoded keeps the JSON of kept answers (see encodedAnswers).
	encoded encodedAnswers
	mux     *http.ServeMux
	handler http.Handler
}

// New checks cfg and deps, registers the server's metrics on deps.Registry
// and builds the handler.
func New(cfg Config, deps Deps) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("server config: %w", err)
	}
	if deps.DB == nil || deps.Collector == nil || deps.Registry == nil {
		return nil, errors.New("server: Deps.DB, Deps.Collector and Deps.Registry are required")
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	deps.DB.SetThresholds(cfg.Thresholds)
	s := &Server{cfg: cfg, db: deps.DB, col: deps.Collector, reg: deps.Registry, log: deps.Logger,
		tokens: auth.NewTokens(deps.DB), words: newAPIWords()}
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "plantrack_http_request_duration_seconds",
		Help:    "Time to answer HTTP requests, by route pattern and status code.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route", "code"})
	if err := s.reg.Register(s.latency); err != nil {
		return nil, fmt.Errorf("register HTTP latency histogram: %w", err)
	}
	am, err := auth.NewManager(auth.Config{Authenticate: s.authenticate, TTL: cfg.SessionTTL,
		Secure: cfg.SecureCookies, Logger: s.log})
	if err != nil {
		return nil, err
	}
	s.auth = am
	if s.assets, err = assets.New(); err != nil {
		return nil, fmt.Errorf("load web assets (run `go generate ./...` first): %w", err)
	}
	s.pages, err = web.New(web.Deps{DB: s.db, Collector: s.col, Assets: s.assets, Logger: s.log, MaxImportRows: cfg.MaxImportRows})
	if err != nil {
		return nil, err
	}
	s.metrics = metrics.NewHandler(gaugeSource{s.db}, s.reg, cfg.MetricsDepth, s.log)
	s.mux = s.routes()
	s.handler = s.middleware(s.mux)
	return s, nil
}

// Handler returns the server's root handler, every route and middleware included.
func (s *Server) Handler() http.Handler { return s.handler }

// authenticate turns a token secret into a writer.
func (s *Server) authenticate(ctx context.Context, secret string) (auth.Writer, error) {
	t, err := s.tokens.Authenticate(ctx, secret)
	if err != nil {
		return auth.Writer{}, err
	}
	return auth.Writer{TokenName: t.Name, Role: t.Role, Unit: t.Unit}, nil
}
