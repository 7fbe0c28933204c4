package dashboards

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/plantrack/plantrack/dashboards/web"
	"github.com/plantrack/plantrack/storage"
)

// TestOversizedUploadSaysSo (issue 17): an upload page body over the limit,
// sent without a length, is answered 413 with "too large" in the page's
// language, not "no file chosen".
func TestOversizedUploadSaysSo(t *testing.T) {
	f := newFixture(t, nil)
	cfg := DefaultConfig()
	cfg.MaxBodyBytes = 1 << 20
	s, err := New(cfg, Deps{DB: f.db, Collector: f.col, Registry: prometheus.NewRegistry(), Logger: newTestLogger(io.Discard)})
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"en": "too large: one upload takes at most 1 MB", "vi": "Tệp quá lớn"} {
		body := "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\nunit,indicator,period,value\n" +
			strings.Repeat("can-tho,exports,2018-M01,1\n", 2<<20/27) + "\r\n--x--\r\n"
		req := httptest.NewRequest(http.MethodPost, "/upload?lang="+lang, strings.NewReader(body))
		req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		req.Header.Set("Authorization", "Bearer "+f.admin)
		req.ContentLength = -1
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("%s: %d, want 413 saying %q", lang, rec.Code, want)
		}
	}
}

// sqliteFull stands in for the driver's SQLITE_FULL error.
type sqliteFull struct{}

func (sqliteFull) Error() string { return "database or disk is full (13)" }
func (sqliteFull) Code() int     { return 13 }

// TestDiskFullIsSaid (issue 17): a write that runs out of disk is answered
// 507 with a sentence saying so, not a bare "internal error".
func TestDiskFullIsSaid(t *testing.T) {
	e, internal := asUserError(fmt.Errorf("import json: commit: %w", sqliteFull{}))
	if internal || e.Code != storage.CodeDiskFull || web.HTTPStatus(e.Code) != http.StatusInsufficientStorage ||
		!strings.Contains(e.Message, "disk is full") {
		t.Fatalf("%+v internal=%v", e, internal)
	}
}
