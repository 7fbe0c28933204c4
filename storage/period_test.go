package storage

import (
	"strings"
	"testing"
	"time"
)

func TestParsePeriodCanonicalAndAliases(t *testing.T) {
	cases := []struct {
		in, want    string
		first, last int
		vi, en      string
	}{
		{"2018", "2018", 1, 12, "năm 2018", "2018"},
		{"2018-H1", "2018-H1", 1, 6, "6 tháng đầu năm 2018", "H1 2018"},
		{"2018-H2", "2018-H2", 7, 12, "6 tháng cuối năm 2018", "H2 2018"},
		{"2018-Q1", "2018-Q1", 1, 3, "quý I/2018", "Q1 2018"},
		{"2018-Q2", "2018-Q2", 4, 6, "quý II/2018", "Q2 2018"},
		{"2018-Q3", "2018-Q3", 7, 9, "quý III/2018", "Q3 2018"},
		{"2018-Q4", "2018-Q4", 10, 12, "quý IV/2018", "Q4 2018"},
		{"2018-M01", "2018-M01", 1, 1, "tháng 1/2018", "January 2018"},
		{"2018-M06", "2018-M06", 6, 6, "tháng 6/2018", "June 2018"},
		{"2018-M12", "2018-M12", 12, 12, "tháng 12/2018", "December 2018"},
		{"2018-5M", "2018-5M", 1, 5, "5 tháng đầu năm 2018", "5 months 2018"},
		{"2018-9M", "2018-9M", 1, 9, "9 tháng đầu năm 2018", "9 months 2018"},
		{"2018-11M", "2018-11M", 1, 11, "11 tháng đầu năm 2018", "11 months 2018"},
		{"2018-2M", "2018-2M", 1, 2, "2 tháng đầu năm 2018", "2 months 2018"},
		// aliases come out canonical
		{"2018-6M", "2018-H1", 1, 6, "6 tháng đầu năm 2018", "H1 2018"},
		{"2018-3M", "2018-Q1", 1, 3, "quý I/2018", "Q1 2018"},
		{"2018-12M", "2018", 1, 12, "năm 2018", "2018"},
		{"2018-1M", "2018-M01", 1, 1, "tháng 1/2018", "January 2018"},
	}
	for _, c := range cases {
		p, err := ParsePeriod(c.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", c.in, err)
			continue
		}
		if p.String() != c.want || p.First != c.first || p.Last != c.last || p.Year != 2018 {
			t.Errorf("ParsePeriod(%q) = %s (%d–%d), want %s (%d–%d)", c.in, p, p.First, p.Last, c.want, c.first, c.last)
		}
		if p.NameVI() != c.vi || p.NameEN() != c.en {
			t.Errorf("%s names = %q / %q, want %q / %q", c.in, p.NameVI(), p.NameEN(), c.vi, c.en)
		}
		if back, err := ParsePeriod(p.String()); err != nil || back != p {
			t.Errorf("round trip of %s gave %v, %v", p, back, err)
		}
	}
}

func TestParsePeriodRejects(t *testing.T) {
	bad := []string{
		"", "18", "2018-", "2018-H3", "2018-H0", "2018-H7", "2018-Q0", "2018-Q5", "2018-M00",
		"2018-M13", "2018-M6", "2018-M006", "2018-13M", "2018-0M", "2018-06M", "2018-H1 ", " 2018",
		"2018/H1", "2018-h1", "2018-q2", "H1-2018", "1899", "3000", "+201", "2018-2015-2020",
		"nhiệm kỳ 2015-2020", "2018-M-1", "2018-−6M", "２０１８",
	}
	for _, in := range bad {
		_, err := ParsePeriod(in)
		if err == nil {
			t.Errorf("ParsePeriod(%q) accepted", in)
			continue
		}
		if !strings.Contains(err.Error(), `"`+in+`"`) {
			t.Errorf("error for %q does not quote the input: %v", in, err)
		}
	}
}

func TestNewPeriodRejectsSpansWithoutCode(t *testing.T) {
	for _, s := range [][3]int{{2018, 2, 4}, {2018, 5, 6}, {2018, 4, 12}, {2018, 6, 5}, {2018, 0, 3}, {2018, 1, 13}} {
		if p, err := NewPeriod(s[0], s[1], s[2]); err == nil {
			t.Errorf("NewPeriod%v = %v, want error", s, p)
		}
	}
	if p, err := NewPeriod(2019, 4, 6); err != nil || p.String() != "2019-Q2" {
		t.Errorf("NewPeriod(2019,4,6) = %v, %v", p, err)
	}
}

func TestPeriodEndIsVietnamMidnight(t *testing.T) {
	end := MustParsePeriod("2018-H1").End()
	want := time.Date(2018, 6, 30, 17, 0, 0, 0, time.UTC)
	if !end.Equal(want) {
		t.Fatalf("2018-H1 ends %v, want %v", end.UTC(), want)
	}
	if dec := MustParsePeriod("2018-M12").End(); !dec.Equal(time.Date(2018, 12, 31, 17, 0, 0, 0, time.UTC)) {
		t.Fatalf("December ends %v", dec.UTC())
	}
}

func TestPeriodOrderPrefersLongerSpanAtSameEnd(t *testing.T) {
	h1, q2, m06 := MustParsePeriod("2018-H1"), MustParsePeriod("2018-Q2"), MustParsePeriod("2018-M06")
	if !h1.Less(q2) || !q2.Less(m06) || m06.Less(h1) {
		t.Fatalf("want H1 < Q2 < M06 at the same end month")
	}
	if !MustParsePeriod("2018-M05").Less(m06) {
		t.Fatalf("an earlier end month must sort first")
	}
}

func TestPercentKeepsDecimals(t *testing.T) {
	for _, c := range []struct {
		in   string
		dec  int
		half float64
	}{{"53.7", 1, 0.05}, {"66", 0, 0.5}, {"7.43", 2, 0.005}, {"-2.0", 1, 0.05}} {
		p, err := ParsePercent(c.in)
		if err != nil || p.Decimals != c.dec || p.String() != c.in || p.HalfWidth() != c.half {
			t.Errorf("ParsePercent(%q) = %+v (%s, ±%v), %v", c.in, p, p, p.HalfWidth(), err)
		}
	}
	for _, in := range []string{"", "abc", "1e3", "NaN", "Inf", "0x10", "5,3"} {
		if _, err := ParsePercent(in); err == nil {
			t.Errorf("ParsePercent(%q) accepted", in)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2018", "2018-H1", "2018-Q3", "2018-M06", "2018-9M", "2018-6M", "2018-H7", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			if !strings.Contains(err.Error(), "invalid period") {
				t.Fatalf("error %v does not say what is invalid", err)
			}
			return
		}
		if p.First < 1 || p.Last > 12 || p.First > p.Last {
			t.Fatalf("ParsePeriod(%q) gave impossible span %+v", s, p)
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("canonical %q of %q does not parse back: %v", p, s, err)
		}
	})
}

func TestPercentRatioIsTheNearestFloat(t *testing.T) {
	for in, want := range map[string]float64{"7.43": 0.0743, "53.7": 0.537, "49.6": 0.496, "66": 0.66, "-2.5": -0.025} {
		p, err := ParsePercent(in)
		if err != nil || p.Ratio() != want {
			t.Errorf("ParsePercent(%q).Ratio() = %v, %v; want %v", in, p.Ratio(), err, want)
		}
	}
}

// TestSpanNames: every span the picker offers names itself without a year,
// and the period's full name is that name with the year (worked by hand:
// H1 → "6 tháng đầu năm 2018" / "H1 2018", M06 → "tháng 6/2018" / "June
// 2018", Q3 → "quý III/2018" / "Q3 2018", Y → "năm 2018" / "2018").
func TestSpanNames(t *testing.T) {
	want := map[string][4]string{
		"H1":  {"6 tháng đầu năm", "H1", "6 tháng đầu năm 2018", "H1 2018"},
		"M06": {"tháng 6", "June", "tháng 6/2018", "June 2018"},
		"Q3":  {"quý III", "Q3", "quý III/2018", "Q3 2018"},
		"9M":  {"9 tháng đầu năm", "9 months", "9 tháng đầu năm 2018", "9 months 2018"},
		"Y":   {"", "", "năm 2018", "2018"},
	}
	for _, code := range SpanCodes() {
		p, err := PeriodOfSpan(2018, code)
		if err != nil || p.SpanCode() != code || p.Year != 2018 {
			t.Fatalf("PeriodOfSpan(2018, %q) = %v, %v (span %q)", code, p, err, p.SpanCode())
		}
		if w, ok := want[code]; ok {
			got := [4]string{p.SpanName("vi"), p.SpanName("en"), p.Name("vi"), p.Name("en")}
			if got != w {
				t.Errorf("%s: %q, want %q", code, got, w)
			}
		}
	}
}

// TestPeriodValidAgreesWithNewPeriod: Valid accepts exactly the spans
// NewPeriod does, over every first and last month from -1 to 14 in years
// around the bounds (1899, 1900, 2999, 3000) and one inside.
func TestPeriodValidAgreesWithNewPeriod(t *testing.T) {
	accepted := 0
	for _, y := range []int{1899, 1900, 2018, 2999, 3000} {
		for first := -1; first <= 14; first++ {
			for last := -1; last <= 14; last++ {
				p := Period{Year: y, First: first, Last: last}
				_, err := NewPeriod(y, first, last)
				if p.Valid() != (err == nil) {
					t.Fatalf("%+v: Valid %v, NewPeriod error %v", p, p.Valid(), err)
				}
				if err == nil {
					accepted++
				}
			}
		}
	}
	// Per year: the 12 spans from January (1M = M01 … 6M = H1 … 12M = the
	// year), the 11 other months, the 3 other quarters and H2: 27 spans,
	// in each of the three valid years.
	if accepted != 3*27 {
		t.Fatalf("%d spans accepted, want %d", accepted, 3*27)
	}
}
