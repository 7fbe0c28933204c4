package charts

import (
	"math"
	"strconv"
	"strings"
)

// Pace verdicts, as plain strings (they equal storage.Pace's values).
const (
	PaceAhead   = "ahead"
	PaceOnTrack = "on_track"
	PaceBehind  = "behind"
	PaceAtRisk  = "at_risk"
	PaceUnknown = "unknown"
)

// paceColors match the .pace-* classes of /assets/app.css.
var paceColors = map[string]string{
	PaceAhead:   "#1e6b3a",
	PaceOnTrack: "#3f9a5c",
	PaceBehind:  "#c27c0e",
	PaceAtRisk:  "#b42318",
	PaceUnknown: "#8794a8",
}

// PaceColor returns the colour drawn for a pace verdict (grey for anything
// unrecognised). The same colours are used by app.css's .pace-* classes.
func PaceColor(pace string) string {
	if c, ok := paceColors[pace]; ok {
		return c
	}
	return paceColors[PaceUnknown]
}

var paceWords = map[string][2]string{ // [vi, en]
	PaceAhead:   {"vượt tiến độ", "ahead"},
	PaceOnTrack: {"đúng tiến độ", "on track"},
	PaceBehind:  {"chậm tiến độ", "behind"},
	PaceAtRisk:  {"nguy cơ không đạt", "at risk"},
	PaceUnknown: {"chưa xác định", "unknown"},
}

// PaceWord returns the word for a pace verdict in lang ("en" or
// Vietnamese), so colour is never the only carrier of the verdict.
func PaceWord(pace, lang string) string {
	w, ok := paceWords[pace]
	if !ok {
		w = paceWords[PaceUnknown]
	}
	return pick(lang, w)
}

// pick returns the English or Vietnamese member of a pair.
func pick(lang string, w [2]string) string {
	if lang == "en" {
		return w[1]
	}
	return w[0]
}

// Words used inside charts, [vi, en].
var (
	wordYTD        = [2]string{"Lũy kế từ đầu năm", "Year to date"}
	wordValue      = [2]string{"Giá trị", "Value"}
	wordPlan       = [2]string{"Kế hoạch năm", "Yearly plan"}
	wordOrigPlan   = [2]string{"Kế hoạch ban đầu", "Original plan"}
	wordExpected   = [2]string{"Tiến độ dự kiến", "Expected pace"}
	wordCompletion = [2]string{"% kế hoạch", "% of plan"}
)

var monthsEN = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// monthLabel names month m (1–12): "T6" in Vietnamese, "Jun" in English.
func monthLabel(m int, lang string) string {
	if lang == "en" {
		return monthsEN[m-1]
	}
	return "T" + strconv.Itoa(m)
}

// FormatNumber writes v with grouped thousands in lang's convention
// (63.135,5 in Vietnamese, 63,135.5 in English) and at most decimals
// fraction digits (halves rounded away from zero), trailing zeros dropped.
//
// It is plantrack's one number format for display — charts, pages, the
// API's and the CLI's flag sentences (dashboards/web's Locale formats
// through it): a negative figure takes the minus sign U+2212 (−), a figure
// that rounds to zero has no sign, and NaN or ±Inf is an en dash. Machine
// text (CSV, JSON, quotes kept for re-import) uses strconv's shortest form
// instead, never this.
func FormatNumber(v float64, decimals int, lang string) string {
	return FormatDecimal(v, 0, decimals, lang)
}

// FormatDecimal is FormatNumber keeping at least minFrac fraction digits
// (53,0 with minFrac 1): for percentages written with a fixed precision.
func FormatDecimal(v float64, minFrac, maxFrac int, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	maxFrac = max(maxFrac, minFrac, 0)
	// Round half away from zero, as reports do (FormatFloat alone would
	// round an exact half to even: 1234.5 → 1234).
	scale := math.Pow10(maxFrac)
	s := strconv.FormatFloat(math.Round(math.Abs(v)*scale)/scale, 'f', maxFrac, 64)
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) > minFrac && strings.HasSuffix(frac, "0") {
		frac = frac[:len(frac)-1]
	}
	group, point := ",", "."
	if lang != "en" {
		group, point = ".", ","
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

// autoDecimals picks fraction digits that suit v's magnitude.
func autoDecimals(v float64) int {
	switch a := math.Abs(v); {
	case a >= 1000:
		return 0
	case a >= 10:
		return 1
	}
	return 2
}

// formatSignedPercent writes a ratio as a signed percentage with one decimal:
// 0.0743 → "+7,4%" (vi) or "+7.4%" (en).
func formatSignedPercent(ratio float64, lang string) string {
	p := ratio * 100
	s := FormatNumber(p, 1, lang)
	if math.Round(p*10) > 0 {
		s = "+" + s
	}
	return s + "%"
}
