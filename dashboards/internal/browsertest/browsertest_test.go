package browsertest

import (
	"bytes"
	"fmt"
	"html/template"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/dashboards/assets"
)

const hostile = `</script><script>window.pwned=1</script>`

const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"

var pageTmpl = template.Must(template.New("p").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>browsertest</title>
<link rel="stylesheet" href="{{.CSS}}"><link rel="icon" href="{{.Icon}}">
<script src="{{.ECharts}}" defer></script><script src="{{.App}}" defer></script>
{{range .Extra}}<script src="{{.}}" defer></script>{{end}}
</head><body><main class="container"><h1>Test</h1>{{.Body}}{{range .Imgs}}<img src="{{.}}" alt="">{{end}}</main></body></html>`))

type testPage struct {
	Lang, CSS, Icon, ECharts, App string
	Extra, Imgs                   []string
	Body                          template.HTML
}

func f(v float64) *float64 { return &v }

// server serves the embedded assets and a few pages built from the charts
// builders, under the strict CSP the product uses.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	a, err := assets.New()
	if err != nil {
		t.Fatal(err)
	}
	ytd, err := charts.YTD(charts.YTDInput{Options: charts.Options{ID: "ytd", Lang: "en"}, Year: 2018, Measure: "billion VND",
		Points: []charts.MonthPoint{{Month: 3, Value: f(30100), Expected: f(29392)}, {Month: 6, Value: f(63135), Expected: f(58785)}},
		Plan:   f(117570)})
	if err != nil {
		t.Fatal(err)
	}
	units, err := charts.Units(charts.UnitsInput{Options: charts.Options{ID: "units", Lang: "en"}, Percent: true, Units: []charts.UnitValue{
		{Name: "Ninh Kieu", Value: f(48.2), Pace: charts.PaceBehind}, {Name: hostile, Value: f(57.9), Pace: charts.PaceAhead},
		{Name: "Cai Rang", Value: f(31), Pace: charts.PaceAtRisk}}})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := charts.Years(charts.YearsInput{Options: charts.Options{ID: "empty"}, Years: []charts.YearValue{{Label: "2017"}, {Label: "2018"}}})
	if err != nil {
		t.Fatal(err)
	}
	fragment := func(cs ...*charts.Chart) template.HTML {
		var b strings.Builder
		for _, c := range cs {
			h, err := c.HTML()
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(string(h))
		}
		return template.HTML(b.String())
	}
	base := testPage{Lang: "en", CSS: a.Path(assets.AppCSS), Icon: a.Path(assets.FaviconSVG), ECharts: a.Path(assets.EChartsJS), App: a.Path(assets.AppJS)}
	pages := map[string]testPage{
		"/":       withBody(base, fragment(ytd, units)),
		"/empty":  withBody(base, fragment(empty)),
		"/broken": withBody(base, `<div class="chart" id="bad"></div><script type="application/json" class="echarts-data" data-chart-id="bad">{not json</script>`),
		"/throws": func() testPage { p := withBody(base, ""); p.Extra = []string{"/throw.js"}; return p }(),
		"/tall":   withBody(base, template.HTML(strings.Repeat("<p>line</p>", 1500))),
		"/external": func() testPage {
			p := withBody(base, "")
			p.Imgs = []string{"http://example.invalid/pixel.png"}
			return p
		}(),
	}
	mux := http.NewServeMux()
	mux.Handle("GET /assets/", a)
	mux.HandleFunc("GET /throw.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `throw new Error("deliberate failure");`)
	})
	mux.HandleFunc("GET /{$}", servePage(t, pages["/"]))
	for path, p := range pages {
		if path != "/" {
			mux.HandleFunc("GET "+path, servePage(t, p))
		}
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func withBody(p testPage, body template.HTML) testPage { p.Body = body; return p }

func servePage(t *testing.T, p testPage) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := pageTmpl.Execute(w, p); err != nil {
			t.Error(err)
		}
	}
}

func TestPageWithChartsPassesEveryCheck(t *testing.T) {
	srv := server(t)
	b := New(t)
	start := time.Now()
	got := b.Check(t, srv.URL+"/", 2)
	t.Logf("load + charts ready: %v", time.Since(start))
	for _, c := range got {
		t.Logf("chart %s: %d×%d, %d painted, %d coloured pixels, %d data points", c.ID, c.Width, c.Height, c.Painted, c.Colored, c.DataPoints)
	}
	reqs := b.Requests()
	if len(reqs) < 4 { // page, css, echarts, app.js (and the icon)
		t.Errorf("only %d requests recorded: %q", len(reqs), reqs)
	}
	if !strings.Contains(strings.Join(reqs, " "), "/assets/echarts.min.js?v=") {
		t.Errorf("ECharts not loaded from /assets/: %q", reqs)
	}
	pwned, err := Eval[bool](b, `window.pwned === 1`)
	if err != nil || pwned {
		t.Errorf("hostile unit name executed script (pwned=%v, err=%v)", pwned, err)
	}
	// names may be broken over two lines (charts.wrapName)
	label, err := Eval[string](b, `echarts.getInstanceByDom(document.getElementById("units")).getOption().yAxis[0].data.join("|").replace(/\n/g, "")`)
	if err != nil || !strings.Contains(label, hostile) {
		t.Errorf("hostile name not shown as text in the chart: %q (err %v)", label, err)
	}
	anim, err := Eval[bool](b, `echarts.getInstanceByDom(document.getElementById("ytd")).getOption().animation`)
	if err != nil || anim {
		t.Errorf("animation = %v (err %v); reduced motion should turn it off", anim, err)
	}
	height, err := Eval[int](b, `document.getElementById("units").offsetHeight`)
	// 80 + 3 bands of (2 lines of name × 15 + an 18 px bar + 14): the
	// hostile name is longer than a line of 34 characters.
	if err != nil || height != 80+3*(2*15+18+14) {
		t.Errorf("units chart height = %d (err %v), want data-height %d", height, err, 80+3*(2*15+18+14))
	}
	path := filepath.Join(ArtifactDir(t), "browsertest-charts.png")
	if err := b.Screenshot(path); err != nil {
		t.Fatal(err)
	}
	checkPNG(t, path, 1280)
	pdf := filepath.Join(ArtifactDir(t), "browsertest-charts.pdf")
	if err := b.PDF(pdf); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(pdf); !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Error("PDF output is not a PDF")
	}
}

// TestTooltipsRespectCSP shows a tooltip on each chart: under the strict
// CSP, ECharts' default HTML tooltip would be blocked (style attributes);
// app.js draws it on the canvas instead.
func TestTooltipsRespectCSP(t *testing.T) {
	srv := server(t)
	b := New(t)
	b.Check(t, srv.URL+"/", 2)
	// Per chart: how many canvas pixels the tooltip changed.
	changed, err := Eval[map[string]int](b, `Promise.all(["ytd", "units"].map(function (id) {
		var el = document.getElementById(id), c = el.querySelector("canvas");
		var pixels = function () { return c.getContext("2d").getImageData(0, 0, c.width, c.height).data; };
		var before = pixels();
		echarts.getInstanceByDom(el).dispatchAction({type: "showTip", x: el.clientWidth / 2, y: el.clientHeight / 2});
		return new Promise(function (done) { setTimeout(done, 300); }).then(function () {
			var after = pixels(), n = 0;
			for (var i = 0; i < after.length; i += 4) if (after[i] !== before[i] || after[i + 3] !== before[i + 3]) n++;
			return [id, n];
		});
	})).then(function (pairs) { var m = {}; pairs.forEach(function (p) { m[p[0]] = p[1]; }); return m; })`)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range b.ConsoleErrors() {
		t.Errorf("tooltip: %.200s", e)
	}
	for _, id := range []string{"ytd", "units"} {
		if changed[id] < 1000 {
			t.Errorf("chart %s: the tooltip changed %d canvas pixels; it is not drawn on the canvas", id, changed[id])
		}
	}
	divs, err := Eval[int](b, `document.querySelectorAll(".chart div[style*='z-index: 9999999']").length`)
	if err != nil || divs != 0 {
		t.Errorf("%d HTML tooltip elements (err %v), want none", divs, err)
	}
}

func checkPNG(t *testing.T, path string, width int) {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	cfg, err := png.DecodeConfig(file)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if cfg.Width != width || cfg.Height < 300 {
		t.Errorf("screenshot is %d×%d, want %d wide", cfg.Width, cfg.Height, width)
	}
}

// TestChecksCatchFailures makes sure each check can fail: a chart with no
// data paints far less than one with data, a broken data block is reported,
// exceptions are recorded, and a request to another host is caught.
func TestChecksCatchFailures(t *testing.T) {
	srv := server(t)
	b := New(t)
	if err := b.Load(srv.URL + "/"); err != nil {
		t.Fatal(err)
	}
	full, err := b.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Load(srv.URL + "/empty"); err != nil {
		t.Fatal(err)
	}
	empty, err := b.Charts()
	if err != nil || len(empty) != 1 {
		t.Fatalf("empty page charts: %v, %v", empty, err)
	}
	t.Logf("empty chart: %+v; charts with data: %+v", empty[0], full)
	if !empty[0].Ready || empty[0].Painted < MinPaintedPixels || empty[0].DataPoints != 0 {
		t.Errorf("an initialised chart without data should draw its axes and hold no data: %+v", empty[0])
	}
	if empty[0].Colored >= MinColoredPixels {
		t.Errorf("a chart without data counts as painted: %d coloured pixels (threshold %d)", empty[0].Colored, MinColoredPixels)
	}
	if len(full) != 2 || full[0].DataPoints != 2+2+12 || full[1].DataPoints != 3 {
		t.Errorf("data points = %+v, want ytd 16 (2 values, 2 expected, 12 plan) and units 3", full)
	}
	for _, c := range full {
		if c.Colored < 10*MinColoredPixels {
			t.Errorf("chart %s with data has only %d coloured pixels", c.ID, c.Colored)
		}
	}

	if err := b.Load(srv.URL + "/broken"); err != nil {
		t.Fatal(err)
	}
	broken, err := b.Charts()
	if err != nil || len(broken) != 1 || broken[0].Ready || broken[0].Error == "" {
		t.Errorf("broken data block not reported: %+v, %v", broken, err)
	}
	if errs := b.ConsoleErrors(); len(errs) == 0 || !strings.Contains(strings.Join(errs, " "), "chart bad failed") {
		t.Errorf("app.js failure not in console errors: %q", errs)
	}

	if err := b.Load(srv.URL + "/throws"); err != nil {
		t.Fatal(err)
	}
	if errs := b.ConsoleErrors(); !strings.Contains(strings.Join(errs, " "), "deliberate failure") {
		t.Errorf("uncaught exception not recorded: %q", errs)
	}

	if err := b.Load(srv.URL + "/external"); err != nil {
		t.Fatal(err)
	}
	if ext := b.ExternalRequests(); len(ext) != 1 || !strings.Contains(ext[0], "example.invalid") {
		t.Errorf("external requests = %q, want the one to example.invalid", ext)
	}
	if strings.Contains(strings.Join(b.Requests(), " "), "/throw.js") {
		t.Error("requests of the previous page were not forgotten by Load")
	}
}

// TestScreenshotOfATallPage: Chromium refuses captures past its texture
// limit, so Screenshot cuts a very long page at MaxScreenshotHeight.
func TestScreenshotOfATallPage(t *testing.T) {
	srv := server(t)
	b := New(t)
	if err := b.Load(srv.URL + "/tall"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tall.png")
	if err := b.Screenshot(path); err != nil {
		t.Fatal(err)
	}
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	cfg, err := png.DecodeConfig(file)
	if err != nil || cfg.Height != MaxScreenshotHeight {
		t.Errorf("tall screenshot %d×%d (err %v), want cut at %d", cfg.Width, cfg.Height, err, MaxScreenshotHeight)
	}
}

func TestFaviconProbe(t *testing.T) {
	for u, want := range map[string]bool{"http://127.0.0.1:1/favicon.ico": true, "http://127.0.0.1:1/assets/favicon.svg": false,
		"http://127.0.0.1:1/x/favicon.ico": false, "http://127.0.0.1:1/app.js": false} {
		if got := isFaviconProbe(u); got != want {
			t.Errorf("isFaviconProbe(%q) = %v", u, got)
		}
	}
}

func TestIsLocal(t *testing.T) {
	for u, want := range map[string]bool{
		"http://127.0.0.1:8080/x": true, "http://localhost/": true, "http://[::1]:9/": true, "data:image/png;base64,AA": true,
		"https://cdn.jsdelivr.net/echarts.js": false, "http://10.0.0.1/": false, "http://127.0.0.1.evil.com/": false, "ftp://127.0.0.1/": false,
	} {
		if got := isLocal(u); got != want {
			t.Errorf("isLocal(%q) = %v, want %v", u, got, want)
		}
	}
}
