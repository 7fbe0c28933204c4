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
}

func newFragmentCache(max int) *fragmentCache {
	return &fragmentCache{max: max, pages: map[string]cachedPage{}}
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
