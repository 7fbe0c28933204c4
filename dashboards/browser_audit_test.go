package dashboards_test

import (
	"testing"
	"time"

	"github.com/plantrack/plantrack/dashboards/internal/browsertest"
)

// layoutAudit checks the page in the browser's tab for what a phone user
// and a screen-reader user would hit, and keeps the figures the closing
// note of a layout change reports: axe-core findings by impact and the
// widest page at 390 px.
type layoutAudit struct {
	pages      int
	impacts    map[string]int // axe-core violations (rules × pages) by impact
	widest390  int
	widestPage string
	axeTime    time.Duration
	moderate   map[string]int // moderate and minor findings by rule, to report
}

// check fails t when the current page scrolls sideways, cuts off or
// overprints chart text, or breaks a serious or critical axe-core rule or
// one the pages are held to below that (browsertest.AxeViolation.Fails).
func (a *layoutAudit) check(t *testing.T, b *browsertest.Browser, axe, name string, width int64) {
	t.Helper()
	a.pages++
	o, err := b.PageOverflow()
	if err != nil {
		t.Fatal(err)
	}
	if o.Sideways() {
		t.Errorf("%s: scrolls sideways: %d px wide in a %d px window (widest: %s)", name, o.ScrollWidth, o.InnerWidth, o.Widest)
	}
	if width == 390 && o.ScrollWidth > a.widest390 {
		a.widest390, a.widestPage = o.ScrollWidth, name
	}
	// The header folds behind its Menu button on a phone, never on a
	// desktop (pages with the site header; the login form has none).
	if shown, err := browsertest.Eval[int](b, menuButtonJS); err != nil || (shown >= 0 && (shown == 1) != (width < 800)) {
		t.Errorf("%s: Menu button shown = %d (err %v), want %v", name, shown, err, width < 800)
	}
	clipped, err := b.ClippedChartText()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range clipped {
		t.Errorf("%s: chart text: %s", name, c)
	}
	start := time.Now()
	found, err := b.Axe(axe)
	a.axeTime += time.Since(start)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if a.impacts == nil {
		a.impacts, a.moderate = map[string]int{}, map[string]int{}
	}
	for _, v := range found {
		a.impacts[v.Impact]++
		if !v.Serious() {
			a.moderate[v.ID+" ("+v.Impact+")"]++
		}
		if v.Fails() {
			t.Errorf("%s: axe-core %s (%s): %s: %v", name, v.ID, v.Impact, v.Help, v.Nodes)
		}
	}
}

// report logs the figures (go test -v shows them).
func (a *layoutAudit) report(t *testing.T) {
	t.Logf("%d page loads audited; axe-core violations by impact: critical %d, serious %d, moderate %d, minor %d (%v); widest page at 390 px: %d px (%s); axe-core took %v",
		a.pages, a.impacts["critical"], a.impacts["serious"], a.impacts["moderate"], a.impacts["minor"], a.moderate, a.widest390, a.widestPage, a.axeTime.Round(time.Second))
}

// menuButtonJS says whether the header's Menu button is shown (1) or not
// (0); -1 when the page has no such button.
const menuButtonJS = `(function(){var b=document.querySelector(".menu-toggle");return !b ? -1 : b.offsetParent !== null ? 1 : 0})()`

// checkMenu opens the folded header menu of the current page (a phone
// width) with its button: the navigation becomes visible and the button
// says it is expanded.
func checkMenu(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	got, err := browsertest.Eval[string](b, `(function(){
		var nav = document.querySelector("#site-menu .nav"), btn = document.querySelector(".menu-toggle");
		var before = nav.offsetParent !== null;
		btn.click();
		return before + " " + (nav.offsetParent !== null) + " " + btn.getAttribute("aria-expanded");
	})()`)
	if err != nil || got != "false true true" {
		t.Errorf("header menu at 390 px: hidden-before, shown-after, aria-expanded = %q (err %v), want false true true", got, err)
	}
}
