package dashboards

import (
	"net/http"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/storage"
)

// explainFlags fills the explanation of each flag with the message
// catalog's sentence (the one wording the pages use too) in the request's
// language (apiLang: English unless Vietnamese is asked for), its figures
// in that language's display number format. Codes and figures stay as
// storage gave them; scripts should read those.
func explainFlags(r *http.Request, flags []storage.Flag) {
	if len(flags) == 0 {
		return
	}
	lang := apiLang(r)
	cat := catalog.New(lang)
	num := func(v float64, maxFrac int) string { return charts.FormatNumber(v, maxFrac, lang) }
	for i := range flags {
		flags[i].Explanation = cat.Flag(flags[i], num)
	}
}
