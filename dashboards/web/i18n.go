package web

import (
	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/dashboards/board"
	"math"
	"net/http"
	"time"

	"github.com/plantrack/plantrack/storage"
	"golang.org/x/text/language"
)

// Supported languages. Vietnamese is the default.
const (
	langVI = "vi"
	langEN = "en"
)

// langCookie remembers the language chosen with ?lang=.
const langCookie = "plantrack_lang"

// Locale formats words, numbers, dates and periods in one language. Templates
// call its methods; it is built once per language by New.
type Locale struct {
	Lang string
	// AsOf is the request's ?as_of= date (YYYY-MM-DD) or "": Link carries
	// it so every onward link keeps the page's point in time.
	AsOf  string
	words map[string]string
	board board.Board
	cat   *catalog.Catalog // the one message catalog: page words and error messages
}

func newLocale(lang string) *Locale {
	cat := catalog.New(lang)
	return &Locale{Lang: lang, words: cat.Words(), board: board.Default(), cat: cat}
}

// at returns the locale for a request viewing the data as of a date: a
// copy carrying asOf, or l itself when asOf is "".
func (l *Locale) at(asOf string) *Locale {
	if asOf == "" {
		return l
	}
	c := *l
	c.AsOf = asOf
	return &c
}

// T returns the text for key in the locale's language, or the key itself
// when no text exists (so a missing text is visible, not blank).
func (l *Locale) T(key string) string {
	if s, ok := l.words[key]; ok {
		return s
	}
	return key
}

// Other is the code of the other supported language (for the switch link).
func (l *Locale) Other() string {
	if l.Lang == langEN {
		return langVI
	}
	return langEN
}

// Num formats v with grouping and up to maxFrac decimals: 63.135 (vi),
// 63,135 (en). A nil or non-finite v is an en dash.
func (l *Locale) Num(v *float64, maxFrac int) string {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return "–"
	}
	return charts.FormatNumber(*v, maxFrac, l.Lang)
}

// Value formats a figure with at most its measure's decimals as the
// dashboard definitions (board) set them, as Grafana shows them too.
func (l *Locale) Value(v *float64, measure string) string {
	return l.Num(v, l.board.Measure(measure).Decimals)
}

// Pct formats a ratio as a percentage with one decimal: 0.537 → 53,7% (vi),
// 53.7% (en). A ratio near but not at 1 that one decimal would round to
// 100.0% gets two (0.9996 → 99.96%), so a level just short of its plan is
// not shown as "100.0%" beside the word "behind".
func (l *Locale) Pct(r *float64) string {
	if r == nil || math.IsNaN(*r) || math.IsInf(*r, 0) {
		return "–"
	}
	frac := 1
	if *r != 1 && math.Abs(*r-1) < 0.0005 {
		frac = 2
	}
	return charts.FormatDecimal(*r*100, frac, frac, l.Lang) + "%"
}

// SignedPct formats a growth ratio with its sign and up to two decimals:
// +7,43% / −2,1%.
func (l *Locale) SignedPct(r *float64) string {
	s := "–"
	if r != nil && !math.IsNaN(*r) && !math.IsInf(*r, 0) {
		s = charts.FormatDecimal(*r*100, 1, 2, l.Lang) + "%"
	}
	if r != nil && *r > 0 && s != "–" {
		return "+" + s
	}
	return s
}

// Percent formats a reported percentage with the decimals it was written
// with (53.7 → 53,7%).
func (l *Locale) Percent(p *storage.Percent) string {
	if p == nil {
		return "–"
	}
	return charts.FormatDecimal(p.Value, p.Decimals, p.Decimals, l.Lang) + "%"
}

// Measure names a measure: "tỷ đồng" / "billion VND".
func (l *Locale) Measure(m string) string {
	if s, ok := l.words["measure."+m]; ok {
		return s
	}
	return l.board.Measure(m).Label.In(l.Lang)
}

// Period names a period: "6 tháng đầu năm 2018" / "H1 2018".
func (l *Locale) Period(p storage.Period) string {
	if p.IsZero() {
		return "–"
	}
	return p.Name(l.Lang)
}

// Pace is the word for a pace verdict, never shown by colour alone.
func (l *Locale) Pace(p storage.Pace) string {
	if p == "" {
		p = storage.PaceUnknown
	}
	return charts.PaceWord(string(p), l.Lang)
}

// Status is the word for a report status.
func (l *Locale) Status(s storage.ReportStatus) string {
	if s == "" {
		return "–"
	}
	return l.T("status." + string(s))
}

// Date formats a YYYY-MM-DD date: 11/06/2018 (vi), 11 Jun 2018 (en).
func (l *Locale) Date(s string) string {
	d, err := time.Parse(storage.DateLayout, s)
	if err != nil {
		return s
	}
	if l.Lang == langEN {
		return d.Format("2 Jan 2006")
	}
	return d.Format("02/01/2006")
}

// Time formats an instant in Vietnam time.
func (l *Locale) Time(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	t = t.In(storage.VietnamTime())
	if l.Lang == langEN {
		return t.Format("2 Jan 2006 15:04")
	}
	return t.Format("02/01/2006 15:04")
}

// Name returns a unit's or indicator's name in the locale's language.
func (l *Locale) Name(n interface{ Name(string) string }) string { return n.Name(l.Lang) }

// newLangMatcher matches Accept-Language against the supported languages,
// Vietnamese first (index 0), English second (index 1).
func newLangMatcher() language.Matcher {
	return language.NewMatcher([]language.Tag{language.Vietnamese, language.English})
}

// pickLang chooses the language of a request: ?lang= first, then the
// remembered cookie, then Accept-Language; Vietnamese when nothing matches.
// fromQuery reports whether ?lang= chose it (so the cookie is refreshed).
func pickLang(r *http.Request, m language.Matcher) (lang string, fromQuery bool) {
	switch q := r.URL.Query().Get("lang"); q {
	case langVI, langEN:
		return q, true
	}
	if c, err := r.Cookie(langCookie); err == nil && (c.Value == langVI || c.Value == langEN) {
		return c.Value, false
	}
	if al := r.Header.Get("Accept-Language"); al != "" {
		tags, _, err := language.ParseAcceptLanguage(al)
		if err == nil && len(tags) > 0 {
			_, idx, conf := m.Match(tags...)
			if conf != language.No && idx == 1 {
				return langEN, false
			}
		}
	}
	return langVI, false
}

// TOr returns the text for key, or fallback when there is none.
func (l *Locale) TOr(key, fallback string) string {
	if s, ok := l.words[key]; ok {
		return s
	}
	return fallback
}

// Section names the dashboard section an indicator belongs to (board's
// grouping: economy, budget, society, party work; "other" for the rest).
func (l *Locale) Section(indicator string) string {
	return l.board.SectionOf(indicator).Title.In(l.Lang)
}
