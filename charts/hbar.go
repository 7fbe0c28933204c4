package charts

import (
	"strings"
	"unicode/utf8"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
)

// Horizontal bar charts (Periods, Units) print each category's name on its
// own line ABOVE its bars, inside the plot, instead of in a column left of
// it: a phone's 320-pixel chart then keeps its whole width for the bars and
// a long indicator name never squeezes the plot or runs off the canvas.
// Names longer than labelWrap characters are broken at a space onto a
// second line (and cut with "…" beyond two), and every band then has room
// for two lines.
const (
	labelWrap     = 34 // characters per line of a category name (12 px text: about 230 px)
	labelLine     = 15 // pixels per line of a category name
	labelFontSize = 12
)

// hbar is a go-echarts bar chart (already XYReversal'd) whose category axis
// is laid out as described above; labelPad is the distance in pixels from
// the band's centre line up to the bottom of its name (half the height of
// the band's bars, plus a gap).
type hbar struct {
	*echarts.Bar
	names    []string
	labelPad int
}

// JSON returns the bar chart's option with the category axis replaced.
func (h hbar) JSON() map[string]interface{} {
	m := h.Bar.JSON()
	m["yAxis"] = []map[string]interface{}{{
		"type":     "category",
		"inverse":  true,
		"data":     h.names,
		"axisTick": map[string]interface{}{"show": false},
		"axisLabel": map[string]interface{}{
			"inside": true, "align": "left", "verticalAlign": "bottom",
			"padding": []int{0, 0, h.labelPad, 0}, "margin": 0,
			"fontSize": labelFontSize, "lineHeight": labelLine, "color": "#1f2933",
		},
		"z": 10,
	}}
	return m
}

// wrapNames breaks each name for the category axis and reports how many
// lines the longest takes (1 or 2).
func wrapNames(names []string) ([]string, int) {
	out := make([]string, len(names))
	lines := 1
	for i, n := range names {
		out[i] = wrapName(n)
		if strings.Contains(out[i], "\n") {
			lines = 2
		}
	}
	return out, lines
}

// wrapName breaks a name longer than labelWrap characters at the last space
// that keeps the first line within it; a second line longer than labelWrap
// is cut with "…".
func wrapName(name string) string {
	if utf8.RuneCountInString(name) <= labelWrap {
		return name
	}
	r := []rune(name)
	cut := strings.LastIndex(string(r[:labelWrap+1]), " ")
	if cut <= 0 {
		cut = len(string(r[:labelWrap]))
	}
	first, rest := name[:cut], strings.TrimSpace(name[cut:])
	if f, ok := strings.CutSuffix(first, " ·"); ok { // keep "· pace" together on the second line
		first, rest = f, "· "+rest
	}
	if rr := []rune(rest); len(rr) > labelWrap {
		rest = string(rr[:labelWrap-1]) + "…"
	}
	return first + "\n" + rest
}
