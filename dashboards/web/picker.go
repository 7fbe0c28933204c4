package web

import (
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// periodField is the shared period picker of the forms, like the
// overview's: a span select (NAME_span: "Y" for the whole year, H1, Q3,
// M06, 9M…) and a year select (NAME_year). templates/parts.html renders it
// ({{template "periodpicker" .}}); pickedPeriod reads it back. The entry
// and paste pages use it per row (NAME "period_3"); the compare pages can
// use it for their periods (NAME "a" and "b": periodParam reads a_year and
// a_span when ?a= is absent).
type periodField struct {
	Name, ID string
	// Label names the period ("Kỳ 3"); SpanLabel and YearLabel name the
	// two selects for screen readers.
	Label, SpanLabel, YearLabel string
	Spans, Years                []option
	Invalid                     bool // the period is the field at fault: both selects are outlined
}

// periodField builds the picker for per (zero: no year chosen yet) with
// years offered, newest first.
func (l *Locale) periodField(name, label string, per storage.Period, years []int, invalid bool) periodField {
	f := periodField{Name: name, ID: strings.ReplaceAll(name, "_", "-"), Label: label,
		SpanLabel: label + " · " + l.T("picker.span"), YearLabel: label + " · " + l.T("picker.year"), Invalid: invalid}
	cur := "Y"
	if !per.IsZero() {
		cur = per.SpanCode()
	} else {
		f.Years = append(f.Years, option{Value: "", Label: "—", Selected: true})
	}
	for _, y := range years {
		f.Years = append(f.Years, option{Value: itoa(y), Label: itoa(y), Selected: y == per.Year})
	}
	for _, s := range storage.SpanCodes() {
		f.Spans = append(f.Spans, option{Value: s, Label: l.spanLabel(s), Selected: s == cur})
	}
	return f
}

// pickerYears are the years a form offers: next year back to ten years
// before now, and the year of shown (if any) when it is older.
func pickerYears(now time.Time, shown ...storage.Period) []int {
	var ys []int
	for y := now.Year() + 1; y >= now.Year()-10; y-- {
		ys = append(ys, y)
	}
	for _, p := range shown {
		if !p.IsZero() && p.Year < now.Year()-10 {
			ys = append(ys, p.Year)
		}
	}
	return ys
}

// pickedPeriod reads the period a form sent under name: a typed code
// (name itself, as older forms and scripts send it) or the picker's
// name_year and name_span ("" when no year was chosen).
func pickedPeriod(get func(string) string, name string) string {
	if s := strings.TrimSpace(get(name)); s != "" {
		return s
	}
	y := strings.TrimSpace(get(name + "_year"))
	if y == "" {
		return ""
	}
	if sp := strings.TrimSpace(get(name + "_span")); sp != "" && sp != "Y" {
		return y + "-" + sp
	}
	return y
}

// redirectPickers turns the shared pickers' NAME_year and NAME_span of
// each name into the canonical, shareable ?NAME=CODE URL (303), as the
// overview does for its picker; it reports whether it redirected. A
// request that already names a code, or picked no year, is left alone.
func redirectPickers(w http.ResponseWriter, r *http.Request, names ...string) bool {
	q := r.URL.Query()
	moved := false
	for _, n := range names {
		if q.Get(n) != "" || q.Get(n+"_year") == "" {
			continue
		}
		q.Set(n, pickedPeriod(q.Get, n))
		q.Del(n + "_year")
		q.Del(n + "_span")
		moved = true
	}
	if moved {
		http.Redirect(w, r, r.URL.Path+"?"+q.Encode(), http.StatusSeeOther)
	}
	return moved
}

var dmyRE = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// isoDate turns a date written dd/mm/yyyy (as the forms ask for it) into
// YYYY-MM-DD; anything else is returned as typed, for the collector to
// accept or refuse with its reason.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	m := dmyRE.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	d, err := time.Parse("2/1/2006", m[1]+"/"+m[2]+"/"+m[3])
	if err != nil {
		return s
	}
	return d.Format(storage.DateLayout)
}

// DateInput shows a stored YYYY-MM-DD date as a form expects it typed,
// dd/mm/yyyy in both languages; other text is shown as it was typed.
func (l *Locale) DateInput(s string) string {
	d, err := time.Parse(storage.DateLayout, s)
	if err != nil {
		return s
	}
	return d.Format("02/01/2006")
}
