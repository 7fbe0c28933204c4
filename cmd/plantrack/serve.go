package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/demo"
	"github.com/plantrack/plantrack/dashboards"
	"github.com/plantrack/plantrack/dashboards/metrics"
	"github.com/plantrack/plantrack/storage"
)

// serveCmd holds serve's settings and, once running, what it started.
type serveCmd struct {
	m                                *Main
	db, addr, inbox, tlsCert, tlsKey string
	demo, jsonLog                    bool
	cfg                              dashboards.Config
	inboxPoll, inboxQuiet            time.Duration
	shutdownTimeout                  time.Duration
	readTimeout, writeTimeout        time.Duration

	database *storage.DB
	log      *slog.Logger
	ln       net.Listener
	srv      *http.Server
	served   chan error // the result of srv.Serve
	stop     context.CancelFunc
	bg       sync.WaitGroup
}

func (m *Main) serveCommand() *command {
	c := newCommand("serve", "", `
Serves the web pages, the JSON API under /api/v1/ and Prometheus /metrics,
and imports files dropped into an inbox folder.

Example: plantrack serve --demo      then open http://127.0.0.1:8080/`, 0, 0)
	s := &serveCmd{m: m, cfg: dashboards.DefaultConfig()}
	fs := c.fs
	fs.StringVar(&s.db, "db", "plantrack.db", "SQLite database `file` (created when missing)")
	fs.StringVar(&s.addr, "addr", "127.0.0.1:8080", "`host:port` to listen on; port 0 picks a free port")
	fs.BoolVar(&s.demo, "demo", false, "load the demo data (Cần Thơ 2018-H1 and a synthetic province) into an empty database")
	fs.StringVar(&s.inbox, "inbox", "", "`folder` whose dropped files are imported, then moved to done/ or failed/")
	fs.DurationVar(&s.inboxPoll, "inbox-poll", 2*time.Second, "how often the inbox folder is checked")
	fs.DurationVar(&s.inboxQuiet, "inbox-quiet", 15*time.Second, "import an inbox file only once its size and time have not changed for this long")
	fs.IntVar(&s.cfg.MetricsDepth, "metrics-depth", s.cfg.MetricsDepth, "expose units down to this `depth` on /metrics (0: roots only)")
	fs.Var(&s.cfg.Thresholds, "thresholds", "pace and flag `boundaries` to change, as name=value pairs separated by commas, e.g. flow_ahead=1.1,outlier_z=4 (names: flow_ahead, flow_on_track, flow_behind, growth_ahead_margin, growth_behind_margin, level_behind_share, children_sum_tolerance, outlier_z; SPEC §2)")
	fs.BoolVar(&s.cfg.ReadAuth, "read-auth", false, "require a login or token for every page and API answer, not only for writes")
	fs.Int64Var(&s.cfg.MaxBodyBytes, "max-body-bytes", s.cfg.MaxBodyBytes, "refuse request bodies larger than this many `bytes` (413)")
	fs.IntVar(&s.cfg.MaxImportRows, "max-import-rows", s.cfg.MaxImportRows, "refuse HTTP imports with more `rows` (0: no cap)")
	fs.DurationVar(&s.cfg.SessionTTL, "session-ttl", s.cfg.SessionTTL, "how long a login session lasts")
	fs.BoolVar(&s.cfg.SecureCookies, "secure-cookies", false, "mark session cookies Secure on plain HTTP (when a TLS proxy is in front)")
	fs.StringVar(&s.tlsCert, "tls-cert", "", "TLS certificate `file` (with --tls-key: serve HTTPS)")
	fs.StringVar(&s.tlsKey, "tls-key", "", "TLS private key `file`")
	fs.DurationVar(&s.shutdownTimeout, "shutdown-timeout", 15*time.Second, "how long in-flight requests may finish after SIGINT/SIGTERM")
	fs.DurationVar(&s.readTimeout, "read-timeout", 2*time.Minute, "longest time to read one request, body included")
	fs.DurationVar(&s.writeTimeout, "write-timeout", 2*time.Minute, "longest time to write one answer")
	fs.BoolVar(&s.jsonLog, "log-json", false, "write the log as JSON lines instead of text")
	c.run, c.wait, c.close, c.url = s.run, s.wait, s.close, s.url
	return c
}

func (s *serveCmd) logger() *slog.Logger {
	if s.jsonLog {
		return slog.New(slog.NewJSONHandler(s.m.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(s.m.Stderr, nil))
}

// run opens the database, loads the demo data when asked, builds the server
// and starts listening; it returns once requests are being served.
func (s *serveCmd) run(ctx context.Context) error {
	if (s.tlsCert == "") != (s.tlsKey == "") {
		return storage.Errorf(storage.CodeInvalid, "--tls-cert and --tls-key go together; give both or neither")
	}
	log := s.logger()
	s.log = log
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	db, err := storage.Open(ctx, s.db)
	if err != nil {
		return whyNotOpened(s.db, err)
	}
	s.database = db
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		metrics.NewSampled(collectors.NewGoCollector(), runtimeSampleInterval),
		metrics.NewSampled(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), runtimeSampleInterval))
	col := collector.New(db, collector.NewMetrics(reg))
	if s.demo {
		if err := loadDemo(ctx, db, log); err != nil {
			return err
		}
	}
	s.cfg.WriteDeadline = s.writeTimeout
	srv, err := dashboards.New(s.cfg, dashboards.Deps{DB: db, Collector: col, Registry: reg, Logger: log})
	if err != nil {
		return err
	}
	if s.ln, err = net.Listen("tcp", s.addr); err != nil {
		return storage.Errorf(storage.CodeInvalid, "cannot listen on %s: %v; is another plantrack running? Stop it or pick another --addr", s.addr, err)
	}
	s.srv = &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: s.readTimeout, WriteTimeout: s.writeTimeout, IdleTimeout: 2 * time.Minute,
		MaxHeaderBytes: 64 << 10, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	s.served = make(chan error, 1)
	go func() {
		if s.tlsCert != "" {
			s.served <- s.srv.ServeTLS(s.ln, s.tlsCert, s.tlsKey)
			return
		}
		s.served <- s.srv.Serve(s.ln)
	}()
	bgctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s.stop = stop
	s.bg.Go(func() { s.refresh(bgctx, srv) })
	if s.inbox != "" {
		s.bg.Go(func() {
			if err := col.RunInbox(bgctx, s.inbox, collector.InboxOptions{Poll: s.inboxPoll, Quiet: s.inboxQuiet}); err != nil && !errors.Is(err, context.Canceled) {
				log.Error("inbox stopped", "dir", s.inbox, "err", err)
			}
		})
	}
	log.Info("serving", "url", s.url(), "db", s.db, "inbox", s.inbox, "read_auth", s.cfg.ReadAuth)
	return nil
}

// serveMemoryLimit is the Go runtime's soft memory limit for serve unless
// GOMEMLIMIT sets another: the kept answers are bounded (64 MB, see
// storage's memoBudget), but at national scale the garbage of concurrent
// derivations let the heap's default goal (twice the live heap) take the
// process to 338 MB resident; near this limit the collector runs sooner.
const serveMemoryLimit = 200 << 20

// runtimeSampleInterval is how often a scrape collects the Go runtime and
// process figures: the go_* and process_* series on /metrics are at most
// this old. Collected at every scrape they were most of a scrape's CPU
// (about 0.7 ms of /proc reads and runtime statistics); the service's own
// counters and histograms are not sampled, so a request shows in the very
// next scrape.
const runtimeSampleInterval = time.Second

// refreshPoll is how often the background refresher reads the data
// version: one small read when nothing changed.
const refreshPoll = 250 * time.Millisecond

// refresh keeps, until ctx ends, the answers that writes invalidate
// derived before readers ask (see dashboards.Server.Refresh): one refresher,
// polling the data version, so writes by this process and by others (a CLI
// import) are seen alike and bursts coalesce into one refresh. Only
// failures are logged.
func (s *serveCmd) refresh(ctx context.Context, srv *dashboards.Server) {
	tick := time.NewTicker(refreshPoll)
	defer tick.Stop()
	for {
		v, err := srv.Refresh(ctx)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			s.log.Warn("background refresh failed; readers derive what they ask for", "err", err)
		case s.m.refreshed != nil:
			s.m.refreshed(s.database, v)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func (s *serveCmd) url() string {
	scheme := "http"
	if s.tlsCert != "" {
		scheme = "https"
	}
	return scheme + "://" + s.ln.Addr().String()
}

// loadDemo loads the demo data when the database has no observations yet.
func loadDemo(ctx context.Context, db *storage.DB, log *slog.Logger) error {
	has, err := db.HasObservations(ctx)
	if err != nil {
		return storage.Errorf(storage.CodeInternal, "cannot check the database for demo data: %v", err)
	}
	if has {
		log.Info("database already holds observations; demo data not loaded")
		return nil
	}
	res, err := demo.Load(ctx, db)
	if err != nil {
		return storage.Errorf(storage.CodeInternal, "cannot load the demo data: %v", err)
	}
	log.Info("demo data loaded", "observations_and_plans", res.New, "units", res.UnitsNew)
	return nil
}

// wait blocks until ctx ends (a signal) or the server stops by itself.
func (s *serveCmd) wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil
	case err := <-s.served:
		s.served <- err // close reads it again
		return storage.Errorf(storage.CodeInternal, "the server stopped: %v", err)
	}
}

// close stops accepting requests, lets in-flight ones finish within the
// shutdown timeout, stops the inbox and closes the database.
func (s *serveCmd) close() error {
	var errs []error
	if s.srv != nil {
		s.log.Info("shutting down: finishing requests in flight", "timeout", s.shutdownTimeout)
		ctx, cancel := context.WithTimeout(context.Background(), s.shutdownTimeout)
		defer cancel()
		if err := s.srv.Shutdown(ctx); err != nil {
			errs = append(errs, storage.Errorf(storage.CodeInternal, "shutting down: %v", err))
			s.srv.Close()
		}
	}
	if s.stop != nil {
		s.stop()
		s.bg.Wait()
	}
	if s.database != nil {
		if err := s.database.Close(); err != nil {
			errs = append(errs, storage.Errorf(storage.CodeInternal, "closing the database: %v", err))
		}
	}
	if s.log != nil {
		s.log.Info("stopped", "errors", len(errs))
	}
	return errors.Join(errs...)
}
