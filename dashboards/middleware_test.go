package dashboards

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestPanicBecomes500JSONAndIsLogged(t *testing.T) {
	f := newFixture(t, nil)
	s, err := New(DefaultConfig(), Deps{DB: f.db, Collector: f.col, Registry: newRegistryForTest(), Logger: nil})
	if err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	s.log = newTestLogger(&logs)
	h := s.logRequests(s.recoverPanics(securityHeaders(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("boom")
	}))))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), `"code":"internal"`) ||
		strings.Contains(rec.Body.String(), "boom") {
		t.Fatalf("panic answer: %d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), "boom") || !strings.Contains(logs.String(), "status=500") {
		t.Errorf("panic not logged with its status: %s", logs.String())
	}
}

func TestLatencyHistogramByRoute(t *testing.T) {
	f := newFixture(t, nil)
	f.get("/api/v1/progress?unit=can-tho", http.StatusOK, nil)
	f.get("/api/v1/progress?unit=can-tho", http.StatusOK, nil)
	f.do(http.MethodGet, "/api/v1/progress?unit=nowhere", nil)
	want := map[string]int{`code="200",route="GET /api/v1/progress"`: 2, `code="404",route="GET /api/v1/progress"`: 1}
	n, err := testutil.GatherAndCount(f.reg, "plantrack_http_request_duration_seconds")
	if err != nil || n != 2 {
		t.Fatalf("histogram series = %d, %v; want 2", n, err)
	}
	mfs, err := f.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "plantrack_http_request_duration_seconds" {
			continue
		}
		for _, m := range mf.GetMetric() {
			key := ""
			for _, l := range m.GetLabel() {
				if key != "" {
					key += ","
				}
				key += l.GetName() + `="` + l.GetValue() + `"`
			}
			if int(m.GetHistogram().GetSampleCount()) != want[key] {
				t.Errorf("%s: %d samples, want %d", key, m.GetHistogram().GetSampleCount(), want[key])
			}
		}
	}
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	for name, edit := range map[string]func(*Config){
		"depth":   func(c *Config) { c.MetricsDepth = -1 },
		"body":    func(c *Config) { c.MaxBodyBytes = 0 },
		"rows":    func(c *Config) { c.MaxImportRows = -5 },
		"session": func(c *Config) { c.SessionTTL = 0 },
	} {
		c := DefaultConfig()
		edit(&c)
		if c.Validate() == nil {
			t.Errorf("%s: invalid config accepted", name)
		}
	}
}
