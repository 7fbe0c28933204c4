package storage

import (
	"unicode"
	"unicode/utf8"
)

// Length caps, in characters, of the texts a writer stores: a report's
// text is shown on public pages and in /metrics, so one writer must not be
// able to make every answer megabytes long. Documented in SECURITY.md and
// README.md.
const (
	MaxCodeLen    = 64   // unit and indicator codes
	MaxNameLen    = 200  // unit and indicator names (name_vi, name_en)
	MaxMeasureLen = 64   // an indicator's measure
	MaxSourceLen  = 500  // a figure's or a plan's source
	MaxQuoteLen   = 2000 // a figure's quote
	MaxVersionLen = 64   // a plan's version
)

// codeLen refuses a code longer than MaxCodeLen (its characters are
// checked by its pattern).
func (ps *problems) codeLen(field, code string) {
	if len(code) > MaxCodeLen {
		ps.refuse(field, code, "longer than %d characters, the most it may have; shorten it", MaxCodeLen)
	}
}

// name refuses a name (or another one-line label) that is not UTF-8, is
// longer than max, or holds a control character (NUL, line breaks, tabs)
// or a direction override, embedding or isolate (U+202A–U+202E,
// U+2066–U+2069), which could make a name display as another.
func (ps *problems) name(field, s string, max int) { ps.text(field, s, max, false) }

// prose is name for sources and quotes: they may hold tabs, line breaks
// and direction controls (quoted prose may mix scripts; pages isolate
// every quote), never NUL or another control character.
func (ps *problems) prose(field, s string, max int) { ps.text(field, s, max, true) }

func (ps *problems) text(field, s string, max int, lines bool) {
	if !utf8.ValidString(s) {
		ps.refuse(field, shorten(s), "not UTF-8 text")
		return
	}
	n := 0
	for _, r := range s {
		n++
		switch {
		case lines && (r == '\t' || r == '\n' || r == '\r'):
		case unicode.IsControl(r):
			ps.refuse(field, shorten(s), "holds a control character (U+%04X); remove it", r)
			return
		case !lines && (r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069):
			ps.refuse(field, shorten(s), "holds a text-direction control (U+%04X); remove it", r)
			return
		}
	}
	if n > max {
		ps.refuse(field, shorten(s), "longer than %d characters, the most it may have; shorten it", max)
	}
}

// shorten keeps an error's copy of a long value short, on a character
// boundary.
func shorten(s string) string {
	const keep = 40
	n := 0
	for i := range s {
		if n == keep {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
