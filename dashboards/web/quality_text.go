package web

import (
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// figureOf names one figure behind a flag in the page's language and formats
// it: shares as signed percentages, percents with a % sign.
func (l *Locale) figureOf(key string, v float64) figure {
	fig := figure{Name: l.TOr("fig."+key, key), Value: l.Num(&v, 2)}
	switch {
	case strings.HasSuffix(key, "_share"):
		fig.Value = l.SignedPct(&v)
	case strings.HasSuffix(key, "_percent"):
		fig.Value += "%"
	}
	return fig
}

// flagText explains a flag in the page's language with its figures in the
// page's number format: the catalog's one wording of each flag.
func (l *Locale) flagText(f storage.Flag) string {
	return l.cat.Flag(f, func(v float64, maxFrac int) string { return l.Num(&v, maxFrac) })
}
