package dashboards

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestProgressCarriesEveryPlanInForce posts the worked examples
// through the JSON API and reads them back with the contract's names: the
// budget 2020-9M 14,490 against the council's 14,765 (primary: completion
// 14490 ÷ 14765 = 0.9814) and the central 14,000 (1.035, as the report's
// 103.5% says, so no plan_percent_mismatch); GRDP reported +7.43% beside
// current-price values 26,000 → 28,478 (yoy 0.0743, yoy_nominal 0.0953);
// a poverty rate 4.8% → 3.6% (yoy_points −1.2); the 2021–2025 average
// growth target of 7% after 5.0, 8.0, 7.0 (achieved 0.0666, needed 0.0751).
func TestProgressCarriesEveryPlanInForce(t *testing.T) {
	f := newFixture(t, nil)
	body := `{"units":[{"code":"tinh","name_vi":"Tỉnh"}],
	"observations":[
	 {"unit":"tinh","indicator":"budget_revenue","period":"2020-9M","value":14490,"reported_at":"2020-09-25",
	  "reported_plan_percents":[{"authority":"central","percent":103.5}]},
	 {"unit":"tinh","indicator":"grdp","period":"2019-H1","value":26000,"reported_yoy_percent":7.0,"reported_at":"2019-07-01"},
	 {"unit":"tinh","indicator":"grdp","period":"2020-H1","value":28478,"reported_yoy_percent":7.43,"reported_at":"2020-07-01"},
	 {"unit":"tinh","indicator":"poverty_rate","period":"2019-H1","value":4.8,"reported_at":"2019-07-01"},
	 {"unit":"tinh","indicator":"poverty_rate","period":"2020-H1","value":3.6,"reported_at":"2020-07-01"},
	 {"unit":"tinh","indicator":"grdp","period":"2021","value":60000,"reported_yoy_percent":5.0,"reported_at":"2022-01-10"},
	 {"unit":"tinh","indicator":"grdp","period":"2022","value":66000,"reported_yoy_percent":8.0,"reported_at":"2023-01-10"},
	 {"unit":"tinh","indicator":"grdp","period":"2023","value":72000,"reported_yoy_percent":7.0,"reported_at":"2024-01-10"}],
	"plans":[
	 {"unit":"tinh","indicator":"budget_revenue","year":2020,"basis":"value","target":14765,"adopted_on":"2019-12-10"},
	 {"unit":"tinh","indicator":"budget_revenue","year":2020,"authority":"central","basis":"value","target":14000,"adopted_on":"2019-11-20"},
	 {"unit":"tinh","indicator":"grdp","year":2020,"basis":"growth","target_low":7,"target_high":7.5,"adopted_on":"2019-12-10"},
	 {"unit":"tinh","indicator":"poverty_rate","year":2020,"basis":"points","target_low":-1.5,"target_high":-1,"adopted_on":"2019-12-10"},
	 {"unit":"tinh","indicator":"grdp","term":"2021-2025","authority":"party","basis":"average_growth","target":7,"adopted_on":"2020-10-15"}]}`
	resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(body), bearer(f.admin)...)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("post: %d %s", resp.StatusCode, b)
	}
	type plan struct {
		Authority, Basis, Pace, Term         string
		PlanSource                           string `json:"plan_source"`
		Year                                 int
		Target, Completion, Achieved, Needed *float64
	}
	type item struct {
		Indicator, Pace string
		Completion, YoY *float64
		YoYNominal      *float64 `json:"yoy_nominal"`
		YoYPoints       *float64 `json:"yoy_points"`
		Plans           []map[string]any
		Flags           []struct{ Code string }
	}
	type answer struct{ Items []item }
	var pr answer
	f.get("/api/v1/progress?unit=tinh&period=2020-9M&as_of=2024-12-31", http.StatusOK, &pr)
	byInd := func(items []item, code string) item {
		for _, it := range items {
			if it.Indicator == code {
				return it
			}
		}
		t.Fatalf("no %s in %+v", code, items)
		return item{}
	}
	budget := byInd(pr.Items, "budget_revenue")
	if !near(budget.Completion, 0.9814) || budget.Pace != "ahead" || len(budget.Flags) != 0 || len(budget.Plans) != 2 {
		t.Fatalf("budget %+v", budget)
	}
	raw, _ := json.Marshal(budget.Plans)
	var plans []plan
	json.Unmarshal(raw, &plans)
	for _, k := range []string{"authority", "version", "basis", "year", "target", "target_low", "target_high", "plan_source", "completion", "pace"} {
		if _, ok := budget.Plans[1][k]; !ok {
			t.Errorf("plans entry lacks %q: %v", k, budget.Plans[1])
		}
	}
	if c := plans[1]; c.Authority != "central" || !near(c.Completion, 1.035) || c.PlanSource != "stored" || c.Year != 2020 {
		t.Errorf("central plan %+v", c)
	}
	pr = answer{}
	f.get("/api/v1/progress?unit=tinh&period=2020-H1&as_of=2024-12-31", http.StatusOK, &pr)
	if g := byInd(pr.Items, "grdp"); !near(g.YoY, 0.0743) || !near(g.YoYNominal, 0.0953) || g.Pace != "on_track" {
		t.Errorf("grdp %+v", g)
	}
	if p := byInd(pr.Items, "poverty_rate"); p.YoYPoints == nil || *p.YoYPoints != -1.2 || p.Pace != "on_track" {
		t.Errorf("poverty %+v", p)
	}
	pr = answer{}
	f.get("/api/v1/progress?unit=tinh&period=2023&as_of=2024-12-31", http.StatusOK, &pr)
	g := byInd(pr.Items, "grdp")
	raw, _ = json.Marshal(g.Plans)
	plans = nil
	json.Unmarshal(raw, &plans)
	if len(plans) != 1 || plans[0].Term != "2021-2025" || !near(plans[0].Achieved, 0.0666) || !near(plans[0].Needed, 0.0751) || plans[0].Pace != "behind" {
		t.Errorf("term plan %s", raw)
	}
}
