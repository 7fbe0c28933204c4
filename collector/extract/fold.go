package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folded is report text folded for matching: NFC-normalised, lower-case,
// Vietnamese diacritics removed (đ → d), dashes and spaces unified, so that
// "tỉ"/"tỷ", "hoá"/"hóa" and decomposed input all meet the same patterns.
// pos maps every folded byte back to a byte offset of the original text, so
// that quotes are cut from the text exactly as the writer gave it.
type folded struct {
	s   string
	pos []int // len(s)+1 entries; pos[len(s)] == len(original)
}

// fold folds text; see folded.
func fold(text string) folded {
	var b strings.Builder
	b.Grow(len(text))
	pos := make([]int, 0, len(text)+1)
	var it norm.Iter
	it.InitString(norm.NFC, text)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		same := string(seg) == text[start:end]
		off := 0
		for off < len(seg) {
			r, n := utf8.DecodeRune(seg[off:])
			f := foldRune(r)
			at := start
			if same {
				at = start + off
			}
			for range len(f) {
				pos = append(pos, at)
			}
			b.WriteString(f)
			off += n
		}
	}
	pos = append(pos, len(text))
	return folded{s: b.String(), pos: pos}
}

// foldRune folds one rune (see folded).
func foldRune(r rune) string {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r == '\t' || r == '\r' {
			r = ' '
		}
		return string(r)
	case r == 'đ' || r == 'Đ':
		return "d"
	case r == '\u2013' || r == '\u2014' || r == '\u2012' || r == '\u2212':
		return "-"
	case r == '\u00a0' || r == '\u2009' || r == '\u202f':
		return " "
	case r == '\u2018' || r == '\u2019':
		return "'"
	case r == '\u201c' || r == '\u201d':
		return "\""
	case r == '\uff05':
		return "%"
	case r == '\u2026':
		return "."
	}
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
	if b.Len() == 0 {
		return " "
	}
	return b.String()
}

// orig returns the original text of folded bytes [s, e).
func (f folded) orig(text string, s, e int) string { return text[f.pos[s]:f.pos[e]] }

// isVietnamese guesses whether text is Vietnamese: enough letters carry
// Vietnamese diacritics. It decides how "28.478" and "7,43" are read.
func isVietnamese(text string) bool {
	marked, letters := 0, 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if r >= 0xC0 {
			marked++
		}
	}
	if letters > 0 && marked*25 >= letters {
		return true
	}
	// Vietnamese typed without diacritics: count common words of each language.
	words := strings.Fields(strings.ToLower(text))
	vi, en := 0, 0
	for _, w := range words {
		switch strings.Trim(w, ",.;:()") {
		case "ty", "ti", "dong", "nam", "thang", "tang", "dat", "so", "voi", "cung", "ky", "ke", "hoach", "trieu", "nghin", "va", "cac", "duoc", "uoc":
			vi++
		case "the", "of", "and", "in", "to", "was", "were", "percent", "billion", "million", "year", "up", "reached":
			en++
		}
	}
	return vi > en
}
