package web

import "testing"

// TestPagesFormatNumbersAsChartsDo: the pages' numbers come from the one
// display formatter (charts.FormatNumber), so a page and its chart never
// disagree. Worked by hand: −1234.5 to 0 decimals rounds away from zero to
// −1235 with the minus sign U+2212 (x/text wrote "-1.234" rounding the half
// to even); −0.004 to 2 decimals is 0, unsigned; 0.5374 as a percent with
// one decimal is 53.7; −0.021 as signed growth is −2.1%.
func TestPagesFormatNumbersAsChartsDo(t *testing.T) {
	vi, en := newLocale(langVI), newLocale(langEN)
	f := func(v float64) *float64 { return &v }
	cases := []struct{ got, want string }{
		{vi.Num(f(-1234.5), 0), "−1.235"},
		{en.Num(f(-1234.5), 0), "−1,235"},
		{vi.Num(f(-0.004), 2), "0"},
		{vi.Num(f(63135.25), 1), "63.135,3"},
		{vi.Pct(f(0.5374)), "53,7%"},
		{en.Pct(f(0.53)), "53.0%"},
		{vi.SignedPct(f(-0.021)), "−2,1%"},
		{en.SignedPct(f(0.0743)), "+7.43%"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: %q, want %q", i, c.got, c.want)
		}
	}
}
