package web

import (
	"strings"
	"testing"
)

// TestPlanVersionsInThePagesLanguage: the plan versions table names the
// known versions in Vietnamese on Vietnamese pages (not the stored codes).
func TestPlanVersionsInThePagesLanguage(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/units/ninh-kieu/indicators/retail_sales?period=2018-M06&lang=vi")
	mustContain(t, body, "<td>ban đầu</td>", "<td>điều chỉnh <span")
	if strings.Contains(body, "<td>original") || strings.Contains(body, "<td>adjusted") {
		t.Error("a Vietnamese page shows the English version code")
	}
}

// TestOneFlagIsSingular: a card with one data-quality flag says "1 flag",
// with two "2 flags".
func TestOneFlagIsSingular(t *testing.T) {
	e := newTestEnv(t)
	L := e.pages.en
	v := overviewView{L: L, Cards: []card{{Name: "One", Flags: 1, Pace: L.paceTag("behind")}, {Name: "Two", Flags: 2, Pace: L.paceTag("ahead")}}}
	c, err := e.pages.renderContent("overview", v)
	if err != nil {
		t.Fatal(err)
	}
	body := string(c.content)
	mustContain(t, body, ">1 flag<", ">2 flags<")
	if strings.Contains(body, "1 flags") {
		t.Error("one flag is called 1 flags")
	}
}

// TestPctDoesNotRoundAShortfallToAHundred: 99.96% of plan is not "100.0%".
func TestPctDoesNotRoundAShortfallToAHundred(t *testing.T) {
	en, vi := newLocale(langEN), newLocale(langVI)
	for _, c := range []struct {
		r      float64
		en, vi string
	}{{0.99955, "99.96%", "99,96%"}, {1, "100.0%", "100,0%"}, {1.0004, "100.04%", "100,04%"}, {0.537, "53.7%", "53,7%"}, {0.9949, "99.5%", "99,5%"}} {
		if got := en.Pct(f64(c.r)); got != c.en {
			t.Errorf("en Pct(%v) = %q, want %q", c.r, got, c.en)
		}
		if got := vi.Pct(f64(c.r)); got != c.vi {
			t.Errorf("vi Pct(%v) = %q, want %q", c.r, got, c.vi)
		}
	}
}

// TestFlagFiguresAreNamedInThePagesLanguage: the figures behind a flag are
// labelled in words, not with their JSON keys, and shares read as percents.
func TestFlagFiguresAreNamedInThePagesLanguage(t *testing.T) {
	vi, en := newLocale(langVI), newLocale(langEN)
	if f := vi.figureOf("children_sum", 8981.4); f.Name != "tổng các đơn vị con" || f.Value != "8.981,4" {
		t.Errorf("vi children_sum = %+v", f)
	}
	if f := en.figureOf("difference_share", -0.0566); f.Name != "difference" || f.Value != "−5.66%" {
		t.Errorf("en difference_share = %+v", f)
	}
	if f := en.figureOf("computed_plan_percent", 53.69); f.Value != "53.69%" {
		t.Errorf("en computed_plan_percent = %+v", f)
	}
	for _, k := range []string{"children", "children_sum", "difference_share", "value", "expected_value", "z", "years",
		"plan", "ytd", "previous_ytd", "previous_month", "reported_plan_percent", "computed_plan_percent",
		"reported_yoy_percent", "computed_yoy_percent"} {
		for _, L := range []*Locale{vi, en} {
			if _, ok := L.words["fig."+k]; !ok {
				t.Errorf("figure %s has no %s label", k, L.Lang)
			}
		}
	}
}

// TestNoExpectedDashOnCards: a level indicator has no expected pace; its
// card says how much of the plan is done without an empty "expected –".
func TestNoExpectedDashOnCards(t *testing.T) {
	e := newTestEnv(t)
	L := e.pages.en
	v := overviewView{L: L, Cards: []card{
		{Name: "Level", HasPlan: true, Completion: "99.7%", Expected: "–", Pace: L.paceTag("behind")},
		{Name: "Flow", HasPlan: true, Completion: "52.7%", Expected: "50.0%", Pace: L.paceTag("ahead")}}}
	c, err := e.pages.renderContent("overview", v)
	if err != nil {
		t.Fatal(err)
	}
	body := string(c.content)
	if strings.Contains(body, "expected <strong>–") {
		t.Error("a card shows an empty expected pace")
	}
	mustContain(t, body, "Done <strong>99.7%</strong>", "expected <strong>50.0%</strong>")
}
