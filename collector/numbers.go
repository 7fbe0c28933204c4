package collector

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// Locales a number may be written in.
const (
	LocaleVI = "vi" // 63.135,5: '.' groups thousands, ',' marks decimals
	LocaleEN = "en" // 63,135.5: ',' groups thousands, '.' marks decimals
)

// number is a parsed decimal: its value, the digits after the decimal mark,
// and the canonical text ("-63135.5") that strconv reads exactly.
type number struct {
	value    float64
	decimals int
	canon    string
	grouped  bool // written with a thousands separator
}

// parseNumber reads a number written in either locale. locale "" accepts
// both and refuses a cell that reads differently in each (63.135, 1,452);
// "vi" or "en" settles that case. canonical input (a JSON number, a numeric
// spreadsheet cell) is read with '.' as the decimal mark and no grouping. A
// trailing '%' is dropped: the field says what the number means.
func parseNumber(s, locale string, canonical bool) (number, error) {
	return parseNumberFit(s, locale, canonical, nil)
}

// parseNumberFit is parseNumber for a field with a plausible range: when
// the locale is not given and only one reading of an ambiguous cell lies in
// the range (fits), that reading is the number. A percentage cannot reach
// 1000, so "2.125" is 2.125 however the file was written.
func parseNumberFit(s, locale string, canonical bool, fits func(float64) bool) (number, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	neg := false
	switch {
	case strings.HasPrefix(t, "-"):
		neg, t = true, t[1:]
	case strings.HasPrefix(t, "−"): // U+2212 minus sign, common in typeset reports
		neg, t = true, t[len("−"):]
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	}
	t = strings.ReplaceAll(t, "\u00a0", "") // no-break spaces some spreadsheets group with
	if t == "" {
		return number{}, storage.Errorf(storage.CodeInvalid, "not a number")
	}
	var n number
	var err error
	if canonical {
		n, err = readCanonical(t)
	} else {
		signed := fits
		if fits != nil && neg {
			signed = func(v float64) bool { return fits(-v) }
		}
		n, err = readLocale(t, locale, signed)
	}
	if err != nil {
		return number{}, err
	}
	if neg {
		n.value, n.canon = -n.value, "-"+n.canon
	}
	if math.IsInf(n.value, 0) || math.IsNaN(n.value) {
		return number{}, storage.Errorf(storage.CodeInvalid, "not a finite number")
	}
	return n, nil
}

// readLocale tries both readings of t and picks per locale. A number
// that only the other locale's thousands grouping makes readable
// ("1.234.567,89" with en) is refused: the writer said how its numbers are
// written, and this one is not.
func readLocale(t, locale string, fits func(float64) bool) (number, error) {
	if n, ok := plainDecimal(t); ok {
		return n, nil
	}
	return readEither(t, locale, fits)
}

// readEither is readLocale for any cell: both readings, then the choice.
func readEither(t, locale string, fits func(float64) bool) (number, error) {
	en, enErr := readAs(t, ',', '.')
	vi, viErr := readAs(t, '.', ',')
	switch {
	case enErr != nil && viErr != nil:
		for _, err := range []error{enErr, viErr} {
			if e, ok := err.(*storage.Error); ok && e.Key == tooPrecise {
				return number{}, err
			}
		}
		return number{}, storage.Errorf(storage.CodeInvalid, "not a number (write 63135.5, 63,135.5 or 63.135,5)")
	case locale == LocaleEN && enErr != nil && vi.grouped:
		return number{}, storage.Errorf(storage.CodeInvalid,
			"not a number in English notation (63,135.5), which the locale en asks for; it reads as %s in Vietnamese notation", vi.canon)
	case locale == LocaleVI && viErr != nil && en.grouped:
		return number{}, storage.Errorf(storage.CodeInvalid,
			"not a number in Vietnamese notation (63.135,5), which the locale vi asks for; it reads as %s in English notation", en.canon)
	case enErr != nil:
		return vi, nil
	case viErr != nil:
		return en, nil
	case en.value == vi.value && en.decimals == vi.decimals:
		return en, nil
	}
	switch locale {
	case LocaleEN:
		return en, nil
	case LocaleVI:
		return vi, nil
	}
	if fits != nil && fits(en.value) != fits(vi.value) {
		if fits(en.value) {
			return en, nil
		}
		return vi, nil
	}
	return number{}, storage.Errorf(storage.CodeInvalid, "ambiguous: it reads as %s in English and %s in Vietnamese notation; "+
		"choose a locale (--locale vi or en; in the inbox, name the file NAME.vi.csv) "+
		"or write the number without a thousands separator", en.canon, vi.canon)
}

// readAs reads unsigned digits with group separator group (0 = none) and
// decimal mark dec. Groups must be well formed: 1–3 leading digits, then
// groups of exactly three.
func readAs(t string, group, dec byte) (number, error) {
	intPart, frac, hasDec := t, "", false
	if i := strings.IndexByte(t, dec); i >= 0 {
		intPart, frac, hasDec = t[:i], t[i+1:], true
		if frac == "" || !allDigits(frac) {
			return number{}, storage.Errorf(storage.CodeInvalid, "bad digits after the decimal mark")
		}
	}
	if intPart == "" {
		return number{}, storage.Errorf(storage.CodeInvalid, "no digits before the decimal mark")
	}
	digits, grouped := intPart, false
	if group != 0 && strings.IndexByte(intPart, group) >= 0 {
		grouped = true
		groups := strings.Split(intPart, string(group))
		if len(groups[0]) < 1 || len(groups[0]) > 3 || groups[0][0] == '0' {
			return number{}, storage.Errorf(storage.CodeInvalid, "bad thousands grouping")
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return number{}, storage.Errorf(storage.CodeInvalid, "bad thousands grouping")
			}
		}
		digits = strings.Join(groups, "")
	}
	if !allDigits(digits) {
		return number{}, storage.Errorf(storage.CodeInvalid, "unexpected characters")
	}
	canon := digits
	if hasDec {
		canon += "." + frac
	}
	v, err := strconv.ParseFloat(canon, 64)
	if err != nil {
		return number{}, storage.Errorf(storage.CodeInvalid, "out of range")
	}
	if !exact(digits, frac, v) {
		return number{}, storage.Errorf(storage.CodeInvalid, tooPrecise)
	}
	return number{value: v, decimals: len(frac), canon: canon, grouped: grouped}, nil
}

// plainDecimal reads, without allocating, the cells most files hold: digits
// with at most one '.', at most 15 of them, that no thousands grouping can
// read otherwise ("1234", "109.4", "0.25"; not "1.452" or "12.345"). It
// returns what readLocale's general path would for them in every locale:
// the Vietnamese reading fails (the '.' is no well-formed group) or agrees,
// so the English one is the number, and 15 digits always survive a float64
// exactly. ok is false for every other cell, which the general path reads.
func plainDecimal(t string) (number, bool) {
	intPart, frac, hasDec := t, "", false
	if i := strings.IndexByte(t, '.'); i >= 0 {
		intPart, frac, hasDec = t[:i], t[i+1:], true
	}
	if len(intPart)+len(frac) > 15 || !allDigits(intPart) || (hasDec && !allDigits(frac)) {
		return number{}, false
	}
	if hasDec && len(frac) == 3 && len(intPart) <= 3 && intPart[0] != '0' {
		return number{}, false // 1.452: a thousands group in Vietnamese notation
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return number{}, false
	}
	return number{value: v, decimals: len(frac), canon: t}, true
}

// readCanonical reads a machine-written number: '.' decimal mark, no
// grouping, an exponent allowed (spreadsheets store 5.37E-2).
func readCanonical(t string) (number, error) {
	if n, err := readAs(t, 0, '.'); err == nil {
		return n, nil
	}
	v, err := strconv.ParseFloat(t, 64)
	// The sign was taken off already: a second one ("--5") is not a number.
	if err != nil || strings.ContainsAny(t, "xXpP_") || t[0] == '-' || t[0] == '+' {
		return number{}, storage.Errorf(storage.CodeInvalid, "not a number")
	}
	mant, _, _ := strings.Cut(strings.ToLower(t), "e")
	if sig := strings.Trim(strings.Replace(mant, ".", "", 1), "0"); len(sig) > 17 {
		return number{}, storage.Errorf(storage.CodeInvalid, tooPrecise)
	}
	canon := strconv.FormatFloat(v, 'f', -1, 64)
	dec := 0
	if i := strings.IndexByte(canon, '.'); i >= 0 {
		dec = len(canon) - i - 1
	}
	return number{value: v, decimals: dec, canon: canon}, nil
}

// tooPrecise refuses a number that a float64 cannot hold exactly, rather
// than storing a rounded one silently (a 38-digit number).
const tooPrecise = "more digits than a figure can hold exactly; round it to at most 15 significant digits"

// exact reports whether v, written back as the shortest decimal, is the
// number whose integer digits and fraction were read.
func exact(intDigits, frac string, v float64) bool {
	want := strings.TrimLeft(intDigits, "0")
	if f := strings.TrimRight(frac, "0"); f != "" {
		want += "." + f
	}
	got := strconv.FormatFloat(v, 'f', -1, 64)
	got = strings.TrimPrefix(got, "0")
	return got == want
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parsePercent reads a percentage in [lo, hi), keeping its written decimals.
func parsePercent(s, locale string, canonical bool, lo, hi float64) (storage.Percent, error) {
	n, err := parseNumberFit(s, locale, canonical, func(v float64) bool { return plausible(v, lo, hi) })
	if err != nil {
		return storage.Percent{}, err
	}
	if !plausible(n.value, lo, hi) {
		return storage.Percent{}, storage.Errorf(storage.CodeInvalid, "not a plausible percentage (expected at least %g and below %g)", lo, hi)
	}
	return storage.Percent{Value: n.value, Decimals: n.decimals}, nil
}

func plausible(v, lo, hi float64) bool { return v >= lo && v < hi }

// parseDate reads 2018-06-11 or 11/06/2018 (day first, as Vietnamese reports
// write it) and returns the canonical YYYY-MM-DD.
func parseDate(s string) (string, error) {
	t := strings.TrimSpace(s)
	if storage.PlainDate(t) {
		return t, nil
	}
	if d, err := time.Parse(storage.DateLayout, t); err == nil {
		return d.Format(storage.DateLayout), nil
	}
	if d, err := time.Parse("2/1/2006", t); err == nil {
		return d.Format(storage.DateLayout), nil
	}
	return "", storage.Errorf(storage.CodeInvalid, "not a date (write 2018-06-11 or 11/06/2018)")
}

// formatValue writes a value for export so that every locale reading of the
// text gives the same number: a fraction of exactly three digits (1.452)
// would read as a thousands group in Vietnamese notation, so it gains a zero.
func formatValue(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 == 3 {
		s += "0"
	}
	return s
}
