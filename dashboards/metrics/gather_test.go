package metrics

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// TestConcurrentScrapesShareOneGather: scrapes that arrive while another
// scrape's gather runs wait for it and serve its result (one Gather for
// all of them, byte-identical bodies); a scrape after it gathers again.
func TestConcurrentScrapesShareOneGather(t *testing.T) {
	db, _ := demoDB(t)
	inner := fixedRegistry()
	var calls atomic.Int32
	entered, release := make(chan struct{}), make(chan struct{})
	gatherer := prometheus.GathererFunc(func() ([]*dto.MetricFamily, error) {
		if calls.Add(1) == 1 {
			close(entered)
			<-release // the first gather is held until the others joined it
		}
		return inner.Gather()
	})
	h := NewHandler(db, gatherer, 1, nil)
	const joiners = 5
	bodies := make([][]byte, joiners+1)
	var wg sync.WaitGroup
	scrape := func(i int) {
		defer wg.Done()
		bodies[i] = get(t, h, "GET", nil).Body.Bytes()
	}
	wg.Add(1)
	go scrape(0)
	<-entered
	wg.Add(joiners)
	for i := 1; i <= joiners; i++ {
		go scrape(i)
	}
	for joined(h) < joiners { // an event, not a deadline
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("%d gathers for %d concurrent scrapes, want 1", n, joiners+1)
	}
	for i, b := range bodies {
		if !bytes.Equal(b, bodies[0]) || !bytes.Contains(b, []byte("plantrack_imports_total")) {
			t.Fatalf("scrape %d served another text than the gather it joined", i)
		}
	}
	get(t, h, "GET", nil)
	if n := calls.Load(); n != 2 {
		t.Fatalf("a scrape after the shared gather made %d gathers in all, want 2 (its own)", n)
	}
}

// joined is how many scrapes wait on the gathers now running.
func joined(h *Handler) int32 {
	h.gatherMu.Lock()
	defer h.gatherMu.Unlock()
	var n int32
	for _, g := range h.gathers {
		n += g.waiters.Load()
	}
	return n
}
