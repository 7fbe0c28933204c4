package web

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"sync"

	"github.com/plantrack/plantrack/dashboards/internal/gzipneg"
)

// gzipPool reuses gzip writers: each allocates its compression tables.
type gzipPool struct{ pool sync.Pool }

func (g *gzipPool) get() *gzip.Writer {
	if zw, ok := g.pool.Get().(*gzip.Writer); ok {
		return zw
	}
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed) // the level is valid
	return zw
}

// writeHTML writes a rendered page with status, gzip-compressed when the
// client accepts it (gzipneg.Accepts) and the page is worth it: a
// page of 90 KB goes out as about 12 KB.
func (p *Pages) writeHTML(w http.ResponseWriter, r *http.Request, status int, page []byte) {
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	if len(page) < 1024 || !gzipneg.Accepts(r.Header.Get("Accept-Encoding")) {
		w.WriteHeader(status)
		_, _ = w.Write(page)
		return
	}
	var buf bytes.Buffer
	zw := p.gzip.get()
	zw.Reset(&buf)
	_, _ = zw.Write(page)
	_ = zw.Close()
	p.gzip.pool.Put(zw)
	h.Set("Content-Encoding", "gzip")
	h.Del("Content-Length")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
