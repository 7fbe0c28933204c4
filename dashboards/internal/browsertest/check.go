package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A chart counts as painted when its canvases hold at least
// MinPaintedPixels pixels that are neither transparent nor near-white, and
// at least MinColoredPixels of them are coloured (not grey). Axes, grid
// lines and labels are grey, series are drawn in colour (every charts
// colour, the "unknown" pace included, has some hue), so an initialised
// chart whose bars or lines are missing — no data, or a screenshot taken
// mid-animation — fails the second test while a blank canvas fails both.
// Legend symbols are coloured too, so a chart with a legend but no data
// can pass; assert DataPoints when that matters.
const (
	MinPaintedPixels = 500
	MinColoredPixels = 100
)

// Paint describes one chart of the page: its data block, its element and
// what its canvases hold.
type Paint struct {
	ID       string `json:"id"`
	Ready    bool   `json:"ready"` // app.js initialised it
	Error    string `json:"error"` // app.js failed on it
	Canvases int    `json:"canvases"`
	Width    int    `json:"width"` // of the first canvas, in device pixels
	Height   int    `json:"height"`
	Painted  int    `json:"painted"` // pixels neither transparent nor near-white
	Colored  int    `json:"colored"` // painted pixels with a hue (max−min channel > 24)
	// DataPoints counts the numeric values in the chart's series, as
	// ECharts holds them.
	DataPoints int `json:"dataPoints"`
}

// paintJS reads every chart canvas back (same-origin, so not tainted).
const paintJS = `JSON.stringify(Array.from(document.querySelectorAll('script[type="application/json"].echarts-data')).map(function (s) {
	var id = s.getAttribute("data-chart-id"), el = document.getElementById(id);
	var r = {id: id, ready: !!el && el.hasAttribute("data-chart-ready"), error: el ? (el.getAttribute("data-chart-error") || "") : "no element",
		canvases: 0, width: 0, height: 0, painted: 0, colored: 0, dataPoints: 0};
	if (!el) return r;
	var inst = window.echarts && echarts.getInstanceByDom(el);
	if (inst) (inst.getOption().series || []).forEach(function (s) {
		(s.data || []).forEach(function (d) {
			var v = d !== null && typeof d === "object" && !Array.isArray(d) ? d.value : d;
			if (typeof v === "number" && isFinite(v)) r.dataPoints++;
		});
	});
	el.querySelectorAll("canvas").forEach(function (c, i) {
		r.canvases++;
		if (i === 0) { r.width = c.width; r.height = c.height; }
		if (!c.width || !c.height) return;
		var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		for (var p = 0; p < d.length; p += 4) {
			if (d[p + 3] <= 16 || (d[p] > 240 && d[p + 1] > 240 && d[p + 2] > 240)) continue;
			r.painted++;
			if (Math.max(d[p], d[p + 1], d[p + 2]) - Math.min(d[p], d[p + 1], d[p + 2]) > 24) r.colored++;
		}
	});
	return r;
}))`

// Charts reports on every chart data block of the current page.
func (b *Browser) Charts() ([]Paint, error) {
	raw, err := Eval[string](b, paintJS)
	if err != nil {
		return nil, err
	}
	var out []Paint
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return nil, fmt.Errorf("reading chart canvases: %w", err)
	}
	return out, nil
}

// Check loads url and fails t unless the page logged no error, made no
// request off the loopback host, shows at least minCharts charts, and every
// chart is initialised and painted. It returns the charts for further
// assertions.
func (b *Browser) Check(t testing.TB, url string, minCharts int) []Paint {
	t.Helper()
	if err := b.Load(url); err != nil {
		t.Fatal(err)
	}
	for _, e := range b.ConsoleErrors() {
		t.Errorf("%s: console: %s", url, e)
	}
	for _, r := range b.ExternalRequests() {
		t.Errorf("%s: request left the machine: %s", url, r)
	}
	charts, err := b.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) < minCharts {
		t.Errorf("%s: %d charts, want at least %d", url, len(charts), minCharts)
	}
	for _, c := range charts {
		switch {
		case !c.Ready:
			t.Errorf("%s: chart %s not initialised (error %q)", url, c.ID, c.Error)
		case c.Painted < MinPaintedPixels || c.Colored < MinColoredPixels:
			t.Errorf("%s: chart %s is blank: %d painted, %d coloured pixels on %d canvas(es) of %d×%d",
				url, c.ID, c.Painted, c.Colored, c.Canvases, c.Width, c.Height)
		}
	}
	return charts
}

// MaxScreenshotHeight caps a full-page screenshot: Chromium refuses
// captures beyond its texture limit ("Page is too large").
const MaxScreenshotHeight = 12000

// Screenshot writes a PNG of the whole current page (beyond the viewport,
// down to MaxScreenshotHeight CSS pixels) to path, creating its directory.
func (b *Browser) Screenshot(path string) error {
	size, err := Eval[[]float64](b, `[document.documentElement.scrollWidth, document.documentElement.scrollHeight]`)
	if err != nil || len(size) != 2 {
		return fmt.Errorf("screenshot: measuring the page: %v", err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, DefaultTimeout)
	defer cancel()
	yes := true
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: &yes, FromSurface: &yes,
		Clip: &page.Viewport{Width: size[0], Height: min(size[1], MaxScreenshotHeight), Scale: 1},
	})
	if err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	return writeFile(path, res.Data)
}

// PDF prints the current page as the browser would on paper, honouring the
// stylesheet's @page size (A4 in app.css), and writes it to path.
func (b *Browser) PDF(path string) error {
	ctx, cancel := context.WithTimeout(b.ctx, DefaultTimeout)
	defer cancel()
	yes := true
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
	if err != nil {
		return fmt.Errorf("print to PDF: %w", err)
	}
	return writeFile(path, res.Data)
}

// ArtifactDir is where tests should put screenshots: $PLANTRACK_ARTIFACTS
// when set (kept after the run, for people to look at), else a temporary
// directory of the test.
func ArtifactDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("PLANTRACK_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", filepath.Dir(path), err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
