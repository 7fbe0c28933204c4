package dashboards

import (
	"database/sql"
	"net/http"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// takeover is issue 17's first attack: the ninh-kieu reporter re-declares
// its parent can-tho below itself, then writes can-tho's figures.
const takeover = `{"units":[{"code":"can-tho","name_vi":"Của tôi","parent":"ninh-kieu"}],
 "observations":[{"unit":"can-tho","indicator":"exports","period":"2018-Q3","value":1,"reported_at":"2018-10-01"}]}`

// TestReporterCannotTakeOverUnits sends the takeover through every write
// path a reporter has — the JSON API, a JSON file to /api/v1/import and to
// the /upload page — and expects 403 with can-tho unmoved and unchanged.
func TestReporterCannotTakeOverUnits(t *testing.T) {
	f := newFixture(t, nil)
	cookie := f.login(f.reporter)
	body, ct := multipartBody(t, "takeover.json", takeover)
	page, pct := multipartBody(t, "takeover.json", takeover)
	for _, tc := range []struct {
		path string
		body *strings.Reader
		hdr  []string
	}{
		{"/api/v1/observations", strings.NewReader(takeover), append([]string{"Content-Type", jsonCT}, bearer(f.reporter)...)},
		{"/api/v1/import", strings.NewReader(body.String()), append([]string{"Content-Type", ct}, bearer(f.reporter)...)},
		{"/upload", strings.NewReader(page.String()), []string{"Content-Type", pct, "Cookie", cookie.Name + "=" + cookie.Value}},
	} {
		before := f.count("can-tho")
		resp, b := f.do(http.MethodPost, tc.path, tc.body, tc.hdr...)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d, want 403: %.300s", tc.path, resp.StatusCode, b)
		}
		if f.count("can-tho") != before {
			t.Errorf("%s: can-tho's figures changed", tc.path)
		}
		var u struct{ Unit unitView }
		f.get("/api/v1/units/can-tho", http.StatusOK, &u)
		if u.Unit.Parent != "" || u.Unit.NameVI == "Của tôi" {
			t.Fatalf("%s: can-tho was taken over: %+v", tc.path, u.Unit)
		}
	}
}

// TestScopeDatabaseErrorIsInternal: when the database fails while a
// reporter's scope is decided, the answer is 500 "internal error", never a
// 403 that would blame the writer.
func TestScopeDatabaseErrorIsInternal(t *testing.T) {
	f := newFixture(t, nil)
	raw, err := sql.Open("sqlite", f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// The scope reads units; without the table every lookup fails.
	if _, err := raw.Exec(`ALTER TABLE units RENAME TO units_gone`); err != nil {
		t.Fatal(err)
	}
	resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(batchJSON("ninh-kieu", "2018-Q3", "5")),
		append([]string{"Content-Type", jsonCT}, bearer(f.reporter)...)...)
	f.wantError(resp, b, http.StatusInternalServerError, storage.CodeInternal)
	if !strings.Contains(f.logs.String(), "scope of unit ninh-kieu") {
		t.Errorf("the 500 did not come from the scope's lookup:\n%s", f.logs)
	}
}
