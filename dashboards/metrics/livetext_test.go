package metrics

import (
	"bytes"
	"math"
	"net/http"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
)

func ref[T any](v T) *T { return &v }

// oddFamilies are families off the usual path: escapes in help and label
// values, special values, timestamps, a histogram without its +Inf bucket
// and one with float counts, a gauge histogram, and families
// appendFamilyText leaves to expfmt (want false).
func oddFamilies() []struct {
	mf   *dto.MetricFamily
	want bool
} {
	lbl := func(kv ...string) []*dto.LabelPair {
		var ls []*dto.LabelPair
		for i := 0; i < len(kv); i += 2 {
			ls = append(ls, &dto.LabelPair{Name: ref(kv[i]), Value: ref(kv[i+1])})
		}
		return ls
	}
	gauge := func(v float64, labels ...string) *dto.Metric {
		return &dto.Metric{Label: lbl(labels...), Gauge: &dto.Gauge{Value: ref(v)}}
	}
	buckets := []*dto.Bucket{{UpperBound: ref(0.5), CumulativeCount: ref(uint64(2))}, {UpperBound: ref(1.0), CumulativeCount: ref(uint64(5))}}
	return []struct {
		mf   *dto.MetricFamily
		want bool
	}{
		{&dto.MetricFamily{Name: ref("odd_gauge"), Help: ref("Back\\slash,\nnewline and \"quotes\"."), Type: dto.MetricType_GAUGE.Enum(),
			Metric: []*dto.Metric{gauge(math.NaN(), "v", `a\b`), gauge(math.Inf(1), "v", "line\nbreak"), gauge(math.Inf(-1), "v", `"q"`),
				gauge(-1, "v", "ệ Cần Thơ"), gauge(1), gauge(0, "a", "", "b", "x"), gauge(1e-300), gauge(123456789.125)}}, true},
		{&dto.MetricFamily{Name: ref("odd_untyped"), Type: dto.MetricType_UNTYPED.Enum(), // no help
			Metric: []*dto.Metric{{Untyped: &dto.Untyped{Value: ref(3.5)}, TimestampMs: ref(int64(1765126800000))}}}, true},
		{&dto.MetricFamily{Name: ref("odd_total"), Help: ref("c"), Type: dto.MetricType_COUNTER.Enum(),
			Metric: []*dto.Metric{{Label: lbl("k", "v"), Counter: &dto.Counter{Value: ref(7.0)}, TimestampMs: ref(int64(-5))}}}, true},
		{&dto.MetricFamily{Name: ref("odd_summary"), Help: ref("s"), Type: dto.MetricType_SUMMARY.Enum(),
			Metric: []*dto.Metric{{Label: lbl("k", "v"), Summary: &dto.Summary{SampleCount: ref(uint64(4)), SampleSum: ref(2.25),
				Quantile: []*dto.Quantile{{Quantile: ref(0.5), Value: ref(0.1)}, {Quantile: ref(0.99), Value: ref(math.NaN())}}}},
				{Summary: &dto.Summary{}}}}, true},
		{&dto.MetricFamily{Name: ref("odd_seconds"), Help: ref("h"), Type: dto.MetricType_HISTOGRAM.Enum(),
			Metric: []*dto.Metric{{Label: lbl("route", "GET /{$}"), Histogram: &dto.Histogram{SampleCount: ref(uint64(6)), SampleSum: ref(4.5), Bucket: buckets}},
				{Histogram: &dto.Histogram{SampleCountFloat: ref(2.5), SampleSum: ref(1.0),
					Bucket: []*dto.Bucket{{UpperBound: ref(1.0), CumulativeCountFloat: ref(1.5)}, {UpperBound: ref(math.Inf(1)), CumulativeCountFloat: ref(2.5)}}}}}}, true},
		{&dto.MetricFamily{Name: ref("odd_gauge_histogram"), Help: ref("gh"), Type: dto.MetricType_GAUGE_HISTOGRAM.Enum(),
			Metric: []*dto.Metric{{Histogram: &dto.Histogram{SampleCount: ref(uint64(5)), SampleSum: ref(3.0), Bucket: buckets}}}}, true},
		{&dto.MetricFamily{Name: ref("odd.dotted"), Help: ref("utf-8 name"), Type: dto.MetricType_GAUGE.Enum(),
			Metric: []*dto.Metric{gauge(2)}}, false},
		{&dto.MetricFamily{Name: ref("odd_label"), Help: ref("utf-8 label name"), Type: dto.MetricType_GAUGE.Enum(),
			Metric: []*dto.Metric{gauge(2, "ok", "1"), gauge(3, "a.b", "2")}}, false},
		{&dto.MetricFamily{Name: ref("odd_name_label"), Help: ref("__name__"), Type: dto.MetricType_GAUGE.Enum(),
			Metric: []*dto.Metric{gauge(2, "__name__", "x")}}, false},
		{&dto.MetricFamily{Name: ref("odd_mismatch"), Help: ref("a gauge family with a counter"), Type: dto.MetricType_GAUGE.Enum(),
			Metric: []*dto.Metric{{Counter: &dto.Counter{Value: ref(1.0)}}}}, false},
	}
}

// expfmtText is mf as expfmt's encoder writes it in format.
func expfmtText(t testing.TB, format expfmt.Format, mf *dto.MetricFamily) string {
	t.Helper()
	var buf bytes.Buffer
	if err := expfmt.NewEncoder(&buf, format).Encode(mf); err != nil {
		t.Fatalf("expfmt %s: %v", mf.GetName(), err)
	}
	return buf.String()
}

// TestAppendFamilyTextIsExpfmt: what appendFamilyText writes is byte for
// byte what expfmt writes, for the families serve registers (Go and
// process collectors, counters, the latency histogram) and odd ones; it
// declines exactly the families it leaves to expfmt.
func TestAppendFamilyTextIsExpfmt(t *testing.T) {
	format := expfmt.NegotiateAccept(http.Header{}, expfmt.FmtText) // what the handler encodes in
	mfs, err := serveRegistry(func(c prometheus.Collector) prometheus.Collector { return c }).Gather()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[dto.MetricType]bool{}
	for _, mf := range mfs {
		got, ok := appendFamilyText([]byte("kept"), mf)
		if !ok {
			t.Errorf("%s left to expfmt", mf.GetName())
			continue
		}
		if want := "kept" + expfmtText(t, format, mf); string(got) != want {
			t.Errorf("%s:\n%s\nexpfmt:\n%s", mf.GetName(), got, want)
		}
		seen[mf.GetType()] = true
	}
	for _, typ := range []dto.MetricType{dto.MetricType_COUNTER, dto.MetricType_GAUGE, dto.MetricType_SUMMARY, dto.MetricType_HISTOGRAM} {
		if !seen[typ] {
			t.Errorf("the serve registry gave no %s family to compare", typ)
		}
	}
	for _, c := range oddFamilies() {
		got, ok := appendFamilyText([]byte("kept"), c.mf)
		if ok != c.want {
			t.Errorf("%s: written %v, want %v", c.mf.GetName(), ok, c.want)
			continue
		}
		want := "kept"
		if ok {
			want += expfmtText(t, format, c.mf)
		}
		if string(got) != want {
			t.Errorf("%s:\n%s\nexpfmt:\n%s", c.mf.GetName(), got, want)
		}
	}
}

// oddCollector sends a family appendFamilyText writes and one it leaves
// to expfmt (a dotted name), so that a scrape mixes both.
type oddCollector struct{}

var (
	oddPlainDesc  = prometheus.NewDesc("odd_plain", "Written by appendFamilyText.", []string{"k"}, nil)
	oddDottedDesc = prometheus.NewDesc("odd.dotted", "Left to expfmt.", nil, nil)
)

func (oddCollector) Describe(ch chan<- *prometheus.Desc) { ch <- oddPlainDesc; ch <- oddDottedDesc }
func (oddCollector) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(oddPlainDesc, prometheus.GaugeValue, 1.5, "a\"b")
	ch <- prometheus.MustNewConstMetric(oddDottedDesc, prometheus.GaugeValue, 2)
}

// TestLiveTextIsExpfmt: the handler's live text is the registry encoded by
// expfmt in the negotiated format, in either escaping scheme, families
// written by appendFamilyText and by expfmt alike.
func TestLiveTextIsExpfmt(t *testing.T) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(oddCollector{})
	latency := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "odd_request_seconds", Help: "h"}, []string{"route"})
	latency.WithLabelValues("GET /metrics").Observe(0.003)
	reg.MustRegister(latency)
	h := NewHandler(newMemSource(25), reg, 1, nil)
	for _, accept := range []string{"", "text/plain;version=0.0.4;escaping=allow-utf-8"} {
		format := expfmt.NegotiateAccept(http.Header{"Accept": {accept}}, expfmt.FmtText)
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		var want string
		for _, mf := range mfs {
			want += expfmtText(t, format, mf)
		}
		if got := string(h.gatherLive(format)); got != want {
			t.Errorf("Accept %q:\n%s\nexpfmt:\n%s", accept, got, want)
		}
		if !bytes.Contains([]byte(want), []byte("odd_plain")) || !bytes.Contains([]byte(want), []byte("dotted")) {
			t.Fatalf("Accept %q: the registry lacks a family:\n%s", accept, want)
		}
	}
}

// BenchmarkLiveText is encoding what the serve registry gathers (Go and
// process collectors, counters, the latency histogram) with expfmt and
// with appendFamilyText, as the handler does it at every scrape.
func BenchmarkLiveText(b *testing.B) {
	format := expfmt.NegotiateAccept(http.Header{}, expfmt.FmtText)
	mfs, err := serveRegistry(func(c prometheus.Collector) prometheus.Collector { return c }).Gather()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("expfmt", func(b *testing.B) {
		var n int
		for b.Loop() {
			var buf bytes.Buffer
			enc := expfmt.NewEncoder(&buf, format)
			for _, mf := range mfs {
				if err := enc.Encode(mf); err != nil {
					b.Fatal(err)
				}
			}
			n = buf.Len()
		}
		b.ReportMetric(float64(n), "bytes")
	})
	b.Run("appendFamilyText", func(b *testing.B) {
		var n int
		for b.Loop() {
			out := make([]byte, 0, n+1024) // as the handler sizes it
			for _, mf := range mfs {
				var ok bool
				if out, ok = appendFamilyText(out, mf); !ok {
					b.Fatalf("%s left to expfmt", mf.GetName())
				}
			}
			n = len(out)
		}
		b.ReportMetric(float64(n), "bytes")
	})
}
