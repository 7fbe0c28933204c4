package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// TestPickedPeriodComposesTheCode: the picker's year and span make the
// period code; a typed code wins; no year is no period.
func TestPickedPeriodComposesTheCode(t *testing.T) {
	for _, c := range []struct {
		form map[string]string
		want string
	}{
		{map[string]string{"p_year": "2018", "p_span": "H1"}, "2018-H1"},
		{map[string]string{"p_year": "2018", "p_span": "Y"}, "2018"},
		{map[string]string{"p_year": "2018", "p_span": "M06"}, "2018-M06"},
		{map[string]string{"p_span": "H1"}, ""},
		{map[string]string{"p": "2017-Q3", "p_year": "2018", "p_span": "H1"}, "2017-Q3"},
	} {
		if got := pickedPeriod(func(k string) string { return c.form[k] }, "p"); got != c.want {
			t.Errorf("%v: %q, want %q", c.form, got, c.want)
		}
	}
}

// TestDatesAreTypedDayFirst: forms take and show dd/mm/yyyy; 06/11/2018 is
// the 6th of November, never June the 11th; an impossible date is left
// for the collector to refuse.
func TestDatesAreTypedDayFirst(t *testing.T) {
	for in, want := range map[string]string{"11/06/2018": "2018-06-11", "6/11/2018": "2018-11-06",
		"2018-06-11": "2018-06-11", "31/02/2018": "31/02/2018", " 01/01/2019 ": "2019-01-01"} {
		if got := isoDate(in); got != want {
			t.Errorf("isoDate(%q) = %q, want %q", in, got, want)
		}
	}
	for _, L := range []*Locale{newLocale(langVI), newLocale(langEN)} {
		if got := L.DateInput("2018-06-11"); got != "11/06/2018" {
			t.Errorf("%s DateInput = %q, want 11/06/2018", L.Lang, got)
		}
	}
}

// TestPeriodFieldSelectsTheShownPeriod: the picker selects the span and
// year of its period, offers a blank year when there is none, and names
// the spans in the page's language.
func TestPeriodFieldSelectsTheShownPeriod(t *testing.T) {
	vi := newLocale(langVI)
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	f := vi.periodField("period_2", "Kỳ 2", storage.MustParsePeriod("2018-H1"), pickerYears(now), true)
	selected := func(opts []option) string {
		for _, o := range opts {
			if o.Selected {
				return o.Value + "=" + o.Label
			}
		}
		return ""
	}
	if got := selected(f.Spans); got != "H1=6 tháng đầu năm" {
		t.Errorf("span %q", got)
	}
	if got := selected(f.Years); got != "2018=2018" {
		t.Errorf("year %q", got)
	}
	if f.ID != "period-2" || !f.Invalid {
		t.Errorf("id %q invalid %v", f.ID, f.Invalid)
	}
	blank := vi.periodField("period_1", "Kỳ 1", storage.Period{}, pickerYears(now), false)
	if blank.Years[0].Value != "" || !blank.Years[0].Selected || len(blank.Years) != 13 {
		t.Errorf("no period: years %v (want a selected blank, then 2027 back to 2016)", blank.Years)
	}
}

// TestComparePickersRedirectToCodes: the compare pages' pickers send
// a_year/a_span (period_year/period_span); the page answers with the
// canonical ?a=CODE URL, and that page selects the picked periods.
func TestComparePickersRedirectToCodes(t *testing.T) {
	e := newTestEnv(t)
	code, _, hdr := e.get(t, "/compare/periods?unit=can-tho&a_year=2018&a_span=H1&b_year=2017&b_span=Y&lang=vi")
	if code != http.StatusSeeOther || hdr.Get("Location") != "/compare/periods?a=2018-H1&b=2017&lang=vi&unit=can-tho" {
		t.Fatalf("periods picker: %d, Location %q", code, hdr.Get("Location"))
	}
	code, _, hdr = e.get(t, "/compare/units?parent=can-tho&indicator=retail_sales&period_year=2018&period_span=H1")
	if code != http.StatusSeeOther || hdr.Get("Location") != "/compare/units?indicator=retail_sales&parent=can-tho&period=2018-H1" {
		t.Fatalf("units picker: %d, Location %q", code, hdr.Get("Location"))
	}
	_, body, _ := e.get(t, "/compare/periods?unit=can-tho&a=2018-H1&b=2017-H1&lang=vi")
	for _, want := range []string{`name="a_span"`, `<option value="H1" selected>6 tháng đầu năm</option>`, `name="b_year"`,
		`<option value="2017" selected>2017</option>`} {
		if !strings.Contains(body, want) {
			t.Errorf("compare page lacks %q", want)
		}
	}
	if strings.Contains(body, `name="a" value=`) {
		t.Error("the compare page still asks for a typed period code")
	}
}
