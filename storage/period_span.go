package storage

import (
	"fmt"
	"strconv"
	"time"
)

// A span is a period without its year: the months it covers, named "H1",
// "Q3", "9M", "M06", or "Y" for the whole year. Pages offer spans and years
// apart (a span select and a year select), so the span's code and name
// live here beside the period's.

// SpanCodes lists the spans a period picker offers, the whole year first.
func SpanCodes() []string {
	return []string{"Y", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "9M",
		"M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12"}
}

// SpanCode is the span part of p's code ("H1", "Q3", "9M", "M06"; "Y" for
// a whole year).
func (p Period) SpanCode() string {
	s := p.String()
	if len(s) <= 5 {
		return "Y"
	}
	return s[5:]
}

// PeriodOfSpan is the period of span (a SpanCodes code) in year.
func PeriodOfSpan(year int, span string) (Period, error) {
	if span == "Y" || span == "" {
		return ParsePeriod(strconv.Itoa(year))
	}
	return ParsePeriod(strconv.Itoa(year) + "-" + span)
}

// SpanName is p's name without its year, in lang ("vi" or "en"; anything
// else is vi): "6 tháng đầu năm", "quý III", "tháng 6", "9 tháng đầu năm";
// "H1", "Q3", "June", "9 months". A whole year has no span name: "".
func (p Period) SpanName(lang string) string {
	vi := lang != "en"
	c, _ := p.code()
	n := len(c)
	switch {
	case p.Months() == 12:
		return ""
	case n > 3 && c[n-3:] == "-H1" && vi:
		return "6 tháng đầu năm"
	case n > 3 && c[n-3:] == "-H2" && vi:
		return "6 tháng cuối năm"
	case n > 3 && (c[n-3:] == "-H1" || c[n-3:] == "-H2"):
		return c[n-2:]
	case n > 3 && c[n-3:n-1] == "-Q" && vi:
		return "quý " + romanQuarter[(p.First+2)/3]
	case n > 3 && c[n-3:n-1] == "-Q":
		return fmt.Sprintf("Q%d", (p.First+2)/3)
	case p.First == p.Last && vi:
		return fmt.Sprintf("tháng %d", p.First)
	case p.First == p.Last:
		return time.Month(p.First).String()
	case vi:
		return fmt.Sprintf("%d tháng đầu năm", p.Last)
	}
	return fmt.Sprintf("%d months", p.Last)
}

// SpanNameOf is the name of a span code (SpanCodes) in lang, as
// Period.SpanName gives it; "" for the whole year or an unknown code.
func SpanNameOf(span, lang string) string {
	p, err := PeriodOfSpan(MinYear, span) // any year: the name leaves it out
	if err != nil {
		return ""
	}
	return p.SpanName(lang)
}
