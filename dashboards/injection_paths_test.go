package dashboards

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/xuri/excelize/v2"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/storage"
)

// hostileCorpus holds names, sources and quotes an attacker with a reporter token
// (or a careless spreadsheet) might send.
var hostileCorpus = []string{
	"'); DROP TABLE observations;--",
	"<script>alert(1)</script>",
	"</script><script>alert(2)</script>",
	`"><img src=x onerror=alert(3)>`,
	`"`,
	"\u202eevil\u202c",
	"a\tb",
	"<!--<script>",
}

// hostileNames is hostileCorpus without what names may not hold (direction
// controls, control characters; see TestTextCapsAndCharacters), joined.
func hostileNames(sep string) string {
	var keep []string
	for _, h := range hostileCorpus {
		if !strings.ContainsAny(h, "\u202e\t") {
			keep = append(keep, h)
		}
	}
	return strings.Join(keep, sep)
}

// hostileMB is a source of script tags as long as a source may be (500
// characters; longer ones are refused, see TestTextCapsAndCharacters).
var hostileMB = strings.Repeat("</script><script>x()", storage.MaxSourceLen/20)

// newHostileFixture is newFixture on a database file whose path the test
// knows, so it can run PRAGMA integrity_check afterwards.
func newHostileFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hostile.db")
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Write(ctx, testBatch(), storage.Provenance{Via: "test"}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, db: db, col: collector.New(db, nil), reg: prometheus.NewRegistry(), logs: &bytes.Buffer{}}
	f.admin = f.token("admin-1", "admin", "")
	s, err := New(DefaultConfig(), Deps{DB: db, Collector: f.col, Registry: f.reg, Logger: slog.New(slog.NewTextHandler(f.logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(s.Handler())
	t.Cleanup(f.srv.Close)
	return f, path
}

// hostileBatch declares a unit and an indicator named with the hostileCorpus
// strings and figures whose sources and quotes are hostile.
func hostileBatch() string {
	b := map[string]any{
		"units": []map[string]any{{"code": "hostile-unit", "parent": "can-tho", "name_vi": hostileNames(" "), "name_en": hostileCorpus[2]}},
		"indicators": []map[string]any{{"code": "hostile_ind", "name_vi": hostileCorpus[1], "name_en": hostileNames("|"),
			"measure": hostileCorpus[3], "kind": "flow", "direction": "up", "pace_profile": "linear", "growth_basis": "nominal"}},
		"plans": []map[string]any{{"unit": "hostile-unit", "indicator": "hostile_ind", "year": 2018, "basis": "value",
			"target": 100, "version": hostileCorpus[2], "source": hostileCorpus[0]}},
	}
	var obs []map[string]any
	for i, h := range hostileCorpus {
		obs = append(obs, map[string]any{"unit": "hostile-unit", "indicator": "hostile_ind",
			"period": fmt.Sprintf("2018-M%02d", i+1), "value": 10 + i, "source": h, "quote": hostileCorpus[(i+1)%len(hostileCorpus)]})
	}
	obs = append(obs, map[string]any{"unit": "can-tho", "indicator": "retail_sales", "period": "2018-Q3",
		"value": 30000, "source": hostileMB, "quote": hostileCorpus[1]})
	b["observations"] = obs
	out, _ := json.Marshal(b)
	return string(out)
}

// TestHostileInputStaysInert pushes the hostile corpus through the JSON
// API, CSV, XLSX, the entry form and the paste page, then reads every page
// and API answer that shows it: no data-borne script tag or markup comes
// out unescaped, chart data blocks cannot be closed early, bad codes are
// refused naming row and field, and the database passes integrity_check
// with its tables intact.
func TestHostileInputStaysInert(t *testing.T) {
	f, path := newHostileFixture(t)
	resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(hostileBatch()), append(bearer(f.admin), "Content-Type", jsonCT)...)
	f.expect(resp, b, http.StatusOK, nil)

	bad := `{"units":[{"code":"'); DROP TABLE units;--","name_vi":"x","name_en":"x"}],` +
		`"observations":[{"unit":"can-tho","indicator":"<script>","period":"2018-Q3","value":1}]}`
	resp, b = f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(bad), append(bearer(f.admin), "Content-Type", jsonCT)...)
	e := f.wantError(resp, b, http.StatusUnprocessableEntity, storage.CodeValidation)
	wantDetail(t, e, 1, "code")
	wantDetail(t, e, 1, "indicator")

	var hostileCSV bytes.Buffer
	cw := csv.NewWriter(&hostileCSV)
	cw.WriteAll([][]string{{"unit", "indicator", "period", "value", "source", "quote"},
		{"ninh-kieu", "retail_sales", "2018-Q3", "7", hostileCorpus[2], hostileCorpus[3]},
		{"ninh-kieu", "exports", "2018-Q3", "8", hostileCorpus[0], hostileCorpus[7]}})
	resp, b = upload(t, f, "h.csv", hostileCSV.Bytes())
	f.expect(resp, b, http.StatusOK, nil)
	resp, b = upload(t, f, "bad.csv", []byte("unit,indicator,period,value\n<script>,retail_sales,2018-Q3,1\n"))
	wantDetail(t, f.wantError(resp, b, http.StatusUnprocessableEntity, storage.CodeValidation), 2, "unit")
	resp, b = upload(t, f, "h.xlsx", hostileXLSX(t))
	f.expect(resp, b, http.StatusOK, nil)

	c := f.login(f.admin)
	cookie := []string{"Cookie", c.Name + "=" + c.Value, "Content-Type", "application/x-www-form-urlencoded",
		"Origin", f.srv.URL, "Sec-Fetch-Site", "same-origin"}
	form := url.Values{"unit_1": {"cai-rang"}, "indicator_1": {"exports"}, "period_1": {"2018-Q3"}, "value_1": {"5"},
		"source_1": {hostileCorpus[1]}, "quote_1": {hostileCorpus[3]}}
	resp, b = f.do(http.MethodPost, "/entry?lang=en", strings.NewReader(form.Encode()), cookie...)
	checkInert(t, "POST /entry", resp, b)
	form.Set("unit_1", hostileCorpus[1])
	resp, b = f.do(http.MethodPost, "/entry?lang=en", strings.NewReader(form.Encode()), cookie...)
	checkInert(t, "POST /entry (bad unit)", resp, b)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(b), "unit") {
		t.Errorf("entry with a hostileCorpus unit code: %d, no row error naming unit", resp.StatusCode)
	}
	paste := url.Values{"text": {strings.Join(hostileCorpus, "\n") + "\nDoanh thu bán lẻ đạt 63.135 tỷ đồng, đạt 53,7% kế hoạch."},
		"unit": {"can-tho"}, "date": {"2018-06-11"}, "source": {hostileCorpus[2]}}
	resp, b = f.do(http.MethodPost, "/paste", strings.NewReader(paste.Encode()), cookie...)
	checkInert(t, "POST /paste", resp, b)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "&lt;script&gt;alert(1)") {
		t.Errorf("paste page: %d; the pasted text is not shown escaped", resp.StatusCode)
	}

	for _, page := range hostilePages() {
		resp, b := f.do(http.MethodGet, page, nil)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", page, resp.StatusCode)
		}
		checkInert(t, "GET "+page, resp, b)
	}
	// The hostile text did reach the page, escaped for HTML (also in the
	// chart titles, printed as text above the charts) and for the chart data.
	_, b = f.do(http.MethodGet, "/units/hostile-unit/indicators/hostile_ind?lang=en", nil)
	for _, want := range []string{"&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;", `class="echarts-data"`,
		`<p class="chart-title" aria-hidden="true">`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("indicator page lacks %s", want)
		}
	}
	if i := strings.Index(string(b), `<p class="chart-title"`); i >= 0 {
		title, _, _ := strings.Cut(string(b[i:]), "</p>")
		if !strings.Contains(title, "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;") {
			t.Errorf("chart title does not show the hostile name escaped: %s", title)
		}
	}
	checkIntact(t, f, path)
}

// hostilePages are the pages and API answers that show the hostileCorpus data.
func hostilePages() []string {
	var out []string
	for _, lang := range []string{"vi", "en"} {
		for _, p := range []string{"/", "/units", "/units/can-tho", "/units/hostile-unit", "/units/hostile-unit/report",
			"/units/hostile-unit/indicators/hostile_ind", "/units/can-tho/indicators/retail_sales",
			"/units/ninh-kieu/indicators/retail_sales", "/units/cai-rang/indicators/exports",
			"/compare/periods?unit=hostile-unit&a=2018-M02&b=2018-M01", "/compare/units?parent=can-tho&indicator=hostile_ind&period=2018-M03",
			"/quality?unit=hostile-unit", "/entry", "/upload", "/paste"} {
			sep := "?"
			if strings.Contains(p, "?") {
				sep = "&"
			}
			out = append(out, p+sep+"lang="+lang)
		}
	}
	return append(out, "/api/v1/units", "/api/v1/indicators", "/api/v1/observations?unit=hostile-unit&history=true",
		"/api/v1/plans?unit=hostile-unit", "/api/v1/series?unit=hostile-unit&indicator=hostile_ind",
		"/api/v1/progress?unit=hostile-unit", "/units/hostile-unit?format=json", "/units/hostile-unit?format=csv", "/metrics")
}

// checkInert fails when an answer carries a script tag or markup that came
// from data: every <script in a page must be one of the layout's asset
// tags or a JSON chart block, and JSON blocks hold no '<' at all.
func checkInert(t *testing.T, where string, resp *http.Response, body []byte) {
	t.Helper()
	if resp.StatusCode >= 500 {
		t.Errorf("%s: status %d", where, resp.StatusCode)
	}
	low := strings.ToLower(string(body))
	ct := resp.Header.Get("Content-Type")
	switch {
	case strings.HasPrefix(ct, "application/json"):
		if strings.ContainsAny(low, "<>") {
			t.Errorf("%s: JSON answer with a raw '<' or '>'", where)
		}
		return
	case !strings.HasPrefix(ct, "text/html"):
		// CSV and metrics text carry data as it is; the browser must not
		// take them for HTML.
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.HasPrefix(ct, "text/") {
			t.Errorf("%s: %q answer without nosniff", where, ct)
		}
		return
	}
	for _, bad := range []string{"<img src=x", "<!--<script"} {
		if strings.Contains(low, bad) {
			t.Errorf("%s: answer contains %q unescaped", where, bad)
		}
	}
	for rest := low; ; {
		i := strings.Index(rest, "<script")
		if i < 0 {
			break
		}
		tag := rest[i:]
		end := strings.Index(tag, "</script")
		switch {
		case end < 0:
			t.Fatalf("%s: unclosed script tag at %.80q", where, tag)
		case strings.HasPrefix(tag, `<script src="/assets/`):
		case strings.HasPrefix(tag, `<script type="application/json"`):
			open := strings.IndexByte(tag, '>')
			if strings.ContainsAny(tag[open+1:end], "<") {
				t.Errorf("%s: a '<' inside a JSON data block: %.120q", where, tag[open+1:end])
			}
		default:
			t.Errorf("%s: script tag from data: %.80q", where, tag)
		}
		rest = tag[end+len("</script"):]
	}
}

// upload posts a file to /api/v1/import as the admin.
func upload(t *testing.T, f *fixture, name string, data []byte) (*http.Response, []byte) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	resp, b := f.do(http.MethodPost, "/api/v1/import", &body, append(bearer(f.admin), "Content-Type", mw.FormDataContentType())...)
	return resp, b
}

func hostileXLSX(t *testing.T) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	rows := [][]any{{"unit", "indicator", "period", "value", "source", "quote"},
		{"cai-rang", "retail_sales", "2018-Q3", 9, hostileCorpus[6], hostileCorpus[1]}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func wantDetail(t *testing.T, e apiError, row int, field string) {
	t.Helper()
	for _, d := range e.Error.Details {
		if d.Row == row && d.Field == field {
			return
		}
	}
	t.Errorf("error %q does not name row %d field %s: %+v", e.Error.Message, row, field, e.Error.Details)
}

// checkIntact runs integrity_check on the file and checks that the tables
// and the hostileCorpus strings are there, stored as sent.
func checkIntact(t *testing.T, f *fixture, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	var tables int
	// observations is a view over figures and batches (migration 0006).
	db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE (type = 'table' AND name IN
		('figures','batches','units','indicators','plans','tokens')) OR (type = 'view' AND name = 'observations')`).Scan(&tables)
	if tables != 7 {
		t.Fatalf("%d of 7 tables and views left", tables)
	}
	u, err := f.db.Unit(context.Background(), "hostile-unit")
	if err != nil || u.NameVI != hostileNames(" ") {
		t.Errorf("hostile unit name not stored as sent: %q, %v", u.NameVI, err)
	}
	revs, err := f.db.Revisions(context.Background(), "can-tho", "retail_sales", storage.MustParsePeriod("2018-Q3"))
	if err != nil || len(revs) != 1 || revs[0].Source != hostileMB {
		t.Errorf("1 MB source: %d revisions, %v", len(revs), err)
	}
}
