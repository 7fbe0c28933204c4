package dashboards

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// pageForm is one state-changing form of the web pages.
type pageForm struct {
	path, contentType string
	body              func() *bytes.Buffer
}

func pageForms(t *testing.T) []pageForm {
	entry := url.Values{"unit_1": {"cai-rang"}, "indicator_1": {"exports"}, "period_1": {"2018-M07"}, "value_1": {"5"}}.Encode()
	paste := url.Values{"step": {"confirm"}, "count": {"1"}, "keep_1": {"on"}, "indicator_1": {"exports"},
		"period_1": {"2018-M07"}, "value_1": {"5"}, "unit": {"cai-rang"}, "date": {"2018-08-01"}}.Encode()
	var up bytes.Buffer
	mw := multipart.NewWriter(&up)
	fw, _ := mw.CreateFormFile("file", "r.csv")
	fw.Write([]byte("unit,indicator,period,value\ncai-rang,exports,2018-M07,5\n"))
	mw.Close()
	form := "application/x-www-form-urlencoded"
	return []pageForm{
		{"/entry", form, func() *bytes.Buffer { return bytes.NewBufferString(entry) }},
		{"/paste", form, func() *bytes.Buffer { return bytes.NewBufferString(paste) }},
		{"/upload", mw.FormDataContentType(), func() *bytes.Buffer { return bytes.NewBuffer(up.Bytes()) }},
	}
}

// TestPageFormsRefuseCrossOriginPosts posts each writer form (entry, paste,
// upload) with a valid session cookie from a foreign page — marked by
// Sec-Fetch-Site or only by Origin — and expects 403 with nothing stored;
// the same post from the site's own page stores the figure. Logging out
// from a foreign page is refused too.
func TestPageFormsRefuseCrossOriginPosts(t *testing.T) {
	for _, pf := range pageForms(t) {
		t.Run(strings.TrimPrefix(pf.path, "/"), func(t *testing.T) {
			f := newFixture(t, nil)
			c := f.login(f.admin)
			cookie := c.Name + "=" + c.Value
			for _, foreign := range [][]string{
				{"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"},
				{"Sec-Fetch-Site", "same-site", "Origin", "https://sub." + strings.TrimPrefix(f.srv.URL, "http://")},
				{"Origin", "https://evil.example"},
			} {
				hdr := append([]string{"Cookie", cookie, "Content-Type", pf.contentType}, foreign...)
				resp, b := f.do(http.MethodPost, pf.path, pf.body(), hdr...)
				f.wantError(resp, b, http.StatusForbidden, storage.CodeForbidden, "cross-origin")
			}
			if n := f.count("cai-rang"); n != 2 {
				t.Fatalf("cross-origin posts stored something: cai-rang has %d observations, want 2", n)
			}
			resp, b := f.do(http.MethodPost, pf.path+"?lang=en", pf.body(), "Cookie", cookie, "Content-Type", pf.contentType,
				"Sec-Fetch-Site", "same-origin", "Origin", f.srv.URL)
			if resp.StatusCode != http.StatusOK || f.count("cai-rang") != 3 {
				t.Fatalf("same-origin form post: %d, cai-rang has %d observations; page: %.300s", resp.StatusCode, f.count("cai-rang"), b)
			}
			resp, b = f.do(http.MethodPost, "/logout", nil, "Cookie", cookie, "Origin", "https://evil.example")
			f.wantError(resp, b, http.StatusForbidden, storage.CodeForbidden)
			f.get("/api/v1/whoami", http.StatusOK, nil, "Cookie", cookie) // still signed in
		})
	}
}

var (
	inlineHandler = regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`)
	styleAttr     = regexp.MustCompile(`(?i)<[^>]*\sstyle\s*=`)
	scriptTag     = regexp.MustCompile(`(?i)<script\b[^>]*>`)
)

// TestCSPOnEveryPage reads every page (both languages), the writer pages
// signed in, error pages, assets, API answers and /metrics: each carries
// the strict policy (script-src 'self' alone, no unsafe-inline or
// unsafe-eval) and its companion headers, and no HTML page relies on what
// the policy blocks: inline scripts, event-handler attributes, style
// attributes or javascript: URLs.
func TestCSPOnEveryPage(t *testing.T) {
	f := newFixture(t, nil)
	c := f.login(f.admin)
	paths := []string{"/assets/app.js", "/assets/app.css", "/metrics", "/healthz", "/api/v1/units", "/api/v1/nothing",
		"/units/nowhere", "/no/such/page", "/login"}
	for _, lang := range []string{"vi", "en"} {
		for _, p := range []string{"/", "/units", "/units/can-tho", "/units/can-tho/report", "/units/ninh-kieu",
			"/units/can-tho/indicators/retail_sales", "/units/can-tho/indicators/budget_revenue",
			"/compare/periods?unit=can-tho&a=2018-H1&b=2017-H1", "/compare/units?parent=can-tho&indicator=retail_sales&period=2018-H1",
			"/quality", "/entry", "/upload", "/paste", "/login"} {
			sep := "?"
			if strings.Contains(p, "?") {
				sep = "&"
			}
			paths = append(paths, p+sep+"lang="+lang)
		}
	}
	for _, p := range paths {
		for _, hdr := range [][]string{nil, {"Cookie", c.Name + "=" + c.Value}} {
			resp, b := f.do(http.MethodGet, p, nil, hdr...)
			checkCSP(t, p, resp, b)
		}
	}
}

func checkCSP(t *testing.T, path string, resp *http.Response, body []byte) {
	t.Helper()
	h := resp.Header
	csp := h.Get("Content-Security-Policy")
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	if directives["script-src"] != "'self'" || strings.Contains(csp, "unsafe-") || directives["frame-ancestors"] != "'none'" ||
		directives["object-src"] != "'none'" {
		t.Errorf("%s (%d): CSP %q", path, resp.StatusCode, csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
		t.Errorf("%s: companion headers %v", path, h)
	}
	if !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		return
	}
	page := string(body)
	for _, tag := range scriptTag.FindAllString(page, -1) {
		if !strings.Contains(tag, ` src="/assets/`) && !strings.Contains(tag, `type="application/json"`) {
			t.Errorf("%s: inline script %q", path, tag)
		}
	}
	for _, re := range []*regexp.Regexp{inlineHandler, styleAttr} {
		if m := re.FindString(page); m != "" {
			t.Errorf("%s: %.100q is blocked by the CSP", path, m)
		}
	}
	if strings.Contains(strings.ToLower(page), "javascript:") {
		t.Errorf("%s: a javascript: URL", path)
	}
}
