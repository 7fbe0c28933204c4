package web

import (
	"bytes"
	"context"
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// view is what every read page's builder returns: the page's metadata, the
// data its content template renders, and its numbers as a table (CSV) and as
// a value (JSON).
type view interface {
	meta() pageMeta
	table() dataTable
	data() any
}

// pageMeta is the part of a page the layout needs.
type pageMeta struct {
	Title     string
	Active    string // nav entry: home, units, compare, quality, entry, upload, paste
	Synthetic bool   // the page shows synthetic data: banner on top
	Template  string // content template name
	Printable bool   // A4 report layout
}

// dataTable is a page's numbers for CSV: machine-readable values (dot
// decimals, period codes), the same numbers the page shows.
type dataTable struct {
	Columns []string
	Rows    [][]string
}

// layoutView is the typed data of templates/layout.html.
type layoutView struct {
	L         *Locale
	Meta      pageMeta
	Content   template.HTML
	CSS, JS   string
	Favicon   string
	ECharts   string
	LangURL   string // this page in the other language
	SelfURL   string // this page in its language
	NowURL    string // this page without ?as_of=: today's figures
	LoginURL  string // the sign-in link, returning to this page
	CSVURL    string // "" for pages without downloads
	XLSXURL   string
	JSONURL   string
	Writer    string // logged-in writer's token name
	HasCharts bool
	// PrintDate is today in Vietnam time (dd/mm/yyyy in Vietnamese) on
	// printable pages: the report's "Ngày in". It lives in the layout, not
	// in the cached content, so a report printed tomorrow says tomorrow.
	PrintDate string
}

// cachedPage is a rendered content fragment with its metadata.
type cachedPage struct {
	meta      pageMeta
	content   template.HTML
	hasCharts bool
}

// serveView runs build for a GET page: it answers ?format=csv|json with the
// view's numbers, otherwise renders the content (cached per data version)
// inside the layout.
func (p *Pages) serveView(w http.ResponseWriter, r *http.Request, build func(*request) (view, error)) {
	L := p.locale(w, r)
	asOf := strings.TrimSpace(r.URL.Query().Get("as_of"))
	if _, err := time.Parse(storage.DateLayout, asOf); asOf != "" && err != nil {
		p.serveError(w, r, L, badRequest("as_of %q is not a date: write it as YYYY-MM-DD, e.g. 2018-06-30", asOf))
		return
	}
	L = L.at(asOf)
	q := &request{ctx: r.Context(), r: r, L: L}
	format := r.URL.Query().Get("format")
	key := cacheKey(L.Lang, r.URL)
	version, verr := p.db.DataVersion(r.Context())
	land := func(cachedPage, bool) {}
	if format == "" && verr == nil {
		if c, ok := p.cache.get(version, key); ok {
			p.writeLayout(w, r, L, c, http.StatusOK)
			return
		}
		var served bool
		if served, land = p.join(w, r, L, version, key); served {
			return
		}
		defer land(cachedPage{}, false)
	}
	v, err := build(q)
	if err != nil {
		p.serveError(w, r, L, err)
		return
	}
	switch format {
	case "csv":
		writeCSV(w, L, v)
		return
	case "xlsx":
		if err := writeXLSX(w, L, v); err != nil {
			p.serveError(w, r, L, err)
		}
		return
	case "json":
		writeJSON(w, v.data())
		return
	case "":
	default:
		p.serveError(w, r, L, badRequest("unknown format %q: use csv, xlsx or json", format))
		return
	}
	c, err := p.renderContent(v.meta().Template, v)
	if err != nil {
		p.serveError(w, r, L, err)
		return
	}
	c.meta = v.meta()
	if verr == nil {
		p.cache.put(version, key, c)
		land(c, true)
	}
	p.writeLayout(w, r, L, c, http.StatusOK)
}

// warmPage renders the content of the page at path (its path values
// given), as build makes it for a GET without query, into the page cache
// for each language at the data version read first — what serveView would
// cache for the first reader; a write since then drops it as any other.
// A page already cached, or being built by a reader, at that version is
// left to it; a reader asking while this renders shares the rendering.
func (p *Pages) warmPage(ctx context.Context, path string, values map[string]string, build func(*request) (view, error)) error {
	version, err := p.db.DataVersion(ctx)
	if err != nil {
		return err
	}
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return err
	}
	for k, v := range values {
		r.SetPathValue(k, v)
	}
	for _, L := range []*Locale{p.vi, p.en} {
		key := cacheKey(L.Lang, r.URL)
		if _, ok := p.cache.get(version, key); ok {
			continue
		}
		// A reader building the page already will cache it; one arriving
		// while this renders waits for it (serveView joins the flight).
		f, leader := p.cache.lead(version, key)
		if !leader {
			continue
		}
		c, err := p.buildContent(ctx, r, L, build)
		if err == nil {
			p.cache.put(version, key, c)
		}
		p.cache.land(version, key, f, c, err == nil)
		if err != nil {
			return err
		}
	}
	return nil
}

// buildContent builds and renders a page's content for request r in L.
func (p *Pages) buildContent(ctx context.Context, r *http.Request, L *Locale, build func(*request) (view, error)) (cachedPage, error) {
	v, err := build(&request{ctx: ctx, r: r, L: L})
	if err != nil {
		return cachedPage{}, err
	}
	c, err := p.renderContent(v.meta().Template, v)
	if err != nil {
		return cachedPage{}, err
	}
	c.meta = v.meta()
	return c, nil
}

// join waits for a build of the same page and version already under way
// and serves its result (served true; also when the client went away), or
// makes this request the builder: land(page, ok) then ends the build for
// those waiting; calls after the first do nothing.
func (p *Pages) join(w http.ResponseWriter, r *http.Request, L *Locale, version int64, key string) (served bool, land func(cachedPage, bool)) {
	f, leader := p.cache.lead(version, key)
	if leader {
		return false, func(c cachedPage, ok bool) { p.cache.land(version, key, f, c, ok) }
	}
	select {
	case <-f.done:
		if f.ok {
			p.writeLayout(w, r, L, f.page, http.StatusOK)
			return true, nil
		}
		return false, func(cachedPage, bool) {}
	case <-r.Context().Done():
		return true, nil
	}
}

// renderContent executes a page's "content" template.
func (p *Pages) renderContent(name string, data any) (cachedPage, error) {
	var buf bytes.Buffer
	if err := p.tmpl[name].ExecuteTemplate(&buf, "content", data); err != nil {
		return cachedPage{}, err
	}
	html := buf.String()
	return cachedPage{content: template.HTML(html), hasCharts: strings.Contains(html, `class="echarts-data"`)}, nil
}

// writeLayout wraps a content fragment in the page layout.
func (p *Pages) writeLayout(w http.ResponseWriter, r *http.Request, L *Locale, c cachedPage, status int) {
	lv := layoutView{L: L, Meta: c.meta, Content: c.content, HasCharts: c.hasCharts,
		CSS: p.assets.Path("app.css"), JS: p.assets.Path("app.js"), Favicon: p.assets.Path("favicon.svg"), ECharts: p.assets.Path("echarts.min.js"),
		LangURL: withQuery(r.URL, "lang", L.Other()), SelfURL: withQuery(r.URL, "lang", L.Lang),
		NowURL: withQuery(r.URL, "as_of", ""), LoginURL: loginURL(r.URL, L.Lang)}
	if r.Method == http.MethodGet && status == http.StatusOK && c.meta.Template != "error" && !isWriterPage(c.meta.Active) {
		lv.CSVURL = withQuery(r.URL, "format", "csv")
		lv.XLSXURL = withQuery(r.URL, "format", "xlsx")
		lv.JSONURL = withQuery(r.URL, "format", "json")
	}
	if name, ok := writerName(r); ok {
		lv.Writer = name
	}
	if c.meta.Printable {
		lv.PrintDate = L.Date(storage.VietnamDate(time.Now()))
	}
	var buf bytes.Buffer
	if err := p.tmpl[c.meta.Template].ExecuteTemplate(&buf, "layout", lv); err != nil {
		p.log.ErrorContext(r.Context(), "web layout failed", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", L.Lang)
	w.Header().Add("Vary", "Accept-Language, Cookie") // the language comes from either
	p.writeHTML(w, r, status, buf.Bytes())
}

func isWriterPage(active string) bool {
	return active == "entry" || active == "upload" || active == "paste"
}

// errorView is the data of the error page.
type errorView struct {
	L       *Locale
	Status  int
	Message string
}

// serveError renders err as a page (or as JSON for ?format=json).
func (p *Pages) serveError(w http.ResponseWriter, r *http.Request, L *Locale, err error) {
	status := statusOf(err)
	msg := p.userMessage(r.Context(), L, err)
	if r.URL.Query().Get("format") == "json" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		type body struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		}
		_ = json.NewEncoder(w).Encode(struct {
			Error body `json:"error"`
		}{body{Code: storage.ErrorCode(err), Message: msg}})
		return
	}
	c, rerr := p.renderContent("error", errorView{L: L, Status: status, Message: msg})
	if rerr != nil {
		http.Error(w, msg, status)
		return
	}
	c.meta = pageMeta{Title: L.T("error.title"), Template: "error"}
	p.writeLayout(w, r, L, c, status)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// withQuery returns u's path and query with key set to value, or removed
// when value is "" (and format removed unless it is the key), as a relative
// URL.
func withQuery(u *url.URL, key, value string) string {
	q := u.Query()
	if key != "format" {
		q.Del("format")
	}
	q.Set(key, value)
	if value == "" {
		q.Del(key)
	}
	return u.Path + "?" + q.Encode()
}

// cacheKey identifies a rendered page: language, path and sorted query
// without lang and format.
func cacheKey(lang string, u *url.URL) string {
	q := u.Query()
	q.Del("lang")
	q.Del("format")
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(lang + " " + u.Path)
	for _, k := range keys {
		b.WriteString("&" + k + "=" + strings.Join(q[k], ","))
	}
	return b.String()
}

// templateHTML marks a fragment rendered by our own templates as safe HTML.
func templateHTML(s string) template.HTML { return template.HTML(s) }

// loginURL is the sign-in link of a page: in the page's language, returning
// to the page (its same-site path and query) after signing in.
func loginURL(u *url.URL, lang string) string {
	return "/login?" + url.Values{"lang": {lang}, "next": {withQuery(u, "lang", lang)}}.Encode()
}
