package metrics

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/prometheus/common/expfmt"
)

// countingCollector sends, at its nth Collect, a gauge of value n, a
// labelled counter, a const histogram and a const summary, and a gauge it
// owns and keeps updating afterwards (as the Go collector does with its
// go_gc_gogc_percent gauge).
type countingCollector struct {
	calls atomic.Int32
	owned prometheus.Gauge
	// block, when set, is called inside Collect before anything is sent.
	block func(n int32)
}

var (
	callsDesc = prometheus.NewDesc("test_collect_calls", "Collect calls so far.", nil, nil)
	readsDesc = prometheus.NewDesc("test_reads_total", "Reads, by kind.", []string{"kind"}, prometheus.Labels{"source": "test"})
	sizeDesc  = prometheus.NewDesc("test_read_size_bytes", "Read sizes.", nil, nil)
	pauseDesc = prometheus.NewDesc("test_pause_seconds", "Pauses.", nil, nil)
)

func newCountingCollector() *countingCollector {
	return &countingCollector{owned: prometheus.NewGauge(prometheus.GaugeOpts{Name: "test_owned", Help: "Updated in place."})}
}

func (c *countingCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- callsDesc
	ch <- readsDesc
	ch <- sizeDesc
	ch <- pauseDesc
	c.owned.Describe(ch)
}

func (c *countingCollector) Collect(ch chan<- prometheus.Metric) {
	n := c.calls.Add(1)
	if c.block != nil {
		c.block(n)
	}
	f := float64(n)
	ch <- prometheus.MustNewConstMetric(callsDesc, prometheus.GaugeValue, f)
	ch <- prometheus.MustNewConstMetric(readsDesc, prometheus.CounterValue, 10*f, "stat")
	ch <- prometheus.MustNewConstMetric(readsDesc, prometheus.CounterValue, 20*f, "fd")
	ch <- prometheus.MustNewConstHistogram(sizeDesc, 3, 700*f, map[float64]uint64{100: 1, 1000: 3})
	ch <- prometheus.MustNewConstSummary(pauseDesc, 4, 0.5*f, map[float64]float64{0.5: 0.1, 1: 0.2})
	c.owned.Set(f)
	ch <- c.owned
}

// fakeClock is a clock tests move by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestSampled(inner prometheus.Collector) (*Sampled, *fakeClock) {
	clock := &fakeClock{t: time.Date(2026, 12, 7, 17, 0, 0, 0, time.UTC)}
	s := NewSampled(inner, time.Second)
	s.now = clock.now
	return s, clock
}

// gatherText is reg's exposition in the text format.
func gatherText(t testing.TB, reg prometheus.Gatherer) string {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := expfmt.NewEncoder(&buf, expfmt.NewFormat(expfmt.TypeTextPlain))
	for _, mf := range mfs {
		if err := enc.Encode(mf); err != nil {
			t.Fatal(err)
		}
	}
	return buf.String()
}

// TestSampledCollectsOncePerInterval: scrapes within the interval replay
// the first one's sample, byte for byte, without collecting; the first
// scrape once the interval has passed collects anew.
func TestSampledCollectsOncePerInterval(t *testing.T) {
	inner := newCountingCollector()
	s, clock := newTestSampled(inner)
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(s)

	first := gatherText(t, reg)
	if n := inner.calls.Load(); n != 1 {
		t.Fatalf("first scrape: %d collections, want 1", n)
	}
	for i := range 20 {
		clock.advance(time.Second / 25) // 20 × 40 ms: still inside the second
		if got := gatherText(t, reg); got != first {
			t.Fatalf("replay %d differs from the collected scrape:\n%s\nwant:\n%s", i, got, first)
		}
	}
	if n := inner.calls.Load(); n != 1 {
		t.Fatalf("21 scrapes within the interval: %d collections, want 1", n)
	}
	clock.advance(time.Second / 5) // 1 s since the first collection
	second := gatherText(t, reg)
	if n := inner.calls.Load(); n != 2 {
		t.Fatalf("scrape after the interval: %d collections in all, want 2", n)
	}
	if second == first {
		t.Fatal("the scrape after the interval replayed the old sample")
	}
	for _, want := range []string{"test_collect_calls 2\n", "test_owned 2\n", `test_reads_total{kind="fd",source="test"} 40`} {
		if !bytes.Contains([]byte(second), []byte(want)) {
			t.Errorf("new sample lacks %q:\n%s", want, second)
		}
	}
}

// TestSampledReplayIsFrozen: a metric the inner collector owns and
// changes after Collect (the Go collector's gauges, counters and
// histograms) is replayed as it was when collected. Every kind of value
// and the labels survive the replay.
func TestSampledReplayIsFrozen(t *testing.T) {
	inner := newCountingCollector()
	s, _ := newTestSampled(inner)
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(s)

	collected := gatherText(t, reg)
	inner.owned.Set(99) // as the Go collector's next Collect would
	replayed := gatherText(t, reg)
	if replayed != collected {
		t.Fatalf("replayed:\n%s\ncollected:\n%s", replayed, collected)
	}
	for _, want := range []string{
		"test_owned 1\n",
		`test_reads_total{kind="stat",source="test"} 10`,
		`test_read_size_bytes_bucket{le="1000"} 3`,
		"test_read_size_bytes_sum 700\n",
		`test_pause_seconds{quantile="0.5"} 0.1`,
	} {
		if !bytes.Contains([]byte(replayed), []byte(want)) {
			t.Errorf("replay lacks %q:\n%s", want, replayed)
		}
	}
}

// TestSampledConcurrentScrapesShareOneCollection: scrapes that find the
// sample stale while another scrape's collection runs wait for it and
// serve it; the inner collector runs once for all of them.
func TestSampledConcurrentScrapesShareOneCollection(t *testing.T) {
	inner := newCountingCollector()
	entered, release := make(chan struct{}), make(chan struct{})
	inner.block = func(n int32) {
		if n == 2 { // the collection after the interval is held
			close(entered)
			<-release
		}
	}
	s, clock := newTestSampled(inner)
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(s)
	gatherText(t, reg)
	clock.advance(2 * time.Second)

	const joiners = 6
	texts := make([]string, joiners+1)
	var wg sync.WaitGroup
	first := make(chan struct{})
	wg.Go(func() {
		defer close(first)
		texts[0] = gatherText(t, reg)
	})
	select {
	case <-entered:
	case <-first:
		t.Fatalf("the first scrape after the interval did not collect: %d collections", inner.calls.Load())
	}
	for i := 1; i <= joiners; i++ {
		wg.Go(func() { texts[i] = gatherText(t, reg) })
	}
	for waiting(s) < joiners { // an event, not a deadline
		if n := inner.calls.Load(); n > 2 {
			close(release)
			t.Fatalf("stale scrapes collected beside the running collection: %d collections", n)
		}
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if n := inner.calls.Load(); n != 2 {
		t.Fatalf("%d collections for one scrape and %d concurrent stale ones, want 2", n, joiners+1)
	}
	for i, text := range texts {
		if text != texts[0] || !bytes.Contains([]byte(text), []byte("test_collect_calls 2\n")) {
			t.Fatalf("scrape %d served another sample than the shared collection:\n%s", i, text)
		}
	}
}

// waiting is how many scrapes wait on the collection under way.
func waiting(s *Sampled) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running == nil {
		return 0
	}
	return s.running.waiters
}

// TestSampledRuntimeCollectorsPassChecks: the Go and process collectors,
// sampled, pass the pedantic registry's consistency checks (every metric
// described, no duplicates) on a collected and on a replayed scrape, and
// the linter finds nothing it would not find in them unsampled.
func TestSampledRuntimeCollectorsPassChecks(t *testing.T) {
	sampled := prometheus.NewPedanticRegistry()
	sampled.MustRegister(
		NewSampled(collectors.NewGoCollector(), time.Minute),
		NewSampled(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), time.Minute))
	live := prometheus.NewPedanticRegistry()
	live.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	for _, scrape := range []string{"collected", "replayed"} {
		mfs, err := sampled.Gather()
		if err != nil {
			t.Fatalf("%s scrape: %v", scrape, err)
		}
		names := map[string]bool{}
		for _, mf := range mfs {
			names[mf.GetName()] = true
		}
		for _, want := range []string{"go_goroutines", "go_gc_gogc_percent", "go_memstats_heap_alloc_bytes", "process_cpu_seconds_total", "process_open_fds"} {
			if !names[want] {
				t.Errorf("%s scrape lacks %s", scrape, want)
			}
		}
	}
	got, err := testutil.GatherAndLint(sampled)
	if err != nil {
		t.Fatal(err)
	}
	want, err := testutil.GatherAndLint(live)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("lint problems sampled: %v; unsampled: %v", got, want)
	}
}
