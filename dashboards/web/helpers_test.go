package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
)

// hostile names: a unit and an indicator whose names try to break out of
// HTML and of the chart's JSON data block.
const (
	hostileUnitName = `<script>alert("u")</script>`
	hostileIndName  = `</script><script>alert("i")</script>`
)

func f64(v float64) *float64 { return &v }

func pct(s string) *storage.Percent {
	p, err := storage.ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return &p
}

// seedBatch is the Cần Thơ H1 2018 report (facts from the seed article),
// last year's figures for comparison, a child unit with a stored plan and
// monthly figures, and a hostile unit and indicator.
func seedBatch() storage.Batch {
	src := "Báo Cần Thơ (CTO), 11/06/2018"
	h1 := storage.MustParsePeriod("2018-H1")
	obs := func(unit, ind string, p storage.Period, v *float64, planPct, yoyPct *storage.Percent) storage.Observation {
		return storage.Observation{Unit: unit, Indicator: ind, Period: p, Value: v, ReportStatus: storage.StatusEstimate,
			ReportedPlanPercent: planPct, ReportedYoYPercent: yoyPct, ReportedAt: "2018-06-11", Source: src,
			Quote: "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước được 63.135 tỉ đồng"}
	}
	b := storage.Batch{
		Units: []storage.Unit{
			{Code: "can-tho", NameVI: "Cần Thơ", NameEN: "Can Tho"},
			{Code: "ninh-kieu", NameVI: "Ninh Kiều", NameEN: "Ninh Kieu", Parent: "can-tho"},
			{Code: "cai-rang", NameVI: "Cái Răng", NameEN: "Cai Rang", Parent: "can-tho"},
			{Code: "evil", NameVI: hostileUnitName, NameEN: hostileUnitName, Parent: "can-tho"},
		},
		Indicators: []storage.Indicator{{Code: "evil_ind", NameVI: hostileIndName, NameEN: hostileIndName,
			Measure: "units", Kind: storage.KindFlow, Direction: storage.DirectionUp, PaceProfile: storage.PaceLinear,
			GrowthBasis: storage.GrowthNominal}},
		Observations: []storage.Observation{
			obs("can-tho", "retail_sales", h1, f64(63135), pct("53.7"), nil),
			obs("can-tho", "exports", h1, f64(942), pct("52.7"), nil),
			obs("can-tho", "budget_revenue", h1, f64(7060), pct("49.6"), nil),
			obs("can-tho", "new_party_members", h1, f64(1452), pct("66"), nil),
			obs("can-tho", "grdp", h1, f64(28478), nil, pct("7.43")),
			obs("can-tho", "retail_sales", storage.MustParsePeriod("2017-H1"), f64(57000), nil, nil),
		},
		Plans: []storage.Plan{
			{Unit: "ninh-kieu", Indicator: "retail_sales", Year: 2018, Basis: storage.BasisValue, Target: f64(40000),
				Version: "original", AdoptedOn: "2017-12-20", Source: "Nghị quyết HĐND"},
			{Unit: "ninh-kieu", Indicator: "retail_sales", Year: 2018, Basis: storage.BasisValue, Target: f64(42000),
				Version: "adjusted", AdoptedOn: "2018-04-10", Source: "Nghị quyết điều chỉnh"},
		},
	}
	for m := 1; m <= 6; m++ {
		p := storage.Period{Year: 2018, First: m, Last: m}
		b.Observations = append(b.Observations,
			obs("ninh-kieu", "retail_sales", p, f64(3000+100*float64(m)), nil, nil),
			obs("evil", "evil_ind", p, f64(10*float64(m)), nil, nil),
			obs("evil", "retail_sales", p, f64(1000), nil, nil))
	}
	b.Observations = append(b.Observations, obs("cai-rang", "retail_sales", h1, f64(9000), pct("45"), nil))
	return b
}

// testEnv is a database with the seed, the pages, and a mux routing like the server.
type testEnv struct {
	db    *storage.DB
	col   *collector.Collector
	pages *Pages
	mux   *http.ServeMux
}

func newTestEnv(t testing.TB) *testEnv {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "plantrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Write(ctx, seedBatch(), storage.Provenance{Via: "api", TokenName: "seed-writer", RecordedAt: time.Date(2018, 6, 12, 3, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	col := collector.New(db, nil)
	pages, err := New(Deps{DB: db, Collector: col})
	if err != nil {
		t.Fatal(err)
	}
	return &testEnv{db: db, col: col, pages: pages, mux: routes(pages)}
}

// routes registers the pages as the server does (see the package comment).
func routes(p *Pages) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", p.Home)
	mux.HandleFunc("GET /units", p.Units)
	mux.HandleFunc("GET /units/{code}", p.Overview)
	mux.HandleFunc("GET /units/{code}/report", p.Report)
	mux.HandleFunc("GET /units/{code}/indicators/{ind}", p.Indicator)
	mux.HandleFunc("GET /compare", p.Compare)
	mux.HandleFunc("GET /compare/periods", p.ComparePeriods)
	mux.HandleFunc("GET /compare/units", p.CompareUnits)
	mux.HandleFunc("GET /quality", p.Quality)
	mux.HandleFunc("GET /entry", p.Entry)
	mux.HandleFunc("POST /entry", p.Entry)
	mux.HandleFunc("GET /upload", p.Upload)
	mux.HandleFunc("POST /upload", p.Upload)
	mux.HandleFunc("GET /paste", p.Paste)
	mux.HandleFunc("POST /paste", p.Paste)
	return mux
}

// get performs a request and returns status and body.
func (e *testEnv) get(t testing.TB, target string, hdr ...string) (int, string, http.Header) {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	return e.do(t, r)
}

func (e *testEnv) do(t testing.TB, r *http.Request) (int, string, http.Header) {
	t.Helper()
	w := httptest.NewRecorder()
	e.mux.ServeHTTP(w, r)
	body, _ := io.ReadAll(w.Result().Body)
	return w.Code, string(body), w.Result().Header
}

// asWriter returns r carrying a logged-in admin writer, as the server's auth middleware would.
func asWriter(r *http.Request) *http.Request {
	return r.WithContext(auth.WithWriter(r.Context(), auth.Writer{TokenName: "test-admin", Role: storage.RoleAdmin}))
}

func mustContain(t *testing.T, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %q", w)
		}
	}
}
