package dashboards_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/dashboards"
	"github.com/plantrack/plantrack/dashboards/internal/browsertest"
	"github.com/plantrack/plantrack/storage"
	"github.com/prometheus/client_golang/prometheus"
)

// demoServer serves the whole application (pages, assets, auth) on the
// demo data from a real SQLite file, and returns its URL and collector.
func demoServer(t *testing.T) (string, *collector.Collector) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "plantrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	col := collector.New(db, nil)
	if _, err := col.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	srv, err := dashboards.New(dashboards.DefaultConfig(), dashboards.Deps{DB: db, Collector: col,
		Registry: prometheus.NewRegistry(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL, col
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
		{"/quality?unit=demo-province&year=2023", 0, "", "quality-en"},
		{"/quality", 0, "", ""},
		{"/entry", 0, "", ""},
		{"/upload", 0, "", ""},
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

// TestPagesInChromium loads every page in both languages in headless
// Chromium: no console error, no request off 127.0.0.1, every chart
// initialised and painted; and takes screenshots.
func TestPagesInChromium(t *testing.T) {
	b := browsertest.New(t)
	base, _ := demoServer(t)
	dir := screenshotDir(t)
	for _, lang := range []string{"vi", "en"} {
		for _, pg := range browserPages() {
			sep := "?"
			if strings.Contains(pg.path, "?") {
				sep = "&"
			}
			url := base + pg.path + sep + "lang=" + lang + "&animation=off"
			b.Check(t, url, pg.charts)
			for _, r := range b.Requests() {
				if !strings.HasPrefix(r, "http://127.0.0.1:") && !strings.HasPrefix(r, "data:") {
					t.Errorf("%s: request to %s", pg.path, r)
				}
			}
			shot := pg.shotVI
			if lang == "en" {
				shot = pg.shotEN
			}
			if shot != "" {
				if err := b.Screenshot(filepath.Join(dir, shot+".png")); err != nil {
					t.Error(err)
				}
			}
		}
	}
}

// TestWriterPagesInChromium signs in with a token and loads the writer
// pages with their forms.
func TestWriterPagesInChromium(t *testing.T) {
	b := browsertest.New(t)
	base, col := demoServer(t)
	secret, err := col.CreateToken(context.Background(), "browser-admin", "admin", "")
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
	for _, p := range []string{"/entry", "/upload"} {
		b.Check(t, base+p+"?lang=en", 0)
		if p == "/entry" {
			if err := b.Screenshot(filepath.Join(dir, "entry-en.png")); err != nil {
				t.Error(err)
			}
		}
	}
}
