package assets

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func newAssets(t *testing.T) *Assets {
	t.Helper()
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func get(t *testing.T, h http.Handler, url string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServesEmbeddedEChartsGzipped(t *testing.T) {
	a := newAssets(t)
	path := a.Path(EChartsJS)
	if !regexp.MustCompile(`^/assets/echarts\.min\.js\?v=[0-9a-f]{12}$`).MatchString(path) {
		t.Fatalf("Path = %q", path)
	}
	plain, _ := a.Content(EChartsJS)
	if len(plain) < 900_000 || !bytes.Contains(plain[:2000], []byte("Apache")) {
		t.Fatalf("embedded echarts.min.js is %d bytes without its licence header; run go generate ./dashboards/assets", len(plain))
	}
	res := get(t, a, path, map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("status %d, encoding %q; want 200 gzip", res.StatusCode, res.Header.Get("Content-Encoding"))
	}
	for k, want := range map[string]string{
		"Content-Type":           "text/javascript; charset=utf-8",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          cacheVersioned,
		"Vary":                   "Accept-Encoding",
	} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(body, plain) {
		t.Fatalf("gunzipped body differs from the file (err %v)", err)
	}
	gz, _ := io.ReadAll(get(t, a, path, map[string]string{"Accept-Encoding": "gzip"}).Body)
	t.Logf("echarts.min.js: %d bytes, %d gzipped", len(plain), len(gz))
	if len(gz) > len(plain)/2 {
		t.Errorf("gzip body %d bytes is not much smaller than %d", len(gz), len(plain))
	}
}

func TestPlainStaleAndConditional(t *testing.T) {
	a := newAssets(t)
	res := get(t, a, "/assets/app.css", map[string]string{"Accept-Encoding": "gzip;q=0, identity"})
	if res.Header.Get("Content-Encoding") != "" {
		t.Error("gzip sent although q=0 refused it")
	}
	if res.Header.Get("Cache-Control") != cacheUnversioned {
		t.Errorf("unversioned URL cached as %q", res.Header.Get("Cache-Control"))
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/css; charset=utf-8" {
		t.Errorf("app.css Content-Type %q", ct)
	}
	body, _ := io.ReadAll(res.Body)
	if want, _ := a.Content(AppCSS); !bytes.Equal(body, want) {
		t.Error("plain body differs from the file")
	}
	etag := res.Header.Get("ETag")
	if res := get(t, a, "/assets/app.css?v=stale", map[string]string{"If-None-Match": etag}); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the current ETag gave %d, want 304", res.StatusCode)
	} else if res.Header.Get("Cache-Control") != cacheUnversioned {
		t.Error("a stale version string got the immutable cache header")
	}
	for _, url := range []string{"/assets/nope.js", "/assets/", "/assets/../assets.go", "/other/app.js", "/assets/static/app.js"} {
		if res := get(t, a, url, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", url, res.StatusCode)
		}
	}
	req := httptest.NewRequest(http.MethodPost, a.Path(AppJS), nil)
	rec := httptest.NewRecorder()
	a.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST gave %d", rec.Code)
	}
	head := httptest.NewRequest(http.MethodHead, a.Path(AppJS), nil)
	rec = httptest.NewRecorder()
	a.ServeHTTP(rec, head)
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %d, %d body bytes", rec.Code, rec.Body.Len())
	}
}

func TestLicencesAndNames(t *testing.T) {
	a := newAssets(t)
	want := []string{"app.css", "app.js", "echarts-LICENSE.txt", "echarts-NOTICE.txt", "echarts.min.js", "favicon.svg"}
	if got := strings.Join(a.Names(), " "); got != strings.Join(want, " ") {
		t.Errorf("Names = %s, want %s", got, strings.Join(want, " "))
	}
	lic, _ := a.Content("echarts-LICENSE.txt")
	if !bytes.Contains(lic, []byte("Apache License")) {
		t.Error("ECharts LICENSE is not the Apache licence text")
	}
	if a.Path("missing.js") != "/assets/missing.js" {
		t.Errorf("Path of an unknown name = %q", a.Path("missing.js"))
	}
	if a.Path(AppJS) == a.Path(AppCSS) {
		t.Error("distinct files share a URL")
	}
}

// TestAppJSHasNoEval guards the CSP promise: the static script parses the
// data blocks, it never evaluates them.
func TestAppJSHasNoEval(t *testing.T) {
	js, _ := newAssets(t).Content(AppJS)
	for _, bad := range []string{"eval(", "new Function", "innerHTML", "document.write"} {
		if bytes.Contains(js, []byte(bad)) {
			t.Errorf("app.js uses %s", bad)
		}
	}
	if !bytes.Contains(js, []byte("JSON.parse")) || !bytes.Contains(js, []byte("echarts-data")) {
		t.Error("app.js does not parse the echarts-data blocks")
	}
}

// TestConcurrentFirstGzip: many first requests at once get the same gzip
// body (it is computed once).
func TestConcurrentFirstGzip(t *testing.T) {
	a := newAssets(t)
	want, _ := a.Content(AppCSS)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			res := get(t, a, a.Path(AppCSS), map[string]string{"Accept-Encoding": "gzip"})
			zr, err := gzip.NewReader(res.Body)
			if err != nil {
				errs <- err
				return
			}
			body, err := io.ReadAll(zr)
			if err == nil && !bytes.Equal(body, want) {
				err = io.ErrUnexpectedEOF
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// BenchmarkNew measures the start-up cost: reading and gzipping every file
// (ECharts dominates).
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkServeECharts serves the precompressed ECharts bundle.
func BenchmarkServeECharts(b *testing.B) {
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, a.Path(EChartsJS), nil)
	req.Header.Set("Accept-Encoding", "gzip")
	for b.Loop() {
		rec := httptest.NewRecorder()
		a.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
