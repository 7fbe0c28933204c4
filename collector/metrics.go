package collector

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/plantrack/plantrack/storage"
)

// Metrics counts imports on the service's registry. A nil *Metrics counts
// nothing, so the collector works without one.
type Metrics struct {
	rows       *prometheus.CounterVec
	rejections *prometheus.CounterVec
	imports    *prometheus.CounterVec
	reg        prometheus.Registerer
	inbox      inboxMetrics
	inboxOnce  sync.Once
}

// NewMetrics creates the import counters and registers them on reg (which
// may be nil, for counters nobody scrapes). Registering twice on one
// registry panics, as prometheus.MustRegister does.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		rows: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plantrack_import_rows_total",
			Help: "Observation and plan rows imported, by format and outcome (new, unchanged, rejected).",
		}, []string{"format", "outcome"}),
		rejections: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plantrack_import_rejections_total",
			Help: "Problems that made an import fail, by format and reason (the error code).",
		}, []string{"format", "reason"}),
		imports: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plantrack_imports_total",
			Help: "Imports attempted, by format and result (ok, dry_run, rejected, error).",
		}, []string{"format", "result"}),
		reg:   reg,
		inbox: newInboxMetrics(),
	}
	if reg != nil {
		reg.MustRegister(m.rows, m.rejections, m.imports)
	}
	return m
}

// imported counts one import that ended with result.
func (m *Metrics) imported(format, result string, rejectedRows int) {
	if m == nil {
		return
	}
	m.imports.WithLabelValues(format, result).Inc()
	if rejectedRows > 0 {
		m.rows.WithLabelValues(format, "rejected").Add(float64(rejectedRows))
	}
}

// observe counts the outcome of one finished session.
func (m *Metrics) observe(format string, rep Report, err error, s *session) {
	if m == nil {
		return
	}
	switch {
	case err == nil && s.opt.DryRun:
		m.imported(format, "dry_run", 0)
	case err == nil:
		m.imported(format, "ok", 0)
		m.rows.WithLabelValues(format, "new").Add(float64(rep.Result.New))
		m.rows.WithLabelValues(format, "unchanged").Add(float64(rep.Result.Unchanged))
	default:
		code := storage.ErrorCode(err)
		result := "rejected"
		if code == storage.CodeInternal {
			result = "error"
		}
		m.imported(format, result, s.probs.rows)
		if len(s.probs.codes) == 0 {
			m.rejections.WithLabelValues(format, code).Inc()
		}
		for c, n := range s.probs.codes {
			m.rejections.WithLabelValues(format, c).Add(float64(n))
		}
	}
}
