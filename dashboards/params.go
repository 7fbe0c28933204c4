package dashboards

import (
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// params reads query parameters, keeping the first problem, which names
// the parameter and the input so the caller can fix it.
type params struct {
	q   url.Values
	err error
}

var (
	unitCodeRE      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	indicatorCodeRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// newParams checks that q holds only the allowed parameter names, each once.
// Every endpoint also takes lang (vi or en), the language of its error
// messages (see apiLang).
func newParams(q url.Values, allowed ...string) *params {
	allowed = append(allowed[:len(allowed):len(allowed)], "lang")
	p := &params{q: q}
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		switch {
		case !slices.Contains(allowed, k):
			p.reject("unknown query parameter %q; this endpoint takes: %s", k, strings.Join(allowed, ", "))
		case len(q[k]) > 1:
			p.reject("query parameter %s given %d times; give it once", k, len(q[k]))
		case k == "lang" && q.Get(k) != "vi" && q.Get(k) != "en":
			p.reject("query parameter lang=%q: use vi or en", q.Get(k))
		}
	}
	return p
}

func (p *params) reject(format string, args ...any) {
	if p.err == nil {
		p.err = storage.Errorf(storage.CodeInvalid, format, args...)
	}
}

// require fails unless every named parameter is present.
func (p *params) require(names ...string) {
	for _, n := range names {
		if p.q.Get(n) == "" {
			p.reject("query parameter %s is required", n)
		}
	}
}

// unit returns a unit code ("" when absent).
func (p *params) unit(name string) string {
	v := p.q.Get(name)
	if v != "" && !unitCodeRE.MatchString(v) {
		p.reject("query parameter %s=%q is not a unit code (lower-case letters, digits and '-', e.g. can-tho)", name, v)
	}
	return v
}

// indicator returns an indicator code ("" when absent).
func (p *params) indicator(name string) string {
	v := p.q.Get(name)
	if v != "" && !indicatorCodeRE.MatchString(v) {
		p.reject("query parameter %s=%q is not an indicator code (e.g. retail_sales)", name, v)
	}
	return v
}

// period returns a period (zero when absent).
func (p *params) period(name string) storage.Period {
	v := p.q.Get(name)
	if v == "" {
		return storage.Period{}
	}
	per, err := storage.ParsePeriod(v)
	if err != nil {
		p.reject("query parameter %s: %v", name, err)
	}
	return per
}

// date returns a YYYY-MM-DD date ("" when absent).
func (p *params) date(name string) string {
	v := p.q.Get(name)
	if v == "" {
		return ""
	}
	if _, err := time.Parse(storage.DateLayout, v); err != nil {
		p.reject("query parameter %s=%q is not a date; write YYYY-MM-DD, e.g. 2018-06-30", name, v)
	}
	return v
}

// boolean returns a true/false flag (false when absent).
func (p *params) boolean(name string) bool {
	v := p.q.Get(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.reject("query parameter %s=%q: write true or false", name, v)
	}
	return b
}

// year returns a calendar year (0 when absent).
func (p *params) year(name string) int {
	v := p.q.Get(name)
	if v == "" {
		return 0
	}
	y, err := strconv.Atoi(v)
	if err != nil || !storage.ValidYear(y) {
		p.reject("query parameter %s=%q is not a year between 1900 and 2999", name, v)
	}
	return y
}

// level returns how many levels below a parent a comparison reaches (0
// when absent, which means its children).
func (p *params) level(name string) int {
	v := p.q.Get(name)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > storage.MaxCompareLevel {
		p.reject("query parameter %s=%q is not a level between 1 (children) and %d", name, v, storage.MaxCompareLevel)
	}
	return n
}
