package dashboards

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
)

// ContentSecurityPolicy is sent with every answer: scripts only from this
// origin (no inline script, no eval), nothing framed, forms post here only.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// middleware wraps the routes, outermost first: request log, panic
// recovery, security headers, body limit, cross-origin protection for
// state-changing requests, writer identification, read authorisation.
func (s *Server) middleware(mux http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, storage.Errorf(storage.CodeForbidden,
			"cross-origin request refused: state-changing requests must come from this site's own pages"))
	}))
	var h http.Handler = mux
	h = s.requireRead(h)
	h = s.identify(h)
	h = cop.Handler(h)
	h = s.writeDeadline(h)
	h = s.limitBody(h)
	h = securityHeaders(h)
	h = s.recoverPanics(h)
	return s.logRequests(h)
}

// securityHeaders sets the CSP and companion headers on every answer.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// writeDeadline ends a state-changing request's context after
// cfg.WriteDeadline, so that an import honours the request's deadline.
func (s *Server) writeDeadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.WriteDeadline)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// limitBody refuses a declared body over the limit with 413 before reading
// it, and caps undeclared (chunked) bodies at the same limit.
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.cfg.MaxBodyBytes {
			w.Header().Set("Connection", "close")
			s.writeError(w, r, tooLarge(s.cfg.MaxBodyBytes))
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes), limit: s.cfg.MaxBodyBytes}
		}
		next.ServeHTTP(w, r)
	})
}

// limitedBody remembers that the body reached the limit, so the answer is
// 413 even when a parser turned the read error into its own message (or
// gave up first, as a multipart reader with a full buffer does).
type limitedBody struct {
	io.ReadCloser
	limit, n int64
	hit      bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	var mb *http.MaxBytesError
	if err != nil && errors.As(err, &mb) {
		b.hit = true
	}
	return n, err
}

// bodyLimitHit reports whether r's body went over (or reached) the limit.
func bodyLimitHit(r *http.Request) bool {
	lb, ok := r.Body.(*limitedBody)
	return ok && (lb.hit || lb.n >= lb.limit)
}

// identify puts the request's writer (Bearer token or session) into its
// context. A bad Bearer token is answered with 401 (or 429 while slowed).
func (s *Server) identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wr, ok, err := s.auth.Identify(r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if ok {
			r = r.WithContext(auth.WithWriter(r.Context(), wr))
			if rec, isRec := w.(*recorder); isRec {
				rec.writer = wr.TokenName
			}
		}
		next.ServeHTTP(w, r)
	})
}

// requireRead, under --read-auth, lets only identified callers past, apart
// from the login page, assets and the health check. API callers get 401;
// page visitors are sent to the login page.
func (s *Server) requireRead(next http.Handler) http.Handler {
	if !s.cfg.ReadAuth {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := auth.WriterFrom(r.Context()); ok || openPath(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/metrics" || r.Method != http.MethodGet {
			s.writeError(w, r, storage.Errorf(storage.CodeUnauthorized,
				"this server requires a login to read: send \"Authorization: Bearer <token>\" or sign in at /login"))
			return
		}
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	})
}

func openPath(p string) bool {
	return p == "/login" || p == "/logout" || p == "/healthz" || p == "/favicon.ico" || strings.HasPrefix(p, "/assets/")
}

// recoverPanics answers a panicking request with a 500 JSON error and logs
// the stack; http.ErrAbortHandler passes through to abort the connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v),
				"stack", string(debug.Stack()))
			if rec, ok := w.(*recorder); ok && rec.wrote {
				panic(http.ErrAbortHandler) // headers are out; only aborting tells the client
			}
			s.writeError(w, r, storage.Errorf(storage.CodeInternal, "panic"))
		}()
		next.ServeHTTP(w, r)
	})
}

// logRequests logs one line per request: method, path, status, bytes,
// duration, remote address and, for writers, the token name (never the token).
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := recorderOf(w)
		next.ServeHTTP(rec, r)
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", rec.Status(), "bytes", rec.bytes,
			"duration_ms", float64(time.Since(start).Microseconds()) / 1000, "remote", auth.RemoteIP(r)}
		if rec.writer != "" {
			attrs = append(attrs, "token", rec.writer)
		}
		s.log.Info("http", attrs...)
	})
}
