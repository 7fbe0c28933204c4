package grafana

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/collector/demo"
	"github.com/plantrack/plantrack/dashboards/internal/testtool"
	"github.com/plantrack/plantrack/dashboards/metrics"
	"github.com/plantrack/plantrack/storage"
)

// livePrometheus starts the real prometheus scraping a plantrack /metrics
// handler over the demo data, and returns its URL once the first scrape
// is queryable.
func livePrometheus(t *testing.T) string {
	t.Helper()
	bin := testtool.Prometheus(t)
	dir := t.TempDir()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(dir, "plantrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// The demo before the reorganisation of 1 July 2025: the seed report's
	// Cần Thơ, whose panels are checked, is then in force and exposed.
	if _, err := demo.LoadSeed(ctx, db); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(metrics.NewHandler(db, nil, 1, nil))
	t.Cleanup(srv.Close)

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg := filepath.Join(dir, "prometheus.yml")
	conf := fmt.Sprintf("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: plantrack\n    static_configs:\n      - targets: [%q]\n", srv.Listener.Addr().String())
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--config.file="+cfg, "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr, "--log.level=warn")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
	for {
		if r, err := instant(base, `plantrack_unit_info{unit="can-tho"}`); err == nil && len(r) > 0 {
			return base
		}
		if time.Now().After(deadline) {
			t.Fatal("prometheus did not ingest a scrape within 60s")
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// instant evaluates q now and returns the result's values by their label
// "indicator" (or "" when absent).
func instant(base, q string) (map[string]float64, error) {
	resp, err := http.Get(base + "/api/v1/query?" + url.Values{"query": {q}}.Encode())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var r struct {
		Status, Error string
		Data          struct {
			Result []struct {
				Metric map[string]string
				Value  [2]any
			}
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, err
	}
	if r.Status != "success" {
		return nil, fmt.Errorf("%s: %s", q, r.Error)
	}
	out := map[string]float64{}
	for _, s := range r.Data.Result {
		v, err := strconv.ParseFloat(fmt.Sprint(s.Value[1]), 64)
		if err != nil {
			return nil, err
		}
		out[s.Metric["indicator"]] = v
	}
	return out, nil
}

// TestDashboardQueriesAnswerOnDemoData runs every expression of the shipped
// dashboard, with the variables set as a user would, against a Prometheus
// that scraped the demo.
func TestDashboardQueriesAnswerOnDemoData(t *testing.T) {
	base := livePrometheus(t)
	raw, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	var es []string
	exprs(v, &es)
	vars := strings.NewReplacer("$unit", "can-tho", "$indicator", "budget_revenue|retail_sales")
	answers := map[string]map[string]float64{}
	for _, e := range es {
		got, err := instant(base, vars.Replace(e))
		if err != nil {
			t.Fatalf("dashboard query fails: %v", err)
		}
		answers[e] = got
	}
	stat := func(expr string) map[string]float64 { return answers[expr] }
	budget := `{unit="$unit",indicator="budget_revenue"}[35d]`
	checks := []struct {
		expr, indicator string
		want            float64
	}{
		{"last_over_time(plantrack_plan_completion_ratio" + budget + ")", "budget_revenue", 0.496},
		{"last_over_time(plantrack_plan_completion_ratio" + budget + ") / last_over_time(plantrack_plan_expected_ratio" + budget + ")", "budget_revenue", 0.992},
		{`last_over_time(plantrack_indicator_value{unit="$unit",indicator=~"$indicator"}[35d])`, "retail_sales", 63135},
		{`last_over_time(plantrack_plan_completion_ratio{unit="$unit",indicator=~"$indicator"}[35d])`, "retail_sales", 0.537},
		{infoQuery(), "budget_revenue", 1},
	}
	for _, c := range checks {
		got, ok := stat(c.expr)[c.indicator]
		if _, inDashboard := answers[c.expr]; !inDashboard {
			t.Errorf("the dashboard has no query %s", c.expr)
			continue
		}
		if !ok || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s for %s = %v (present %v), want %v", c.expr, c.indicator, got, ok, c.want)
		}
	}
	if n := len(stat(infoQuery())); n != 2 {
		t.Errorf("table info query returns %d indicators for two selected", n)
	}
}
