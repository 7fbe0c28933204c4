package grafana

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/grafana/grafana-foundation-sdk/go/cog/plugins"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"

	"github.com/plantrack/plantrack/dashboards/board"
	"github.com/plantrack/plantrack/dashboards/internal/testtool"
	"github.com/plantrack/plantrack/storage"
)

var update = flag.Bool("update", false, `rewrite plantrack.json from Default("vi")`)

const shipped = "plantrack.json"

func TestShippedDashboardIsUpToDate(t *testing.T) {
	got, err := Default("vi")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(shipped, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatalf("%v (run go test ./dashboards/grafana -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date: run go test ./dashboards/grafana -update and commit it", shipped)
	}
}

// strictDashboard decodes with the SDK's strict unmarshal (unknown fields
// and wrong types are errors) and validates.
func strictDashboard(t *testing.T, raw []byte) dashboard.Dashboard {
	t.Helper()
	plugins.RegisterDefaultPlugins()
	var d dashboard.Dashboard
	if err := realError(d.UnmarshalJSONStrict(raw)); err != nil {
		t.Fatalf("strict unmarshal: %v", err)
	}
	if err := realError(d.Validate()); err != nil {
		t.Fatalf("validate: %v", err)
	}
	return d
}

func TestDashboardIsStrictlyValid(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		raw, err := Dashboard(board.Default(), storage.Catalog(), lang)
		if err != nil {
			t.Fatal(err)
		}
		strictDashboard(t, raw)
	}
	// the check itself must catch a typo
	raw, _ := Default("vi")
	bad := bytes.Replace(raw, []byte(`"graphTooltip"`), []byte(`"graphTooltipp"`), 1)
	plugins.RegisterDefaultPlugins()
	var d dashboard.Dashboard
	if err := realError(d.UnmarshalJSONStrict(bad)); err == nil {
		t.Fatal("strict unmarshal accepted an unknown field")
	}
}

func TestDashboardContents(t *testing.T) {
	raw, err := Default("vi")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Templating struct {
			List []struct {
				Name, Type string
				Query      any
				Datasource map[string]string
			}
		}
		Panels []map[string]any
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, v := range d.Templating.List {
		vars[v.Name] = fmt.Sprint(v.Type, " ", v.Query)
		if v.Type == "query" && v.Datasource["uid"] != "${datasource}" {
			t.Errorf("variable %s datasource = %v", v.Name, v.Datasource)
		}
	}
	for name, want := range map[string]string{
		"datasource": "datasource prometheus",
		"unit":       "query label_values(plantrack_unit_info, unit)",
		"indicator":  "query label_values(plantrack_indicator_info, indicator)",
	} {
		if vars[name] != want {
			t.Errorf("variable %s = %q, want %q", name, vars[name], want)
		}
	}
	stats := map[string]map[string]any{}
	for _, p := range d.Panels {
		typ, _ := p["type"].(string)
		if typ == "row" {
			continue
		}
		if ds, _ := p["datasource"].(map[string]any); ds["uid"] != "${datasource}" {
			t.Errorf("panel %v datasource = %v", p["title"], p["datasource"])
		}
		if typ == "stat" {
			stats[p["title"].(string)] = p
		}
		if typ == "timeseries" {
			opts := p["options"].(map[string]any)
			legend := opts["legend"].(map[string]any)
			tooltip := opts["tooltip"].(map[string]any)
			if legend["showLegend"] != true || tooltip["mode"] != "multi" {
				t.Errorf("time series legend %v tooltip %v", legend, tooltip)
			}
		}
	}
	if len(stats) != len(storage.Catalog()) {
		t.Errorf("%d stat panels for %d catalog indicators", len(stats), len(storage.Catalog()))
	}
	checkSteps(t, stats, "Thu ngân sách nhà nước trên địa bàn", []float64{0.85, 0.95, 1.05})
	checkSteps(t, stats, "Số vụ tai nạn giao thông", []float64{0.95, 1.05, 1.15})
	checkSteps(t, stats, "Tỷ lệ hộ nghèo", []float64{1, 1.05})
}

// checkSteps asserts a stat panel's threshold steps (after the base step).
func checkSteps(t *testing.T, stats map[string]map[string]any, title string, want []float64) {
	t.Helper()
	p, ok := stats[title]
	if !ok {
		t.Errorf("no stat panel %q", title)
		return
	}
	steps := p["fieldConfig"].(map[string]any)["defaults"].(map[string]any)["thresholds"].(map[string]any)["steps"].([]any)
	var got []float64
	for _, s := range steps[1:] {
		got = append(got, s.(map[string]any)["value"].(float64))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: threshold steps %v, want %v", title, got, want)
	}
}

// exprs collects every "expr" in the dashboard JSON.
func exprs(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "expr" {
				*out = append(*out, s)
			}
			exprs(e, out)
		}
	case []any:
		for _, e := range x {
			exprs(e, out)
		}
	}
}

// TestPromQLIsValid writes every expression as a recording rule and runs
// `promtool check rules` on the file.
func TestPromQLIsValid(t *testing.T) {
	raw, err := Default("vi")
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	var es []string
	exprs(v, &es)
	if len(es) < 10 {
		t.Fatalf("only %d expressions found", len(es))
	}
	var b strings.Builder
	b.WriteString("groups:\n  - name: dashboard\n    rules:\n")
	for i, e := range es {
		if !strings.Contains(e, "[35d]") {
			t.Errorf("expression lacks last_over_time(…[35d]): %s", e)
		}
		q, _ := json.Marshal(e) // a JSON string is a valid YAML scalar
		fmt.Fprintf(&b, "      - record: plantrack:dashboard_expr_%d\n        expr: %s\n", i, q)
	}
	checkRules(t, b.String())
}

func checkRules(t *testing.T, rules string) {
	t.Helper()
	promtool := testtool.Promtool(t)
	file := filepath.Join(t.TempDir(), "rules.yml")
	if err := os.WriteFile(file, []byte(rules), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(promtool, "check", "rules", file).CombinedOutput()
	if err != nil {
		t.Fatalf("promtool check rules: %v\n%s\n%s", err, out, rules)
	}
}
