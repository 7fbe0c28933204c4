package storage

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a span of whole months inside one calendar year. The zero value is
// not a valid period; obtain periods from ParsePeriod or NewPeriod.
type Period struct {
	Year  int // calendar year, 1900–2999
	First int // first month, 1–12
	Last  int // last month, First–12
}

// NewPeriod returns the period of year from month first to month last, or an
// error if the span is not one that the canonical codes can express.
func NewPeriod(year, first, last int) (Period, error) {
	p := Period{Year: year, First: first, Last: last}
	if !ValidYear(year) || first < 1 || last > 12 || first > last {
		return Period{}, Errorf(CodeInvalid, "period %d months %d–%d: not a span inside one year", year, first, last)
	}
	if _, ok := p.code(); !ok {
		return Period{}, Errorf(CodeInvalid, "period %d months %d–%d: not a quarter, half, month, year or a span from January", year, first, last)
	}
	return p, nil
}

// Valid reports whether NewPeriod accepts p, without building its code
// (the writer checks every figure's period).
func (p Period) Valid() bool {
	if !ValidYear(p.Year) || p.First < 1 || p.Last > 12 || p.First > p.Last {
		return false
	}
	switch {
	case p.First == 1, p.First == p.Last, p.First == 7 && p.Last == 12, p.Last-p.First == 2 && p.First%3 == 1:
		return true
	}
	return false
}

// ParsePeriod parses a canonical period code (2018, 2018-H1, 2018-Q3,
// 2018-M06, 2018-9M) or an alias (2018-6M → 2018-H1, 2018-3M → 2018-Q1,
// 2018-12M → 2018, 2018-1M → 2018-M01). Any other input is an error that
// quotes the input.
func ParsePeriod(s string) (Period, error) {
	badPeriod := func(why string, args ...any) (Period, error) {
		return Period{}, Errorf(CodeInvalid, "invalid period %q: %s (use 2018, 2018-H1, 2018-Q3, 2018-M06 or 2018-9M)", s,
			Errorf(CodeInvalid, why, args...))
	}
	if len(s) < 4 || len(s) > 8 {
		return badPeriod("wrong length")
	}
	year, err := strconv.Atoi(s[:4])
	if err != nil || s[0] == '+' || s[0] == '-' {
		return badPeriod("it must start with a four-digit year")
	}
	if !ValidYear(year) {
		return badPeriod("year out of range 1900–2999")
	}
	if len(s) == 4 {
		return Period{year, 1, 12}, nil
	}
	if s[4] != '-' || len(s) < 6 {
		return badPeriod("expected '-' after the year")
	}
	rest := s[5:]
	num := func(t string) (int, bool) {
		if t == "" || len(t) > 2 {
			return 0, false
		}
		for _, c := range t {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		n, _ := strconv.Atoi(t)
		return n, true
	}
	switch {
	case rest[0] == 'H' && len(rest) == 2:
		switch rest[1] {
		case '1':
			return Period{year, 1, 6}, nil
		case '2':
			return Period{year, 7, 12}, nil
		}
		return badPeriod("a half is H1 or H2")
	case rest[0] == 'Q' && len(rest) == 2:
		q := int(rest[1] - '0')
		if q < 1 || q > 4 {
			return badPeriod("a quarter is Q1–Q4")
		}
		return Period{year, 3*q - 2, 3 * q}, nil
	case rest[0] == 'M' && len(rest) == 3:
		m, ok := num(rest[1:])
		if !ok || m < 1 || m > 12 {
			return badPeriod("a month is M01–M12")
		}
		return Period{year, m, m}, nil
	case rest[len(rest)-1] == 'M':
		n, ok := num(rest[:len(rest)-1])
		if !ok || n < 1 || n > 12 || rest[0] == '0' {
			return badPeriod("a year-to-date span is 1M–12M")
		}
		return Period{year, 1, n}, nil
	}
	return badPeriod("unknown form")
}

// MustParsePeriod is ParsePeriod for constants known to be valid; it panics
// on an invalid code.
func MustParsePeriod(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

// code returns the canonical code and whether the span has one.
func (p Period) code() (string, bool) {
	y := strconv.Itoa(p.Year)
	switch {
	case p.First == 1 && p.Last == 12:
		return y, true
	case p.First == 1 && p.Last == 6:
		return y + "-H1", true
	case p.First == 7 && p.Last == 12:
		return y + "-H2", true
	case p.Last-p.First == 2 && p.First%3 == 1:
		return fmt.Sprintf("%s-Q%d", y, (p.First+2)/3), true
	case p.First == p.Last:
		return fmt.Sprintf("%s-M%02d", y, p.First), true
	case p.First == 1:
		return fmt.Sprintf("%s-%dM", y, p.Last), true
	}
	return "", false
}

// String returns the canonical code, e.g. "2018-H1".
func (p Period) String() string {
	c, ok := p.code()
	if !ok {
		return fmt.Sprintf("%d-?%d-%d", p.Year, p.First, p.Last)
	}
	return c
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p == Period{} }

// Months is the number of months the period spans.
func (p Period) Months() int { return p.Last - p.First + 1 }

// IsYTD reports whether the period starts in January (a year-to-date span).
func (p Period) IsYTD() bool { return p.First == 1 }

// End is the instant the period ends: the end of its last month's last day,
// Vietnam time (UTC+7), i.e. the first instant of the next month.
func (p Period) End() time.Time {
	return time.Date(p.Year, time.Month(p.Last)+1, 1, 0, 0, 0, 0, VietnamTime())
}

// EndMonth is a month index (year*12 + last-1) that orders periods by their end.
func (p Period) EndMonth() int { return p.Year*12 + p.Last - 1 }

// YTD returns the year-to-date period that ends with p (January to p.Last).
func (p Period) YTD() Period { return Period{p.Year, 1, p.Last} }

// SameSpanIn returns the period with p's months in another year.
func (p Period) SameSpanIn(year int) Period { return Period{year, p.First, p.Last} }

// Less orders periods by end month, then longer span first.
func (p Period) Less(q Period) bool {
	if p.EndMonth() != q.EndMonth() {
		return p.EndMonth() < q.EndMonth()
	}
	return p.Months() > q.Months()
}

// MarshalText writes the canonical code.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses a period code as ParsePeriod does.
func (p *Period) UnmarshalText(b []byte) error {
	q, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

var romanQuarter = [...]string{"", "I", "II", "III", "IV"}

// NameVI is the Vietnamese display name: "6 tháng đầu năm 2018",
// "quý III/2018", "tháng 6/2018", "9 tháng đầu năm 2018", "năm 2018".
func (p Period) NameVI() string {
	span, y := p.SpanName("vi"), strconv.Itoa(p.Year)
	c, _ := p.code()
	switch {
	case span == "":
		return "năm " + y
	case strings.Contains(c, "-Q") || p.First == p.Last:
		return span + "/" + y // quý III/2018, tháng 6/2018
	}
	return span + " " + y
}

// NameEN is the English display name: "H1 2018", "Q3 2018", "June 2018",
// "9 months 2018", "2018".
func (p Period) NameEN() string {
	if span := p.SpanName("en"); span != "" {
		return span + " " + strconv.Itoa(p.Year)
	}
	return strconv.Itoa(p.Year)
}

// Name returns the display name in lang ("vi" or "en"; anything else is vi).
func (p Period) Name(lang string) string {
	if lang == "en" {
		return p.NameEN()
	}
	return p.NameVI()
}
