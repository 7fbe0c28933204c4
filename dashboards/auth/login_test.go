package auth

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestLoginPageSwitchesLanguageAndReturns: /login is in the asked (or
// remembered) language, offers the other language keeping where to
// return, and links back to the page the user came from — only a
// same-site path; a foreign next gives no back link and returns home.
func TestLoginPageSwitchesLanguageAndReturns(t *testing.T) {
	m, _ := newTestManager(t, newClock(), time.Hour)
	get := func(target string, cookie *http.Cookie) string {
		t.Helper()
		req := httptest.NewRequest(http.MethodGet, target, nil)
		if cookie != nil {
			req.AddCookie(cookie)
		}
		rec := httptest.NewRecorder()
		m.HandleLoginPage(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		return rec.Body.String()
	}
	vi := get("/login?next=%2Fentry%3Flang%3Dvi&lang=vi", nil)
	for _, want := range []string{`<html lang="vi">`, "<h1>Đăng nhập</h1>", "Mã truy cập",
		`href="/login?lang=en&amp;next=%2Fentry%3Flang%3Dvi" hreflang="en"`, // the switch keeps next
		`<a href="/entry?lang=vi">← Quay lại trang trước</a>`,
		`name="next" value="/entry?lang=vi"`} {
		if !strings.Contains(vi, want) {
			t.Errorf("vi login lacks %q", want)
		}
	}
	for _, english := range []string{"Sign in", "Access token", "Back to"} {
		if strings.Contains(vi, english) {
			t.Errorf("the Vietnamese login page says %q", english)
		}
	}
	en := get("/login?next=%2Fentry", &http.Cookie{Name: langCookie, Value: "en"}) // remembered language
	for _, want := range []string{`<html lang="en">`, "<h1>Sign in</h1>", `hreflang="vi"`, `<a href="/entry?lang=en">← Back to the page you came from</a>`} {
		if !strings.Contains(en, want) {
			t.Errorf("en login lacks %q:\n%s", want, en)
		}
	}
	evil := get("/login?next=%2F%2Fevil.example%2F&lang=vi", nil)
	if strings.Contains(evil, "evil.example") || strings.Contains(evil, "Quay lại trang trước") {
		t.Error("a foreign next is offered as the way back")
	}
}
