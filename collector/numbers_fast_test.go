package collector

import (
	"fmt"
	"strings"
	"testing"
)

// TestPlainDecimalAgreesWithBothReadings: for every cell the fast path
// takes, each locale's general reading (both notations, then the choice)
// gives the same number, decimals and canonical text; and the cells a
// thousands group could read otherwise (1.452, 12.345, 123.456) are left
// to the general path. The cells are every placement of one '.' in digit
// strings of 1 to 17 characters, with and without leading zeros.
func TestPlainDecimalAgreesWithBothReadings(t *testing.T) {
	var cells []string
	for n := 1; n <= 17; n++ {
		for _, digits := range []string{strings.Repeat("7", n), "0" + strings.Repeat("3", n-1), ("1234567890123456789")[:n]} {
			cells = append(cells, digits)
			for i := 1; i < n; i++ {
				cells = append(cells, digits[:i]+"."+digits[i:], "."+digits, digits+".")
			}
		}
	}
	taken := 0
	for _, cell := range cells {
		fast, ok := plainDecimal(cell)
		if !ok {
			continue
		}
		taken++
		for _, locale := range []string{"", LocaleVI, LocaleEN} {
			slow, err := readEither(cell, locale, nil)
			if err != nil || fast != slow {
				t.Errorf("%q in locale %q: fast %+v, general %+v (%v)", cell, locale, fast, slow, err)
			}
		}
	}
	for _, cell := range []string{"1.452", "12.345", "123.456", "1,5", "1.234.567", "12345678901234567", ".5", "5.", "1e3"} {
		if n, ok := plainDecimal(cell); ok {
			t.Errorf("%q took the fast path as %+v; the general path must read it", cell, n)
		}
	}
	if taken < 100 {
		t.Fatalf("only %d cells took the fast path; the test checks too little", taken)
	}
}

// TestParseDatePlainAgreesWithTimeParse: every day from 1899 to 2101,
// written YYYY-MM-DD, reads as itself (2000-02-29 and 2096-02-29 do,
// 1900-02-29 and 2100-02-29 do not: century years leap only when divisible
// by 400), and impossible days are refused with a reason.
func TestParseDatePlainAgreesWithTimeParse(t *testing.T) {
	for y := 1899; y <= 2101; y++ {
		for m := 1; m <= 12; m++ {
			for d := 0; d <= 32; d++ {
				s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				got, err := parseDate(s)
				leap := y%4 == 0 && (y%100 != 0 || y%400 == 0)
				days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
				if m == 2 && leap {
					days = 29
				}
				valid := d >= 1 && d <= days
				if valid && (err != nil || got != s) || !valid && err == nil {
					t.Fatalf("parseDate(%q) = %q, %v; valid %v", s, got, err, valid)
				}
			}
		}
	}
	for _, s := range []string{"2018-6-11", "2018-13-01", "2018/06/11", "2018-06-1x"} {
		if got, err := parseDate(s); err == nil && got == s {
			t.Errorf("parseDate(%q) = %q, want a refusal or another form", s, got)
		}
	}
}
