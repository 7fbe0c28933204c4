package extract

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract checks that no input panics or hangs, and that every offset
// Extract returns points at the text it quotes. The seed corpus is in
// testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	f.Add("Năm 2019, kim ngạch xuất khẩu đạt 2,1 tỷ USD, vượt 5% kế hoạch.", "2019-12-30")
	ext := NewExtractor(nil) // compiled once: fuzzing instruments the regexp package too
	f.Fuzz(func(t *testing.T, text, date string) {
		if len(text) > 4096 || len(date) > 32 {
			t.Skip("bounded input")
		}
		start := time.Now()
		ex := ext.Extract(text, Options{Date: date, Unit: "u"})
		if d := time.Since(start); d > 10*time.Second { // a hang, not slowness: fuzzing instruments every package
			t.Fatalf("Extract took %v on %d bytes", d, len(text))
		}
		for _, fg := range ex.Figures {
			if fg.Start < 0 || fg.Start > fg.End || fg.End > len(text) || text[fg.Start:fg.End] != fg.Quote {
				t.Fatalf("figure %s: quote %q at %d:%d", fg.Indicator, fg.Quote, fg.Start, fg.End)
			}
			if fg.Confidence < 0 || fg.Confidence > 1 || fg.Indicator == "" {
				t.Fatalf("figure %+v", fg)
			}
			if utf8.ValidString(text) && !utf8.ValidString(fg.Quote) {
				t.Fatalf("quote %q cuts a character", fg.Quote)
			}
		}
		for _, s := range ex.Unrecognised {
			if s.Start < 0 || s.Start > s.End || s.End > len(text) || text[s.Start:s.End] != s.Text {
				t.Fatalf("span %q at %d:%d", s.Text, s.Start, s.End)
			}
		}
	})
}
