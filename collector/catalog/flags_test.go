package catalog

import (
	"strconv"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestEveryFlagHasOneSentenceInBothLanguages: each flag code storage
// raises has a sentence in Vietnamese and English that takes exactly the
// figures listed for it, and a kind name.
func TestEveryFlagHasOneSentenceInBothLanguages(t *testing.T) {
	codes := []string{storage.FlagPlanPercentMismatch, storage.FlagYTDDecrease, storage.FlagYoYMismatch,
		storage.FlagChildrenSumMismatch, storage.FlagOutlier, storage.FlagPartsMismatch,
		storage.FlagMissingPeriod, storage.FlagChildrenRange}
	figs := flagFigures()
	if len(figs) != len(codes) {
		t.Errorf("%d flags have figures, %d codes exist", len(figs), len(codes))
	}
	for _, lang := range []string{VI, EN} {
		c := New(lang)
		for _, code := range codes {
			s := c.T("flagtext." + code)
			if n := strings.Count(s, "%s"); n == 0 || n != len(figs[code]) {
				t.Errorf("%s %s: %q takes %d figures, listed %v", lang, code, s, n, figs[code])
			}
			if c.T("flag."+code) == "flag."+code {
				t.Errorf("%s %s has no kind name", lang, code)
			}
		}
	}
}

// TestFlagSentenceTakesItsFiguresInOrder: parts_mismatch with 3 parts
// summing to 1234.5 against a reported 1300 reads, with a plain formatter
// that writes the decimals it is allowed, "3 … 1234.5 … 1300.0".
func TestFlagSentenceTakesItsFiguresInOrder(t *testing.T) {
	f := storage.Flag{Code: storage.FlagPartsMismatch, Figures: map[string]float64{"parts": 3, "parts_sum": 1234.5, "value": 1300}}
	num := func(v float64, maxFrac int) string { return strconv.FormatFloat(v, 'f', maxFrac, 64) }
	want := "The 3 reported parts add up to 1234.5, but the whole period is reported as 1300.0."
	if got := New(EN).Flag(f, num); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := New(VI).Flag(storage.Flag{Code: "no_such_flag"}, num); got != "flag.no_such_flag" {
		t.Errorf("unknown code: %q", got)
	}
}

// TestMissingPeriodSaysOneMonthOnce: a gap of month 5 alone reads "Month 5
// has no figure" / "Tháng 5 chưa có số liệu", never "Months 5 to 5"; a gap
// of months 5 to 7 keeps the range in both languages.
func TestMissingPeriodSaysOneMonthOnce(t *testing.T) {
	num := func(v float64, maxFrac int) string { return strconv.FormatFloat(v, 'f', maxFrac, 64) }
	one := storage.Flag{Code: storage.FlagMissingPeriod, Figures: map[string]float64{"first_missing_month": 5, "last_missing_month": 5}}
	span := storage.Flag{Code: storage.FlagMissingPeriod, Figures: map[string]float64{"first_missing_month": 5, "last_missing_month": 7}}
	cases := []struct {
		lang string
		f    storage.Flag
		want string
	}{
		{EN, one, "Month 5 has no figure between the reported periods, so the year-to-date value cannot be derived."},
		{VI, one, "Tháng 5 chưa có số liệu giữa các kỳ đã báo cáo, nên không tính được lũy kế từ đầu năm."},
		{EN, span, "Months 5 to 7 have no figure between the reported periods, so the year-to-date value cannot be derived."},
		{VI, span, "Từ tháng 5 đến tháng 7 chưa có số liệu giữa các kỳ đã báo cáo, nên không tính được lũy kế từ đầu năm."},
	}
	for _, c := range cases {
		if got := New(c.lang).Flag(c.f, num); got != c.want {
			t.Errorf("%s %v: got %q, want %q", c.lang, c.f.Figures, got, c.want)
		}
	}
}
