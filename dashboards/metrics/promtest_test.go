package metrics

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
	"testing"
	"time"

	"github.com/plantrack/plantrack/dashboards/internal/testtool"
	"github.com/plantrack/plantrack/storage"
)

// freePort returns a loopback port that was free a moment ago.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startPrometheus runs the real prometheus binary with config and storage
// under t.TempDir() (or dataDir when given), on a loopback port, and
// returns its base URL once it reports ready. It is killed at cleanup.
func startPrometheus(t *testing.T, config, dataDir string, extra ...string) string {
	t.Helper()
	bin := testtool.Prometheus(t)
	dir := t.TempDir()
	if dataDir == "" {
		dataDir = filepath.Join(dir, "data")
	}
	cfg := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	logPath := filepath.Join(dir, "prometheus.log")
	logf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"--config.file=" + cfg, "--storage.tsdb.path=" + dataDir,
		"--web.listen-address=" + addr, "--log.level=warn"}, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatalf("start prometheus: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		logf.Close()
	})
	base := "http://" + addr
	waitFor(t, 30*time.Second, logPath, "prometheus ready", func() bool {
		resp, err := http.Get(base + "/-/ready")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return base
}

// waitFor polls cond every 200 ms until it holds or the limit passes; on
// timeout it fails with the prometheus log.
func waitFor(t *testing.T, limit time.Duration, logPath, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logPath)
			t.Fatalf("timed out after %v waiting for %s; prometheus log:\n%s", limit, what, log)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// promQuery runs an instant query (at ts when non-zero) and returns the
// values of the result vector.
func promQuery(t *testing.T, base, q string, ts time.Time) []float64 {
	t.Helper()
	v := url.Values{"query": {q}}
	if !ts.IsZero() {
		v.Set("time", strconv.FormatInt(ts.Unix(), 10))
	}
	resp, err := http.Get(base + "/api/v1/query?" + v.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Status string
		Error  string
		Data   struct {
			Result []struct {
				Value [2]any
			}
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || r.Status != "success" {
		t.Fatalf("query %s: %v %s %s", q, err, r.Status, r.Error)
	}
	var out []float64
	for _, s := range r.Data.Result {
		f, err := strconv.ParseFloat(fmt.Sprint(s.Value[1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

func TestPrometheusScrapesDemo(t *testing.T) {
	testtool.Prometheus(t)
	db, _ := demoDB(t)
	srv := httptest.NewServer(NewHandler(db, fixedRegistry(), 1, nil))
	defer srv.Close()
	target := srv.Listener.Addr().String()
	base := startPrometheus(t, fmt.Sprintf(`global:
  scrape_interval: 1s
scrape_configs:
  - job_name: plantrack
    static_configs:
      - targets: [%q]
`, target), "")

	const q = `plantrack_plan_completion_ratio{unit="can-tho",indicator="budget_revenue"}`
	var got []float64
	waitFor(t, 60*time.Second, "", "the first scrape", func() bool {
		got = promQuery(t, base, q, time.Time{})
		return len(got) > 0
	})
	want := 7060 / (7060 / 0.496)
	if len(got) != 1 || math.Abs(got[0]-want) > 1e-9 {
		t.Fatalf("%s = %v, want [%v]", q, got, want)
	}
	if up := promQuery(t, base, `up{job="plantrack"}`, time.Time{}); len(up) != 1 || up[0] != 1 {
		t.Fatalf("up = %v", up)
	}
	// every series made it: the scrape was not cut short by a parse error
	n := promQuery(t, base, `count({__name__=~"plantrack_.*", job="plantrack"})`, time.Time{})
	if len(n) != 1 || n[0] < 50 {
		t.Fatalf("series ingested: %v", n)
	}
}

// pickHistoryPoint finds a demo series with a point in 2017 and returns it.
func pickHistoryPoint(t *testing.T, db *storage.DB) (unit, indicator string, p storage.Item, value float64) {
	t.Helper()
	ctx := context.Background()
	items, err := db.Latest(ctx, -1, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		s, err := db.Series(ctx, it.Unit, it.Indicator, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, pt := range s.Points {
			if v, ok := indicatorValue(pt); ok && pt.Period.Year == 2017 && pt.Period.Last == 9 {
				return it.Unit, it.Indicator, pt, v
			}
		}
	}
	t.Fatal("the demo has no series with a value at the end of September 2017")
	return
}

func TestBackfillServesHistory(t *testing.T) {
	promtool := testtool.Promtool(t)
	testtool.Prometheus(t)
	db, _ := demoDB(t)
	unit, ind, pt, want := pickHistoryPoint(t, db)

	dir := t.TempDir()
	om := filepath.Join(dir, "plantrack.om")
	f, err := os.Create(om)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteOpenMetrics(context.Background(), f, db, storage.ObservationFilter{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	data := filepath.Join(dir, "data")
	start := time.Now()
	if out, err := exec.Command(promtool, "tsdb", "create-blocks-from", "openmetrics", om, data).CombinedOutput(); err != nil {
		t.Fatalf("promtool tsdb create-blocks-from openmetrics: %v\n%s", err, out)
	}
	t.Logf("backfill took %v", time.Since(start))
	base := startPrometheus(t, "global:\n  scrape_interval: 1m\n", data, "--storage.tsdb.retention.time=20y")

	q := fmt.Sprintf(`last_over_time(%s{unit=%q,indicator=%q}[35d])`, IndicatorValue, unit, ind)
	// ten days after September 2017 ends, the September sample is the last one
	at := pt.Period.End().Add(10 * 24 * time.Hour)
	got := promQuery(t, base, q, at)
	if len(got) != 1 || got[0] != want {
		t.Fatalf("%s at %s = %v, want [%v] (%s %s)", q, at, got, want, unit, pt.Period)
	}
	// the info gauges came along, so names can be joined in history too
	info := fmt.Sprintf(`last_over_time(%s{unit=%q}[35d])`, UnitInfo, unit)
	if got := promQuery(t, base, info, at); len(got) != 1 || got[0] != 1 {
		t.Errorf("%s at %s = %v, want [1]", info, at, got)
	}
	// before the period ended the value was not there yet
	if before := promQuery(t, base, q, pt.Period.End().Add(-time.Second)); len(before) == 1 && before[0] == want {
		t.Errorf("the September value is visible before September ended: %v", before)
	}
}
