package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractSeed reads the seed article (never copied into the repo) and
// checks the ten figures issue 6 lists, and that nothing else comes out.
func TestExtractSeed(t *testing.T) {
	path := filepath.Join(repoRoot(t), "..", "shared", "seeds", "000_5cad84daca20acc2.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("seed article: %v", err)
		}
		t.Skipf("seed article not available: %v", err)
	}
	text := string(b)
	ex := Extract(text, Options{Unit: "can-tho"})
	want := map[string]string{
		"grdp":                        "grdp 28478 2018-H1 estimate plan=- yoy=7.43",
		"industrial_production_index": "industrial_production_index - 2018-H1 estimate plan=- yoy=7.35",
		"retail_sales":                "retail_sales 63135 2018-H1 estimate plan=53.7 yoy=-",
		"exports":                     "exports 942 2018-H1 estimate plan=52.7 yoy=-",
		"budget_revenue":              "budget_revenue 7060 2018-H1 preliminary plan=49.6 yoy=-",
		"new_party_members":           "new_party_members 1452 2018-H1 preliminary plan=66 yoy=-",
		"cadres_assigned":             "cadres_assigned 53 2018-H1 preliminary plan=- yoy=-",
		"party_members_disciplined":   "party_members_disciplined 50 2018-H1 preliminary plan=- yoy=-",
		"party_orgs_disciplined":      "party_orgs_disciplined 1 2018-H1 preliminary plan=- yoy=-",
		"midterm_reviews_held":        "midterm_reviews_held 7 2018-H1 preliminary plan=- yoy=-",
	}
	measures := map[string]string{"grdp": "billion_vnd", "retail_sales": "billion_vnd", "budget_revenue": "billion_vnd",
		"exports": "million_usd", "new_party_members": "persons", "midterm_reviews_held": "units"}
	written := map[string]string{"grdp": "28.478", "industrial_production_index": "7,35", "retail_sales": "63.135", "exports": "942",
		"budget_revenue": "7.060", "new_party_members": "1.452", "cadres_assigned": "53", "party_members_disciplined": "50",
		"party_orgs_disciplined": "1 tổ chức", "midterm_reviews_held": "7/16"}
	seen := map[string]int{}
	for _, f := range ex.Figures {
		seen[f.Indicator]++
		w, ok := want[f.Indicator]
		if !ok {
			t.Errorf("unexpected figure %s", line(f))
			continue
		}
		if got := line(f); got != w {
			t.Errorf("got  %s\nwant %s", got, w)
		}
		if f.Unit != "can-tho" || text[f.Start:f.End] != f.Quote || !strings.Contains(f.Quote, written[f.Indicator]) {
			t.Errorf("%s: unit %q, quote %q at %d:%d", f.Indicator, f.Unit, f.Quote, f.Start, f.End)
		}
		if m := measures[f.Indicator]; m != "" && f.Measure != m {
			t.Errorf("%s: measure %s, want %s", f.Indicator, f.Measure, m)
		}
	}
	for code := range want {
		if seen[code] != 1 {
			t.Errorf("%s reported %d times, want once", code, seen[code])
		}
	}
	for _, f := range ex.Figures {
		if f.Indicator == "midterm_reviews_held" && f.Note != "target 16" {
			t.Errorf("mid-term reviews: note %q, want the target of 16", f.Note)
		}
	}
}
