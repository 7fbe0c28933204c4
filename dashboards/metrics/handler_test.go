package metrics

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/plantrack/plantrack/storage"
)

// prometheusAccept is what Prometheus 2.x sends when scraping.
const prometheusAccept = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"

// fixedRegistry has service metrics whose output does not change between
// scrapes, so responses can be compared byte for byte.
func fixedRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "plantrack_imports_total", Help: "Reports imported."}, []string{"format"})
	c.WithLabelValues("csv").Add(3)
	reg.MustRegister(c)
	return reg
}

func get(t testing.TB, h http.Handler, method string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "/metrics", nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("%s /metrics: %d %s", method, rec.Code, rec.Body)
	}
	return rec
}

// parse reads a text exposition, failing on anything Prometheus would reject.
func parse(t testing.TB, body []byte) map[string]*dto.MetricFamily {
	t.Helper()
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parse exposition: %v", err)
	}
	return fams
}

// sample returns the value of name{labels} and whether it is present.
func sample(fams map[string]*dto.MetricFamily, name string, labels map[string]string) (float64, bool) {
	f := fams[name]
	if f == nil {
		return 0, false
	}
next:
	for _, m := range f.Metric {
		for _, lp := range m.Label {
			if want, ok := labels[lp.GetName()]; ok && want != lp.GetValue() {
				continue next
			}
		}
		return m.GetGauge().GetValue(), true
	}
	return 0, false
}

func TestHandlerServesDemoLikePromhttp(t *testing.T) {
	db, _ := demoDB(t)
	ctx := context.Background()
	h := NewHandler(db, fixedRegistry(), 1, nil)
	body := get(t, h, "GET", map[string]string{"Accept": prometheusAccept}).Body.Bytes()

	fams := parse(t, body)
	got, ok := sample(fams, PlanCompletion, map[string]string{"unit": "can-tho", "indicator": "budget_revenue"})
	if !ok || math.Abs(got-0.496) > 1e-9 {
		t.Errorf("completion of can-tho budget_revenue = %v (present %v), want 0.496", got, ok)
	}
	if _, ok := sample(fams, "plantrack_imports_total", nil); !ok {
		t.Error("the live registry's counter is missing")
	}

	// the indicator part is exactly what promhttp writes for the same
	// snapshot as const metrics; the live part follows it
	snap, err := loadSnapshot(ctx, db, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.items) < 10 {
		t.Fatalf("demo snapshot has only %d items", len(snap.items))
	}
	want := promhttpText(t, snap)
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(fixedRegistry(), promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	want = append(want, rec.Body.Bytes()...)
	if !bytes.Equal(body, want) {
		t.Fatalf("/metrics differs from promhttp's output for the same metrics (%d vs %d bytes)", len(body), len(want))
	}
	for _, u := range snap.units {
		if u.Depth > 1 {
			t.Errorf("unit %s of depth %d exposed with depth 1", u.Code, u.Depth)
		}
	}
}

func TestHandlerOutputPassesPromtool(t *testing.T) {
	db, _ := demoDB(t)
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	body := get(t, NewHandler(db, reg, 2, nil), "GET", nil).Body.Bytes()
	promtoolCheckMetrics(t, body)
}

func TestHandlerContentTypeAndHead(t *testing.T) {
	db, _ := openDB(t)
	writeFigure(t, db, "can-tho", "", "2018-H1", 7060, "49.6")
	h := NewHandler(db, fixedRegistry(), 1, nil)
	rec := get(t, h, "GET", map[string]string{"Accept": prometheusAccept})
	ref := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.Header.Set("Accept", prometheusAccept)
	promhttp.HandlerFor(fixedRegistry(), promhttp.HandlerOpts{}).ServeHTTP(ref, req)
	if got, want := rec.Header().Get("Content-Type"), ref.Header().Get("Content-Type"); got != want {
		t.Errorf("Content-Type %q, promhttp says %q", got, want)
	}
	head := get(t, h, "HEAD", nil)
	if head.Body.Len() != 0 || head.Header().Get("Content-Length") != rec.Header().Get("Content-Length") {
		t.Errorf("HEAD: body %d bytes, Content-Length %q vs GET's %q", head.Body.Len(),
			head.Header().Get("Content-Length"), rec.Header().Get("Content-Length"))
	}
}

func TestHandlerGzipIsOneMemberOfTheSameText(t *testing.T) {
	db, _ := demoDB(t)
	h := NewHandler(db, fixedRegistry(), 1, nil)
	plain := get(t, h, "GET", nil)
	for _, ae := range []string{"gzip", "deflate, gzip;q=0.5", "*"} {
		rec := get(t, h, "GET", map[string]string{"Accept-Encoding": ae})
		if rec.Header().Get("Content-Encoding") != "gzip" {
			t.Fatalf("Accept-Encoding %q: not gzipped", ae)
		}
		if cl := rec.Header().Get("Content-Length"); cl != strconv.Itoa(rec.Body.Len()) {
			t.Errorf("Content-Length %s for %d bytes", cl, rec.Body.Len())
		}
		r := bytes.NewReader(rec.Body.Bytes())
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		zr.Multistream(false) // the whole body must be a single gzip member
		text, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("gunzip: %v", err)
		}
		if r.Len() != 0 {
			t.Error("data after the first gzip member")
		}
		if !bytes.Equal(text, plain.Body.Bytes()) {
			t.Fatalf("gunzipped body differs from the plain one (%d vs %d bytes)", len(text), plain.Body.Len())
		}
		if rec.Body.Len()*5 > len(text) {
			t.Errorf("gzip saves little: %d of %d bytes", rec.Body.Len(), len(text))
		}
	}
	for _, ae := range []string{"", "identity", "gzip;q=0", "br"} {
		if rec := get(t, h, "GET", map[string]string{"Accept-Encoding": ae}); rec.Header().Get("Content-Encoding") != "" {
			t.Errorf("Accept-Encoding %q: compressed", ae)
		}
	}
}

// countingSource counts how often the snapshot is read from the real DB.
type countingSource struct {
	*storage.DB
	latest atomic.Int32
}

func (c *countingSource) Latest(ctx context.Context, depth int, asOf string) ([]storage.Item, error) {
	c.latest.Add(1)
	return c.DB.Latest(ctx, depth, asOf)
}

func TestHandlerRebuildsOnlyWhenAnotherProcessWrites(t *testing.T) {
	db, path := openDB(t)
	writeFigure(t, db, "can-tho", "", "2018-H1", 7060, "49.6")
	src := &countingSource{DB: db}
	h := NewHandler(src, nil, 1, nil)
	completion := func() float64 {
		v, ok := sample(parse(t, get(t, h, "GET", nil).Body.Bytes()), PlanCompletion,
			map[string]string{"unit": "can-tho", "indicator": "budget_revenue"})
		if !ok {
			t.Fatal("no completion for can-tho")
		}
		return v
	}
	if c := completion(); math.Abs(c-0.496) > 1e-9 {
		t.Fatalf("completion = %v, want 0.496", c)
	}
	completion()
	if n := src.latest.Load(); n != 1 {
		t.Fatalf("snapshot read %d times for two scrapes of one data version", n)
	}
	// a second handle on the same file stands for `plantrack import`
	// running beside `serve`
	other, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	writeFigure(t, other, "can-tho", "", "2018-9M", 10590, "74.4")
	if c := completion(); math.Abs(c-0.744) > 1e-9 {
		t.Fatalf("after the other process's write, completion = %v, want 0.744", c)
	}
	if n := src.latest.Load(); n != 2 {
		t.Fatalf("snapshot read %d times, want 2", n)
	}
}

func TestHandlerDepthBoundsSeries(t *testing.T) {
	db, _ := openDB(t)
	writeFigure(t, db, "ninh-kieu", "can-tho", "2018-H1", 1000, "50")
	for depth, want := range map[int]bool{0: false, 1: true} {
		fams := parse(t, get(t, NewHandler(db, nil, depth, nil), "GET", nil).Body.Bytes())
		_, got := sample(fams, IndicatorValue, map[string]string{"unit": "ninh-kieu"})
		if got != want {
			t.Errorf("depth %d: district exposed = %v, want %v", depth, got, want)
		}
		_, info := sample(fams, UnitInfo, map[string]string{"unit": "ninh-kieu", "parent": "can-tho"})
		if info != want {
			t.Errorf("depth %d: district's unit_info exposed = %v, want %v", depth, info, want)
		}
	}
}

func TestHandlerFailsLoudlyWhenTheDatabaseIsGone(t *testing.T) {
	db, _ := openDB(t)
	db.Close()
	rec := httptest.NewRecorder()
	NewHandler(db, nil, 1, nil).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "metrics unavailable") {
		t.Fatalf("closed DB: %d %s", rec.Code, rec.Body)
	}
}

func TestHandlerSemanticsWithTestutil(t *testing.T) {
	db, _ := openDB(t)
	writeFigure(t, db, "ninh-kieu", "can-tho", "2018-H1", 1000, "50")
	writeFigure(t, db, "can-tho", "", "2018-H1", 7060, "49.6")
	srv := httptest.NewServer(NewHandler(db, nil, 1, nil))
	defer srv.Close()
	expected := `
# HELP plantrack_plan_completion_ratio Completion of this year's primary plan in force at the latest period (0.537 for 53.7%); value plans only.
# TYPE plantrack_plan_completion_ratio gauge
plantrack_plan_completion_ratio{indicator="budget_revenue",unit="can-tho"} 0.496
plantrack_plan_completion_ratio{indicator="budget_revenue",unit="ninh-kieu"} 0.5
# HELP plantrack_report_period_end_timestamp_seconds End of the latest period (end of its last month, Vietnam time) as a Unix timestamp.
# TYPE plantrack_report_period_end_timestamp_seconds gauge
plantrack_report_period_end_timestamp_seconds{indicator="budget_revenue",unit="can-tho"} 1.530378e+09
plantrack_report_period_end_timestamp_seconds{indicator="budget_revenue",unit="ninh-kieu"} 1.530378e+09
# HELP plantrack_unit_info Descriptive labels of a reporting unit (name in Vietnamese, parent unit code); always 1.
# TYPE plantrack_unit_info gauge
plantrack_unit_info{name="Đơn vị can-tho",parent="",unit="can-tho"} 1
plantrack_unit_info{name="Đơn vị ninh-kieu",parent="can-tho",unit="ninh-kieu"} 1
`
	if err := testutil.ScrapeAndCompare(srv.URL, strings.NewReader(expected),
		PlanCompletion, PeriodEnd, UnitInfo); err != nil {
		t.Fatal(err)
	}
	// growth-only and value-less figures are left out, never NaN
	body := get(t, NewHandler(db, nil, 1, nil), "GET", nil).Body.String()
	if strings.Contains(body, "NaN") || strings.Contains(body, YoYGrowth) {
		t.Errorf("gauges without a value are not left out:\n%s", body)
	}
}

func TestHandlerConcurrentScrapesDuringWrites(t *testing.T) {
	db, _ := openDB(t)
	writeFigure(t, db, "can-tho", "", "2018-H1", 7060, "49.6")
	h := NewHandler(db, fixedRegistry(), 1, nil)
	done := make(chan struct{})
	errs := make(chan string, 8)
	for w := 0; w < 4; w++ {
		go func(gz bool) {
			for {
				select {
				case <-done:
					errs <- ""
					return
				default:
				}
				req := httptest.NewRequest("GET", "/metrics", nil)
				if gz {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				body := rec.Body.Bytes()
				if gz {
					zr, err := gzip.NewReader(bytes.NewReader(body))
					if err == nil {
						body, err = io.ReadAll(zr)
					}
					if err != nil {
						errs <- err.Error()
						return
					}
				}
				if rec.Code != 200 || !bytes.Contains(body, []byte(PlanCompletion)) {
					errs <- fmt.Sprintf("status %d, body %.200s", rec.Code, body)
					return
				}
			}
		}(w%2 == 0)
	}
	for i, v := range []float64{7100, 7200, 7300} {
		writeFigure(t, db, "can-tho", "", fmt.Sprintf("2018-M%02d", 7+i), v, "50")
	}
	close(done)
	for w := 0; w < 4; w++ {
		if e := <-errs; e != "" {
			t.Fatal(e)
		}
	}
}
