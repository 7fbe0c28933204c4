package dashboards

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
)

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	f := newFixture(t, nil)
	for _, path := range []string{"/api/v1/units", "/login", "/api/v1/progress?unit=nowhere", "/healthz"} {
		resp, _ := f.do(http.MethodGet, path, nil)
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		if csp != ContentSecurityPolicy || !strings.Contains(csp, "script-src 'self';") ||
			strings.Contains(csp, "unsafe") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "same-origin" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

// login signs in with secret and returns the session cookie.
func (f *fixture) login(secret string) *http.Cookie {
	f.t.Helper()
	resp, b := f.do(http.MethodPost, "/login", strings.NewReader(url.Values{"token": {secret}, "next": {"/x"}}.Encode()),
		"Content-Type", "application/x-www-form-urlencoded")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/x" {
		f.t.Fatalf("login: %d %s", resp.StatusCode, b)
	}
	for _, c := range resp.Cookies() {
		if c.Name == auth.CookieName {
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.MaxAge <= 0 {
				f.t.Errorf("session cookie attributes: %+v", c)
			}
			return c
		}
	}
	f.t.Fatalf("login set no session cookie")
	return nil
}

func TestSessionWritesAndCrossOriginRefusal(t *testing.T) {
	f := newFixture(t, nil)
	c := f.login(f.admin)
	cookie := c.Name + "=" + c.Value
	before := f.count("can-tho")
	// A cross-site form post riding on the session cookie is refused.
	resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(batchJSON("can-tho", "2018-Q3", "9")),
		"Cookie", cookie, "Content-Type", jsonCT, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	f.wantError(resp, b, http.StatusForbidden, storage.CodeForbidden, "cross-origin")
	resp, b = f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(batchJSON("can-tho", "2018-Q3", "9")),
		"Cookie", cookie, "Content-Type", jsonCT, "Origin", "https://evil.example")
	f.wantError(resp, b, http.StatusForbidden, storage.CodeForbidden, "cross-origin")
	if f.count("can-tho") != before {
		t.Fatal("cross-origin write stored something")
	}
	// The same request from the site's own page goes through.
	resp, b = f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(batchJSON("can-tho", "2018-Q3", "9")),
		"Cookie", cookie, "Content-Type", jsonCT, "Sec-Fetch-Site", "same-origin", "Origin", f.srv.URL)
	f.expect(resp, b, http.StatusOK, nil)
	var who struct{ Writer auth.Writer }
	f.get("/api/v1/whoami", http.StatusOK, &who, "Cookie", cookie)
	if who.Writer.TokenName != "admin-1" || who.Writer.Role != "admin" {
		t.Errorf("whoami = %+v", who)
	}
	// Logging out ends the session.
	resp, _ = f.do(http.MethodPost, "/logout", nil, "Cookie", cookie)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", resp.StatusCode)
	}
	resp, b = f.do(http.MethodGet, "/api/v1/whoami", nil, "Cookie", cookie)
	f.wantError(resp, b, http.StatusUnauthorized, storage.CodeUnauthorized)
}

func TestRevokedTokenEndsItsSessions(t *testing.T) {
	f := newFixture(t, nil)
	tok := f.token("short-lived", "admin", "")
	c := f.login(tok)
	f.get("/api/v1/whoami", http.StatusOK, nil, "Cookie", c.Name+"="+c.Value)
	if err := f.db.RevokeToken(t.Context(), "short-lived"); err != nil {
		t.Fatal(err)
	}
	resp, b := f.do(http.MethodGet, "/api/v1/whoami", nil, "Cookie", c.Name+"="+c.Value)
	f.wantError(resp, b, http.StatusUnauthorized, storage.CodeUnauthorized)
}

func TestLoginPage(t *testing.T) {
	f := newFixture(t, nil)
	resp, b := f.do(http.MethodGet, "/login?next=//evil.example/&lang=en", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `name="token"`) ||
		strings.Contains(string(b), "evil.example") || !strings.Contains(string(b), "Sign in") {
		t.Fatalf("login page: %d %s", resp.StatusCode, b)
	}
	resp, b = f.do(http.MethodPost, "/login", strings.NewReader("token=wrong"), "Content-Type", "application/x-www-form-urlencoded")
	if resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) != 0 {
		t.Fatalf("bad login: %d %v %s", resp.StatusCode, resp.Cookies(), b)
	}
}

func TestBadTokensAreSlowedDown(t *testing.T) {
	f := newFixture(t, nil)
	var last *http.Response
	var body []byte
	for i := 0; i < 7; i++ {
		last, body = f.do(http.MethodGet, "/api/v1/whoami", nil, bearer(fmt.Sprintf("guess-%d", i))...)
	}
	f.wantError(last, body, http.StatusTooManyRequests, auth.CodeTooManyRequests, "wait")
	if last.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	// Even the right token waits until the block ends.
	resp, b := f.do(http.MethodGet, "/api/v1/whoami", nil, bearer(f.admin)...)
	f.wantError(resp, b, http.StatusTooManyRequests, auth.CodeTooManyRequests)
	if strings.Contains(f.logs.String(), "guess-") {
		t.Error("the log holds a presented token")
	}
}

func TestReadAuth(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.ReadAuth = true })
	resp, b := f.do(http.MethodGet, "/api/v1/units", nil)
	f.wantError(resp, b, http.StatusUnauthorized, storage.CodeUnauthorized, "login")
	f.get("/api/v1/units", http.StatusOK, nil, bearer(f.reporter)...)
	resp, _ = f.do(http.MethodGet, "/units/can-tho?lang=en", nil)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
		t.Fatalf("page without login: %d %v", resp.StatusCode, resp.Header)
	}
	f.get("/login", http.StatusOK, nil)
	f.get("/healthz", http.StatusOK, nil)
	c := f.login(f.reporter)
	f.get("/api/v1/progress?unit=can-tho", http.StatusOK, nil, "Cookie", c.Name+"="+c.Value)
	// Public by default.
	g := newFixture(t, nil)
	g.get("/api/v1/units", http.StatusOK, nil)
}

// TestBodyOverLimitRefusedBeforeParsing sends only the headers of a request
// that declares a body over the limit: the 413 comes back without the
// server waiting for (or reading) the body.
func TestBodyOverLimitRefusedBeforeParsing(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.MaxBodyBytes = 1024 })
	conn, err := net.Dial("tcp", strings.TrimPrefix(f.srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/observations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"+
		"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n", f.admin, 64<<30)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer before the body was sent: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	f.wantError(resp, b, http.StatusRequestEntityTooLarge, storage.CodeTooLarge, "1024")

	// A chunked body (no length declared) is cut at the limit.
	big := batchJSON("can-tho", "2018-Q3", "1"+strings.Repeat(" ", 2048))
	req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/api/v1/observations", io.MultiReader(strings.NewReader(big)))
	req.Header.Set("Authorization", "Bearer "+f.admin)
	req.ContentLength = -1
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(r2.Body)
	r2.Body.Close()
	f.wantError(r2, b, http.StatusRequestEntityTooLarge, storage.CodeTooLarge)
}
