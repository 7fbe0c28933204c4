package web

import "sync"

// fragmentCache keeps rendered page fragments for one data version. A
// request that sees a newer version empties it, so a write by any process
// (the database's DataVersion counter) is visible at the next request.
type fragmentCache struct {
	mu      sync.Mutex
	max     int
	version int64
	pages   map[string]cachedPage
	flights map[flightKey]*flight
}

func newFragmentCache(max int) *fragmentCache {
	return &fragmentCache{max: max, pages: map[string]cachedPage{}, flights: map[flightKey]*flight{}}
}

type flightKey struct {
	version int64
	key     string
}

// flight is one build of a missing page; requests for the same page and
// version wait for it instead of building it again. After a write, every
// reader misses at once: without this, fifty readers of one page rebuild
// it fifty times over on two cores.
type flight struct {
	once sync.Once
	done chan struct{}
	page cachedPage
	ok   bool
}

// lead returns the flight building (version, key) and whether the caller
// leads it (must build, then call land) or follows (waits on done).
func (c *fragmentCache) lead(version int64, key string) (*flight, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := flightKey{version, key}
	if f, ok := c.flights[k]; ok {
		return f, false
	}
	f := &flight{done: make(chan struct{})}
	c.flights[k] = f
	return f, true
}

// land ends a flight with its page (ok false: the build failed and each
// follower builds for itself); only the first call counts.
func (c *fragmentCache) land(version int64, key string, f *flight, p cachedPage, ok bool) {
	f.once.Do(func() {
		f.page, f.ok = p, ok
		c.mu.Lock()
		delete(c.flights, flightKey{version, key})
		c.mu.Unlock()
		close(f.done)
	})
}

func (c *fragmentCache) get(version int64, key string) (cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		return cachedPage{}, false
	}
	p, ok := c.pages[key]
	return p, ok
}

func (c *fragmentCache) put(version int64, key string, p cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version < c.version {
		return // built before a write another request already saw: stale
	}
	if version != c.version {
		c.version = version
		c.pages = map[string]cachedPage{}
	}
	if len(c.pages) >= c.max {
		// Simple bound: start over rather than track recency; pages are
		// cheap to re-render and the set of hot pages is small.
		c.pages = map[string]cachedPage{}
	}
	c.pages[key] = p
}
