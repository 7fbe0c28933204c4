// Package gzipneg decides, from a request's Accept-Encoding header, whether
// an answer may be sent gzipped: the one rule the static assets and
// /metrics both follow.
package gzipneg

import (
	"strconv"
	"strings"
)

// Accepts reports whether an Accept-Encoding header admits gzip: listed by
// name (any case) or as *, with a quality that is absent or a number above
// zero. A quality that is not a number admits nothing.
func Accepts(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimSpace(params), "=")
		if !ok || strings.TrimSpace(k) != "q" {
			return true
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q > 0
	}
	return false
}
