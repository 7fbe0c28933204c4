package dashboards

import (
	"math"
	"net/http"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/dashboards/web"
	"github.com/plantrack/plantrack/storage"
)

func near(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) < 5e-4 }

func TestProgressAnswersDerivedFigures(t *testing.T) {
	f := newFixture(t, nil)
	var got struct {
		Unit      string         `json:"unit"`
		Period    string         `json:"period"`
		Synthetic bool           `json:"synthetic"`
		Items     []storage.Item `json:"items"`
	}
	f.get("/api/v1/progress?unit=can-tho&period=2018-H1", http.StatusOK, &got)
	if got.Unit != "can-tho" || got.Period != "2018-H1" || got.Synthetic {
		t.Fatalf("progress header = %+v", got)
	}
	byInd := map[string]storage.Item{}
	for _, it := range got.Items {
		byInd[it.Indicator] = it
	}
	rs, ok := byInd["retail_sales"]
	if !ok || !near(rs.Completion, 0.537) || rs.PlanSource != storage.PlanImplied || rs.Pace == "" {
		t.Fatalf("retail_sales = %+v", rs)
	}
	if !near(rs.YoY, 63135.0/57000-1) {
		t.Errorf("retail_sales yoy = %v, want %.4f", rs.YoY, 63135.0/57000-1)
	}
	if ex := byInd["exports"]; !near(ex.Completion, 0.527) {
		t.Errorf("exports completion = %v", ex.Completion)
	}
	// Without a period: the latest one.
	f.get("/api/v1/progress?unit=can-tho", http.StatusOK, &got)
	if got.Period != "2018-H1" {
		t.Errorf("latest period = %s, want 2018-H1", got.Period)
	}
}

func TestProgressMarksSyntheticUnits(t *testing.T) {
	f := newFixture(t, nil)
	var got struct {
		Synthetic bool           `json:"synthetic"`
		Items     []storage.Item `json:"items"`
	}
	f.get("/api/v1/progress?unit=sample&period=2018-H1", http.StatusOK, &got)
	if !got.Synthetic || len(got.Items) == 0 || !got.Items[0].Synthetic {
		t.Fatalf("synthetic unit not marked: %+v", got)
	}
}

func TestBadQueryParametersAre400NamingTheInput(t *testing.T) {
	f := newFixture(t, nil)
	cases := []struct{ path, word string }{
		{"/api/v1/progress?unit=can-tho&period=2018-H7", "2018-H7"},
		{"/api/v1/progress?period=2018-H1", "unit"},
		{"/api/v1/progress?unit=can-tho&as_of=30/06/2018", "30/06/2018"},
		{"/api/v1/progress?unit=can-tho&peroid=2018-H1", "peroid"},
		{"/api/v1/progress?unit=Can+Tho", "Can Tho"},
		{"/api/v1/observations?from=2018-Q5", "2018-Q5"},
		{"/api/v1/observations?history=maybe", "maybe"},
		{"/api/v1/plans?year=20x8", "20x8"},
		{"/api/v1/series?unit=can-tho", "indicator"},
		{"/api/v1/compare?unit=can-tho&a=2018-H1", "b"},
		{"/api/v1/compare?unit=can-tho&indicator=exports&a=2018-H1&b=2017-H1", "either"},
		{"/api/v1/compare?indicator=exports&a=2018-H1&b=2017-H1", "parent"},
		{"/api/v1/quality?year=18", "18"},
	}
	for _, c := range cases {
		resp, b := f.do(http.MethodGet, c.path, nil)
		f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, c.word)
	}
}

func TestUnknownUnitsAndIndicatorsAre404(t *testing.T) {
	f := newFixture(t, nil)
	for _, path := range []string{
		"/api/v1/progress?unit=nowhere&period=2018-H1",
		"/api/v1/progress?unit=nowhere",
		"/api/v1/units/nowhere",
		"/api/v1/units?parent=nowhere",
		"/api/v1/indicators/no_such",
		"/api/v1/observations?unit=nowhere",
		"/api/v1/observations?indicator=no_such",
		"/api/v1/plans?unit=nowhere",
		"/api/v1/series?unit=nowhere&indicator=exports",
		"/api/v1/series?unit=can-tho&indicator=no_such",
		"/api/v1/compare?unit=nowhere&a=2018-H1&b=2017-H1",
		"/api/v1/compare?indicator=retail_sales&parent=nowhere&a=2018-H1&b=2017-H1",
		"/api/v1/quality?unit=nowhere",
		"/api/v1/no-such-endpoint",
	} {
		resp, b := f.do(http.MethodGet, path, nil)
		word := "nowhere"
		if path == "/api/v1/no-such-endpoint" {
			word = "no-such-endpoint"
		} else if !strings.Contains(path, "nowhere") {
			word = "no_such"
		}
		f.wantError(resp, b, http.StatusNotFound, storage.CodeNotFound, word)
	}
}

func TestUnitsAndIndicators(t *testing.T) {
	f := newFixture(t, nil)
	var units struct{ Units []unitView }
	f.get("/api/v1/units", http.StatusOK, &units)
	got := map[string]unitView{}
	for _, u := range units.Units {
		got[u.Code] = u
	}
	if len(got) != 5 || got["ninh-kieu"].Depth != 1 || got["ninh-kieu"].Parent != "can-tho" ||
		!got["sample-a"].Synthetic || got["can-tho"].Synthetic {
		t.Fatalf("units = %+v", units.Units)
	}
	f.get("/api/v1/units?parent=can-tho", http.StatusOK, &units)
	if len(units.Units) != 2 {
		t.Errorf("children of can-tho = %+v", units.Units)
	}
	var one struct {
		Unit      unitView
		Ancestors []string
		Children  []unitView
	}
	f.get("/api/v1/units/sample-a", http.StatusOK, &one)
	if !one.Unit.Synthetic || len(one.Ancestors) != 1 || one.Ancestors[0] != "sample" || len(one.Children) != 0 {
		t.Errorf("unit sample-a = %+v", one)
	}
	var inds struct{ Indicators []storage.Indicator }
	f.get("/api/v1/indicators", http.StatusOK, &inds)
	if len(inds.Indicators) < 25 {
		t.Errorf("%d indicators, want the catalog's 25+", len(inds.Indicators))
	}
	var ind struct{ Indicator storage.Indicator }
	f.get("/api/v1/indicators/exports", http.StatusOK, &ind)
	if ind.Indicator.Measure != "million_usd" {
		t.Errorf("exports = %+v", ind.Indicator)
	}
}

func TestObservationsFiltersAndHistory(t *testing.T) {
	f := newFixture(t, nil)
	type obs struct {
		storage.Observation
		Synthetic bool `json:"synthetic"`
	}
	var got struct{ Observations []obs }
	f.get("/api/v1/observations?unit=can-tho&indicator=retail_sales", http.StatusOK, &got)
	if len(got.Observations) != 2 {
		t.Fatalf("can-tho retail_sales: %+v", got.Observations)
	}
	f.get("/api/v1/observations?unit=can-tho&indicator=retail_sales&from=2018-Q1", http.StatusOK, &got)
	if len(got.Observations) != 1 || got.Observations[0].Period.String() != "2018-H1" {
		t.Fatalf("from=2018-Q1: %+v", got.Observations)
	}
	f.get("/api/v1/observations?unit=can-tho&to=2017-H2", http.StatusOK, &got)
	if len(got.Observations) != 1 || got.Observations[0].Period.Year != 2017 {
		t.Fatalf("to=2017-H2: %+v", got.Observations)
	}
	f.get("/api/v1/observations?unit=can-tho&as_of=2017-12-31", http.StatusOK, &got)
	if len(got.Observations) != 1 {
		t.Fatalf("as_of=2017-12-31: %+v", got.Observations)
	}
	f.get("/api/v1/observations?unit=sample&history=true", http.StatusOK, &got)
	if len(got.Observations) != 1 || !got.Observations[0].Synthetic || got.Observations[0].Provenance == nil ||
		got.Observations[0].Provenance.Via != "test" {
		t.Fatalf("history of sample: %+v", got.Observations)
	}
	f.get("/api/v1/observations?unit=cai-rang&indicator=exports", http.StatusOK, &got)
	if got.Observations == nil || len(got.Observations) != 0 {
		t.Fatalf("empty selection: %+v", got)
	}
}

func TestPlansSeriesCompareQuality(t *testing.T) {
	f := newFixture(t, nil)
	var plans struct{ Plans []storage.Plan }
	f.get("/api/v1/plans?unit=can-tho&year=2018", http.StatusOK, &plans)
	if len(plans.Plans) != 1 || plans.Plans[0].Indicator != "budget_revenue" {
		t.Fatalf("plans = %+v", plans)
	}
	f.get("/api/v1/plans?unit=can-tho&year=2017", http.StatusOK, &plans)
	if len(plans.Plans) != 0 {
		t.Fatalf("plans 2017 = %+v", plans)
	}
	var series seriesView
	f.get("/api/v1/series?unit=can-tho&indicator=retail_sales", http.StatusOK, &series)
	if len(series.Points) != 2 || series.Points[1].Period.String() != "2018-H1" || series.Synthetic {
		t.Fatalf("series = %+v", series)
	}
	var cmp compareView
	b := f.get("/api/v1/compare?unit=can-tho&a=2018-H1&b=2017-H1", http.StatusOK, &cmp)
	row := findRow(cmp.Rows, "can-tho", "retail_sales")
	if row == nil || !near(row.ValueA, 63135) || !near(row.ValueB, 57000) || !near(row.Difference, 63135-57000) || !near(row.Ratio, 63135.0/57000) {
		t.Fatalf("compare form 1 = %+v; retail_sales %s", cmp, b)
	}
	f.get("/api/v1/compare?indicator=retail_sales&parent=can-tho&a=2018-H1&b=2017-H1", http.StatusOK, &cmp)
	if len(cmp.Rows) != 2 || findRow(cmp.Rows, "ninh-kieu", "retail_sales") == nil {
		t.Fatalf("compare form 2 = %+v", cmp)
	}
	if r := findRow(cmp.Rows, "cai-rang", "retail_sales"); r == nil || !near(r.ValueA, 15000) || !near(r.ValueB, 14000) {
		t.Fatalf("compare form 2 cai-rang = %+v", r)
	}
	var q struct{ Flags []flagView }
	f.get("/api/v1/quality?unit=can-tho&year=2018", http.StatusOK, &q)
	raised := map[string]string{}
	for _, fl := range q.Flags {
		if fl.Explanation == "" || len(fl.Figures) == 0 {
			t.Errorf("flag without explanation or figures: %+v", fl)
		}
		raised[fl.Code] = fl.Indicator
	}
	// The stored plan makes 7,060 49.6%, not the reported 60%; the two
	// districts' 35,000 is far from the city's 63,135.
	if len(raised) != 2 || raised[storage.FlagPlanPercentMismatch] != "budget_revenue" ||
		raised[storage.FlagChildrenSumMismatch] != "retail_sales" {
		t.Fatalf("quality flags = %+v", q)
	}
	// The explanation is the catalog's sentence, the pages' wording, in the
	// API's language: English unless asked for Vietnamese.
	for lang, want := range map[string]string{
		"en": "The 2 child units add up to 35,000, away from the unit's own 63,135.",
		"vi": "2 đơn vị trực thuộc cộng lại được 35.000, lệch so với số của chính đơn vị là 63.135.",
	} {
		f.get("/api/v1/quality?unit=can-tho&indicator=retail_sales&year=2018&lang="+lang, http.StatusOK, &q)
		if len(q.Flags) != 1 || q.Flags[0].Explanation != want {
			t.Errorf("%s explanation = %+v, want %q", lang, q.Flags, want)
		}
	}
	f.get("/api/v1/quality?unit=can-tho&indicator=exports", http.StatusOK, &q)
	if q.Flags == nil || len(q.Flags) != 0 {
		t.Fatalf("quality flags for exports = %+v, want an empty list", q)
	}
}

func findRow(rows []storage.CompareRow, unit, ind string) *storage.CompareRow {
	for i := range rows {
		if rows[i].Unit == unit && rows[i].Indicator == ind {
			return &rows[i]
		}
	}
	return nil
}

func TestPagesAssetsAndMetricsAreRouted(t *testing.T) {
	f := newFixture(t, nil)
	for _, c := range []struct{ path, ctype, word string }{
		{"/", "text/html", "can-tho"},
		{"/units/can-tho?lang=en", "text/html", "Can Tho"},
		{"/assets/app.css", "text/css", ""},
		{"/metrics", "text/plain", `plantrack_indicator_value{indicator="retail_sales",unit="can-tho"}`},
	} {
		resp, b := f.do(http.MethodGet, c.path, nil)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.ctype) ||
			!strings.Contains(string(b), c.word) {
			t.Errorf("%s: %d %s %.300s", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), b)
		}
		if resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no CSP", c.path)
		}
	}
	_, b := f.do(http.MethodGet, "/metrics", nil)
	if !strings.Contains(string(b), `plantrack_http_request_duration_seconds_count{code="200",route="GET /{$}"} 1`) {
		t.Errorf("/metrics lacks the latency histogram of the home page")
	}
}

func TestWrongMethodIs405AndCSVExport(t *testing.T) {
	f := newFixture(t, nil)
	resp, b := f.do(http.MethodDelete, "/api/v1/observations", nil, bearer(f.admin)...)
	f.wantError(resp, b, http.StatusMethodNotAllowed, web.CodeMethodNotAllowed, "GET or POST")
	if resp.Header.Get("Allow") != "GET, POST" {
		t.Errorf("Allow = %q", resp.Header.Get("Allow"))
	}
	resp, b = f.do(http.MethodPost, "/api/v1/progress", strings.NewReader("{}"), bearer(f.admin)...)
	f.wantError(resp, b, http.StatusMethodNotAllowed, web.CodeMethodNotAllowed, "GET")
	resp, b = f.do(http.MethodGet, "/api/v1/observations?unit=can-tho&indicator=retail_sales&format=csv", nil)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
		len(lines) != 3 || !strings.Contains(lines[0], "unit") || !strings.Contains(string(b), "63135") {
		t.Fatalf("CSV export: %d %s", resp.StatusCode, b)
	}
	resp, b = f.do(http.MethodGet, "/api/v1/observations?format=xml", nil)
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "xml")
}

func TestFaviconRedirectsToTheAsset(t *testing.T) {
	f := newFixture(t, nil)
	resp, _ := f.do(http.MethodGet, "/favicon.ico", nil)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusMovedPermanently || !strings.HasPrefix(loc, "/assets/favicon.svg") {
		t.Fatalf("favicon: %d %q", resp.StatusCode, loc)
	}
	f.get(loc, http.StatusOK, nil)
}

func TestRevisionsAuditTrail(t *testing.T) {
	f := newFixture(t, nil)
	body := `{"observations":[{"unit":"can-tho","indicator":"retail_sales","period":"2018-H1","value":63200,` +
		`"report_status":"official","reported_at":"2018-07-20","source":"official bulletin"}]}`
	resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(body), bearer(f.admin)...)
	f.expect(resp, b, http.StatusOK, nil)
	var got struct {
		Period    string
		Revisions []storage.Observation
	}
	f.get("/api/v1/revisions?unit=can-tho&indicator=retail_sales&period=2018-6M", http.StatusOK, &got)
	if got.Period != "2018-H1" || len(got.Revisions) != 2 {
		t.Fatalf("revisions = %+v", got)
	}
	first, last := got.Revisions[0], got.Revisions[1]
	if *first.Value != 63135 || first.Provenance.Via != "test" || *last.Value != 63200 ||
		last.Provenance.Via != "api" || last.Provenance.TokenName != "admin-1" || last.Source != "official bulletin" {
		t.Fatalf("audit trail = %+v / %+v", first, last)
	}
	resp, b = f.do(http.MethodGet, "/api/v1/revisions?unit=can-tho&indicator=retail_sales", nil)
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "period")
	resp, b = f.do(http.MethodGet, "/api/v1/revisions?unit=nowhere&indicator=retail_sales&period=2018-H1", nil)
	f.wantError(resp, b, http.StatusNotFound, storage.CodeNotFound, "nowhere")
}
