package dashboards_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/demo"
	"github.com/plantrack/plantrack/dashboards"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/dashboards/internal/browsertest"
	"github.com/plantrack/plantrack/storage"
	"github.com/prometheus/client_golang/prometheus"
)

// demoServer serves the whole application (pages, assets, auth) on the
// demo data from a real SQLite file, and returns its URL and its tokens.
func demoServer(t *testing.T) (string, *auth.Tokens) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "plantrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	col := collector.New(db, nil)
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	srv, err := dashboards.New(dashboards.DefaultConfig(), dashboards.Deps{DB: db, Collector: col,
		Registry: prometheus.NewRegistry(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL, auth.NewTokens(db)
}

// browserPages are the pages the browser test loads in both languages,
// with how many charts each must paint and, per language, the screenshot
// to take ("" for none): about eight good pictures for docs/screenshots.
func browserPages() []struct {
	path           string
	charts         int
	shotVI, shotEN string
} {
	return []struct {
		path           string
		charts         int
		shotVI, shotEN string
	}{
		{"/", 0, "home-vi", ""},
		{"/units", 0, "", ""},
		{"/units/can-tho?period=2018-H1", 0, "overview-can-tho-2018-h1-vi", "overview-can-tho-2018-h1-en"},
		{"/units/demo-province", 0, "", "overview-province-en"},
		{"/units/demo-province/report", 0, "", ""},
		{"/units/can-tho/report?period=2018-H1", 0, "report-can-tho-vi", ""},
		{"/units/can-tho/indicators/retail_sales?period=2018-H1", 0, "", ""},
		{"/units/demo-province/indicators/retail_sales", 2, "indicator-retail-sales-vi", ""},
		{"/compare/periods?unit=can-tho&a=2018-H1&b=2017-H1", 1, "", ""},
		{"/compare/periods?unit=demo-province", 1, "", "compare-periods-en"},
		{"/compare/units?parent=demo-province&indicator=budget_revenue", 1, "compare-units-vi", ""},
		{"/compare/units", 1, "", ""},
		{"/compare/periods", 0, "", ""}, // opens on Cần Thơ, whose figures of both periods have no plan to chart
		{"/compare/units?parent=can-tho&period=2018-H1", 0, "", ""},
		{"/quality?unit=demo-province&year=2023", 0, "", "quality-en"},
		{"/quality", 0, "", ""},
		{"/entry", 0, "", ""},
		{"/upload", 0, "", ""},
		{"/paste", 0, "", ""},
		{"/login", 0, "", ""},
	}
}

// screenshotDir is where page screenshots go: $PLANTRACK_SCREENSHOTS (the
// committed docs/screenshots when refreshing them) or a temporary folder.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("PLANTRACK_SCREENSHOTS"); d != "" {
		return d
	}
	return t.TempDir()
}

// widths are the screens every page is checked on: a phone and a desktop.
var widths = []int64{390, 1440}

// TestPagesInChromium loads every page in both languages at 390 and 1440
// CSS pixels in one headless Chromium: no console error, no request off
// 127.0.0.1, every chart initialised and painted, no sideways scrolling, no
// chart text cut off or printed over another, and no serious or critical
// axe-core finding; and takes screenshots (NAME.png at 1440, NAME-390.png
// at 390).
func TestPagesInChromium(t *testing.T) {
	b := browsertest.New(t)
	axe := browsertest.LoadAxe(t, "..")
	base, _ := demoServer(t)
	dir := screenshotDir(t)
	var audit layoutAudit
	for _, width := range widths {
		if err := b.SetViewport(width, 900); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"vi", "en"} {
			for _, pg := range browserPages() {
				url := base + withLang(pg.path, lang) + "&animation=off"
				b.Check(t, url, pg.charts)
				for _, r := range b.Requests() {
					if !strings.HasPrefix(r, "http://127.0.0.1:") && !strings.HasPrefix(r, "data:") {
						t.Errorf("%s: request to %s", pg.path, r)
					}
				}
				audit.check(t, b, axe, fmt.Sprintf("%s (%s, %d px)", pg.path, lang, width), width)
				shot := pg.shotVI
				if lang == "en" {
					shot = pg.shotEN
				}
				if shot != "" {
					if width != 1440 {
						shot += fmt.Sprintf("-%d", width)
					}
					if err := b.Screenshot(filepath.Join(dir, shot+".png")); err != nil {
						t.Error(err)
					}
				}
				if width == 390 && pg.path == "/" {
					checkMenu(t, b) // after the picture: it opens the menu
				}
			}
		}
	}
	audit.report(t)
}

// withLang adds ?lang= (or &lang=) to a page path.
func withLang(path, lang string) string {
	if strings.Contains(path, "?") {
		return path + "&lang=" + lang
	}
	return path + "?lang=" + lang
}

// TestWriterPagesInChromium signs in with a token and loads the writer
// pages with their forms.
func TestWriterPagesInChromium(t *testing.T) {
	b := browsertest.New(t)
	base, tokens := demoServer(t)
	secret, err := tokens.Create(context.Background(), "browser-admin", "admin", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Load(base + "/login?next=/entry"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(b.Context(), 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.SetValue(`input[name="token"]`, secret),
		chromedp.Submit(`input[name="token"]`),
		chromedp.WaitVisible(`form.entry`),
	); err != nil {
		t.Fatalf("signing in: %v", err)
	}
	dir := screenshotDir(t)
	checkPaste(t, b, base, dir)
	// Signed in, the writer pages show their forms: every one at both
	// widths in both languages, audited like the read pages.
	axe := browsertest.LoadAxe(t, "..")
	var audit layoutAudit
	for _, width := range widths {
		if err := b.SetViewport(width, 900); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"vi", "en"} {
			for _, p := range []string{"/entry", "/upload", "/paste"} {
				b.Check(t, base+p+"?lang="+lang, 0)
				audit.check(t, b, axe, fmt.Sprintf("%s signed in (%s, %d px)", p, lang, width), width)
				if p == "/entry" && lang == "en" && width == 1440 {
					name := "entry-en.png"
					if err := b.Screenshot(filepath.Join(dir, name)); err != nil {
						t.Error(err)
					}
				}
			}
		}
	}
	audit.report(t)
}

// checkPaste pastes the seed article, asks for its figures and checks the
// highlighted text and the editable table in the browser.
func checkPaste(t *testing.T, b *browsertest.Browser, base, dir string) {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", "000_5cad84daca20acc2.txt"))
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	if err := b.Load(base + "/paste?lang=vi"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(b.Context(), 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.SetValue(`#paste-unit`, "can-tho"),
		chromedp.SetValue(`#paste-date`, "2018-06-11"),
		chromedp.SetValue(`#paste-source`, "Báo Cần Thơ (CTO), 11/06/2018"),
		chromedp.SetValue(`#paste-text`, string(text)),
		chromedp.Submit(`#paste-text`),
		chromedp.WaitVisible(`.pasted-text mark`),
	); err != nil {
		t.Fatalf("pasting the seed article: %v", err)
	}
	marks, err := browsertest.Eval[int](b, `document.querySelectorAll(".pasted-text mark").length`)
	if err != nil || marks < 3 {
		t.Errorf("%d highlighted figures (err %v), want several", marks, err)
	}
	for _, e := range b.ConsoleErrors() {
		t.Errorf("paste: console: %s", e)
	}
	// Scroll the text box to the first highlight for the picture.
	if _, err := browsertest.Eval[int](b, `(function(){var m=document.querySelector(".pasted-text mark");`+
		`var c=m.closest(".pasted-text");c.scrollTop=m.offsetTop-c.offsetTop-24;return 0})()`); err != nil {
		t.Error(err)
	}
	if err := b.Screenshot(filepath.Join(dir, "paste-vi.png")); err != nil {
		t.Error(err)
	}
}
