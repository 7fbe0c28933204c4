package assets

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/dashboards/internal/gzipneg"
)

// Cache lifetimes: a versioned URL never changes content, so it is cached
// for a year; an unversioned one may, so it is revalidated with the ETag.
const (
	cacheVersioned   = "public, max-age=31536000, immutable"
	cacheUnversioned = "public, max-age=0, must-revalidate"
)

// ServeHTTP answers GET and HEAD for Prefix+name. Mount it on the Prefix
// pattern ("GET /assets/"). Unknown names get 404, other methods 405.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, Prefix)
	f := a.files[name]
	if !ok || f == nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Type", f.ctype)
	h.Set("Vary", "Accept-Encoding")
	if r.URL.Query().Get("v") == f.version {
		h.Set("Cache-Control", cacheVersioned)
	} else {
		h.Set("Cache-Control", cacheUnversioned)
	}
	body, etag := f.body, `"`+f.version+`"`
	if gzipneg.Accepts(r.Header.Get("Accept-Encoding")) {
		if gz := f.gzipped(); gz != nil {
			body, etag = gz, `"`+f.version+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write(body)
	}
}

func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
