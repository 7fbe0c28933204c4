package dashboards_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestDemoSyntheticFiguresOnARealUnitAreLabelled: can-tho is the seed
// report's real unit, but the demo's merger gives it made-up figures for
// 2024. The API marks each 2024 item and figure derived from them
// "synthetic": true and every page on them shows the synthetic banner; the
// seed's 2018-H1 answers and pages carry neither (the indicator page lists
// every year, so it is one of an indicator the merger leaves alone).
func TestDemoSyntheticFiguresOnARealUnitAreLabelled(t *testing.T) {
	base, _ := demoServer(t)
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %v\n%s", path, resp.StatusCode, err, b)
		}
		return string(b)
	}
	type item struct {
		Indicator string   `json:"indicator"`
		Value     *float64 `json:"value"`
		Synthetic bool     `json:"synthetic"`
	}
	for period, want := range map[string]bool{"2024": true, "2018-H1": false} {
		var pr struct {
			Items []item `json:"items"`
		}
		if err := json.Unmarshal([]byte(get("/api/v1/progress?unit=can-tho&period="+period)), &pr); err != nil {
			t.Fatal(err)
		}
		marked := 0
		for _, it := range pr.Items {
			if it.Synthetic {
				marked++
			}
			if it.Value != nil && it.Synthetic != want {
				t.Errorf("%s %s: synthetic %v, want %v", period, it.Indicator, it.Synthetic, want)
			}
		}
		// 2024: the merger's four indicators (budget revenue, retail sales,
		// exports, new party members) at least.
		if want && marked < 4 {
			t.Errorf("%s: %d synthetic items, want at least 4", period, marked)
		}
	}
	var obs []struct {
		Period    string `json:"period"`
		Synthetic bool   `json:"synthetic"`
	}
	body := get("/api/v1/observations?unit=can-tho&indicator=exports")
	if err := json.Unmarshal([]byte(body), &obs); err != nil {
		var wrapped struct {
			Observations json.RawMessage `json:"observations"`
		}
		if json.Unmarshal([]byte(body), &wrapped) != nil || json.Unmarshal(wrapped.Observations, &obs) != nil {
			t.Fatalf("observations: %v\n%s", err, body)
		}
	}
	for _, o := range obs {
		if o.Synthetic != strings.HasPrefix(o.Period, "202") {
			t.Errorf("exports %s: synthetic %v", o.Period, o.Synthetic)
		}
	}
	if len(obs) != 4 { // the seed's 2018-H1 and the merger's 2024-H1, 2024-H2, 2025-H1
		t.Errorf("%d can-tho exports figures, want 4: %+v", len(obs), obs)
	}
	const banner = "synthetic-banner"
	for path, want := range map[string]bool{
		"/units/can-tho?period=2024":                        true,
		"/units/can-tho/report?period=2024":                 true,
		"/units/can-tho/indicators/exports?period=2024":     true,
		"/compare/periods?unit=can-tho&a=2024-H2&b=2024-H1": true,
		"/units/can-tho?period=2018-H1":                     false,
		"/units/can-tho/indicators/grdp?period=2018-H1":     false,
		"/compare/periods?unit=can-tho&a=2018-H1&b=2017-H1": false,
	} {
		if got := strings.Contains(get(path), banner); got != want {
			t.Errorf("%s shows the synthetic banner: %v, want %v", path, got, want)
		}
	}
}
