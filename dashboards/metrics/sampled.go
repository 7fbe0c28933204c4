package metrics

import (
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// Sampled is a prometheus.Collector that collects an inner collector at
// most once per interval and replays that sample to the scrapes in
// between: what it exposes is at most one interval old, measured from the
// moment the collection began. The first scrape after the interval
// collects anew; scrapes that find the sample stale while that collection
// runs wait for it and share it, so a burst of scrapes costs one
// collection. Describe passes through to the inner collector.
//
// It is meant for collectors whose figures are costly to read and whose
// recent past is as good as their present to a scraper: the Go runtime's
// (runtime/metrics, GC statistics) and the process's (/proc files). It
// is not meant for the service's own counters and histograms, which a
// scraper expects to show a request in the very next scrape.
//
// Replaying is safe because the sample holds no collector-owned metric:
// each metric is written to a dto.Metric once, when collected, and what is
// replayed is that frozen copy. Keeping the collected prometheus.Metric
// values themselves would not be: in client_golang v1.25.0 the Go
// collector sends, besides const metrics, its own *gauge, *counter and
// *batchHistogram values (go_gc_gogc_percent, go_gc_gomemlimit_bytes and
// go_sched_gomaxprocs_threads by default), which it updates in place at
// every Collect. The frozen copies are shared by every scrape that
// replays them and must be read only, which Gather and the encoders do.
type Sampled struct {
	inner    prometheus.Collector
	interval time.Duration
	now      func() time.Time // the clock; tests set it

	mu      sync.Mutex
	last    *collection // the latest completed sample; nil before the first
	running *collection // the collection under way; nil when none
}

// collection is one run of the inner collector; its fields are
// immutable once done is closed.
type collection struct {
	at      time.Time // when the collection began
	metrics []prometheus.Metric
	done    chan struct{}
	waiters int // scrapes that joined it while it ran (for tests)
}

// NewSampled returns inner collected at most once per interval.
func NewSampled(inner prometheus.Collector, interval time.Duration) *Sampled {
	return &Sampled{inner: inner, interval: interval, now: time.Now}
}

// Describe sends the inner collector's descriptors.
func (s *Sampled) Describe(ch chan<- *prometheus.Desc) { s.inner.Describe(ch) }

// Collect sends the latest sample, collecting a new one first when it is
// older than the interval (or joining the collection already under way).
func (s *Sampled) Collect(ch chan<- prometheus.Metric) {
	for _, m := range s.current().metrics {
		ch <- m
	}
}

// current returns a sample at most one interval old.
func (s *Sampled) current() *collection {
	s.mu.Lock()
	now := s.now()
	if l := s.last; l != nil && now.Sub(l.at) < s.interval {
		s.mu.Unlock()
		return l
	}
	if r := s.running; r != nil {
		r.waiters++
		s.mu.Unlock()
		<-r.done
		return r
	}
	r := &collection{at: now, done: make(chan struct{})}
	s.running = r
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.last, s.running = r, nil
		s.mu.Unlock()
		close(r.done)
	}()
	r.metrics = collectFrozen(s.inner)
	return r
}

// collectFrozen collects c and returns frozen copies of its metrics. A
// metric that cannot be written is kept as an invalid metric carrying the
// error, so the registry reports it as it would have reported the original.
func collectFrozen(c prometheus.Collector) []prometheus.Metric {
	ch := make(chan prometheus.Metric, 64)
	go func() {
		c.Collect(ch)
		close(ch)
	}()
	var out []prometheus.Metric
	for m := range ch {
		pb := new(dto.Metric)
		if err := m.Write(pb); err != nil {
			out = append(out, prometheus.NewInvalidMetric(m.Desc(), err))
			continue
		}
		out = append(out, frozen{desc: m.Desc(), pb: pb})
	}
	return out
}

// frozen is a metric written once; Write hands out its parts, shared.
type frozen struct {
	desc *prometheus.Desc
	pb   *dto.Metric
}

func (f frozen) Desc() *prometheus.Desc { return f.desc }

func (f frozen) Write(out *dto.Metric) error {
	out.Label = f.pb.Label
	out.Gauge = f.pb.Gauge
	out.Counter = f.pb.Counter
	out.Summary = f.pb.Summary
	out.Untyped = f.pb.Untyped
	out.Histogram = f.pb.Histogram
	out.TimestampMs = f.pb.TimestampMs
	return nil
}
