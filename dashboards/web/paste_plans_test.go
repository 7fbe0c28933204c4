package web

import (
	"net/http"
	"net/url"
	"testing"
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
