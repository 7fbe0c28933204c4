package metrics

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"

	"github.com/plantrack/plantrack/dashboards/internal/gzipneg"
	"github.com/plantrack/plantrack/storage"
)

// Source is the part of *storage.DB the /metrics handler reads.
type Source interface {
	// Latest returns one derived Item per unit × indicator, for units of
	// depth ≤ maxDepth, at its latest period as of asOf ("" = today).
	Latest(ctx context.Context, maxDepth int, asOf string) ([]storage.Item, error)
	// Units returns every unit with Depth filled.
	Units(ctx context.Context) ([]storage.Unit, error)
	// Indicators returns every indicator.
	Indicators(ctx context.Context) ([]storage.Indicator, error)
	// DataVersion returns a counter bumped by every write transaction, by
	// any process.
	DataVersion(ctx context.Context) (int64, error)
}

// Handler serves /metrics: the SPEC §3 indicator gauges, kept as exposition
// text (plain and gzipped) cached per data version and Vietnam date, followed
// by the live output of a Prometheus gatherer (Go and process collectors,
// the service's counters and histograms). The text format 0.0.4 is served
// whatever the Accept header; gzip when Accept-Encoding allows it.
type Handler struct {
	src      Source
	gatherer prometheus.Gatherer
	depth    int
	logger   *slog.Logger
	now      func() time.Time

	// cache is the last exposition built, immutable once stored; readers
	// load it without a lock. rebuild is held while one is built, so
	// readers that need a newer one share that build.
	cache   atomic.Pointer[exposition]
	rebuild sync.Mutex
	gz      tailer
	bufs    sync.Pool

	// gathers are the live gathers running, by format: scrapes arriving
	// while one runs share its result (see live).
	gatherMu sync.Mutex
	gathers  map[expfmt.Format]*liveGather
}

// liveGather is one run of the gatherer shared by the scrapes that arrived
// while it ran; text is immutable once done is closed.
type liveGather struct {
	done    chan struct{}
	text    []byte
	waiters atomic.Int32 // scrapes that joined it (for tests)
}

// exposition is the indicator gauges of one data version and date.
type exposition struct {
	version int64
	day     string
	plain   []byte
	gz      gzipPrefix
}

// NewHandler returns a /metrics handler exposing units down to depth
// (SPEC's --metrics-depth) from src, followed by gatherer's metrics
// (nil: none). Errors are logged to logger (nil: discarded).
func NewHandler(src Source, gatherer prometheus.Gatherer, depth int, logger *slog.Logger) *Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Handler{src: src, gatherer: gatherer, depth: depth, logger: logger, now: time.Now}
}

// ServeHTTP writes the cached indicator gauges, rebuilt first when the data
// version or the date has changed, then the gatherer's current metrics.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	exp, err := h.current(r.Context())
	if err != nil {
		h.logger.Error("metrics: cannot build the indicator gauges", "err", err)
		http.Error(w, "metrics unavailable: "+err.Error()+"; check the database and the server log", http.StatusInternalServerError)
		return
	}
	format := expfmt.NegotiateAccept(r.Header, expfmt.FmtText)
	live := h.live(format) // shared: read only

	hdr := w.Header()
	hdr.Set("Content-Type", string(format))
	hdr.Add("Vary", "Accept-Encoding")
	if !gzipneg.Accepts(r.Header.Get("Accept-Encoding")) {
		hdr.Set("Content-Length", strconv.Itoa(len(exp.plain)+len(live)))
		if r.Method != http.MethodHead {
			_, _ = w.Write(exp.plain)
			_, _ = w.Write(live)
		}
		return
	}
	tail := h.getBuf()
	defer h.bufs.Put(tail)
	if err := h.gz.tail(tail, exp.gz, live); err != nil {
		h.logger.Error("metrics: gzip", "err", err)
		http.Error(w, "metrics: compression failed", http.StatusInternalServerError)
		return
	}
	hdr.Set("Content-Encoding", "gzip")
	hdr.Set("Content-Length", strconv.Itoa(len(exp.gz.head)+tail.Len()))
	if r.Method != http.MethodHead {
		_, _ = w.Write(exp.gz.head)
		_, _ = w.Write(tail.Bytes())
	}
}

// live returns the gatherer's metrics encoded in format. A scrape that
// arrives while another one's gather runs waits for it and serves its
// result rather than gathering beside it: under many concurrent scrapes
// (20 readers in the bench) the Go and process collectors and the
// histograms were most of each scrape's CPU. What a joining scrape serves
// was gathered from a moment just before it arrived — as if it had been
// served a few milliseconds earlier; a scrape that finds no gather running
// starts its own, so sequential scrapes each see their own moment.
func (h *Handler) live(format expfmt.Format) []byte {
	if h.gatherer == nil {
		return nil
	}
	h.gatherMu.Lock()
	if g := h.gathers[format]; g != nil {
		g.waiters.Add(1)
		h.gatherMu.Unlock()
		<-g.done
		return g.text
	}
	g := &liveGather{done: make(chan struct{})}
	if h.gathers == nil {
		h.gathers = map[expfmt.Format]*liveGather{}
	}
	h.gathers[format] = g
	h.gatherMu.Unlock()
	defer func() {
		h.gatherMu.Lock()
		delete(h.gathers, format)
		h.gatherMu.Unlock()
		close(g.done)
	}()
	var buf bytes.Buffer
	h.gatherLive(&buf, format)
	g.text = buf.Bytes()
	return g.text
}

// gatherLive encodes the gatherer's metrics. A failing collector is logged
// and the rest is still served, so one broken collector cannot hide the
// indicators.
func (h *Handler) gatherLive(buf *bytes.Buffer, format expfmt.Format) {
	if h.gatherer == nil {
		return
	}
	mfs, err := h.gatherer.Gather()
	if err != nil {
		h.logger.Warn("metrics: gathering the service's own metrics", "err", err)
	}
	enc := expfmt.NewEncoder(buf, format)
	for _, mf := range mfs {
		if err := enc.Encode(mf); err != nil {
			h.logger.Warn("metrics: encoding", "family", mf.GetName(), "err", err)
		}
	}
}

func (h *Handler) getBuf() *bytes.Buffer {
	b, _ := h.bufs.Get().(*bytes.Buffer)
	if b == nil {
		return new(bytes.Buffer)
	}
	b.Reset()
	return b
}

// current returns the exposition of the current data version and date,
// rebuilding it when either changed. The version is read before the data,
// so a write racing a rebuild can only cause one extra rebuild, never a
// stale cache labelled as fresh. A reader whose version the cache already
// reflects (or a later one) takes it without waiting, even while a rebuild
// for a newer version runs; readers that need the rebuild wait for it and
// share it.
func (h *Handler) current(ctx context.Context) (*exposition, error) {
	v, err := h.src.DataVersion(ctx)
	if err != nil {
		return nil, fmt.Errorf("read data version: %w", err)
	}
	day := storage.VietnamDate(h.now())
	fits := func(c *exposition) bool { return c != nil && c.version >= v && c.day == day }
	if c := h.cache.Load(); fits(c) {
		return c, nil
	}
	h.rebuild.Lock()
	defer h.rebuild.Unlock()
	if c := h.cache.Load(); fits(c) {
		return c, nil // built by the reader we waited for
	}
	exp, err := build(ctx, h.src, h.depth)
	if err != nil {
		return nil, err
	}
	exp.version, exp.day = v, day
	h.cache.Store(exp)
	return exp, nil
}

// build reads a snapshot and renders it, plain and gzipped.
func build(ctx context.Context, src Source, depth int) (*exposition, error) {
	snap, err := loadSnapshot(ctx, src, depth)
	if err != nil {
		return nil, err
	}
	fams, err := snap.families()
	if err != nil {
		return nil, err
	}
	plain := appendText(make([]byte, 0, 112*len(snap.items)*len(pairGauges())+4096), fams)
	gz, err := newGzipPrefix(plain)
	if err != nil {
		return nil, fmt.Errorf("compress the exposition: %w", err)
	}
	return &exposition{plain: plain, gz: gz}, nil
}

// Refresh rebuilds the exposition when the data version or the date moved
// since it was last built, so that the next scrape finds it ready.
func (h *Handler) Refresh(ctx context.Context) error {
	_, err := h.current(ctx)
	return err
}
