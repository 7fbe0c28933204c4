package metrics

import (
	"bytes"
	"math"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/plantrack/plantrack/dashboards/internal/testtool"
	"github.com/plantrack/plantrack/storage"
)

func f64(v float64) *float64 { return &v }

// edgeSnapshot covers the cases where a hand-written writer can drift from
// expfmt: escaping, float formatting, missing values, label ordering.
func edgeSnapshot() snapshot {
	h1 := storage.MustParsePeriod("2018-H1")
	m03 := storage.MustParsePeriod("2019-M03")
	return snapshot{
		items: []storage.Item{
			{Unit: "can-tho", Indicator: "budget_revenue", Kind: storage.KindFlow, Period: h1,
				Value: f64(7060), YTD: f64(7060), PlanBasis: storage.BasisValue, Plan: f64(7060 / 0.496),
				Completion: f64(0.496), Expected: f64(0.5), YoY: f64(0.0743)},
			{Unit: "can-tho", Indicator: "grdp", Kind: storage.KindFlow, Period: h1,
				Value: f64(1e21), YTD: nil, PlanBasis: storage.BasisGrowth, Plan: f64(7.25), YoY: f64(-1)},
			{Unit: "b-district", Indicator: "poverty_rate", Kind: storage.KindLevel, Period: m03,
				Value: f64(1), YTD: f64(99), PlanBasis: storage.BasisValue, Plan: f64(0), Completion: f64(math.Inf(1)),
				Expected: f64(math.Copysign(0, -1)), YoY: f64(1e-7)},
			{Unit: "b-district", Indicator: "exports", Kind: storage.KindFlow, Period: m03,
				YTD: f64(math.NaN()), Completion: f64(math.NaN()), YoY: f64(math.Inf(-1))},
			{Unit: "a-district", Indicator: "budget_revenue", Kind: storage.KindFlow, Period: m03,
				Value: f64(-3.5), YTD: f64(123456789.125), Plan: f64(1), Completion: f64(2.0 / 3)},
		},
		units: []storage.Unit{
			{Code: "can-tho", NameVI: "Thành phố Cần Thơ", NameEN: "Can Tho City"},
			{Code: "b-district", NameVI: `Quận "B" \ mới` + "\nxuống dòng", Parent: "can-tho", Depth: 1},
			{Code: "a-district", NameEN: "A only in English", Parent: "can-tho", Depth: 1},
		},
		indicators: append(storage.Catalog(), storage.Indicator{Code: "odd", NameVI: "tab\tand \"quote\"",
			Measure: "percent", Kind: storage.KindLevel, Direction: storage.DirectionDown}),
	}
}

// constCollector emits the same snapshot through client_golang's const
// metrics, with labels declared in SPEC order, independently of the writer.
type constCollector struct{ snap snapshot }

func (c constCollector) Describe(ch chan<- *prometheus.Desc) { prometheus.DescribeByCollect(c, ch) }

func (c constCollector) Collect(ch chan<- prometheus.Metric) {
	for _, g := range pairGauges() {
		d := prometheus.NewDesc(g.name, g.help, []string{"unit", "indicator"}, nil)
		for _, it := range c.snap.items {
			if v, ok := g.value(it); ok {
				ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, it.Unit, it.Indicator)
			}
		}
	}
	d := prometheus.NewDesc(IndicatorInfo, "Descriptive labels of an indicator (name in Vietnamese); always 1.",
		[]string{"indicator", "name", "measure", "kind", "direction"}, nil)
	for _, i := range c.snap.indicators {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, 1, i.Code, i.Name("vi"), i.Measure, string(i.Kind), string(i.Direction))
	}
	d = prometheus.NewDesc(UnitInfo, "Descriptive labels of a reporting unit (name in Vietnamese, parent unit code); always 1.",
		[]string{"unit", "name", "parent"}, nil)
	for _, u := range c.snap.units {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, 1, u.Code, u.Name("vi"), u.Parent)
	}
}

// promhttpText is what promhttp serves for the snapshot's const metrics.
func promhttpText(t testing.TB, snap snapshot) []byte {
	t.Helper()
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(constCollector{snap})
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorHandling: promhttp.PanicOnError}).
		ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	return rec.Body.Bytes()
}

func renderText(t testing.TB, snap snapshot) []byte {
	t.Helper()
	fams, err := snap.families()
	if err != nil {
		t.Fatal(err)
	}
	return appendText(nil, fams)
}

func TestTextMatchesPromhttp(t *testing.T) {
	snap := edgeSnapshot()
	got, want := renderText(t, snap), promhttpText(t, snap)
	if !bytes.Equal(got, want) {
		t.Fatalf("cached text differs from promhttp's:\n--- ours\n%s\n--- promhttp\n%s", got, want)
	}
	for _, s := range []string{
		`plantrack_plan_completion_ratio{indicator="budget_revenue",unit="can-tho"} 0.496`,
		`plantrack_plan_target{indicator="budget_revenue",unit="can-tho"} 14233.870967741936`,
		`plantrack_indicator_value{indicator="poverty_rate",unit="b-district"} 1`, // a level: its value, not the YTD field
		`name="Quận \"B\" \\ mới\nxuống dòng"`,
	} {
		if !bytes.Contains(got, []byte(s)) {
			t.Errorf("output lacks %s", s)
		}
	}
	for _, s := range []string{`indicator_value{indicator="grdp"`, `plan_target{indicator="grdp"`, "NaN", "Inf",
		`plan_completion_ratio{indicator="poverty_rate"`} {
		if bytes.Contains(got, []byte(s)) {
			t.Errorf("output has %s, which must be left out", s)
		}
	}
}

func TestTextRefusesDuplicateSeries(t *testing.T) {
	snap := edgeSnapshot()
	snap.units = append(snap.units, snap.units[0])
	if _, err := snap.families(); err == nil || !strings.Contains(err.Error(), "duplicate") {
		t.Fatalf("families() = %v, want a duplicate error", err)
	}
}

// promtoolCheckMetrics runs `promtool check metrics` on text and fails on
// any finding.
func promtoolCheckMetrics(t *testing.T, text []byte) {
	t.Helper()
	cmd := exec.Command(testtool.Promtool(t), "check", "metrics")
	cmd.Stdin = bytes.NewReader(text)
	out, err := cmd.CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Fatalf("promtool check metrics: %v\n%s", err, out)
	}
}

func TestTextPassesPromtool(t *testing.T) {
	promtoolCheckMetrics(t, renderText(t, edgeSnapshot()))
}
