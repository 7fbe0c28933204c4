package collector

import (
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// InboxState is what a running inbox reports about itself (/healthz).
type InboxState struct {
	Dir       string    `json:"dir"`
	Running   bool      `json:"running"`
	OK        bool      `json:"ok"` // running, and the last scan read the folder and filed every file
	LastScan  time.Time `json:"last_scan"`
	Waiting   int       `json:"waiting"`  // files seen but not yet quiet long enough
	Imported  int64     `json:"imported"` // files moved to done/ since the start
	Failed    int64     `json:"failed"`   // files moved to failed/ since the start
	LastError string    `json:"last_error,omitempty"`
}

// inboxStatus is the shared, locked InboxState of the collector's inbox.
type inboxStatus struct {
	mu sync.Mutex
	s  InboxState
	m  *Metrics
}

// InboxState returns the state of the inbox this collector runs, and false
// when it runs none.
func (c *Collector) InboxState() (InboxState, bool) {
	c.inboxMu.Lock()
	st := c.inbox
	c.inboxMu.Unlock()
	if st == nil {
		return InboxState{}, false
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.s, true
}

func (c *Collector) startInbox(dir string) *inboxStatus {
	st := &inboxStatus{s: InboxState{Dir: dir, Running: true, OK: true}, m: c.m}
	c.inboxMu.Lock()
	c.inbox = st
	c.inboxMu.Unlock()
	c.m.inboxUp(true)
	return st
}

func (st *inboxStatus) update(f func(s *InboxState)) {
	st.mu.Lock()
	f(&st.s)
	s := st.s
	st.mu.Unlock()
	st.m.inboxState(s)
}

func (st *inboxStatus) stopped() {
	st.update(func(s *InboxState) { s.Running, s.OK = false, false })
}

func (st *inboxStatus) scanned(waiting int, err error) {
	st.update(func(s *InboxState) {
		s.LastScan, s.Waiting, s.OK = time.Now(), waiting, err == nil
		if err != nil {
			s.LastError = err.Error()
		}
	})
}

func (st *inboxStatus) filed(ok bool) {
	st.update(func(s *InboxState) {
		if ok {
			s.Imported++
		} else {
			s.Failed++
		}
	})
	st.m.inboxFiled(ok)
}

// inboxMetrics are the inbox's gauges and counter.
type inboxMetrics struct {
	up, waiting prometheus.Gauge
	files       *prometheus.CounterVec
}

func newInboxMetrics() inboxMetrics {
	return inboxMetrics{
		up: prometheus.NewGauge(prometheus.GaugeOpts{Name: "plantrack_inbox_up",
			Help: "1 while the inbox runs and its last scan read the folder and filed every file, else 0."}),
		waiting: prometheus.NewGauge(prometheus.GaugeOpts{Name: "plantrack_inbox_waiting_files",
			Help: "Files in the inbox waiting to stay unchanged for the quiet period."}),
		files: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "plantrack_inbox_files_total",
			Help: "Inbox files filed, by result (done, failed)."}, []string{"result"}),
	}
}

// inboxUp registers the inbox metrics (once, when an inbox starts: a
// server without one exposes none) and sets up.
func (m *Metrics) inboxUp(up bool) {
	if m == nil {
		return
	}
	m.inboxOnce.Do(func() {
		if m.reg != nil {
			m.reg.MustRegister(m.inbox.up, m.inbox.waiting, m.inbox.files)
		}
	})
	m.inbox.up.Set(b2f(up))
}

func (m *Metrics) inboxState(s InboxState) {
	if m == nil {
		return
	}
	m.inbox.up.Set(b2f(s.OK))
	m.inbox.waiting.Set(float64(s.Waiting))
}

func (m *Metrics) inboxFiled(ok bool) {
	if m == nil {
		return
	}
	result := "done"
	if !ok {
		result = "failed"
	}
	m.inbox.files.WithLabelValues(result).Inc()
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
