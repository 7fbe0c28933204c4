package board

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/storage"
)

func TestDefaultCoversTheCatalog(t *testing.T) {
	b := Default()
	cat := storage.Catalog()
	groups := b.Group(cat)
	n := 0
	for _, g := range groups {
		if g.Section.Key == "other" {
			t.Errorf("catalog indicators outside every section: %v", g.Indicators)
		}
		if g.Section.Title.VI == "" || g.Section.Title.EN == "" {
			t.Errorf("section %s lacks a title", g.Section.Key)
		}
		n += len(g.Indicators)
	}
	if n != len(cat) {
		t.Errorf("sections place %d indicators, catalog has %d", n, len(cat))
	}
	for _, i := range cat {
		if m := b.Measure(i.Measure); m.GrafanaUnit == "short" {
			t.Errorf("indicator %s: measure %s has no definition", i.Code, i.Measure)
		}
	}
}

func TestGroupPutsUnknownIndicatorsLast(t *testing.T) {
	inds := []storage.Indicator{{Code: "zz_custom"}, {Code: "budget_revenue"}, {Code: "grdp"}}
	g := Default().Group(inds)
	if len(g) != 3 || g[0].Section.Key != "economy" || g[1].Section.Key != "budget_investment" || g[2].Section.Key != "other" {
		t.Fatalf("groups = %+v", g)
	}
	if g[2].Indicators[0].Code != "zz_custom" {
		t.Errorf("other = %+v", g[2].Indicators)
	}
}

func TestLookupsFallBack(t *testing.T) {
	b := Default()
	if m := b.Measure("hectares"); m.Label.EN != "hectares" || m.GrafanaUnit != "short" {
		t.Errorf("unknown measure = %+v", m)
	}
	if p := b.Pace("nonsense"); p.Pace != storage.PaceUnknown || p.Color == "" {
		t.Errorf("unknown pace = %+v", p)
	}
	seen := map[string]bool{}
	for _, p := range b.Paces {
		if seen[p.Color] {
			t.Errorf("colour %s used twice", p.Color)
		}
		seen[p.Color] = true
	}
	if got := (Text{VI: "Kinh tế", EN: "Economy"}).In("en"); got != "Economy" {
		t.Errorf("In(en) = %q", got)
	}
	if got := (Text{EN: "only"}).In("vi"); got != "only" {
		t.Errorf("In(vi) fallback = %q", got)
	}
}

// TestPacesMatchThePages holds Grafana's pace colours to the pages' palette:
// the --ahead … --unknown custom properties of app.css and charts.PaceColor.
func TestPacesMatchThePages(t *testing.T) {
	css, err := os.ReadFile(filepath.Join("..", "assets", "static", "app.css"))
	if err != nil {
		t.Fatal(err)
	}
	b := Default()
	for _, p := range []storage.Pace{storage.PaceAhead, storage.PaceOnTrack, storage.PaceBehind, storage.PaceAtRisk, storage.PaceUnknown} {
		m := regexp.MustCompile(`--` + string(p) + `:\s*(#[0-9a-fA-F]{6})`).FindSubmatch(css)
		if m == nil {
			t.Fatalf("app.css defines no --%s colour", p)
		}
		got := b.Pace(p).Color
		if !strings.EqualFold(got, string(m[1])) {
			t.Errorf("pace %s: board colour %s, app.css %s", p, got, m[1])
		}
		if got != charts.PaceColor(string(p)) {
			t.Errorf("pace %s: board colour %s, charts.PaceColor %s", p, got, charts.PaceColor(string(p)))
		}
	}
}

func TestSectionOf(t *testing.T) {
	b := Default()
	if s := b.SectionOf("budget_revenue"); s.Key != "budget_investment" || s.Title.EN != "Budget and investment" {
		t.Errorf("budget_revenue in %+v", s)
	}
	if s := b.SectionOf("zz_custom"); s.Key != "other" || s.Title.VI == "" {
		t.Errorf("unlisted indicator in %+v", s)
	}
}

func TestPositionFollowsTheSections(t *testing.T) {
	b := Default()
	if !(b.Position("grdp") < b.Position("tourism_revenue") && b.Position("tourism_revenue") < b.Position("budget_revenue") &&
		b.Position("budget_revenue") < b.Position("jobs_created") && b.Position("jobs_created") < b.Position("new_party_members")) {
		t.Error("positions do not follow economy, budget, society, party work")
	}
	if b.Position("zz_custom") != b.Position("zz_other") || b.Position("zz_custom") <= b.Position("party_cells_inspected") {
		t.Error("unlisted indicators do not come last, together")
	}
}
