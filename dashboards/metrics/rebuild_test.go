package metrics

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// gatedSource is a memSource whose data version the test sets, and whose
// Latest, once gated, waits until the test lets it go: a rebuild in
// progress.
type gatedSource struct {
	*memSource
	mu      sync.Mutex
	version int64
	entered chan struct{} // receives when a gated Latest starts
	release chan struct{} // closed to let it finish
}

func (g *gatedSource) DataVersion(context.Context) (int64, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.version, nil
}

func (g *gatedSource) Latest(ctx context.Context, depth int, asOf string) ([]storage.Item, error) {
	if g.release != nil {
		g.entered <- struct{}{}
		<-g.release
	}
	return g.memSource.Latest(ctx, depth, asOf)
}

// TestScrapeDoesNotWaitForANewerRebuild: while a scrape rebuilds the
// exposition for a new data version, a scrape that read the version the
// cache already holds is answered from the cache at once — it would
// otherwise wait for the whole rebuild, which after a write under load
// took hundreds of milliseconds.
func TestScrapeDoesNotWaitForANewerRebuild(t *testing.T) {
	g := &gatedSource{memSource: newMemSource(50), version: 1}
	h := NewHandler(g, nil, 1, nil)
	scrape := func() int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
		return rec.Code
	}
	if code := scrape(); code != 200 { // builds version 1
		t.Fatalf("first scrape: %d", code)
	}
	g.entered, g.release = make(chan struct{}), make(chan struct{})
	g.mu.Lock()
	g.version = 2
	g.mu.Unlock()
	done := make(chan int)
	go func() { done <- scrape() }() // rebuilds for version 2
	<-g.entered                      // the rebuild is under way
	g.mu.Lock()
	g.version = 1 // the next reader read the version before the write
	g.mu.Unlock()
	if code := scrape(); code != 200 { // would block until release before
		t.Fatalf("scrape during the rebuild: %d", code)
	}
	close(g.release)
	if code := <-done; code != 200 {
		t.Fatalf("rebuilding scrape: %d", code)
	}
	if c := h.cache.Load(); c == nil || c.version != 2 {
		t.Fatalf("after the rebuild the cache holds %+v, want version 2", c)
	}
}
