package storage

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"sync"
)

// memoMax bounds how many answers and pieces the memo keeps, memoBudget
// the bytes they keep reachable (estimated by memoSize): a comparison
// across the communes of a nation is about a megabyte, a child's figures
// kept for its parent's checks (kidPiece) tens of kilobytes, so at
// national scale the bytes bind first — unbounded, a few hundred fresh
// as_of dates kept 1.9 GB resident (BENCHMARKS.md, national scale).
const (
	memoMax    = 20000
	memoBudget = 64 << 20
)

// memo keeps derived answers (Progress, Compare, Series, …) and the pieces
// they are assembled from (one child's status, one unit's comparison row,
// one unit's latest figures) across writes. Each is kept with the data
// version it was computed at and the unit × indicator pairs it depends on;
// it is served while none of those pairs changed since (see tracker), so
// a write — by this process or another — makes the next read recompute
// only what the write touched. Answers as of a date on or after every
// stored date are kept once, as the current answer, whatever as_of asked.
type memo struct {
	mu      sync.Mutex
	entries map[string]memoEntry
	flights map[string]*memoFlight
	max     int   // entries kept at most (memoMax)
	budget  int64 // bytes kept at most (memoBudget)
	bytes   int64 // sum of the kept entries' sizes
	tick    int64 // bumped by every get and put: the entries' use order
}

type memoEntry struct {
	at   int64  // data version read before computing
	deps []pair // what it depends on; see tracker
	v    any
	size int64 // memoSize when kept
	used int64 // memo.tick when last got or put
}

// memoFlight is one computation of a missing answer: concurrent readers of
// the same answer wait for it instead of each deriving it again.
type memoFlight struct {
	done chan struct{}
	e    memoEntry
	err  error
}

func newMemo() *memo {
	return &memo{entries: map[string]memoEntry{}, flights: map[string]*memoFlight{}, max: memoMax, budget: memoBudget}
}

// get returns the entry kept under key, marking it used.
func (m *memo) get(key string) (memoEntry, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if ok {
		m.tick++
		e.used = m.tick
		m.entries[key] = e
	}
	return e, ok
}

// put keeps e under key unless a newer answer is kept there already. An
// entry larger than a quarter of the budget is not kept. Past either
// bound (entries or bytes), answers no longer valid go first, then those
// used longest ago, down to three quarters of each bound, so that
// evictions are rare and an answer read often stays.
func (m *memo) put(key string, e memoEntry, valid func(memoEntry) bool) {
	e.size = memoSize(key, e)
	m.mu.Lock()
	defer m.mu.Unlock()
	old, had := m.entries[key]
	if had && old.at > e.at {
		return
	}
	if had {
		delete(m.entries, key)
		m.bytes -= old.size
	}
	if e.size > m.budget/4 {
		return
	}
	if len(m.entries) >= m.max || m.bytes+e.size > m.budget {
		m.evict(valid)
	}
	m.tick++
	e.used = m.tick
	m.entries[key] = e
	m.bytes += e.size
}

// evict drops the entries no longer valid, then those used longest ago
// until the memo holds at most three quarters of each bound; m.mu held.
func (m *memo) evict(valid func(memoEntry) bool) {
	for k, e := range m.entries {
		if !valid(e) {
			delete(m.entries, k)
			m.bytes -= e.size
		}
	}
	maxN, maxB := m.max*3/4, m.budget*3/4
	if len(m.entries) <= maxN && m.bytes <= maxB {
		return
	}
	keys := make([]string, 0, len(m.entries))
	for k := range m.entries {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(m.entries[a].used, m.entries[b].used) })
	for _, k := range keys {
		if len(m.entries) <= maxN && m.bytes <= maxB {
			return
		}
		m.bytes -= m.entries[k].size
		delete(m.entries, k)
	}
}

// ClearMemo forgets every kept answer and piece, so that the next reads
// derive again from the figures: benchmarks call it to measure cold reads.
func (db *DB) ClearMemo() { db.memo.clear() }

// clear forgets every answer (the thresholds changed).
func (m *memo) clear() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries, m.bytes = map[string]memoEntry{}, 0
}

// memoized returns the answer kept under key while it is valid, computing
// and keeping it otherwise; compute returns the answer and the pairs it
// depends on, given the version it computes at (for the pieces it keeps). asOf is folded into the key: "" when it is on or after every
// stored date (the current answer). The version is synced before the
// answer is computed, so an answer that a concurrent write overtook is kept
// under the older version and not served after that write is seen.
func memoized[T any](ctx context.Context, db *DB, key, asOf string, compute func(ctx context.Context, at int64) (T, []pair, error)) (T, error) {
	var zero T
	at, err := db.sync(ctx)
	if err != nil {
		return zero, err
	}
	key += "\x00" + db.fresh.current(asOf)
	valid := func(e memoEntry) bool { return db.fresh.validAt(e.at, e.deps) }
	if e, ok := db.memo.get(key); ok && valid(e) {
		return e.v.(T), nil
	}
	f, lead := db.memo.lead(key, at)
	if !lead {
		select {
		case <-f.done:
		case <-ctx.Done():
			return zero, ctx.Err()
		}
		if f.err == nil && valid(f.e) {
			return f.e.v.(T), nil
		}
		// The leader failed (perhaps its request was cancelled) or wrote
		// before a newer change: compute for ourselves.
	}
	db.derivations.Add(1)
	v, deps, err := compute(ctx, at)
	e := memoEntry{at: at, deps: deps, v: v}
	if err == nil {
		db.memo.put(key, e, valid)
	}
	if lead {
		db.memo.land(key, at, f, e, err)
	}
	return v, err
}

// lead returns the flight computing key at version at and whether the
// caller leads it (must compute, then land) or follows (waits on done).
func (m *memo) lead(key string, at int64) (*memoFlight, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := flightKey(key, at)
	if f, ok := m.flights[k]; ok {
		return f, false
	}
	f := &memoFlight{done: make(chan struct{})}
	m.flights[k] = f
	return f, true
}

func (m *memo) land(key string, at int64, f *memoFlight, e memoEntry, err error) {
	m.mu.Lock()
	delete(m.flights, flightKey(key, at))
	m.mu.Unlock()
	f.e, f.err = e, err
	close(f.done)
}

func flightKey(key string, at int64) string {
	return key + "\x00@" + strconv.FormatInt(at, 10)
}

// pieceKey is the key of a piece of an answer as of asOf, after a sync.
func (db *DB) pieceKey(key, asOf string) string { return key + "\x00" + db.fresh.current(asOf) }

// piece returns the piece kept under key (from pieceKey) while it is valid.
func (db *DB) piece(key string) (any, bool) {
	e, ok := db.memo.get(key)
	if !ok || !db.fresh.validAt(e.at, e.deps) {
		return nil, false
	}
	return e.v, true
}

// keepPiece keeps a piece computed at version at (from sync).
func (db *DB) keepPiece(key string, at int64, deps []pair, v any) {
	db.derivations.Add(1)
	db.memo.put(key, memoEntry{at: at, deps: deps, v: v}, func(e memoEntry) bool { return db.fresh.validAt(e.at, e.deps) })
}
