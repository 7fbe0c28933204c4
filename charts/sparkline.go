package charts

import (
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// SparklineInput is a small trend drawn as inline SVG.
type SparklineInput struct {
	// Values in time order; nil entries are gaps in the line.
	Values []*float64
	// Reference, when set, is drawn as a thin dashed line on the same scale
	// (a plan level repeated, or the expected-pace path); same length as
	// Values, nil entries are gaps.
	Reference []*float64
	// Title is the accessible name (SVG <title>), e.g. "Doanh thu bán lẻ,
	// 12 tháng gần nhất"; required for screen readers, escaped here.
	Title string
	// Pace colours the line (PaceAhead …); empty draws it in a neutral tone.
	Pace string
	// Width and Height in pixels; 0 means 120 × 32.
	Width, Height int
}

const sparkPad = 3 // pixels kept free around the line so the end dot fits

// Sparkline draws the input as an inline <svg> element: the value line, the
// optional dashed reference line, a dot on the last value and a <title>. It
// needs no script and no style attribute, so it survives a strict CSP and
// prints. With fewer than one value it draws an empty frame with its title.
func Sparkline(in SparklineInput) template.HTML {
	w, h := in.Width, in.Height
	if w <= 0 || h <= 0 {
		w, h = 120, 32
	}
	lo, hi, ok := sparkRange(in.Values, in.Reference)
	color := "#1d4e89"
	if in.Pace != "" {
		color = PaceColor(in.Pace)
	}
	var b strings.Builder
	b.WriteString(`<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" role="img" width="`)
	b.WriteString(strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `" viewBox="0 0 ` + strconv.Itoa(w) + " " + strconv.Itoa(h) + `">`)
	b.WriteString("<title>" + html.EscapeString(in.Title) + "</title>")
	if ok {
		sc := sparkScale{lo: lo, hi: hi, w: float64(w), h: float64(h), n: max(len(in.Values), len(in.Reference))}
		for _, d := range sc.paths(in.Reference) {
			b.WriteString(`<path class="spark-ref" d="` + d + `" fill="none" stroke="#7b8794" stroke-width="1" stroke-dasharray="3 2"/>`)
		}
		for _, d := range sc.paths(in.Values) {
			b.WriteString(`<path class="spark-line" d="` + d + `" fill="none" stroke="` + color + `" stroke-width="1.75" stroke-linejoin="round" stroke-linecap="round"/>`)
		}
		if i, ok := lastIndex(in.Values); ok {
			x, y := sc.point(i, *in.Values[i])
			b.WriteString(`<circle class="spark-end" cx="` + num(x) + `" cy="` + num(y) + `" r="2.5" fill="` + color + `"/>`)
		}
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// sparkRange is the min and max over both series; ok is false when there is
// nothing to draw.
func sparkRange(series ...[]*float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s {
			if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
				continue
			}
			lo, hi, ok = math.Min(lo, *v), math.Max(hi, *v), true
		}
	}
	return lo, hi, ok
}

type sparkScale struct {
	lo, hi, w, h float64
	n            int
}

// point maps the i-th value to SVG coordinates (y grows downwards).
func (s sparkScale) point(i int, v float64) (x, y float64) {
	x = s.w / 2
	if s.n > 1 {
		x = sparkPad + float64(i)*(s.w-2*sparkPad)/float64(s.n-1)
	}
	y = s.h / 2
	if s.hi > s.lo {
		y = s.h - sparkPad - (v-s.lo)*(s.h-2*sparkPad)/(s.hi-s.lo)
	}
	return x, y
}

// paths returns one SVG path per unbroken run of values; a lone value
// becomes a short horizontal tick so it stays visible.
func (s sparkScale) paths(vals []*float64) []string {
	var out []string
	var cur strings.Builder
	points := 0
	flush := func() {
		if points == 1 {
			cur.WriteString(" h0.01")
		}
		if points > 0 {
			out = append(out, cur.String())
		}
		cur.Reset()
		points = 0
	}
	for i, v := range vals {
		if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
			flush()
			continue
		}
		x, y := s.point(i, *v)
		cmd := byte('L')
		if points == 0 {
			cmd = 'M'
		}
		cur.WriteByte(cmd)
		writeNum(&cur, x)
		cur.WriteByte(' ')
		writeNum(&cur, y)
		points++
	}
	flush()
	return out
}

func lastIndex(vals []*float64) (int, bool) {
	for i := len(vals) - 1; i >= 0; i-- {
		if v := vals[i]; v != nil && !math.IsNaN(*v) && !math.IsInf(*v, 0) {
			return i, true
		}
	}
	return 0, false
}

// num writes an SVG coordinate with two decimals at most.
func num(v float64) string {
	var b strings.Builder
	writeNum(&b, v)
	return b.String()
}

// writeNum appends v with two decimals at most, trailing zeros dropped,
// without allocating per number (an overview draws thousands of them).
func writeNum(b *strings.Builder, v float64) {
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], v, 'f', 2, 64)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	if string(s) == "-0" {
		s = s[1:]
	}
	b.Write(s)
}
