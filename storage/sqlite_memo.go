package storage

import (
	"context"
	"sync"
)

// memoMax bounds how many answers the memo keeps: a comparison across the
// communes of a nation is about a megabyte.
const memoMax = 64

// memo keeps derived answers (Progress, Compare, Series) for the data version they
// were computed at. Every write that changes anything bumps the version, in
// this process or another, so the first read that sees a new version finds
// the memo emptied; readers between two writes share one derivation
// instead of each reading thousands of figures again.
type memo struct {
	mu      sync.Mutex
	version int64
	entries map[string]any
}

func newMemo() *memo { return &memo{entries: map[string]any{}} }

// get returns the answer stored under key at version.
func (m *memo) get(version int64, key string) (any, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if version != m.version {
		return nil, false
	}
	v, ok := m.entries[key]
	return v, ok
}

// put stores an answer computed at version. An answer of an older version
// than the memo's is dropped; a newer version empties the memo first.
func (m *memo) put(version int64, key string, v any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case version < m.version:
		return
	case version > m.version || len(m.entries) >= memoMax:
		m.entries = map[string]any{}
		m.version = version
	}
	m.entries[key] = v
}

// ClearMemo forgets the Progress, Compare and Series answers kept for the current
// data version, so that the next reads derive again from the figures:
// benchmarks call it to measure cold reads.
func (db *DB) ClearMemo() { db.memo.clear() }

// clear forgets every answer (the thresholds changed).
func (m *memo) clear() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries = map[string]any{}
}

// memoized returns the answer under key for the current data version,
// computing and storing it on a miss. The version is read before the
// answer is computed, so an answer that a concurrent write overtook is
// stored under the older version and never served after that write.
func memoized[T any](ctx context.Context, db *DB, key string, compute func() (T, error)) (T, error) {
	version, err := db.DataVersion(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	if v, ok := db.memo.get(version, key); ok {
		return v.(T), nil
	}
	v, err := compute()
	if err == nil {
		db.memo.put(version, key, v)
	}
	return v, err
}
