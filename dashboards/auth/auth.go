// Package auth identifies writers and decides what they may write. It
// issues writer tokens (kept as hashes by storage) and checks the ones
// callers present, either as an `Authorization: Bearer` header or through a
// login session cookie; it keeps sessions server-side, slows down callers
// that keep presenting bad tokens, serves the login and logout pages, and
// scopes a reporter's writes to its unit and that unit's descendants.
package auth

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// Roles a writer may hold: storage.RoleAdmin (every unit) and
// storage.RoleReporter (its unit and that unit's descendants).

// Writer is someone allowed to write: the name, role and unit of the token
// they presented.
type Writer struct {
	TokenName string `json:"token_name"`
	Role      string `json:"role"`
	Unit      string `json:"unit,omitempty"`
}

type writerKey struct{}

// WithWriter returns a context that carries w.
func WithWriter(ctx context.Context, w Writer) context.Context {
	return context.WithValue(ctx, writerKey{}, w)
}

// WriterFrom returns the writer identified for the request whose context
// this is, and whether there is one.
func WriterFrom(ctx context.Context) (Writer, bool) {
	w, ok := ctx.Value(writerKey{}).(Writer)
	return w, ok
}

// Authenticator checks a token secret and returns its writer, or an error
// (a *storage.Error with CodeUnauthorized when the token is unknown or
// revoked).
type Authenticator func(ctx context.Context, secret string) (Writer, error)

// Config configures a Manager.
type Config struct {
	Authenticate Authenticator // required
	TTL          time.Duration // session lifetime; default 12h
	Secure       bool          // mark the cookie Secure even on plain HTTP (behind a TLS proxy)
	MaxSessions  int           // default 10,000; the oldest session is dropped beyond it
	Logger       *slog.Logger  // default slog.Default()
	Now          func() time.Time
}

// Manager holds the sessions and the failed-attempt limiter.
type Manager struct {
	cfg      Config
	sessions *sessionStore
	limiter  *Limiter
}

// NewManager returns a Manager; it fails when cfg has no Authenticate.
func NewManager(cfg Config) (*Manager, error) {
	if cfg.Authenticate == nil {
		return nil, errors.New("auth: Config.Authenticate is required")
	}
	if cfg.TTL <= 0 {
		cfg.TTL = 12 * time.Hour
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 10000
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Manager{
		cfg:      cfg,
		sessions: newSessionStore(cfg.MaxSessions, cfg.Now),
		limiter:  NewLimiter(4096, cfg.Now),
	}, nil
}

// Identify returns the writer a request presents. A Bearer header is checked
// first: a bad one is an error (CodeUnauthorized, or CodeTooManyRequests while
// the caller's address is slowed down). Without a header, a live session
// cookie whose token is still valid identifies the writer; a missing,
// expired or revoked session is no writer and no error.
func (m *Manager) Identify(r *http.Request) (Writer, bool, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		secret, ok := bearer(h)
		if !ok {
			return Writer{}, false, storage.Errorf(storage.CodeUnauthorized,
				"the Authorization header must be \"Bearer <token>\"; create a token with `plantrack token create`")
		}
		w, err := m.check(r.Context(), RemoteIP(r), secret)
		if err != nil {
			return Writer{}, false, err
		}
		return w, true, nil
	}
	c, err := r.Cookie(CookieName)
	if err != nil || c.Value == "" {
		return Writer{}, false, nil
	}
	s, ok := m.sessions.get(c.Value)
	if !ok {
		return Writer{}, false, nil
	}
	w, err := m.cfg.Authenticate(r.Context(), s.secret)
	if err != nil {
		if storage.ErrorCode(err) == storage.CodeUnauthorized {
			m.sessions.delete(c.Value) // token revoked since login
			return Writer{}, false, nil
		}
		return Writer{}, false, err
	}
	return w, true, nil
}

// check authenticates secret for the caller at ip, counting failures and
// refusing while ip is slowed down.
func (m *Manager) check(ctx context.Context, ip, secret string) (Writer, error) {
	if wait := m.limiter.Wait(ip); wait > 0 {
		return Writer{}, tooMany(wait)
	}
	w, err := m.cfg.Authenticate(ctx, secret)
	if err != nil {
		if storage.ErrorCode(err) == storage.CodeUnauthorized {
			m.limiter.Fail(ip)
			m.cfg.Logger.Warn("bad token", "remote", ip)
		}
		return Writer{}, err
	}
	return w, nil
}

// CodeTooManyRequests is the error code for callers slowed down after
// repeated bad tokens (HTTP 429).
const CodeTooManyRequests = "too_many_requests"

func tooMany(wait time.Duration) error {
	secs := int(wait.Round(time.Second) / time.Second)
	if secs < 1 {
		secs = 1
	}
	return storage.Errorf(CodeTooManyRequests, "too many bad tokens from your address; wait %d seconds and try again", secs)
}

// RetryAfter returns how many seconds a CodeTooManyRequests error asks the
// caller to wait, for a Retry-After header.
func (m *Manager) RetryAfter(r *http.Request) int {
	secs := int(m.limiter.Wait(RemoteIP(r)).Round(time.Second) / time.Second)
	if secs < 1 {
		secs = 1
	}
	return secs
}

func bearer(h string) (string, bool) {
	scheme, secret, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	secret = strings.TrimSpace(secret)
	return secret, secret != ""
}

// RemoteIP is the caller's address without the port. Forwarded headers are
// not trusted: behind a proxy every caller shares the proxy's address.
func RemoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
