package auth

import (
	"crypto/rand"
	"encoding/base64"
	"sync"
	"time"
)

// CookieName is the name of the session cookie.
const CookieName = "plantrack_session"

type session struct {
	secret  string // the token, kept in memory only, so a revoked token ends its sessions
	expires time.Time
	created time.Time
}

// sessionStore is a bounded, in-memory map of session id → session.
type sessionStore struct {
	mu   sync.Mutex
	max  int
	now  func() time.Time
	byID map[string]session
}

func newSessionStore(max int, now func() time.Time) *sessionStore {
	return &sessionStore{max: max, now: now, byID: make(map[string]session)}
}

// create stores a new session for secret lasting ttl and returns its id.
func (s *sessionStore) create(secret string, ttl time.Duration) string {
	id := newID()
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.byID) >= s.max {
		s.evictLocked(now)
	}
	s.byID[id] = session{secret: secret, expires: now.Add(ttl), created: now}
	return id
}

// get returns a live session; an expired one is removed.
func (s *sessionStore) get(id string) (session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok := s.byID[id]
	if !ok {
		return session{}, false
	}
	if !s.now().Before(ss.expires) {
		delete(s.byID, id)
		return session{}, false
	}
	return ss, true
}

func (s *sessionStore) delete(id string) {
	s.mu.Lock()
	delete(s.byID, id)
	s.mu.Unlock()
}

func (s *sessionStore) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.byID)
}

// evictLocked drops expired sessions, and the oldest one if none expired.
func (s *sessionStore) evictLocked(now time.Time) {
	var oldestID string
	var oldest time.Time
	for id, ss := range s.byID {
		if !now.Before(ss.expires) {
			delete(s.byID, id)
			continue
		}
		if oldestID == "" || ss.created.Before(oldest) {
			oldestID, oldest = id, ss.created
		}
	}
	if len(s.byID) >= s.max && oldestID != "" {
		delete(s.byID, oldestID)
	}
}

// newID returns 256 random bits, URL-safe.
func newID() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b[:])
}
