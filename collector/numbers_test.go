package collector

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in, locale string
		canonical  bool
		want       float64
		decimals   int
		err        string // substring of the error; "" = no error
	}{
		{"63135.5", "", false, 63135.5, 1, ""},
		{"63,135.5", "", false, 63135.5, 1, ""},
		{"63.135,5", "", false, 63135.5, 1, ""},
		{"53,7%", "", false, 53.7, 1, ""},
		{"53.7", "", false, 53.7, 1, ""},
		{"53.70", "", false, 53.7, 2, ""},
		{"1.234.567", "", false, 1234567, 0, ""},
		{"1,234,567", "", false, 1234567, 0, ""},
		{"0.135", "", false, 0.135, 3, ""}, // "0.135" cannot be a thousands group
		{"1452", "", false, 1452, 0, ""},
		{"-2.5", "", false, -2.5, 1, ""},
		{"−3,25", "", false, -3.25, 2, ""}, // U+2212 minus
		{"+7.43", "", false, 7.43, 2, ""},
		{" 942 ", "", false, 942, 0, ""},
		{"63.135", "", false, 0, 0, "ambiguous"},
		{"1,452", "", false, 0, 0, "ambiguous"},
		{"63.135", "vi", false, 63135, 0, ""},
		{"63.135", "en", false, 63.135, 3, ""},
		{"1,452", "vi", false, 1.452, 3, ""},
		{"1,452", "en", false, 1452, 0, ""},
		{"63135.5", "vi", false, 63135.5, 1, ""}, // only one reading exists
		{"53,7", "en", false, 53.7, 1, ""},
		{"1.23.456", "", false, 0, 0, "not a number"},
		{"12a", "", false, 0, 0, "not a number"},
		{"1,2,3", "", false, 0, 0, "not a number"},
		{"", "", false, 0, 0, "not a number"},
		{"%", "", false, 0, 0, "not a number"},
		{"1e400", "", true, 0, 0, "not a number"},
		{"63.135", "", true, 63.135, 3, ""}, // a JSON number is never ambiguous
		{"5.37E-2", "", true, 0.0537, 4, ""},
		{"NaN", "", true, 0, 0, "finite"},
	}
	for _, tc := range cases {
		n, err := parseNumber(tc.in, tc.locale, tc.canonical)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("parseNumber(%q, %q) = %v, %v; want error containing %q", tc.in, tc.locale, n.value, err, tc.err)
		case tc.err == "" && err != nil:
			t.Errorf("parseNumber(%q, %q): %v", tc.in, tc.locale, err)
		case tc.err == "" && (n.value != tc.want || n.decimals != tc.decimals):
			t.Errorf("parseNumber(%q, %q) = %v (%d decimals), want %v (%d)", tc.in, tc.locale, n.value, n.decimals, tc.want, tc.decimals)
		}
	}
}

// TestParsePercentSettlesByRange: a percentage is below 1000, so only one
// reading of 2.125 or 1,452 is possible; the written decimals are kept.
func TestParsePercentSettlesByRange(t *testing.T) {
	cases := []struct {
		in   string
		lo   float64
		want string
	}{
		{"2.125", storage.PlanPercentMin, "2.125"},
		{"-2.125", storage.YoYPercentMin, "-2.125"},
		{"1,452", storage.PlanPercentMin, "1.452"},
		{"53,70%", storage.PlanPercentMin, "53.70"},
		{"999.999", storage.PlanPercentMin, "999.999"},
	}
	for _, tc := range cases {
		p, err := parsePercent(tc.in, "", false, tc.lo, storage.PlanPercentMax)
		if err != nil || p.String() != tc.want {
			t.Errorf("parsePercent(%q) = %v, %v; want %s", tc.in, p, err, tc.want)
		}
	}
	for _, in := range []string{"1000", "-0.5", "5270"} {
		if p, err := parsePercent(in, "", false, storage.PlanPercentMin, storage.PlanPercentMax); err == nil {
			t.Errorf("parsePercent(%q) = %v, want an implausible-percentage error", in, p)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"2018-06-11": "2018-06-11", "11/06/2018": "2018-06-11", "1/6/2018": "2018-06-01"} {
		if got, err := parseDate(in); err != nil || got != want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"2018-13-01", "31/02/2018", "06/11/18", "June 11"} {
		if _, err := parseDate(in); err == nil {
			t.Errorf("parseDate(%q) accepted", in)
		}
	}
}

func TestFormatValueReadsBackInEveryLocale(t *testing.T) {
	for _, v := range []float64{1.452, 63135.5, 0.125, -7.06, 1452, 1e-7, 123456789.123} {
		s := formatValue(v)
		for _, loc := range []string{"", LocaleVI, LocaleEN} {
			n, err := parseNumber(s, loc, false)
			if err != nil || n.value != v {
				t.Errorf("formatValue(%v) = %q reads back as %v, %v with locale %q", v, s, n.value, err, loc)
			}
		}
	}
}

func TestShiftPercent(t *testing.T) {
	for in, want := range map[string]string{"0.537": "53.7", "0.5": "50", "1.2345": "123.45", "-0.074": "-7.4", "0.0005": "0.05", "2": "200"} {
		if got := shiftPercent(in); got != want {
			t.Errorf("shiftPercent(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestVietnameseCSVNeedsLocale imports a semicolon-separated file in
// Vietnamese notation: without a locale its ambiguous cells are named; with
// --locale vi it imports, keeping the written decimals of percentages.
func TestVietnameseCSVNeedsLocale(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	path := filepath.Join("testdata", "good_vi.csv")
	_, err := c.ImportFile(ctx, path, Options{})
	e := storageErr(t, err, storage.CodeValidation)
	if len(e.Details) != 2 || !hasDetail(e, "", 3, "value") || !hasDetail(e, "", 4, "value") {
		t.Fatalf("want rows 3 and 4 named: %v", err)
	}
	rep, err := c.ImportFile(ctx, path, Options{Locale: LocaleVI})
	if err != nil || rep.Result.New != 3 {
		t.Fatalf("with locale vi: %+v, %v", rep, err)
	}
	want := map[string][2]string{"retail_sales": {"63135.5", "53.7"}, "new_party_members": {"1452", "66"}, "budget_revenue": {"7060", "49.6"}}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho"})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range obs {
		w := want[o.Indicator]
		if formatValue(*o.Value) != w[0] || o.ReportedPlanPercent.String() != w[1] || o.ReportedAt != "2018-06-11" {
			t.Errorf("%s stored as %v %v %s, want %v", o.Indicator, *o.Value, o.ReportedPlanPercent, o.ReportedAt, w)
		}
	}
	if len(obs) != 3 {
		t.Fatalf("%d observations stored, want 3", len(obs))
	}
}

// TestNumbersIssue17: a Vietnamese-grouped number with locale en (and the
// reverse) is refused, not read in the other notation; a number with more
// digits than a float64 holds exactly is refused, not rounded silently.
func TestNumbersIssue17(t *testing.T) {
	for _, tc := range []struct {
		s, locale string
		canonical bool
		want      string // "" = accepted
	}{
		{"1.234.567,89", LocaleEN, false, "which the locale en asks for"},
		{"1,234,567.89", LocaleVI, false, "which the locale vi asks for"},
		{"1.234.567,89", LocaleVI, false, ""},
		{"1.234.567,89", "", false, ""},
		{"53,7", LocaleEN, false, ""}, // no grouping: the decimal mark is not in doubt
		{"12345678901234567890123456789012345678", "", false, "more digits"},
		{"12345678901234567890123456789012345678", "", true, "more digits"},
		{"1234567890123456789012345678901234567.8", LocaleEN, false, "more digits"},
		{"1.23456789012345678901e5", "", true, "more digits"},
		{"123456789012345", "", true, ""},
		{"1000000000000000000000", "", true, ""}, // 1e21 is exact
		{"0.1", "", true, ""},
		{"5.50", LocaleEN, false, ""},
	} {
		_, err := parseNumber(tc.s, tc.locale, tc.canonical)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q (%s, canonical %v): %v", tc.s, tc.locale, tc.canonical, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q (%s, canonical %v): %v, want an error with %q", tc.s, tc.locale, tc.canonical, err, tc.want)
		}
	}
}
