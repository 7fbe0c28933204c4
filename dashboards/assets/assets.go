// Package assets serves plantrack's browser files — the ECharts bundle
// (fetched from npm by go generate, never committed), the one static script
// app.js that initialises every chart, and the stylesheet app.css — from
// memory, embedded in the binary, so pages never load anything from another
// host.
//
// Every file is served at /assets/<name> with its Content-Type,
// X-Content-Type-Options: nosniff, a strong ETag and, when the client
// accepts it, a gzip body compressed once, on the first request that wants
// it (so start-up and tests that never ask for gzip pay nothing).
// Pages link files through Path, which appends a version query string
// (?v=<hash of the content>); such URLs are cached for a year as immutable,
// while URLs without the current version are revalidated.
package assets

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed static vendor/echarts.min.js vendor/echarts-LICENSE.txt vendor/echarts-NOTICE.txt
var embedded embed.FS

// Prefix is the URL path under which Handler serves the files.
const Prefix = "/assets/"

// Names of the files pages link to.
const (
	EChartsJS  = "echarts.min.js"
	AppJS      = "app.js"
	AppCSS     = "app.css"
	FaviconSVG = "favicon.svg"
)

// file is one servable file, with its encodings.
type file struct {
	name    string
	ctype   string
	body    []byte
	version string // short content hash, used in ?v= and the ETag

	gzOnce sync.Once
	gz     []byte // nil when compression does not pay or failed
}

// Assets holds every embedded file in memory, ready to serve.
type Assets struct {
	files map[string]*file
}

// New loads every embedded file. It fails only if the embedded tree is
// unreadable (a broken build).
func New() (*Assets, error) {
	a := &Assets{files: map[string]*file{}}
	for _, dir := range []string{"static", "vendor"} {
		entries, err := fs.ReadDir(embedded, dir)
		if err != nil {
			return nil, fmt.Errorf("assets: reading embedded %s (run go generate ./dashboards/assets): %w", dir, err)
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			body, err := fs.ReadFile(embedded, path.Join(dir, e.Name()))
			if err != nil {
				return nil, fmt.Errorf("assets: reading %s: %w", e.Name(), err)
			}
			a.files[e.Name()] = newFile(e.Name(), body)
		}
	}
	return a, nil
}

func newFile(name string, body []byte) *file {
	sum := sha256.Sum256(body)
	return &file{name: name, ctype: contentType(name), body: body, version: hex.EncodeToString(sum[:])[:12]}
}

// gzipped returns the file compressed with gzip, computing it on first use;
// nil when the type is not compressible or compression does not pay.
func (f *file) gzipped() []byte {
	f.gzOnce.Do(func() {
		if !compressible(f.ctype) || len(f.body) <= 512 {
			return
		}
		var buf bytes.Buffer
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return
		}
		if _, err := zw.Write(f.body); err != nil {
			return
		}
		if err := zw.Close(); err != nil {
			return
		}
		if buf.Len() < len(f.body) {
			f.gz = buf.Bytes()
		}
	})
	return f.gz
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.HasPrefix(ctype, "image/svg")
}

// Path returns the URL of the named file with its version query string,
// e.g. "/assets/echarts.min.js?v=1a2b3c4d5e6f". For a name that is not
// embedded it returns the bare URL, which the handler answers with 404, so
// a typo shows up as a failing request rather than a panic.
func (a *Assets) Path(name string) string {
	f, ok := a.files[name]
	if !ok {
		return Prefix + name
	}
	return Prefix + name + "?v=" + f.version
}

// Names lists the served file names, sorted.
func (a *Assets) Names() []string {
	names := make([]string, 0, len(a.files))
	for n := range a.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Content returns the uncompressed bytes of the named file, for tests and
// for pages that need to know what is served.
func (a *Assets) Content(name string) ([]byte, bool) {
	f, ok := a.files[name]
	if !ok {
		return nil, false
	}
	return f.body, true
}
