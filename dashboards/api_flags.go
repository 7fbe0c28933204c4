package dashboards

import (
	"net/http"

	"golang.org/x/text/language"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/storage"
)

// apiWords are the API's two message catalogs and its language matcher,
// built once per server: every answer with flags or an error reads them,
// and building a catalog (some thousand words) per request or per item
// cost more than the rest of a kept answer.
type apiWords struct {
	vi, en  *catalog.Catalog
	matcher language.Matcher
}

func newAPIWords() *apiWords {
	return &apiWords{vi: catalog.New(catalog.VI), en: catalog.New(catalog.EN),
		matcher: language.NewMatcher([]language.Tag{language.English, language.Vietnamese})}
}

// lang is the language of an API error's message and reasons and of flag
// explanations: English, the API's language, unless the request asks for
// Vietnamese with ?lang=vi or an Accept-Language that prefers Vietnamese to
// English. Codes, fields and rows never change with the language; scripts
// should read those.
func (a *apiWords) lang(r *http.Request) string {
	switch r.URL.Query().Get("lang") {
	case catalog.VI:
		return catalog.VI
	case catalog.EN:
		return catalog.EN
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return catalog.EN
	}
	_, idx, conf := a.matcher.Match(tags...)
	if conf != language.No && idx == 1 {
		return catalog.VI
	}
	return catalog.EN
}

// catalog is the catalog of the request's language (see lang).
func (a *apiWords) catalog(r *http.Request) *catalog.Catalog {
	if a.lang(r) == catalog.VI {
		return a.vi
	}
	return a.en
}

// explainFlags fills the explanation of each flag with the message
// catalog's sentence (the one wording the pages use too) in the request's
// language (apiWords.lang), its figures in that language's display number
// format. Codes and figures stay as storage gave them; scripts should read
// those.
func (s *Server) explainFlags(r *http.Request, flags []storage.Flag) {
	if len(flags) == 0 {
		return
	}
	explainWith(s.words.catalog(r), flags)
}

func explainWith(cat *catalog.Catalog, flags []storage.Flag) {
	lang := cat.Lang()
	num := func(v float64, maxFrac int) string { return charts.FormatNumber(v, maxFrac, lang) }
	for i := range flags {
		flags[i].Explanation = cat.Flag(flags[i], num)
	}
}
