package dashboards

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// refreshWithin, refreshAnswers and refreshBudget bound the answers one
// Refresh derives because readers asked for them lately (see
// storage.RefreshRead): a 60-figure report invalidates a dozen of those a
// dashboard reads; a large import many more, which readers then derive as
// they ask.
const (
	refreshWithin  = 5 * time.Minute
	refreshAnswers = 64
	refreshBudget  = time.Second
)

// Refresh derives, before readers ask, the kept answers that the writes
// since its previous call invalidated (writes by this process or any
// other: storage finds them by the data version) and that readers ask for
// most: the answers readers asked for within the last minutes (any
// comparison, series, progress — bounded, most asked for first), each
// touched unit's overview at its latest period — its progress,
// its children's status, its sparklines — including the parents of the
// written units (storage names them among the touched, parents first: a
// commune's report refreshes its province's overview before its own), and
// then the /metrics exposition — which the first call builds even when
// nothing changed, so that the first scrape after start-up finds it ready
// (at national scale building it cold costs seconds). Writes seen while it runs join the work (the union), so one
// call ends with everything up to the returned data version refreshed.
// Past a bound on the units one call names (a large import), only
// /metrics is refreshed and readers derive the rest. Readers and writers
// are never blocked: a reader asking for an answer being refreshed shares
// its computation. Callers run one Refresh at a time. /healthz reports, as
// "refreshed", the version the last Refresh reached, when and how long it
// took.
func (s *Server) Refresh(ctx context.Context) (v int64, err error) {
	start := time.Now()
	defer func() {
		if err == nil {
			s.refreshed.note(v, start)
		}
	}()
	v, queue, many, err := s.db.Changed(ctx)
	if err != nil {
		return 0, err
	}
	work := len(queue) > 0 || many
	if work {
		// What readers asked for lately first (comparisons, series, any
		// page's answers), most asked for first; then the overviews.
		lim := storage.RefreshLimits{Within: refreshWithin, Answers: refreshAnswers, Budget: refreshBudget}
		if _, err := s.db.RefreshRead(ctx, lim); err != nil {
			return 0, fmt.Errorf("refresh the answers read lately: %w", err)
		}
	}
	for len(queue) > 0 {
		code := queue[0]
		queue = queue[1:]
		if err := s.pages.WarmOverview(ctx, code); err != nil {
			return 0, fmt.Errorf("refresh the overview of %s: %w", code, err)
		}
		more, again, err := s.changedSince(ctx)
		if err != nil {
			return 0, err
		}
		v = more
		for _, c := range again {
			if !slices.Contains(queue, c) {
				queue = append(queue, c)
			}
		}
	}
	if work || !s.metricsWarm.Load() {
		if err := s.metrics.Refresh(ctx); err != nil {
			return 0, fmt.Errorf("refresh /metrics: %w", err)
		}
		s.metricsWarm.Store(true)
	}
	return v, nil
}

// changedSince returns the data version and the units changed since the
// last call; past the bound, none (readers derive them).
func (s *Server) changedSince(ctx context.Context) (int64, []string, error) {
	v, units, _, err := s.db.Changed(ctx)
	return v, units, err
}
