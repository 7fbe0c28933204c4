package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

func TestWriterPagesAskAnonymousVisitorsToSignIn(t *testing.T) {
	e := newTestEnv(t)
	for _, p := range []string{"/entry", "/upload"} {
		code, body, _ := e.get(t, p)
		if code != http.StatusOK {
			t.Errorf("%s: status %d", p, code)
		}
		mustContain(t, body, `href="/login?lang=vi&amp;next=%2F`+p[1:]+`%3Flang%3Dvi"`) // back to this page after signing in
		if strings.Contains(body, `method="post" action="`+p) {
			t.Errorf("%s: shows the form to an anonymous visitor", p)
		}
	}
	r := httptest.NewRequest(http.MethodPost, "/entry", strings.NewReader("period_1=2018-H1&value_1=5"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	_, body, _ := e.do(t, r)
	mustContain(t, body, `href="/login?lang=vi&amp;next=%2Fentry`)
}

func entryForm(rows ...map[string]string) url.Values {
	f := url.Values{}
	for i, r := range rows {
		for k, v := range r {
			f.Set(k+"_"+string(rune('1'+i)), v)
		}
	}
	return f
}

func postEntry(t *testing.T, e *testEnv, f url.Values, lang string) (int, string) {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/entry?lang="+lang, strings.NewReader(f.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	code, body, _ := e.do(t, asWriter(r))
	return code, body
}

func TestEntryShowsCollectorErrorsRowByRow(t *testing.T) {
	e := newTestEnv(t)
	f := entryForm(
		map[string]string{"unit": "cai-rang", "indicator": "exports", "period": "2018-H1", "value": "120", "report_status": "estimate"},
		map[string]string{"unit": "cai-rang", "indicator": "exports", "period": "2018-H7", "value": "130", "report_status": "estimate"},
	)
	code, body := postEntry(t, e, f, "en")
	if code != http.StatusUnprocessableEntity && code != http.StatusBadRequest {
		t.Fatalf("status %d, want 422 or 400: %.500s", code, body)
	}
	mustContain(t, body, "Nothing was stored", "2018-H7")
	// The error names the form's row 2 (the collector's CSV line 3).
	problems := body[strings.Index(body, `class="data-table errors"`):]
	// The field is named as the page names it and links to the input at fault.
	if !strings.Contains(problems, `<tr><td>2</td><td><a href="#period-2-span">Period</a></td>`) {
		t.Errorf("the error is not shown against form row 2: %.400s", problems)
	}
	// Row 2's period picker is outlined (aria-invalid), and no other field.
	if !regexp.MustCompile(`<select id="period-2-span" name="period_2_span"[^>]*aria-invalid="true"`).MatchString(body) {
		t.Error("the period of row 2 is not marked invalid")
	}
	if n := strings.Count(body, `aria-invalid="true"`); n != 2 {
		t.Errorf("%d fields marked invalid, want 2 (the span and year of row 2's period)", n)
	}
	obs, err := e.db.Observations(context.Background(), storage.ObservationFilter{Unit: "cai-rang", Indicator: "exports"})
	if err != nil || len(obs) != 0 {
		t.Errorf("a rejected form stored %d figures (err %v)", len(obs), err)
	}
}

func TestEntryStoresFiguresInThePagesNumberFormat(t *testing.T) {
	e := newTestEnv(t)
	f := entryForm(map[string]string{"unit": "cai-rang", "indicator": "exports", "period": "2018-H1",
		"value": "1.234,5", "report_status": "official", "reported_plan_percent": "51,2", "source": "form test"})
	code, body := postEntry(t, e, f, "vi")
	if code != http.StatusOK {
		t.Fatalf("status %d: %.600s", code, body)
	}
	mustContain(t, body, "Đã lưu", "1 mới, 0 không đổi") // what was stored, in the page's language
	obs, err := e.db.Observations(context.Background(), storage.ObservationFilter{Unit: "cai-rang", Indicator: "exports"})
	if err != nil || len(obs) != 1 || obs[0].Value == nil || *obs[0].Value != 1234.5 {
		t.Fatalf("stored %+v (err %v), want one figure of 1234.5", obs, err)
	}
	revs, err := e.db.Revisions(context.Background(), "cai-rang", "exports", storage.MustParsePeriod("2018-H1"))
	if err != nil || len(revs) != 1 || revs[0].Provenance == nil || revs[0].Provenance.Via != "form" || revs[0].Provenance.TokenName != "test-admin" {
		t.Errorf("provenance of the form figure: %+v (err %v)", revs, err)
	}
	// The overview shows it at once: the cache follows the data version.
	_, page, _ := e.get(t, "/units/cai-rang?period=2018-H1")
	mustContain(t, page, "1.234,5")
}

func TestUploadImportsAFileAndListsErrors(t *testing.T) {
	e := newTestEnv(t)
	upload := func(name, content string) (int, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write([]byte(content))
		mw.WriteField("locale", "en")
		mw.Close()
		r := httptest.NewRequest(http.MethodPost, "/upload?lang=en", &buf)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		code, body, _ := e.do(t, asWriter(r))
		return code, body
	}
	good := "unit,indicator,period,value,report_status,reported_plan_percent,reported_yoy_percent,reported_at,source,quote\n" +
		"cai-rang,budget_revenue,2018-H1,812.5,estimate,47.1,,2018-06-20,upload test,\n"
	code, body := upload("report.csv", good)
	if code != http.StatusOK {
		t.Fatalf("good file: status %d: %.600s", code, body)
	}
	mustContain(t, body, "Stored:", "1 new", "report.csv")
	bad := "unit,indicator,period,value,report_status,reported_plan_percent,reported_yoy_percent,reported_at,source,quote\n" +
		"cai-rang,budget_revenue,2018-Q2,100,estimate,,,2018-06-20,x,\n" +
		"no-such-unit,budget_revenue,2018-Q2,100,estimate,,,2018-06-20,x,\n"
	code, body = upload("bad.csv", bad)
	if code < 400 {
		t.Fatalf("bad file: status %d", code)
	}
	mustContain(t, body, "Nothing was stored", "no-such-unit")
	code, body = upload("notes.txt", "hello")
	if code != http.StatusBadRequest {
		t.Errorf("unsupported extension: status %d", code)
	}
	mustContain(t, body, ".txt")
}

// TestDryRunPreviewNamesFiguresInThePagesLanguage: a checked-only entry on
// the Vietnamese page lists its figure by unit and indicator name and the
// period in words, not by their codes.
func TestDryRunPreviewNamesFiguresInThePagesLanguage(t *testing.T) {
	e := newTestEnv(t)
	f := entryForm(map[string]string{"unit": "cai-rang", "indicator": "exports", "period": "2018-H1", "value": "1.234,5"})
	f.Set("dry_run", "1")
	code, body := postEntry(t, e, f, "vi")
	if code != http.StatusOK {
		t.Fatalf("status %d: %.600s", code, body)
	}
	i := strings.Index(body, "Kiểm tra xong, chưa lưu:")
	if i < 0 {
		t.Fatalf("no dry-run notice: %s", body[strings.Index(body, "<main"):])
	}
	notice := body[i : strings.Index(body[i:], "</section>")+i]
	mustContain(t, notice, "<td>Kim ngạch xuất khẩu</td>", "<td>6 tháng đầu năm 2018</td>", "1.234,5")
	for _, code := range []string{"<td>cai-rang</td>", "<td>exports</td>", "<td>2018-H1</td>", " new,"} {
		if strings.Contains(notice, code) {
			t.Errorf("the preview shows %q", code)
		}
	}
	obs, err := e.db.Observations(context.Background(), storage.ObservationFilter{Unit: "cai-rang", Indicator: "exports"})
	if err != nil || len(obs) != 0 {
		t.Errorf("a dry run stored %d figures (err %v)", len(obs), err)
	}
}

// TestEntryStoresAPercentOfTheCentralPlan: the form's "% of central plan"
// is stored as a percent naming the central plan, written as typed.
func TestEntryStoresAPercentOfTheCentralPlan(t *testing.T) {
	e := newTestEnv(t)
	f := entryForm(map[string]string{"unit": "cai-rang", "indicator": "budget_revenue", "period": "2018-H1",
		"value": "700", "report_status": "estimate", "reported_plan_percent": "48,5", "reported_plan_percent_central": "52,7"})
	if code, body := postEntry(t, e, f, "vi"); code != http.StatusOK {
		t.Fatalf("status %d: %.600s", code, body)
	}
	obs, err := e.db.Observations(context.Background(), storage.ObservationFilter{Unit: "cai-rang", Indicator: "budget_revenue"})
	if err != nil || len(obs) != 1 || obs[0].ReportedPlanPercents.String() != "central:52.7" || obs[0].ReportedPlanPercent.String() != "48.5" {
		t.Fatalf("stored %+v (err %v)", obs, err)
	}
}

// TestUploadNamesTheColumnsInThePagesLanguage: the upload page's example
// keeps the file's column codes and says what each is, in Vietnamese.
func TestUploadNamesTheColumnsInThePagesLanguage(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.do(t, asWriter(httptest.NewRequest(http.MethodGet, "/upload?lang=vi", nil)))
	mustContain(t, body, "<code>period</code>: Kỳ</li>", "<code>reported_at</code>: Ngày báo cáo</li>",
		"<code>reported_plan_percent</code>: % so kế hoạch (báo cáo)</li>")
}
