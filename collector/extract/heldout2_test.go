package extract

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// gold2 is one figure a paragraph of the issue-16 held-out set states.
type gold2 struct {
	gold
	Component    string    `json:"component"`
	YoYRange     []float64 `json:"yoy_range"`
	Points       *float64  `json:"points"`
	PlanPercents []goldPct `json:"plan_percents"`
}

type goldPct struct {
	Authority string  `json:"authority"`
	Percent   float64 `json:"percent"`
	Named     bool    `json:"named"`
}

type goldPlan struct {
	Indicator  string   `json:"indicator"`
	Component  string   `json:"component"`
	Year       int      `json:"year"`
	Term       string   `json:"term"`
	Authority  string   `json:"authority"`
	Basis      string   `json:"basis"`
	Target     *float64 `json:"target"`
	TargetLow  *float64 `json:"target_low"`
	TargetHigh *float64 `json:"target_high"`
}

type held2Case struct {
	Name    string     `json:"name"`
	Date    string     `json:"date"`
	Text    string     `json:"text"`
	Figures []gold2    `json:"figures"`
	Plans   []goldPlan `json:"plans"`
}

// tally counts found-and-right items of one kind.
type tally struct{ right, gold, extracted int }

func (t tally) recall() float64    { return float64(t.right) / math.Max(1, float64(t.gold)) }
func (t tally) precision() float64 { return float64(t.right) / math.Max(1, float64(t.extracted)) }

// score2 holds the held-out scores the pass marks of issue 16 name.
type score2 struct{ headline, parts, second, named, plans tally }

func near2(a, b float64) bool { return math.Abs(a-b) <= math.Max(0.05, 0.005*math.Abs(b)) }

// authorityOf turns the gold's "primary" into the indicator's primary authority.
func authorityOf(a, code string) storage.Authority {
	if a != "primary" {
		return storage.Authority(a)
	}
	for _, ind := range append(storage.Catalog(), storage.CatalogParts()...) {
		if ind.Code == code {
			return ind.Primary(nil)
		}
	}
	return storage.AuthorityCouncil
}

// goldFigure is g as the headline scorer of issue 6 reads it: the primary
// plan's percent stands for "plan".
func goldFigure(g gold2) gold {
	out := g.gold
	for _, p := range g.PlanPercents {
		if authorityOf(p.Authority, g.Indicator) == authorityOf("primary", g.Indicator) {
			v := p.Percent
			out.Plan = &v
		}
	}
	return out
}

// matches2 is matches plus a part's component and a growth range.
func matches2(f Figure, g gold2) bool {
	if f.Component != g.Component {
		return false
	}
	if len(g.YoYRange) == 2 {
		return f.Indicator == g.Indicator && f.ReportedYoYRange != nil &&
			near2(f.ReportedYoYRange[0].Value, g.YoYRange[0]) && near2(f.ReportedYoYRange[1].Value, g.YoYRange[1])
	}
	return matches(f, goldFigure(g))
}

// scoreCase scores one paragraph into s.
func scoreCase(t *testing.T, c held2Case, s *score2) {
	ex := Extract(c.Text, Options{Date: c.Date})
	taken := make([]bool, len(ex.Figures))
	for _, f := range ex.Figures {
		if f.Component == "" {
			s.headline.extracted++
		} else {
			s.parts.extracted++
		}
	}
	for _, g := range c.Figures {
		k := &s.headline
		if g.Component != "" {
			k = &s.parts
		}
		k.gold++
		var hit *Figure
		for i := range ex.Figures {
			if !taken[i] && matches2(ex.Figures[i], g) {
				taken[i], hit = true, &ex.Figures[i]
				break
			}
		}
		if hit == nil {
			t.Logf("%s: missed %s/%s", c.Name, g.Indicator, g.Component)
		} else {
			k.right++
		}
		for i, p := range g.PlanPercents {
			ok := hit != nil && hasPercent(*hit, authorityOf(p.Authority, g.Indicator), p.Percent)
			if i > 0 {
				s.second.gold++
				s.second.right += btoi(ok)
			}
			if p.Named {
				s.named.gold++
				s.named.right += btoi(ok)
			}
			if !ok {
				t.Logf("%s: percent %s %v not found", c.Name, p.Authority, p.Percent)
			}
		}
	}
	for i, f := range ex.Figures {
		if !taken[i] {
			t.Logf("%s: wrong %s", c.Name, fullLine(f))
		}
	}
	scorePlans(t, c, ex.Plans, &s.plans)
}

func hasPercent(f Figure, auth storage.Authority, pct float64) bool {
	for _, p := range f.ReportedPlanPercents {
		if p.Authority == auth && near2(p.Percent.Value, pct) {
			return true
		}
	}
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// scorePlans counts the gold plans found and right: same indicator, part,
// year or term, authority, basis and target(s).
func scorePlans(t *testing.T, c held2Case, got []Plan, k *tally) {
	k.extracted += len(got)
	taken := make([]bool, len(got))
	for _, g := range c.Plans {
		k.gold++
		found := false
		for i, p := range got {
			if !taken[i] && planMatches(p, g) {
				taken[i], found = true, true
				k.right++
				break
			}
		}
		if !found {
			t.Logf("%s: plan missed %s %d%s %s %s", c.Name, g.Indicator, g.Year, g.Term, g.Authority, g.Basis)
		}
	}
	for i, p := range got {
		if !taken[i] {
			t.Logf("%s: plan wrong %s", c.Name, planLine(p))
		}
	}
}

func planMatches(p Plan, g goldPlan) bool {
	same := func(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && near2(*a, *b) }
	return p.Indicator == g.Indicator && p.Component == g.Component && p.Year == g.Year && p.Term == g.Term &&
		p.Authority == authorityOf(g.Authority, g.Indicator) && string(p.Basis) == g.Basis &&
		same(p.Target, g.Target) && same(p.TargetLow, g.TargetLow) && same(p.TargetHigh, g.TargetHigh)
}

// TestHeldOut2 scores the issue-16 held-out set (testdata/heldout2),
// written before the issue-16 code and never tuned on. Pass marks of the
// issue: headline recall 0.90 / precision 0.95, parts recall 0.70, and two
// thirds of the second-plan percents, named authorities and targets.
func TestHeldOut2(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "heldout2", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var set struct{ Cases []held2Case }
	if err := json.Unmarshal(b, &set); err != nil {
		t.Fatal(err)
	}
	if len(set.Cases) < 30 {
		t.Fatalf("held-out set too small: %d cases", len(set.Cases))
	}
	var s score2
	for _, c := range set.Cases {
		scoreCase(t, c, &s)
	}
	t.Logf("headline: %d gold, %d extracted, %d right: precision %.3f recall %.3f", s.headline.gold, s.headline.extracted, s.headline.right, s.headline.precision(), s.headline.recall())
	t.Logf("parts: %d gold, %d extracted, %d right: recall %.3f precision %.3f", s.parts.gold, s.parts.extracted, s.parts.right, s.parts.recall(), s.parts.precision())
	t.Logf("second-plan percents %d/%d, named authorities %d/%d", s.second.right, s.second.gold, s.named.right, s.named.gold)
	t.Logf("plans: %d gold, %d extracted, %d right: recall %.3f precision %.3f", s.plans.gold, s.plans.extracted, s.plans.right, s.plans.recall(), s.plans.precision())
	for _, c := range []struct {
		what      string
		got, want float64
	}{{"headline recall", s.headline.recall(), 0.90}, {"headline precision", s.headline.precision(), 0.95},
		{"parts recall", s.parts.recall(), 0.70}, {"second-plan percents", s.second.recall(), 2.0 / 3},
		{"named authorities", s.named.recall(), 2.0 / 3}, {"targets", s.plans.recall(), 2.0 / 3}} {
		if c.got < c.want {
			t.Errorf("%s %.3f below the issue-16 pass mark %.3f", c.what, c.got, c.want)
		}
	}
}
