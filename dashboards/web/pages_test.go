package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

func TestOverviewShowsSeedFiguresInBothLanguages(t *testing.T) {
	e := newTestEnv(t)
	code, body, hdr := e.get(t, "/units/can-tho?period=2018-H1")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	mustContain(t, body, "63.135", "53,7%", "942", "52,7%", "7.060", "49,6%", "1.452", "66,0%", "tỷ đồng",
		"6 tháng đầu năm 2018", "Ninh Kiều", `lang="vi"`)
	if hdr.Get("Content-Language") != "vi" {
		t.Errorf("Content-Language = %q", hdr.Get("Content-Language"))
	}
	code, body, hdr = e.get(t, "/units/can-tho?period=2018-H1&lang=en")
	if code != http.StatusOK {
		t.Fatalf("en status %d", code)
	}
	mustContain(t, body, "63,135", "53.7%", "7,060", "49.6%", "billion VND", "H1 2018", "Ninh Kieu", `lang="en"`)
	if !strings.Contains(hdr.Get("Set-Cookie"), langCookie+"=en") {
		t.Errorf("?lang=en did not set the language cookie: %q", hdr.Get("Set-Cookie"))
	}
}

func TestOverviewSortsWorstFirst(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/units/can-tho?period=2018-H1&lang=en")
	// budget_revenue (49.6% against 50% expected, linear) is behind the
	// others, which are ahead; so it must come before retail sales' card.
	budget := strings.Index(body, "State budget revenue")
	retail := strings.Index(body, "Retail sales of goods")
	if budget < 0 || retail < 0 || budget > retail {
		t.Errorf("budget revenue card at %d, retail sales at %d: worst-off must come first", budget, retail)
	}
}

func TestLanguageFromCookieAndAcceptLanguage(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/units", "Accept-Language", "en-GB,en;q=0.9")
	mustContain(t, body, `lang="en"`, "Can Tho")
	_, body, _ = e.get(t, "/units", "Accept-Language", "fr-FR,vi;q=0.5")
	mustContain(t, body, `lang="vi"`)
	_, body, _ = e.get(t, "/units", "Cookie", langCookie+"=en", "Accept-Language", "vi")
	mustContain(t, body, `lang="en"`)
}

// readPages are every read page with what each must show.
func readPages() []struct{ path, want string } {
	return []struct{ path, want string }{
		{"/", "Cần Thơ"},
		{"/units", "Ninh Kiều"},
		{"/units/can-tho", "63.135"},
		{"/units/can-tho/report?period=2018-H1", "<td class=\"num\">53,7</td>"},
		{"/units/can-tho/indicators/retail_sales?period=2018-H1", "63.135"},
		{"/units/ninh-kieu/indicators/retail_sales?period=2018-H1", "42.000"},
		{"/compare/periods?unit=can-tho&a=2018-H1&b=2017-H1", "57.000"},
		{"/compare/units?parent=can-tho&indicator=retail_sales&period=2018-H1", "Cái Răng"},
		{"/quality", "Chất lượng số liệu"},
	}
}

func TestEveryReadPageAndDownload(t *testing.T) {
	e := newTestEnv(t)
	for _, pg := range readPages() {
		code, body, _ := e.get(t, pg.path)
		if code != http.StatusOK {
			t.Errorf("%s: status %d: %.300s", pg.path, code, body)
			continue
		}
		if !strings.Contains(body, pg.want) {
			t.Errorf("%s: lacks %q", pg.path, pg.want)
		}
		mustContain(t, body, `href="/units?lang=vi"`, `href="/compare/periods?lang=vi"`, `href="/quality?lang=vi"`, `href="/entry?lang=vi"`)
		sep := "?"
		if strings.Contains(pg.path, "?") {
			sep = "&"
		}
		code, csvBody, hdr := e.get(t, pg.path+sep+"format=csv")
		if code != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "text/csv") {
			t.Errorf("%s csv: status %d type %q", pg.path, code, hdr.Get("Content-Type"))
		}
		rows, err := csv.NewReader(strings.NewReader(csvBody)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Errorf("%s csv: %d rows, err %v", pg.path, len(rows), err)
		}
		code, jsonBody, _ := e.get(t, pg.path+sep+"format=json")
		var v any
		if code != http.StatusOK || json.Unmarshal([]byte(jsonBody), &v) != nil {
			t.Errorf("%s json: status %d, body %.200s", pg.path, code, jsonBody)
		}
	}
}

func TestDownloadsCarryTheSameNumbers(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/units/can-tho?period=2018-H1&format=json")
	var got progressJSON
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range got.Items {
		if it.Indicator == "retail_sales" {
			found = true
			if it.Value == nil || *it.Value != 63135 || it.Completion == nil || *it.Completion < 0.5365 || *it.Completion > 0.5375 {
				t.Errorf("retail_sales item: value %v completion %v", it.Value, it.Completion)
			}
		}
	}
	if !found || got.Period != "2018-H1" || got.Unit != "can-tho" {
		t.Errorf("json: unit %q period %q retail found %v", got.Unit, got.Period, found)
	}
	_, csvBody, _ := e.get(t, "/units/can-tho?period=2018-H1&format=csv")
	mustContain(t, csvBody, "retail_sales", "63135", "6 tháng đầu năm 2018")
	_, cmpBody, _ := e.get(t, "/compare/periods?unit=can-tho&a=2018-H1&b=2017-H1&format=csv")
	// A − B and A ÷ B: 63,135 − 57,000 = 6,135 (not storage's B − A).
	mustContain(t, cmpBody, "retail_sales", "63135", "57000", ",6135,", "Chênh lệch A − B")
}

func TestHostileNamesAreEscapedEverywhere(t *testing.T) {
	e := newTestEnv(t)
	paths := []string{"/", "/units", "/units/evil?period=2018-H1", "/units/evil/report?period=2018-H1",
		"/units/evil/indicators/evil_ind?period=2018-M06", "/units/can-tho?period=2018-H1",
		"/compare/periods?unit=evil&a=2018-M06&b=2018-M05", "/compare/units?parent=can-tho&indicator=evil_ind&period=2018-M06",
		"/quality", "/compare/units?parent=can-tho&indicator=retail_sales&period=2018-H1"}
	for _, lang := range []string{"vi", "en"} {
		for _, p := range paths {
			sep := "?"
			if strings.Contains(p, "?") {
				sep = "&"
			}
			code, body, _ := e.get(t, p+sep+"lang="+lang)
			if code != http.StatusOK {
				t.Errorf("%s: status %d", p, code)
			}
			for _, bad := range []string{`<script>alert`, `</script><script>`} {
				if strings.Contains(body, bad) {
					t.Errorf("%s (%s): raw %q in the page", p, lang, bad)
				}
			}
		}
	}
	_, body, _ := e.get(t, "/units/evil/indicators/evil_ind?period=2018-M06")
	if !strings.Contains(body, `class="echarts-data"`) {
		t.Fatal("indicator page has no chart data block")
	}
	// the chart titles name the indicator, printed as text above the charts
	if !strings.Contains(body, `<p class="chart-title" aria-hidden="true">&lt;/script&gt;&lt;script&gt;alert`) {
		t.Error("the hostile indicator name is not escaped in the chart title")
	}
	mustContain(t, body, `&lt;/script&gt;&lt;script&gt;alert`)
	_, body, _ = e.get(t, "/compare/units?parent=can-tho&indicator=retail_sales&period=2018-H1")
	if !strings.Contains(body, `\u003cscript\u003ealert`) {
		t.Error("the hostile unit name is not escaped inside the unit comparison's chart JSON")
	}
}

func TestChartsHaveTablesWithTheSameNumbers(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/units/ninh-kieu/indicators/retail_sales?period=2018-M06&lang=en")
	// YTD at June = 3100+…+3600 = 20,100; plan in force 42,000 (adjusted).
	mustContain(t, body, `id="chart-ytd"`, `id="chart-years"`, "20,100", "42,000", "40,000", "adjusted", "original")
	if n := strings.Count(body, `class="echarts-data"`); n != 2 {
		t.Errorf("%d chart data blocks, want 2", n)
	}
	if strings.Contains(body, "<script>") {
		t.Error("page has an inline script")
	}
}

func TestRevisionHistoryShowsProvenance(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/units/can-tho/indicators/retail_sales?period=2018-H1")
	mustContain(t, body, "Báo Cần Thơ (CTO), 11/06/2018", "11/06/2018", "seed-writer", "ước tính", "53,7%",
		"tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước được 63.135 tỉ đồng")
}

func TestErrorsAreUserPages(t *testing.T) {
	e := newTestEnv(t)
	code, body, _ := e.get(t, "/units/nowhere")
	if code != http.StatusNotFound || !strings.Contains(body, "nowhere") {
		t.Errorf("unknown unit: status %d, body %.300s", code, body)
	}
	code, body, _ = e.get(t, "/units/can-tho?period=2018-H7")
	if code != http.StatusBadRequest || !strings.Contains(body, "2018-H7") {
		t.Errorf("bad period: status %d", code)
	}
	code, _, _ = e.get(t, "/units/can-tho?format=xml")
	if code != http.StatusBadRequest {
		t.Errorf("bad format: status %d", code)
	}
}

func TestPeriodPickerComposesThePeriod(t *testing.T) {
	e := newTestEnv(t)
	code, _, hdr := e.get(t, "/units/can-tho?year=2018&span=H1&lang=en")
	if code != http.StatusSeeOther || hdr.Get("Location") != "/units/can-tho?lang=en&period=2018-H1" {
		t.Fatalf("picker: status %d, Location %q; want a redirect to the canonical URL", code, hdr.Get("Location"))
	}
	code, body, _ := e.get(t, hdr.Get("Location"))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	mustContain(t, body, "H1 2018", "63,135", `<option value="H1" selected>`)
}

func TestCachedPagesFollowTheDataVersion(t *testing.T) {
	e := newTestEnv(t)
	_, before, _ := e.get(t, "/units/cai-rang?period=2018-H1&lang=en")
	mustContain(t, before, "9,000")
	_, again, _ := e.get(t, "/units/cai-rang?period=2018-H1&lang=en")
	if again != before {
		t.Error("the same page rendered twice differs")
	}
	// Another writer (as a CLI import beside serve would) revises the figure.
	o := storage.Observation{Unit: "cai-rang", Indicator: "retail_sales", Period: storage.MustParsePeriod("2018-H1"),
		Value: f64(9876), ReportStatus: storage.StatusOfficial, ReportedAt: "2018-07-20", Source: "revision"}
	if _, err := e.db.Write(context.Background(), storage.Batch{Observations: []storage.Observation{o}},
		storage.Provenance{Via: "csv", RecordedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	_, after, _ := e.get(t, "/units/cai-rang?period=2018-H1&lang=en")
	mustContain(t, after, "9,876")
	if strings.Contains(after, ">9,000<") {
		t.Error("the overview still shows the old figure after a write")
	}
}

func TestFlagsAreExplainedInThePagesLanguage(t *testing.T) {
	L := newLocale(langVI)
	f := storage.Flag{Code: storage.FlagPlanPercentMismatch,
		Figures: map[string]float64{"reported_plan_percent": 53.7, "value": 63135, "plan": 100000, "computed_plan_percent": 63.1352}}
	if got, want := L.flagText(f), "Báo cáo ghi đạt 53,7% kế hoạch, nhưng 63.135 so với kế hoạch 100.000 là 63,14%."; got != want {
		t.Errorf("vi: %q, want %q", got, want)
	}
	if got := newLocale(langEN).flagText(f); !strings.Contains(got, "63,135 against the plan of 100,000 is 63.14%") {
		t.Errorf("en: %q", got)
	}
	delete(f.Figures, "plan")
	if got := L.flagText(f); got != "% KH không khớp" {
		t.Errorf("a flag missing a figure must be named by its kind, got %q", got)
	}
}

func TestExpectedPaceLineCoversTheYear(t *testing.T) {
	e := newTestEnv(t)
	// One report (H1) with a plan implied from 53.7%: the linear expected
	// line still runs January–December, in the chart and in its table.
	_, body, _ := e.get(t, "/units/can-tho/indicators/retail_sales?period=2018-H1&lang=en")
	_, csvBody, _ := e.get(t, "/units/can-tho/indicators/retail_sales?period=2018-H1&format=csv&lang=en")
	rows, err := csv.NewReader(strings.NewReader(csvBody)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	months := 0
	var plan float64
	for _, r := range rows[1:] {
		if r[0] == "By month" {
			months++
			if p, err := strconv.ParseFloat(r[6], 64); err == nil {
				plan = p
			}
		}
	}
	if months != 12 || plan < 117000 || plan > 118000 {
		t.Fatalf("%d month rows, plan %v; want 12 and the implied plan ≈117,570", months, plan)
	}
	march := message.NewPrinter(language.English).Sprint(number.Decimal(plan*3/12, number.MaxFractionDigits(1)))
	mustContain(t, body, "March", march)
}

func TestOverviewOfAUnitWithoutOwnFigures(t *testing.T) {
	e := newTestEnv(t)
	u := storage.Unit{Code: "vinh-thanh", NameVI: "Vĩnh Thạnh", NameEN: "Vinh Thanh"}
	kid := storage.Unit{Code: "thanh-an", NameVI: "Thạnh An", NameEN: "Thanh An", Parent: "vinh-thanh"}
	o := storage.Observation{Unit: "thanh-an", Indicator: "exports", Period: storage.MustParsePeriod("2018-H1"),
		Value: f64(12), ReportedAt: "2018-06-30", Source: "test"}
	if _, err := e.db.Write(context.Background(), storage.Batch{Units: []storage.Unit{u, kid}, Observations: []storage.Observation{o}},
		storage.Provenance{Via: "api", RecordedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	code, body, _ := e.get(t, "/units/vinh-thanh?lang=en")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	mustContain(t, body, "Vinh Thanh", "No figures for this unit", "Thanh An", "H1 2018")
}

func TestJSONDownloadErrorsUseTheAPIShape(t *testing.T) {
	e := newTestEnv(t)
	code, body, _ := e.get(t, "/units/nowhere?format=json")
	var got struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || code != http.StatusNotFound ||
		got.Error.Code != storage.CodeNotFound || !strings.Contains(got.Error.Message, "nowhere") {
		t.Errorf("status %d, body %s (err %v)", code, body, err)
	}
}
