package dashboards

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestAPIErrorsSpeakEnglishUnlessAskedForVietnamese: the same refused batch
// answers with the same code, rows and fields in every language; its
// message and reasons are English by default (and for en), Vietnamese for
// ?lang=vi or an Accept-Language that prefers Vietnamese.
func TestAPIErrorsSpeakEnglishUnlessAskedForVietnamese(t *testing.T) {
	f := newFixture(t, nil)
	bad := `{"observations":[{"unit":"can-tho","indicator":"exports","period":"2018-H7","value":1}]}`
	post := func(path string, hdr ...string) apiError {
		hdr = append(append([]string{"Content-Type", jsonCT}, bearer(f.admin)...), hdr...)
		resp, b := f.do(http.MethodPost, path, strings.NewReader(bad), hdr...)
		return f.wantError(resp, b, http.StatusUnprocessableEntity, storage.CodeValidation)
	}
	en := post("/api/v1/observations")
	enUS := post("/api/v1/observations", "Accept-Language", "en-US,en;q=0.9,vi;q=0.5")
	vi := post("/api/v1/observations?lang=vi")
	viHdr := post("/api/v1/observations", "Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5")
	for _, e := range []apiError{en, enUS} {
		if !strings.Contains(e.Error.Message, "problem(s)") || !strings.Contains(e.Error.Details[0].Reason, "a half is H1 or H2") {
			t.Errorf("English answer: %+v", e.Error)
		}
	}
	for _, e := range []apiError{vi, viHdr} {
		if !strings.Contains(e.Error.Message, "lỗi ở 1 dòng; chưa lưu gì") || !strings.Contains(e.Error.Details[0].Reason, "6 tháng ghi là H1 hoặc H2") {
			t.Errorf("Vietnamese answer: %+v", e.Error)
		}
	}
	for _, e := range []apiError{enUS, vi, viHdr} {
		if e.Error.Code != en.Error.Code || len(e.Error.Details) != len(en.Error.Details) ||
			e.Error.Details[0].Field != "period" || e.Error.Details[0].Row != en.Error.Details[0].Row {
			t.Errorf("machine fields differ by language: %+v vs %+v", e.Error, en.Error)
		}
	}
	// Any other language is a bad parameter, named as such.
	resp, b := f.do(http.MethodGet, "/api/v1/units?lang=fr", nil)
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "lang")
}
