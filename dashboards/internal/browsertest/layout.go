package browsertest

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// SetViewport makes the tab a screen of width×height CSS pixels (a phone is
// 390 wide, a desktop 1440) for the pages loaded after it, at a device
// scale of 1 (screenshots stay small). It does not emulate a phone's
// zooming out to fit a page too wide, so a page wider than the window
// scrolls sideways as it would for a phone user who zooms back in.
func (b *Browser) SetViewport(width, height int64) error {
	ctx, cancel := context.WithTimeout(b.ctx, DefaultTimeout)
	defer cancel()
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: height, DeviceScaleFactor: 1, Mobile: false})
	return err
}

// Overflow is how far the current page scrolls sideways.
type Overflow struct {
	ScrollWidth int `json:"scrollWidth"` // document.scrollingElement.scrollWidth
	InnerWidth  int `json:"innerWidth"`  // window.innerWidth
	// Widest names the element reaching furthest right beyond the
	// viewport (tag#id.class), to say what to fix.
	Widest string `json:"widest"`
}

// Sideways reports whether the page is wider than the window.
func (o Overflow) Sideways() bool { return o.ScrollWidth > o.InnerWidth }

const overflowJS = `(function(){
	var se = document.scrollingElement, w = window.innerWidth, widest = "", right = w;
	document.querySelectorAll("body *").forEach(function (el) {
		var r = el.getBoundingClientRect();
		if (r.width === 0 || r.right <= right + 0.5) return;
		for (var p = el.parentElement; p && p !== document.body; p = p.parentElement) {
			var ox = getComputedStyle(p).overflowX;
			if (ox === "auto" || ox === "scroll" || ox === "hidden" || ox === "clip") return;
		}
		right = r.right;
		widest = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
			(typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "");
	});
	return JSON.stringify({scrollWidth: se.scrollWidth, innerWidth: w, widest: widest});
})()`

// PageOverflow measures the current page's sideways scrolling.
func (b *Browser) PageOverflow() (Overflow, error) {
	raw, err := Eval[string](b, overflowJS)
	if err != nil {
		return Overflow{}, err
	}
	var o Overflow
	if err := json.Unmarshal([]byte(raw), &o); err != nil {
		return Overflow{}, fmt.Errorf("reading the page width: %w", err)
	}
	return o, nil
}

// clippedTextJS lists, for every initialised chart, the texts ECharts drew
// (axis labels, titles, legends, value labels) whose box reaches outside
// the chart's canvas by more than 2 pixels, and pairs of axis labels of the
// same axis that overlap (printed over each other).
const clippedTextJS = `(function(){
	var out = [];
	(window.plantrackCharts || []).forEach(function (chart) {
		var zr = chart.getZr(), w = zr.getWidth(), h = zr.getHeight(), id = chart.getDom().id;
		var texts = [];
		zr.storage.getDisplayList(true).forEach(function (el) {
			if ((el.type !== "text" && el.type !== "tspan") || el.invisible || el.ignore || !el.style || !el.style.text) return;
			var r = el.getBoundingRect().clone();
			el.updateTransform && el.updateTransform();
			if (el.transform) r.applyTransform(el.transform);
			if (r.width === 0 || r.height === 0) return;
			var text = String(el.style.text).replace(/\s+/g, " ");
			if (r.x < -2 || r.y < -2 || r.x + r.width > w + 2 || r.y + r.height > h + 2) {
				out.push(id + ": text \"" + text + "\" at " + Math.round(r.x) + "," + Math.round(r.y) + " (" +
					Math.round(r.width) + "×" + Math.round(r.height) + ") outside " + w + "×" + h);
			}
			texts.push({text: text, el: el});
		});
		// Compare two texts in the first one's own frame, so that slanted
		// axis labels are measured along their slant.
		var M = echarts.matrix, I = [1, 0, 0, 1, 0, 0];
		for (var i = 0; i < texts.length; i++) for (var j = i + 1; j < texts.length; j++) {
			var ta = texts[i].el.transform || I, tb = texts[j].el.transform || I, inv = M.invert([], ta);
			if (!inv) continue;
			var a = texts[i].el.getBoundingRect(), b = texts[j].el.getBoundingRect().clone();
			b.applyTransform(M.mul([], inv, tb));
			var ox = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
			var oy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
			if (ox > 3 && oy > 3 && ox * oy > 0.25 * Math.min(a.width * a.height, b.width * b.height)) {
				out.push(id + ": \"" + texts[i].text + "\" overlaps \"" + texts[j].text + "\"");
			}
		}
	});
	return out;
})()`

// ClippedChartText lists the chart texts of the current page that are cut
// off at a canvas edge or printed over another text.
func (b *Browser) ClippedChartText() ([]string, error) {
	return Eval[[]string](b, clippedTextJS)
}
