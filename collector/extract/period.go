package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// event is a period phrase found in the text. It sets the period of the
// figures that follow it.
type event struct {
	s, e        int
	year        int // written year; 0 when the phrase has none
	first, last int // months; 0 for "lũy kế" (up to the month in context)
	rel         bool
	relYear     int // "last year": years from the report date
	note        string
	term        bool // a party term or multi-year span
	period      *storage.Period
	pnote       string // why period is nil
}

// periodRule turns one pattern's match into an event.
type periodRule struct {
	re   *regexp.Regexp
	make func(m []string) event
	free bool // may follow a comparison word ("so với 2017" excludes the others)
}

const monthNames = `january|february|march|april|may|june|july|august|september|october|november|december`

func monthNum(s string) int {
	for i, n := range strings.Split(monthNames, "|") {
		if s == n || len(s) >= 3 && strings.HasPrefix(n, s) {
			return i + 1
		}
	}
	return atoi(s)
}

// monthDays is the number of days of month m (February: 28 or 29 both end it).
func monthDays(m int) int {
	switch m {
	case 2:
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func atoi(s string) int {
	switch s {
	case "i":
		return 1
	case "ii":
		return 2
	case "iii":
		return 3
	case "iv":
		return 4
	}
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"} {
		if s == w {
			return i + 1
		}
	}
	for i, w := range []string{"first", "second", "third", "fourth"} {
		if s == w || len(s) == 3 && strings.HasPrefix(s, strconv.Itoa(i+1)) {
			return i + 1
		}
	}
	n, _ := strconv.Atoi(s)
	return n
}

// yearOf returns the first non-empty group holding a year.
func yearOf(gs ...string) int {
	for _, g := range gs {
		if n, err := strconv.Atoi(g); err == nil && storage.ValidYear(n) {
			return n
		}
	}
	return 0
}

func span(first, last int, years ...string) event {
	return event{first: first, last: last, year: yearOf(years...)}
}

// periodRules lists the period phrases, Vietnamese and English.
func periodRules() []periodRule {
	const num = `(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`
	const yr = `(?:\s?/\s?(\d{4})| nam (\d{4})| (\d{4})\b| of (\d{4}))?`
	r := func(p string, f func(m []string) event, free bool) periodRule {
		return periodRule{regexp.MustCompile(p), f, free}
	}
	day := func(m []string) event {
		return event{note: "the span ends on a day, not at a month end; no period code expresses it"}
	}
	term := func(m []string) event {
		return event{note: "a party term or multi-year span; no period code expresses it", term: true}
	}
	ytd := func(m []string) event { return span(1, monthNum(m[1]), m[2:]...) }
	return []periodRule{
		r(`(?:tu (?:dau nam|thang (?:1|01|mot|gieng))(?: nam \d{4})? )?(?:den|toi|tinh den|tinh toi|den het) (?:het )?ngay (\d{1,2})(?:\s?[/-]\s?(\d{1,2})(?:\s?[/-]\s?(\d{4}))?| thang (\d{1,2})(?: nam (\d{4}))?)`, func(m []string) event {
			d, mo := atoi(m[1]), atoi(m[2]+m[4])
			if mo >= 1 && mo <= 12 && d == monthDays(mo) {
				return span(1, mo, m[3], m[5]) // "đến ngày 30/6" is the end of June
			}
			return day(m)
		}, true),
		r(`(?:from (?:january|the beginning of the year|the start of the year) )?(?:to|until|through|as of|by) (?:\d{1,2} (?:`+monthNames+`)|(?:`+monthNames+`) \d{1,2}\b)`, day, true),
		r(`(?:nhiem ky|giai doan) \d{4}\s?-\s?\d{4}|(?:tu )?dau nhiem ky(?: den nay)?|nhiem ky qua|(?:the )?\d{4}\s?-\s?\d{4} (?:term|period)|(?:this|the) (?:party )?term\b|`+
			`(?:binh quan )?\d{1,2} nam(?: qua)?,? ?\(?\d{4}\s?-\s?\d{4}\)?|(?:over )?the (?:past|last) (?:\d{1,2}|two|three|four|five|ten) years`, term, true),
		r(`(?:tu (?:dau nam|thang (?:1|01|mot|gieng)) (?:den|toi) (?:het )?|luy ke (?:tu dau nam )?(?:den (?:het )?)?|(?:tinh )?den (?:het )?)thang (\d{1,2})`+yr, ytd, true),
		r(`luy ke (\d{1,2}) thang(?: dau nam)?`+yr, ytd, true),
		r(`(?:from )?january ?(?:to|through|until|-) ?(`+monthNames+`)`+yr, ytd, false),
		r(`(?:the )?first `+num+` months(?: of (?:the year|this year|(\d{4})))?(?: (\d{4}))?`, ytd, false),
		r(`(\d{1,2}) thang(?: (dau|cuoi) nam| nam)?(?:(?: nam)? ?/? ?(\d{4}))?\b`, func(m []string) event {
			n := atoi(m[1])
			if m[2] == "cuoi" {
				return span(13-n, 12, m[3])
			}
			return span(1, n, m[3])
		}, false),
		r(`\b(six|nine|three|eight|eleven|five|four|seven|ten|two) months(?: of (?:the year|this year|(\d{4})))?(?: (\d{4}))?`, ytd, false),
		r(`nua (dau|cuoi) nam`+yr+`|(?:the )?(first|second) half(?: of (?:the year|this year|(\d{4})))?(?: (\d{4}))?|\bh([12])(?:[ /](\d{4}))?\b`, func(m []string) event {
			if m[1] == "cuoi" || m[6] == "second" || m[9] == "2" {
				return span(7, 12, m[2], m[3], m[4], m[5], m[7], m[8], m[10])
			}
			return span(1, 6, m[2], m[3], m[4], m[5], m[7], m[8], m[10])
		}, false),
		r(`quy (iv|iii|ii|i|[1-4])\b`+yr+`|(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of (?:the year|this year|(\d{4})))?(?: (\d{4}))?|\bq([1-4])(?:[ /-](\d{4}))?\b`, func(m []string) event {
			q := atoi(m[1] + m[6] + m[9])
			return span(3*q-2, 3*q, m[2], m[3], m[4], m[5], m[7], m[8], m[10])
		}, false),
		r(`thang (\d{1,2})`+yr, func(m []string) event {
			n := atoi(m[1])
			return span(n, n, m[2:]...)
		}, false),
		r(`(?:in|during|for|of|since) (`+monthNames+`)(?:,? (\d{4}))?\b`, func(m []string) event {
			n := monthNum(m[1])
			return span(n, n, m[2])
		}, false),
		r(`ca nam(?: (\d{4}))?|(?:the )?(?:whole|full|entire) year(?: (?:of )?(\d{4}))?|\bnam (\d{4})\b|\b(?:in|during|for|throughout) (\d{4})\b`, func(m []string) event {
			return span(1, 12, m[1:]...)
		}, false),
		r(`\b((?:19|20)\d{2}) (?:exports|imports|grdp|gdp|budget|state budget|retail|tourism|fdi|revenue|growth|industrial|investment|export|import)\b`, func(m []string) event {
			return span(1, 12, m[1])
		}, false),
		r(`\blast year\b`, func(m []string) event { return event{first: 1, last: 12, rel: true, relYear: -1} }, false),
		r(`luy ke(?: tu dau nam)?(?: den nay)?|tu dau nam(?: den nay)?|so far this year|year[- ]to[- ]date|since the (?:beginning|start) of (?:the|this) year`, func(m []string) event { return event{} }, false),
	}
}

// notPeriod matches words before a phrase that make it a comparison, a
// target or a horizon rather than the figure's period.
func notPeriod() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^a-z])(?:so voi|so cung ky|compared (?:to|with)|than|against|over|from|versus)(?: [a-z]+){0,3}\s*$|(?:^|[^a-z])(?:so voi|so|cung ky|ke hoach|kh|den|toi|tu|truoc|sau|muc tieu|chi tieu|nghi quyet|giai doan|nhiem ky|giua|than|over|from|with|compared to|same period|period|by|target for|plan for|of the|until|phan dau|dau|cuoi|ngay \d{1,2})\s*(?:nam\s*|in\s*)?$`)
}

// events finds every period phrase, earliest first, without overlaps. The
// spans also cover phrases that are not the figures' period (comparisons,
// targets), whose numbers are no figures either.
func (x *scanner) events(fs string) ([]event, []seg) {
	not := notPeriod()
	var all []event
	for _, r := range x.periods {
		for _, ix := range r.re.FindAllStringSubmatchIndex(fs, -1) {
			if ix[0] > 0 && letter(fs[ix[0]-1]) || ix[1] < len(fs) && letter(fs[ix[1]]) {
				continue
			}
			m := make([]string, len(ix)/2)
			for g := range m {
				if ix[2*g] >= 0 {
					m[g] = fs[ix[2*g]:ix[2*g+1]]
				}
			}
			ev := r.make(m)
			ev.s, ev.e = ix[0], ix[1]
			bad := ev.note == "" && !ev.rel && ev.last != 0 && (ev.first < 1 || ev.last > 12 || ev.first > ev.last)
			if bad || !r.free && not.MatchString(fs[max(0, ix[0]-24):ix[0]]) {
				ev.note = "skip"
			}
			all = append(all, ev)
		}
	}
	var out []event
	var spans []seg
	for _, ev := range nonOverlapping(all) {
		spans = append(spans, seg{ev.s, ev.e})
		if ev.note != "skip" {
			out = append(out, ev)
		}
	}
	return out, spans
}

// nonOverlapping keeps, of overlapping events, the earliest and then the longest.
func nonOverlapping(all []event) []event {
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && (all[j].s < all[j-1].s || all[j].s == all[j-1].s && all[j].e > all[j-1].e); j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	var out []event
	end := -1
	for _, ev := range all {
		if ev.s < end {
			continue
		}
		out = append(out, ev)
		end = ev.e
	}
	return out
}

// resolve gives each event its period: the written year, else the last
// year the text wrote, else the report date's year (the year before when
// that period would end well after the report date).
func resolve(evs []event, date time.Time, hasDate bool) {
	ctxYear, ctxLast := 0, 0
	for i := range evs {
		ev := &evs[i]
		if ev.note != "" {
			ev.pnote = ev.note
			continue
		}
		y := ev.year
		switch {
		case ev.rel && hasDate:
			y = date.Year() + ev.relYear
		case ev.rel:
			ev.pnote = "\"last year\" needs the report date (--date)"
			continue
		case y != 0:
			ctxYear = y
		case ctxYear != 0:
			y = ctxYear
		case hasDate:
			y = yearBefore(date, ev.last, ctxLast)
		}
		first, last := ev.first, ev.last
		if last == 0 {
			if ctxLast == 0 {
				ev.pnote = "year to date up to an unstated day; no period code expresses it"
				continue
			}
			first, last = 1, ctxLast
		}
		if y == 0 {
			ev.pnote = "no year in the text: give the report date (--date)"
			continue
		}
		p, err := storage.NewPeriod(y, first, last)
		if err != nil {
			ev.pnote = err.Error()
			continue
		}
		ev.period, ctxLast = &p, last
	}
}

// yearBefore picks the report date's year, or the year before when a
// period ending in month last would end more than six weeks after the date.
func yearBefore(date time.Time, last, ctxLast int) int {
	if last == 0 {
		last = ctxLast
	}
	end := time.Date(date.Year(), time.Month(last)+1, 1, 0, 0, 0, 0, time.UTC)
	if end.Sub(date) > 45*24*time.Hour {
		return date.Year() - 1
	}
	return date.Year()
}

// reportDate reads the date from opt.Date, else from a date line near the
// top of the text ("11/06/2018 - 16:20").
func (x *scanner) reportDate(fs, optDate string) (time.Time, bool) {
	if t, err := time.Parse(storage.DateLayout, optDate); err == nil {
		return t, true
	}
	head := fs
	if lines := strings.SplitN(fs, "\n", 6); len(lines) > 5 {
		head = strings.Join(lines[:5], "\n")
	}
	head = head[:min(len(head), 400)]
	m := x.dateLine.FindStringSubmatch(head)
	if m == nil {
		return time.Time{}, false
	}
	d, mo, y := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if m[4] != "" {
		y, mo, d = atoi(m[4]), atoi(m[5]), atoi(m[6])
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || !storage.ValidYear(y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
}
