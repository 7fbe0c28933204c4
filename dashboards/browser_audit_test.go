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
// overprints chart text, or breaks a serious or critical axe-core rule.
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
		if v.Serious() {
			t.Errorf("%s: axe-core %s (%s): %s: %v", name, v.ID, v.Impact, v.Help, v.Nodes)
		}
	}
}

// report logs the figures (go test -v shows them).
func (a *layoutAudit) report(t *testing.T) {
	t.Logf("%d page loads audited; axe-core violations by impact: critical %d, serious %d, moderate %d, minor %d (%v); widest page at 390 px: %d px (%s); axe-core took %v",
		a.pages, a.impacts["critical"], a.impacts["serious"], a.impacts["moderate"], a.impacts["minor"], a.moderate, a.widest390, a.widestPage, a.axeTime.Round(time.Second))
}
