package storage

import (
	"context"
	"slices"
	"sync"
	"time"
)

// hotMax bounds how many answers readers asked for are remembered for
// RefreshRead: past it, those read longest ago are forgotten.
const hotMax = 4096

// hotRead is an answer a reader asked for: how to derive it again and how
// often and when it was last asked for.
type hotRead struct {
	key, asOf string // memoized's key and as_of
	again     func(context.Context) error
	reads     int64
	last      time.Time
}

// hotReads remembers, per answer, how readers asked for it (see readMemoized).
type hotReads struct {
	mu    sync.Mutex
	reads map[string]*hotRead
}

func newHotReads() *hotReads { return &hotReads{reads: map[string]*hotRead{}} }

// note records a read of the answer kept under key as of asOf, where
// current is the date key the memo keeps it under (see tracker.current):
// reads as of any date after every stored one are reads of one answer.
// again derives it through the same path, for RefreshRead.
func (h *hotReads) note(key, asOf, current string, now time.Time, again func() func(context.Context) error) {
	id := key + "\x00" + current
	h.mu.Lock()
	defer h.mu.Unlock()
	r, ok := h.reads[id]
	if !ok {
		if len(h.reads) >= hotMax {
			h.forgetOldest()
		}
		r = &hotRead{key: key, asOf: asOf, again: again()}
		h.reads[id] = r
	}
	r.reads++
	r.last = now
}

// forgetOldest drops the quarter of the reads asked for longest ago; h.mu
// held.
func (h *hotReads) forgetOldest() {
	lasts := make([]time.Time, 0, len(h.reads))
	for _, r := range h.reads {
		lasts = append(lasts, r.last)
	}
	slices.SortFunc(lasts, func(a, b time.Time) int { return a.Compare(b) })
	cut := lasts[len(lasts)/4]
	for id, r := range h.reads {
		if !r.last.After(cut) {
			delete(h.reads, id)
		}
	}
}

// readMemoized is memoized for an answer readers ask for (Progress,
// Compare, Series, …): the read is remembered so that RefreshRead can
// derive the answer again after a write invalidates it, before the next
// reader asks. compute must take everything from its arguments and what it
// captures except a request's context: it may run after the request ended.
func readMemoized[T any](ctx context.Context, db *DB, key, asOf string, compute func(ctx context.Context, at int64) (T, []pair, error)) (T, error) {
	v, err := memoized(ctx, db, key, asOf, compute)
	if err == nil {
		db.hot.note(key, asOf, db.fresh.current(asOf), time.Now(), func() func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := memoized(ctx, db, key, asOf, compute)
				return err
			}
		})
	}
	return v, err
}

// RefreshLimits bound one RefreshRead.
type RefreshLimits struct {
	Within  time.Duration // answers asked for within this long before the call
	Answers int           // at most this many answers derived
	Budget  time.Duration // no answer is started after this long
}

// RefreshRead derives again, before readers ask, the answers that readers
// asked for within lim.Within and that the writes seen since (by this
// process or another) invalidated: most asked for first, at most
// lim.Answers of them, none started after lim.Budget. Each is derived
// through the same path as a reader's request — it reuses the pieces the
// writes left valid, and a reader asking meanwhile shares its computation —
// and kept by data version like any answer, so a refresh only makes an
// answer ready sooner, never stale. It returns how many it derived; answers
// asked for longer ago are forgotten.
func (db *DB) RefreshRead(ctx context.Context, lim RefreshLimits) (int, error) {
	if _, err := db.sync(ctx); err != nil {
		return 0, err
	}
	start := time.Now()
	todo := db.staleReads(start.Add(-lim.Within))
	n := 0
	for _, r := range todo {
		if n >= lim.Answers || time.Since(start) > lim.Budget {
			break
		}
		if err := r.again(ctx); err != nil {
			if ctx.Err() != nil {
				return n, ctx.Err()
			}
			continue // a reader asking gets the error; the others still refresh
		}
		n++
	}
	return n, nil
}

// staleReads returns the answers read since since that are no longer
// kept valid, most read first, and forgets those read before since.
func (db *DB) staleReads(since time.Time) []hotRead {
	h := db.hot
	h.mu.Lock()
	var out []hotRead
	for id, r := range h.reads {
		if r.last.Before(since) {
			delete(h.reads, id)
			continue
		}
		out = append(out, *r)
	}
	h.mu.Unlock()
	out = slices.DeleteFunc(out, func(r hotRead) bool {
		_, ok := db.piece(r.key + "\x00" + db.fresh.current(r.asOf))
		return ok
	})
	slices.SortFunc(out, func(a, b hotRead) int {
		if a.reads != b.reads {
			return int(b.reads - a.reads)
		}
		return b.last.Compare(a.last)
	})
	return out
}
