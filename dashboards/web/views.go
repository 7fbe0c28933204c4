package web

import (
	"context"
	"strconv"

	"github.com/plantrack/plantrack/storage"
)

// paceTag is a pace verdict as shown: a CSS class (colour) and a word, so
// colour is never the only signal.
type paceTag struct {
	Class string
	Word  string
}

func (l *Locale) paceTag(p storage.Pace) paceTag {
	if p == "" {
		p = storage.PaceUnknown
	}
	return paceTag{Class: string(p), Word: l.Pace(p)}
}

// paceCount is one entry of a pace summary ("3 behind").
type paceCount struct {
	Class string
	Word  string
	Count int
}

// paceOrder lists paces worst first; it is also the summary order.
func paceOrder() []storage.Pace {
	return []storage.Pace{storage.PaceAtRisk, storage.PaceBehind, storage.PaceOnTrack, storage.PaceAhead, storage.PaceUnknown}
}

// paceRank orders paces worst first (at risk 0 … unknown 4).
func paceRank(p storage.Pace) int {
	for i, q := range paceOrder() {
		if p == q {
			return i
		}
	}
	return len(paceOrder()) - 1
}

// summarize counts items by pace, worst first, leaving out zero counts;
// items without any plan are counted apart, last.
func (l *Locale) summarize(items []storage.Item) []paceCount {
	counts, noplan := map[storage.Pace]int{}, 0
	for _, it := range items {
		p := it.Pace
		if p == "" {
			p = storage.PaceUnknown
		}
		if noPlan(it) {
			noplan++ // said apart: "chưa có kế hoạch", not "chưa xác định"
			continue
		}
		counts[p]++
	}
	var out []paceCount
	for _, p := range paceOrder() {
		if counts[p] > 0 {
			out = append(out, paceCount{Class: string(p), Word: l.Pace(p), Count: counts[p]})
		}
	}
	if noplan > 0 {
		out = append(out, paceCount{Class: string(storage.PaceUnknown), Word: l.T("pace.noplan"), Count: noplan})
	}
	return out
}

// raw writes a number for CSV: shortest exact decimal with a dot, or "" for nil.
func raw(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func rawPeriod(p storage.Period) string {
	if p.IsZero() {
		return ""
	}
	return p.String()
}

// times100 turns a ratio into percentage points (nil stays nil).
func times100(r *float64) *float64 {
	if r == nil {
		return nil
	}
	v := *r * 100
	return &v
}

// indicatorsByCode loads every indicator keyed by code.
func (p *Pages) indicatorsByCode(ctx context.Context) (map[string]storage.Indicator, []storage.Indicator, error) {
	list, err := p.db.Indicators(ctx)
	if err != nil {
		return nil, nil, err
	}
	return byCode(list), list, nil
}

// byCode keys indicators by their code.
func byCode(list []storage.Indicator) map[string]storage.Indicator {
	m := make(map[string]storage.Indicator, len(list))
	for _, i := range list {
		m[i.Code] = i
	}
	return m
}

// indicatorOf returns the indicator with code, or a stand-in named by the code.
func indicatorOf(m map[string]storage.Indicator, code string) storage.Indicator {
	if i, ok := m[code]; ok {
		return i
	}
	return storage.Indicator{Code: code}
}

// periodParam reads the period of a request: ?period=CODE, or ?year=&span=
// from the period picker (span "Y" is the whole year); zero when absent.
func (q *request) periodParam(key string) (storage.Period, error) {
	s := q.query(key)
	if s == "" && key == "period" && q.query("year") != "" {
		s = q.query("year")
		if sp := q.query("span"); sp != "" && sp != "Y" {
			s += "-" + sp
		}
	}
	if s == "" {
		s = pickedPeriod(q.query, key) // the shared picker's KEY_year and KEY_span
	}
	if s == "" {
		return storage.Period{}, nil
	}
	per, err := storage.ParsePeriod(s)
	if err != nil {
		return storage.Period{}, badRequest("%v", err)
	}
	return per, nil
}

func itoa(i int) string { return strconv.Itoa(i) }
