package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func newClock() *clock               { return &clock{t: time.Date(2018, 6, 11, 9, 0, 0, 0, time.UTC)} }

// tokens is an Authenticator over a map that tests can change.
type tokens struct {
	mu sync.Mutex
	m  map[string]Writer
}

func (tk *tokens) auth(_ context.Context, secret string) (Writer, error) {
	tk.mu.Lock()
	defer tk.mu.Unlock()
	if w, ok := tk.m[secret]; ok {
		return w, nil
	}
	return Writer{}, storage.Errorf(storage.CodeUnauthorized, "unknown token")
}

func newTestManager(t *testing.T, c *clock, ttl time.Duration) (*Manager, *tokens) {
	t.Helper()
	tk := &tokens{m: map[string]Writer{"good": {TokenName: "g", Role: storage.RoleAdmin}}}
	m, err := NewManager(Config{Authenticate: tk.auth, TTL: ttl, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	m.limiter.now = c.now
	return m, tk
}

func loginCookie(t *testing.T, m *Manager, secret string) *http.Cookie {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"token": {secret}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	m.HandleLogin(rec, req)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("login: %d %s", rec.Code, rec.Body)
	}
	return rec.Result().Cookies()[0]
}

func requestWith(c *http.Cookie) *http.Request {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	if c != nil {
		req.AddCookie(c)
	}
	return req
}

func TestSessionLifecycle(t *testing.T) {
	c := newClock()
	m, tk := newTestManager(t, c, time.Hour)
	ck := loginCookie(t, m, "good")
	if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Secure || ck.MaxAge != 3600 || len(ck.Value) < 40 {
		t.Fatalf("cookie %+v", ck)
	}
	if w, ok, err := m.Identify(requestWith(ck)); err != nil || !ok || w.TokenName != "g" {
		t.Fatalf("Identify = %+v %v %v", w, ok, err)
	}
	c.add(59 * time.Minute)
	if _, ok, _ := m.Identify(requestWith(ck)); !ok {
		t.Fatal("session ended before its TTL")
	}
	c.add(2 * time.Minute)
	if _, ok, err := m.Identify(requestWith(ck)); ok || err != nil {
		t.Fatalf("expired session still identifies: %v %v", ok, err)
	}
	if m.Sessions() != 0 {
		t.Errorf("expired session not removed: %d", m.Sessions())
	}
	// Revoking the token ends its session.
	ck = loginCookie(t, m, "good")
	tk.mu.Lock()
	delete(tk.m, "good")
	tk.mu.Unlock()
	if _, ok, err := m.Identify(requestWith(ck)); ok || err != nil {
		t.Fatalf("session of a revoked token identifies: %v %v", ok, err)
	}
	// A forged cookie is no one.
	if _, ok, err := m.Identify(requestWith(&http.Cookie{Name: CookieName, Value: "forged"})); ok || err != nil {
		t.Fatalf("forged cookie: %v %v", ok, err)
	}
}

func TestLogoutEndsSession(t *testing.T) {
	m, _ := newTestManager(t, newClock(), time.Hour)
	ck := loginCookie(t, m, "good")
	req := httptest.NewRequest(http.MethodPost, "/logout", nil)
	req.AddCookie(ck)
	rec := httptest.NewRecorder()
	m.HandleLogout(rec, req)
	cleared := rec.Result().Cookies()
	if rec.Code != http.StatusSeeOther || len(cleared) != 1 || cleared[0].MaxAge >= 0 {
		t.Fatalf("logout: %d %+v", rec.Code, cleared)
	}
	if _, ok, _ := m.Identify(requestWith(ck)); ok {
		t.Fatal("session alive after logout")
	}
}

func TestSecureCookieOnTLSOrWhenAsked(t *testing.T) {
	m, _ := newTestManager(t, newClock(), time.Hour)
	req := httptest.NewRequest(http.MethodPost, "https://x/login", strings.NewReader("token=good"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	m.HandleLogin(rec, req)
	if ck := rec.Result().Cookies(); len(ck) != 1 || !ck[0].Secure {
		t.Fatalf("TLS login cookie not Secure: %+v", ck)
	}
	m.cfg.Secure = true
	if ck := loginCookie(t, m, "good"); !ck.Secure {
		t.Fatalf("--secure-cookies ignored: %+v", ck)
	}
}

func TestBearer(t *testing.T) {
	m, _ := newTestManager(t, newClock(), time.Hour)
	for hdr, want := range map[string]string{"Bearer good": "", "bearer good": "", "Bearer  good ": "",
		"Bearer bad": storage.CodeUnauthorized, "Basic Z29vZA==": storage.CodeUnauthorized, "good": storage.CodeUnauthorized,
		"Bearer ": storage.CodeUnauthorized} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Header.Set("Authorization", hdr)
		w, ok, err := m.Identify(req)
		if storage.ErrorCode(err) != want || ok != (want == "") || (ok && w.Role != storage.RoleAdmin) {
			t.Errorf("%q: %+v %v %v, want code %q", hdr, w, ok, err, want)
		}
	}
}

func TestLimiterSlowsDownAndForgets(t *testing.T) {
	c := newClock()
	l := NewLimiter(3, c.now)
	for i := 0; i < 5; i++ {
		l.Fail("1.2.3.4")
	}
	if w := l.Wait("1.2.3.4"); w != 0 {
		t.Fatalf("blocked after the free failures: %v", w)
	}
	l.Fail("1.2.3.4")
	if w := l.Wait("1.2.3.4"); w != time.Second {
		t.Fatalf("6th failure: wait %v, want 1s", w)
	}
	l.Fail("1.2.3.4")
	l.Fail("1.2.3.4")
	if w := l.Wait("1.2.3.4"); w != 4*time.Second {
		t.Fatalf("8th failure: wait %v, want 4s", w)
	}
	for i := 0; i < 30; i++ {
		l.Fail("1.2.3.4")
	}
	if w := l.Wait("1.2.3.4"); w != l.MaxBlock {
		t.Fatalf("wait %v, want the cap %v", w, l.MaxBlock)
	}
	if l.Wait("5.6.7.8") != 0 {
		t.Fatal("another address is blocked")
	}
	c.add(l.MaxBlock)
	if w := l.Wait("1.2.3.4"); w != 0 {
		t.Fatalf("still blocked after the block: %v", w)
	}
	// Bounded memory: a fourth address evicts the stalest, never grows past max.
	l.Fail("a")
	c.add(time.Second)
	l.Fail("b")
	l.Fail("c")
	if len(l.entries) != 3 {
		t.Fatalf("entries = %d, want 3", len(l.entries))
	}
	if _, ok := l.entries["1.2.3.4"]; ok {
		t.Error("the stalest address was not evicted")
	}
}

// TestSlowDownIgnoresSuccesses is issue 17's brute-force bypass: 200
// guesses, each followed by a valid token from the same address. Only the
// 5 free guesses and the one that starts the block reach the token check;
// every later one (and, while blocked, the valid token too) gets 429.
func TestSlowDownIgnoresSuccesses(t *testing.T) {
	m, _ := newTestManager(t, newClock(), time.Hour)
	ctx := context.Background()
	tried, limited := 0, 0
	for i := 0; i < 200; i++ {
		_, err := m.check(ctx, "203.0.113.9", "guess")
		switch storage.ErrorCode(err) {
		case storage.CodeUnauthorized:
			tried++
		case CodeTooManyRequests:
			limited++
		}
		m.check(ctx, "203.0.113.9", "good")
	}
	if tried != 6 || limited != 194 {
		t.Fatalf("%d guesses checked and %d slowed down; want 6 and 194", tried, limited)
	}
}

func TestLoginSlowDown(t *testing.T) {
	m, _ := newTestManager(t, newClock(), time.Hour)
	var last *httptest.ResponseRecorder
	for i := 0; i < 7; i++ {
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("token=nope"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		last = httptest.NewRecorder()
		m.HandleLogin(last, req)
	}
	if last.Code != http.StatusTooManyRequests || last.Header().Get("Retry-After") == "" {
		t.Fatalf("7th bad login: %d %v", last.Code, last.Header())
	}
}

func TestSessionStoreIsBounded(t *testing.T) {
	c := newClock()
	s := newSessionStore(3, c.now)
	first := s.create("a", time.Hour)
	for i := 0; i < 5; i++ {
		c.add(time.Second)
		s.create("b", time.Hour)
	}
	if s.len() != 3 {
		t.Fatalf("%d sessions, want at most 3", s.len())
	}
	if _, ok := s.get(first); ok {
		t.Error("the oldest session survived eviction")
	}
}

// TestLoginRedirectStaysOnSite: a login with next=/%09/evil.example (issue
// 17) redirects to "/", not to "/\t/evil.example".
func TestLoginRedirectStaysOnSite(t *testing.T) {
	m, _ := newTestManager(t, newClock(), time.Hour)
	req := httptest.NewRequest(http.MethodPost, "/login?next=/%09/evil.example", strings.NewReader("token=good&next=%2F%09%2Fevil.example"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	m.HandleLogin(rec, req)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/" {
		t.Fatalf("%d Location %q, want 303 to /", rec.Code, rec.Header().Get("Location"))
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{"/units/can-tho?lang=en": "/units/can-tho?lang=en", "": "/",
		"//evil.example/": "/", "https://evil.example/": "/", "/\\evil.example": "/", "units": "/", "/a\r\nSet-Cookie: x": "/",
		// Issue 17: browsers drop tabs, line breaks and (in paths) spaces,
		// so each of these would lead to another site.
		"/\t/evil.example": "/", "/\n/evil.example": "/", "/\r/evil.example": "/", "/ /evil.example": "/",
		"/\x00/evil.example": "/", "/a\\b": "/", "/%2F/evil.example": "/", "/units?next=//x": "/units?next=//x"} {
		if got := SafeNext(in); got != want {
			t.Errorf("SafeNext(%q) = %q, want %q", in, got, want)
		}
	}
}
