// Package browsertest drives Debian's headless Chromium (through chromedp)
// for plantrack's browser tests: load a page served by an httptest server,
// then check that it logged no console error or exception, that every
// request it made went to 127.0.0.1, and that every ECharts canvas on it is
// painted; take screenshots and PDFs to look at.
//
// Typical use:
//
//	b := browsertest.New(t)             // skips (or fails in CI) without chromium
//	b.Check(t, srv.URL+"/?lang=en", 2)  // load, wait for charts, assert all of the above
//	b.Screenshot(t, "overview-en.png")  // into the test's artifact directory
//
// New turns chart animation off for every page by emulating
// prefers-reduced-motion, which /assets/app.js honours, so screenshots show
// finished charts.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/plantrack/plantrack/dashboards/internal/testtool"
)

// DefaultTimeout bounds one page load (navigation plus chart initialisation).
const DefaultTimeout = 20 * time.Second

// Browser is one headless Chromium with one tab, recording what the current
// page logs and requests. It is not safe for concurrent use; make one per
// test (or per parallel subtest).
type Browser struct {
	ctx    context.Context
	cancel context.CancelFunc

	mu       sync.Mutex
	requests []string
	console  []string
}

// ExecPath returns the Chromium binary to use: $PLANTRACK_CHROMIUM if set,
// else /usr/bin/chromium, else the first of chromium, chromium-browser,
// google-chrome on $PATH; "" when none exists.
func ExecPath() string {
	if p := os.Getenv("PLANTRACK_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts Chromium with a fresh profile and returns a Browser whose tab
// is open. Without Chromium it skips the test — or fails it when CI=true,
// since CI must run the browser tests. The browser is closed by t.Cleanup.
func New(t testing.TB) *Browser {
	t.Helper()
	path := ExecPath()
	if path == "" {
		testtool.Missing(t, "chromium not found (apt-get install -y --no-install-recommends chromium, or set PLANTRACK_CHROMIUM)")
	}
	b, err := start(path, t.TempDir())
	if err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	t.Cleanup(b.Close)
	return b
}

// allocatorOptions are the flags TOOLCHAIN.md verified as root in a
// container: headless, no sandbox, no GPU, and nothing that phones home.
func allocatorOptions(path, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "vi-VN"),
	}
}

func start(path, profile string) (*Browser, error) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocatorOptions(path, profile)...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: ctx, cancel: func() { cancelTab(); cancelAlloc() }}
	// Listen starts the browser and opens the tab.
	if err := chromedp.Listen(ctx, b.record); err != nil {
		b.cancel()
		return nil, err
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	})
	if err != nil {
		b.cancel()
		return nil, fmt.Errorf("turning animation off: %w", err)
	}
	return b, nil
}

// Close ends the tab and the browser. It is safe to call more than once.
func (b *Browser) Close() { b.cancel() }

// Context is the tab's chromedp context, for actions this package does not
// wrap: chromedp.Run(b.Context(), chromedp.Text(chromedp.CSS("h1"))).
func (b *Browser) Context() context.Context { return b.ctx }

// Load forgets what the previous page logged and requested, navigates to
// url, and waits until the document has loaded and every chart data block
// on it has been initialised (or has failed) by app.js.
func (b *Browser) Load(url string) error {
	b.mu.Lock()
	b.requests, b.console = nil, nil
	b.mu.Unlock()
	ctx, cancel := context.WithTimeout(b.ctx, DefaultTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("loading %s: %w", url, err)
	}
	// Right after a navigation Chromium may still hand out the previous
	// document's execution context, which it then destroys ("Cannot find
	// context with specified id"); that says nothing about the page, so the
	// wait starts again in the new document until the deadline.
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](chartsSettledJS, chromedp.WithPollingTimeout(DefaultTimeout)))
		if err == nil {
			return nil
		}
		if !contextReplaced(err) || ctx.Err() != nil {
			return fmt.Errorf("waiting for the charts of %s: %w", url, err)
		}
	}
}

// contextReplaced reports whether err is Chromium's answer to an evaluation
// in an execution context that a navigation has just destroyed.
func contextReplaced(err error) bool {
	return strings.Contains(err.Error(), "Cannot find context with specified id") ||
		strings.Contains(err.Error(), "Execution context was destroyed")
}

// chartsSettledJS is true once the page has loaded and every chart data
// block's element carries data-chart-ready or data-chart-error.
const chartsSettledJS = `document.readyState === "complete" &&
	Array.from(document.querySelectorAll('script[type="application/json"].echarts-data')).every(function (s) {
		var el = document.getElementById(s.getAttribute("data-chart-id"));
		return !el || el.hasAttribute("data-chart-ready") || el.hasAttribute("data-chart-error");
	})`

// Eval evaluates a JavaScript expression in the current page and decodes
// its value into T; a promise is awaited.
func Eval[T any](b *Browser, expr string) (T, error) {
	return evalFor[T](b, DefaultTimeout, expr)
}

func evalFor[T any](b *Browser, timeout time.Duration, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		var zero T
		return zero, fmt.Errorf("evaluating %.60q: %w", expr, err)
	}
	return v, nil
}
