package dashboards

import (
	"sync"
	"time"
)

// refreshNote is what the background refresher last finished, for
// /healthz: a client that wrote data version v waits until refreshed
// reaches v to know that the kept answers reflect its write (the bench's
// "some time after a report" rows do), and at and took tell how long the
// refresh after a write took, by the server's own clock.
type refreshNote struct {
	mu      sync.Mutex
	version int64         // data version the last Refresh brought answers up to
	at      time.Time     // when the Refresh that first reached version ended
	took    time.Duration // how long that Refresh ran
}

// note records a Refresh that started at start and brought answers up to
// version v; a call that found nothing new leaves the note as it was.
func (n *refreshNote) note(v int64, start time.Time) {
	end := time.Now()
	n.mu.Lock()
	defer n.mu.Unlock()
	if v > n.version {
		n.version, n.at, n.took = v, end, end.Sub(start)
	}
}

// health is the note as /healthz shows it; nothing before a first refresh.
func (n *refreshNote) health() map[string]any {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.at.IsZero() {
		return nil
	}
	return map[string]any{"data_version": n.version, "at": n.at.UTC().Format(time.RFC3339Nano),
		"seconds": n.took.Seconds()}
}
