// Package web renders plantrack's server-side HTML pages: home, units index,
// unit overview and printable report, indicator detail, period and unit
// comparisons, data quality, and the writer pages (entry, upload, paste).
//
// The server registers these handler methods of *Pages (Go 1.22 patterns;
// the handlers read path values with r.PathValue):
//
//	GET  /{$}                              Home
//	GET  /units                            Units
//	GET  /units/{code}                     Overview   (?period=2018-H1, latest by default)
//	GET  /units/{code}/report              Report     (?period=; A4 print layout)
//	GET  /units/{code}/indicators/{ind}    Indicator  (?period=)
//	GET  /compare                          Compare    (redirects to /compare/periods)
//	GET  /compare/periods                  ComparePeriods (?unit=&a=2018-H1&b=2017-H1)
//	GET  /compare/units                    CompareUnits   (?parent=&indicator=&period=)
//	GET  /quality                          Quality    (?unit=&indicator=&year=)
//	GET, POST /entry                       Entry      (writers only)
//	GET, POST /upload                      Upload     (writers only)
//	GET, POST /paste                       Paste      (writers only)
//
// Every read page also answers ?format=csv and ?format=json with the numbers
// it shows, and ?lang=en|vi (remembered in a cookie). Pages carry no inline
// script: chart options go into <script type="application/json"
// class="chart-data"> blocks that /assets/app.js initialises.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
	"golang.org/x/text/language"
)

//go:embed templates/*.html
var templateFS embed.FS

// Assets resolves a static asset's name (app.css, app.js, echarts.min.js) to
// the URL it is served at, typically with a version query for caching.
type Assets interface {
	Path(name string) string
}

// Deps are what the pages need. DB is required; Collector is required for
// the writer pages; Assets defaults to plain /assets/NAME URLs; Logger
// defaults to slog.Default().
type Deps struct {
	DB        *storage.DB
	Collector *collector.Collector
	Assets    Assets
	Logger    *slog.Logger
	// MaxImportRows caps the rows of one upload, entry or paste (0: no cap),
	// as for the API's imports.
	MaxImportRows int
}

// Pages holds the parsed templates and the rendered-fragment cache. Its
// handler methods are safe for concurrent use.
type Pages struct {
	db      *storage.DB
	col     *collector.Collector
	assets  Assets
	log     *slog.Logger
	maxRows int
	vi, en  *Locale
	matcher language.Matcher
	tmpl    map[string]*template.Template
	cache   *fragmentCache
	gzip    gzipPool
}

// pageNames are the content templates; each is parsed together with the layout.
func pageNames() []string {
	return []string{"home", "units", "overview", "report", "indicator",
		"compare_periods", "compare_units", "quality", "entry", "upload", "paste", "error"}
}

// New parses the templates and returns the pages. It fails only when a
// template does not parse (a programming error) or DB is missing.
func New(deps Deps) (*Pages, error) {
	if deps.DB == nil {
		return nil, errors.New("web: Deps.DB is required")
	}
	p := &Pages{db: deps.DB, col: deps.Collector, assets: deps.Assets, log: deps.Logger, maxRows: deps.MaxImportRows,
		vi: newLocale(langVI), en: newLocale(langEN), matcher: newLangMatcher(),
		tmpl: map[string]*template.Template{}, cache: newFragmentCache(256)}
	if p.assets == nil {
		p.assets = plainAssets{}
	}
	if p.log == nil {
		p.log = slog.Default()
	}
	for _, name := range pageNames() {
		files := []string{"templates/layout.html", "templates/parts.html", "templates/" + name + ".html"}
		t, err := template.New("layout.html").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).ParseFS(templateFS, files...)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", name, err)
		}
		p.tmpl[name] = t
	}
	return p, nil
}

type plainAssets struct{}

func (plainAssets) Path(name string) string { return "/assets/" + name }

// Link builds an internal URL with the language, the request's as_of date
// (if any) and the given query pairs (key, value, key, value…); empty values
// are left out so URLs stay short. A shared link thus keeps both the
// language and the point in time of the page it came from.
func (l *Locale) Link(path string, kv ...string) string {
	q := url.Values{}
	if l.AsOf != "" {
		q.Set("as_of", l.AsOf)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	q.Set("lang", l.Lang)
	return path + "?" + q.Encode()
}

// UnitPath is the overview path of a unit code.
func UnitPath(code string) string { return "/units/" + url.PathEscape(code) }

// IndicatorPath is the detail path of an indicator of a unit.
func IndicatorPath(unit, ind string) string {
	return UnitPath(unit) + "/indicators/" + url.PathEscape(ind)
}

// request is what a page builder gets: the context, the request and its locale.
type request struct {
	ctx context.Context
	r   *http.Request
	L   *Locale
}

func (q *request) query(key string) string { return strings.TrimSpace(q.r.URL.Query().Get(key)) }

// locale picks the request's language and refreshes the cookie when ?lang= chose it.
func (p *Pages) locale(w http.ResponseWriter, r *http.Request) *Locale {
	lang, fromQuery := pickLang(r, p.matcher)
	if fromQuery {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang, Path: "/",
			MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	if lang == langEN {
		return p.en
	}
	return p.vi
}

// CodeMethodNotAllowed is the error code of a known path asked with the
// wrong method (HTTP 405).
const CodeMethodNotAllowed = "method_not_allowed"

// HTTPStatus maps an error code to its HTTP status: the one mapping the
// API and the pages share. Unknown codes are internal errors (500).
func HTTPStatus(code string) int {
	switch code {
	case storage.CodeInvalid:
		return http.StatusBadRequest
	case storage.CodeValidation:
		return http.StatusUnprocessableEntity
	case storage.CodeNotFound:
		return http.StatusNotFound
	case storage.CodeConflict:
		return http.StatusConflict
	case storage.CodeUnauthorized:
		return http.StatusUnauthorized
	case storage.CodeForbidden:
		return http.StatusForbidden
	case storage.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case auth.CodeTooManyRequests:
		return http.StatusTooManyRequests
	case CodeMethodNotAllowed:
		return http.StatusMethodNotAllowed
	case storage.CodeDiskFull:
		return http.StatusInsufficientStorage
	}
	return http.StatusInternalServerError
}

// statusOf is the HTTP status of err's code.
func statusOf(err error) int { return HTTPStatus(storage.ErrorCode(err)) }

// userMessage is the message of err fit for a user; internal errors are
// logged and replaced by a generic sentence.
func (p *Pages) userMessage(ctx context.Context, L *Locale, err error) string {
	var se *storage.Error
	if errors.As(err, &se) && se.Code != storage.CodeInternal {
		return L.cat.Error(se)
	}
	p.log.ErrorContext(ctx, "web page failed", "err", err)
	return L.T("error.internal")
}

// badRequest is a user error about a query parameter.
func badRequest(format string, args ...any) error {
	return storage.Errorf(storage.CodeInvalid, format, args...)
}
