package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestPasteListsPlans: the targets a pasted report states are listed for
// review beside the figures, in the page's language, and a figure's
// percents against two plans name both ("đạt 78,2% dự toán Trung ương
// giao và 70,4% dự toán HĐND tỉnh giao").
func TestPasteListsPlans(t *testing.T) {
	e := newTestEnv(t)
	text := "9 tháng, thu ngân sách đạt 5.630 tỷ đồng, đạt 78,2% dự toán Trung ương giao và 70,4% dự toán HĐND tỉnh giao. " +
		"Mục tiêu giai đoạn 2021–2025: tốc độ tăng trưởng GRDP bình quân 7%/năm."
	for lang, want := range map[string][]string{
		"vi": {"Kế hoạch, chỉ tiêu nêu trong văn bản (1)", "2021-2025", "bình quân %/năm", "Trung ương 78,2% · HĐND 70,4%"},
		"en": {"Targets stated in the text (1)", "2021-2025", "average growth a year", "Central government 78.2% · People&#39;s Council 70.4%"},
	} {
		code, body := postForm(t, e, "/paste?lang="+lang, url.Values{"step": {"extract"}, "unit": {"cai-rang"},
			"date": {"2019-10-02"}, "text": {text}})
		if code != http.StatusOK {
			t.Fatalf("%s: status %d: %.500s", lang, code, body)
		}
		mustContain(t, body, want...)
	}
}

// TestPasteKeepsPercentsOfEveryPlan: confirming a pasted figure that gave
// percents of two plans stores both, each naming its plan (78,2% of the
// central estimate, 70,4% of the council's, the primary).
func TestPasteKeepsPercentsOfEveryPlan(t *testing.T) {
	e := newTestEnv(t)
	text := "9 tháng năm 2019, thu ngân sách đạt 5.630 tỷ đồng, đạt 78,2% dự toán Trung ương giao và 70,4% dự toán HĐND tỉnh giao."
	base := url.Values{"unit": {"cai-rang"}, "date": {"2019-10-02"}, "source": {"Báo cáo 9 tháng"}, "text": {text}}
	form := url.Values{"step": {"extract"}}
	for k, v := range base {
		form[k] = v
	}
	code, body := postForm(t, e, "/paste?lang=vi", form)
	if code != http.StatusOK {
		t.Fatalf("extract: %d %.500s", code, body)
	}
	form = confirmFormFrom(body, form)
	if form.Get("pp_central_1") != "78,2" {
		t.Fatalf("the central percent is not carried: %v", form)
	}
	if code, body = postForm(t, e, "/paste?lang=vi", form); code != http.StatusOK {
		t.Fatalf("confirm: %d %.1500s", code, body)
	}
	obs, err := e.db.Observations(context.Background(), storage.ObservationFilter{Unit: "cai-rang", Indicator: "budget_revenue",
		From: storage.MustParsePeriod("2019-9M"), To: storage.MustParsePeriod("2019-9M")})
	if err != nil || len(obs) != 1 {
		t.Fatalf("%+v, %v", obs, err)
	}
	central, ok := obs[0].ReportedPlanPercents.Of(storage.AuthorityCentral)
	if !ok || central.String() != "78.2" || obs[0].ReportedPlanPercent == nil || obs[0].ReportedPlanPercent.String() != "70.4" {
		t.Errorf("stored percents %+v, primary %v", obs[0].ReportedPlanPercents, obs[0].ReportedPlanPercent)
	}
}

// confirmFormFrom is the confirm form a browser would post from the
// extract step's page: every input's value, ticked boxes, selected options.
func confirmFormFrom(body string, base url.Values) url.Values {
	form := url.Values{}
	for k, v := range base {
		form[k] = v
	}
	form.Set("step", "confirm")
	inputs := regexp.MustCompile(`<input[^>]*name="([a-z_]+_\d+|count|plan_count)"[^>]*>`)
	val := regexp.MustCompile(`value="([^"]*)"`)
	for _, m := range inputs.FindAllStringSubmatch(body, -1) {
		if v := val.FindStringSubmatch(m[0]); v != nil && (!strings.Contains(m[0], "checkbox") || strings.Contains(m[0], "checked")) {
			form.Set(m[1], htmlUnescape(v[1]))
		}
	}
	sel := regexp.MustCompile(`(?s)<select[^>]*name="([a-z_]+_\d+(?:_span|_year)?)"[^>]*>(.*?)</select>`)
	opt := regexp.MustCompile(`<option value="([^"]*)" selected>`)
	for _, m := range sel.FindAllStringSubmatch(body, -1) {
		if o := opt.FindStringSubmatch(m[2]); o != nil {
			form.Set(m[1], o[1])
		}
	}
	return form
}

// TestPasteStoresKeptPlans: confirming stores the figures and the targets
// ticked "Keep" in one import, each plan with the report as source:
// "(kế hoạch 10.200 tỷ đồng)" → budget_revenue 2022, council, value 10200.
func TestPasteStoresKeptPlans(t *testing.T) {
	e := newTestEnv(t)
	text := "6 tháng năm 2022, thu ngân sách đạt 4.950 tỷ đồng (kế hoạch 10.200 tỷ đồng)."
	base := url.Values{"unit": {"cai-rang"}, "date": {"2022-07-05"}, "source": {"Báo cáo 6 tháng"}, "text": {text}, "step": {"extract"}}
	code, body := postForm(t, e, "/paste?lang=vi", base)
	if code != http.StatusOK {
		t.Fatalf("extract: %d %.500s", code, body)
	}
	form := confirmFormFrom(body, base)
	if form.Get("plan_keep_1") != "1" || form.Get("plan_target_1") != "10.200" {
		t.Fatalf("the plan is not in the confirm form: %v", form)
	}
	if code, body = postForm(t, e, "/paste?lang=vi", form); code != http.StatusOK {
		t.Fatalf("confirm: %d %.1500s", code, body)
	}
	plans, err := e.db.Plans(context.Background(), storage.PlanFilter{Unit: "cai-rang", Indicator: "budget_revenue"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range plans {
		found = found || p.Year == 2022 && p.Authority == storage.AuthorityCouncil && p.Target != nil && *p.Target == 10200 && p.Source == "Báo cáo 6 tháng"
	}
	if !found {
		t.Errorf("the kept plan was not stored: %+v", plans)
	}
}

// TestPastePlanErrorNamesThePlan: a kept plan the import refuses is named
// by its number in the plans table ("Kế hoạch 1" / "Plan 1"), not by the
// import row past the figures (maxPasteFigures + 1 = 201), its row is
// outlined and linked, and nothing is stored, not even the good figure.
func TestPastePlanErrorNamesThePlan(t *testing.T) {
	e := newTestEnv(t)
	text := "6 tháng năm 2022, thu ngân sách đạt 4.950 tỷ đồng (kế hoạch 10.200 tỷ đồng)."
	for lang, name := range map[string]string{"vi": "Kế hoạch 1", "en": "Plan 1"} {
		base := url.Values{"unit": {"cai-rang"}, "date": {"2022-07-05"}, "source": {"Báo cáo 6 tháng"}, "text": {text}, "step": {"extract"}}
		code, body := postForm(t, e, "/paste?lang="+lang, base)
		if code != http.StatusOK {
			t.Fatalf("%s extract: %d %.500s", lang, code, body)
		}
		form := confirmFormFrom(body, base)
		if form.Get("plan_keep_1") != "1" {
			t.Fatalf("%s: the plan is not in the confirm form: %v", lang, form)
		}
		form.Set("plan_target_1", "mười nghìn") // not a number
		code, body = postForm(t, e, "/paste?lang="+lang, form)
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("%s confirm: %d %.1500s", lang, code, body)
		}
		mustContain(t, body, `<a href="#plan-1">`, `<td>`+name+`</td>`, `<tr id="plan-1" class="row-error">`, "mười nghìn")
		if strings.Contains(body, "<td>201</td>") {
			t.Errorf("%s: the problem names import row 201:\n%s", lang, body)
		}
	}
	obs, err := e.db.Observations(context.Background(), storage.ObservationFilter{Unit: "cai-rang", Indicator: "budget_revenue"})
	if err != nil || len(obs) != 0 {
		t.Errorf("a refused confirm stored figures: %+v, %v", obs, err)
	}
}
