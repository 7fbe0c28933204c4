package dashboards

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
)

// fixture is a server on a real SQLite file with a little data and three
// tokens: admin, a reporter for ninh-kieu, and a revoked one.
type fixture struct {
	t                        *testing.T
	db                       *storage.DB
	col                      *collector.Collector
	reg                      *prometheus.Registry
	srv                      *httptest.Server
	admin, reporter, revoked string
	logs                     *bytes.Buffer
	path                     string // the database file
	server                   *Server
}

func f64(v float64) *float64 { return &v }

func pct(s string) *storage.Percent {
	p, err := storage.ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return &p
}

func testBatch() storage.Batch {
	h1, h17 := storage.MustParsePeriod("2018-H1"), storage.MustParsePeriod("2017-H1")
	obs := func(unit, ind string, p storage.Period, v float64, planPct string) storage.Observation {
		o := storage.Observation{Unit: unit, Indicator: ind, Period: p, Value: f64(v),
			ReportStatus: storage.StatusEstimate, ReportedAt: "2018-06-11", Source: "test report"}
		if planPct != "" {
			o.ReportedPlanPercent = pct(planPct)
		}
		if p == h17 {
			o.ReportedAt = "2017-06-12"
		}
		return o
	}
	return storage.Batch{
		Units: []storage.Unit{
			{Code: "can-tho", NameVI: "Cần Thơ", NameEN: "Can Tho"},
			{Code: "ninh-kieu", NameVI: "Ninh Kiều", NameEN: "Ninh Kieu", Parent: "can-tho"},
			{Code: "cai-rang", NameVI: "Cái Răng", NameEN: "Cai Rang", Parent: "can-tho"},
			{Code: "sample", NameVI: "Tỉnh mẫu", NameEN: "Sample province", Synthetic: true},
			{Code: "sample-a", NameVI: "Huyện A", NameEN: "District A", Parent: "sample", Synthetic: true},
		},
		Observations: []storage.Observation{
			obs("can-tho", "retail_sales", h1, 63135, "53.7"),
			obs("can-tho", "retail_sales", h17, 57000, ""),
			obs("can-tho", "exports", h1, 942, "52.7"),
			obs("can-tho", "budget_revenue", h1, 7060, "60"), // the stored plan makes it 49.6%
			obs("ninh-kieu", "retail_sales", h1, 20000, ""),
			obs("ninh-kieu", "retail_sales", h17, 18000, ""),
			obs("cai-rang", "retail_sales", h1, 15000, ""),
			obs("cai-rang", "retail_sales", h17, 14000, ""),
			obs("sample", "retail_sales", h1, 1000, "40"),
			obs("sample-a", "retail_sales", h1, 500, ""),
		},
		Plans: []storage.Plan{{Unit: "can-tho", Indicator: "budget_revenue", Year: 2018, Basis: storage.BasisValue,
			Target: f64(14234), Version: "original", AdoptedOn: "2018-01-05", Source: "test plan"}},
	}
}

func newFixture(t *testing.T, edit func(*Config)) *fixture {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Write(ctx, testBatch(), storage.Provenance{Via: "test"}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, db: db, col: collector.New(db, nil), reg: prometheus.NewRegistry(), logs: &bytes.Buffer{}, path: path}
	f.admin = f.token("admin-1", "admin", "")
	f.reporter = f.token("nk-reporter", "reporter", "ninh-kieu")
	f.revoked = f.token("gone", "admin", "")
	if err := db.RevokeToken(ctx, "gone"); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg, Deps{DB: db, Collector: f.col, Registry: f.reg,
		Logger: slog.New(slog.NewTextHandler(f.logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	f.server = s
	f.srv = httptest.NewServer(s.Handler())
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fixture) token(name, role, unit string) string {
	f.t.Helper()
	secret, err := auth.NewTokens(f.db).Create(context.Background(), name, role, unit)
	if err != nil {
		f.t.Fatal(err)
	}
	return secret
}

// do sends a request; hdr holds header name/value pairs.
func (f *fixture) do(method, path string, body io.Reader, hdr ...string) (*http.Response, []byte) {
	f.t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return resp, b
}

// get expects status and decodes the JSON answer into v (when not nil).
func (f *fixture) get(path string, status int, v any, hdr ...string) []byte {
	f.t.Helper()
	resp, b := f.do(http.MethodGet, path, nil, hdr...)
	f.expect(resp, b, status, v)
	return b
}

func (f *fixture) expect(resp *http.Response, b []byte, status int, v any) {
	f.t.Helper()
	if resp.StatusCode != status {
		f.t.Fatalf("%s: status %d, want %d; body %s", where(resp), resp.StatusCode, status, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			f.t.Fatalf("%s: decode %s: %v", where(resp), b, err)
		}
	}
}

func where(resp *http.Response) string {
	if resp.Request == nil {
		return "raw request"
	}
	return resp.Request.Method + " " + resp.Request.URL.RequestURI()
}

// apiError is the JSON error shape.
type apiError struct {
	Error struct {
		Code    string           `json:"code"`
		Message string           `json:"message"`
		Details []storage.Detail `json:"details"`
	} `json:"error"`
}

// wantError expects status with a JSON error of code whose message holds each of words.
func (f *fixture) wantError(resp *http.Response, b []byte, status int, code string, words ...string) apiError {
	f.t.Helper()
	var e apiError
	f.expect(resp, b, status, &e)
	if e.Error.Code != code || e.Error.Details == nil {
		f.t.Fatalf("%s: error %s, want code %q and details [] or more", where(resp), b, code)
	}
	for _, w := range words {
		if !strings.Contains(e.Error.Message, w) {
			f.t.Errorf("%s: message %q does not mention %q", where(resp), e.Error.Message, w)
		}
	}
	return e
}

func bearer(tok string) []string { return []string{"Authorization", "Bearer " + tok} }

func newRegistryForTest() *prometheus.Registry { return prometheus.NewRegistry() }

func newTestLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
