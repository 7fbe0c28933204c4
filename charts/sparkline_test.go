package charts

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestSparklineShape(t *testing.T) {
	svg := string(Sparkline(SparklineInput{
		Values:    []*float64{f(1), f(3), nil, f(2), f(5)},
		Reference: []*float64{f(4), f(4), f(4), f(4), f(4)},
		Title:     `Doanh thu <b>&</b> "bán lẻ"`, Pace: PaceBehind,
	}))
	if !strings.HasPrefix(svg, `<svg class="sparkline"`) || !strings.HasSuffix(svg, "</svg>") {
		t.Fatalf("not one svg element: %s", svg)
	}
	if !strings.Contains(svg, "<title>Doanh thu &lt;b&gt;&amp;&lt;/b&gt; &#34;bán lẻ&#34;</title>") {
		t.Errorf("title missing or not escaped: %s", svg)
	}
	if n := strings.Count(svg, `class="spark-line"`); n != 2 {
		t.Errorf("%d value paths, want 2 (the nil breaks the line)", n)
	}
	if n := strings.Count(svg, `class="spark-ref"`); n != 1 {
		t.Errorf("%d reference paths, want 1", n)
	}
	if !strings.Contains(svg, `stroke="`+PaceColor(PaceBehind)+`"`) {
		t.Errorf("line not drawn in the pace colour: %s", svg)
	}
	// The highest value (5, the last) sits at the top padding, the lowest
	// (1, the first) at the bottom: y grows downwards.
	end := regexp.MustCompile(`cx="([\d.]+)" cy="([\d.]+)"`).FindStringSubmatch(svg)
	if end == nil {
		t.Fatalf("no end dot: %s", svg)
	}
	if x, _ := strconv.ParseFloat(end[1], 64); x != 117 {
		t.Errorf("end dot x = %v, want 117 (right edge less padding)", x)
	}
	if y, _ := strconv.ParseFloat(end[2], 64); y != sparkPad {
		t.Errorf("end dot y = %v, want %d (the maximum at the top)", y, sparkPad)
	}
	if !strings.Contains(svg, `d="M3 29L`) {
		t.Errorf("first point (the minimum) not at the bottom-left: %s", svg)
	}
}

func TestSparklineEdgeCases(t *testing.T) {
	empty := string(Sparkline(SparklineInput{Title: "x"}))
	if strings.Contains(empty, "<path") || !strings.Contains(empty, "<title>x</title>") {
		t.Errorf("empty sparkline: %s", empty)
	}
	flat := string(Sparkline(SparklineInput{Values: []*float64{f(7), f(7)}, Width: 60, Height: 20}))
	if !strings.Contains(flat, `d="M3 10L57 10"`) {
		t.Errorf("a flat series is not drawn through the middle: %s", flat)
	}
	one := string(Sparkline(SparklineInput{Values: []*float64{nil, f(7), nil}}))
	if !strings.Contains(one, "h0.01") {
		t.Errorf("a lone value is not drawn: %s", one)
	}
	if strings.Contains(one, "style=") || strings.Contains(one, "<script") {
		t.Error("sparkline uses a style attribute or script (breaks a strict CSP)")
	}
}
