package auth

import (
	"sync"
	"time"
)

// Limiter slows down addresses that keep presenting bad tokens: the first
// FreeFailures failures within Window cost nothing; each further failure
// blocks the address for twice as long as the one before (1 s, 2 s, 4 s, …,
// at most MaxBlock). A success does not forget the failures: a caller
// holding one valid token cannot interleave it with guesses to escape the
// slow-down. It remembers at most a fixed number of addresses.
type Limiter struct {
	FreeFailures int
	Window       time.Duration
	MaxBlock     time.Duration

	mu      sync.Mutex
	max     int
	now     func() time.Time
	entries map[string]*limitEntry
}

type limitEntry struct {
	failures int
	last     time.Time // last failure
	until    time.Time // blocked until
}

// NewLimiter returns a Limiter remembering at most max addresses.
func NewLimiter(max int, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{FreeFailures: 5, Window: 15 * time.Minute, MaxBlock: 5 * time.Minute,
		max: max, now: now, entries: make(map[string]*limitEntry)}
}

// Wait returns how long ip must wait before its next attempt (0: go ahead).
func (l *Limiter) Wait(ip string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[ip]
	if !ok {
		return 0
	}
	if d := e.until.Sub(l.now()); d > 0 {
		return d
	}
	return 0
}

// Fail records a failed attempt by ip.
func (l *Limiter) Fail(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	e, ok := l.entries[ip]
	if ok && now.Sub(e.last) > l.Window {
		e.failures = 0
	}
	if !ok {
		if len(l.entries) >= l.max {
			l.pruneLocked(now)
		}
		e = &limitEntry{}
		l.entries[ip] = e
	}
	e.failures++
	e.last = now
	if over := e.failures - l.FreeFailures; over > 0 {
		block := time.Second << min(over-1, 20)
		e.until = now.Add(min(block, l.MaxBlock))
	}
}

// pruneLocked drops stale entries and, if none is stale, the one whose last
// failure is oldest, so memory stays bounded without forgetting the
// addresses that are failing right now.
func (l *Limiter) pruneLocked(now time.Time) {
	var oldestIP string
	var oldest time.Time
	for ip, e := range l.entries {
		if now.Sub(e.last) > l.Window && !now.Before(e.until) {
			delete(l.entries, ip)
			continue
		}
		if oldestIP == "" || e.last.Before(oldest) {
			oldestIP, oldest = ip, e.last
		}
	}
	if len(l.entries) >= l.max && oldestIP != "" {
		delete(l.entries, oldestIP)
	}
}
