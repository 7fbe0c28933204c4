package dashboards

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

const jsonCT = "application/json"

func batchJSON(unit, period, value string) string {
	return `{"observations":[{"unit":"` + unit + `","indicator":"exports","period":"` + period +
		`","value":` + value + `,"reported_at":"2018-07-01"}]}`
}

// count returns how many current observations unit has.
func (f *fixture) count(unit string) int {
	f.t.Helper()
	obs, err := f.db.Observations(context.Background(), storage.ObservationFilter{Unit: unit})
	if err != nil {
		f.t.Fatal(err)
	}
	return len(obs)
}

func TestWriteAuthMatrix(t *testing.T) {
	f := newFixture(t, nil)
	cases := []struct {
		name   string
		hdr    []string
		unit   string
		status int
		code   string
	}{
		{"no token", nil, "ninh-kieu", http.StatusUnauthorized, storage.CodeUnauthorized},
		{"bad token", bearer("not-a-token"), "ninh-kieu", http.StatusUnauthorized, storage.CodeUnauthorized},
		{"not bearer", []string{"Authorization", "Basic YTpi"}, "ninh-kieu", http.StatusUnauthorized, storage.CodeUnauthorized},
		{"revoked", bearer(f.revoked), "ninh-kieu", http.StatusUnauthorized, storage.CodeUnauthorized},
		{"reporter out of scope", bearer(f.reporter), "cai-rang", http.StatusForbidden, storage.CodeForbidden},
		{"reporter above scope", bearer(f.reporter), "can-tho", http.StatusForbidden, storage.CodeForbidden},
		{"reporter in scope", bearer(f.reporter), "ninh-kieu", http.StatusOK, ""},
		{"admin", bearer(f.admin), "cai-rang", http.StatusOK, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.count(c.unit)
			for _, path := range []string{"/api/v1/observations", "/api/v1/plans"} {
				hdr := append([]string{"Content-Type", jsonCT}, c.hdr...)
				resp, b := f.do(http.MethodPost, path, strings.NewReader(batchJSON(c.unit, "2018-Q3", "500")), hdr...)
				if c.code != "" {
					f.wantError(resp, b, c.status, c.code)
					if c.status == http.StatusUnauthorized && resp.Header.Get("WWW-Authenticate") == "" {
						t.Errorf("401 without WWW-Authenticate")
					}
					continue
				}
				var rep importView
				f.expect(resp, b, c.status, &rep)
				want := 1
				if path == "/api/v1/plans" {
					want = 0 // the same figure again
				}
				if rep.New != want {
					t.Errorf("%s: %+v, want %d new", path, rep, want)
				}
			}
			after := f.count(c.unit)
			if c.code != "" && after != before {
				t.Errorf("refused write stored something: %d → %d", before, after)
			}
			if c.code == "" && after != before+1 {
				t.Errorf("write stored %d observations, want 1", after-before)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	f := newFixture(t, nil)
	post := func(body string, hdr ...string) (*http.Response, []byte) {
		hdr = append(append([]string{}, bearer(f.admin)...), hdr...)
		return f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(body), hdr...)
	}
	before := f.count("can-tho")
	resp, b := post(`{"observations":[`, "Content-Type", jsonCT)
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid)
	resp, b = post(batchJSON("can-tho", "2018-Q3", "1"), "Content-Type", "text/plain")
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "application/json")
	resp, b = post(`{"observations":[{"unit":"can-tho","indicator":"no_such_thing","period":"2018-Q3","value":1}]}`)
	e := f.wantError(resp, b, http.StatusUnprocessableEntity, storage.CodeValidation)
	if len(e.Error.Details) == 0 || e.Error.Details[0].Field == "" {
		t.Errorf("422 details do not name the field: %+v", e.Error.Details)
	}
	twice := `{"observations":[` +
		`{"unit":"can-tho","indicator":"exports","period":"2018-Q3","value":1},` +
		`{"unit":"can-tho","indicator":"exports","period":"2018-Q3","value":2}]}`
	resp, b = post(twice)
	f.wantError(resp, b, http.StatusConflict, storage.CodeConflict)
	resp, b = post(batchJSON("can-tho", "2018-Q3", "1"), "X-Ignored", "1")
	f.expect(resp, b, http.StatusOK, nil)
	resp, b = f.do(http.MethodPost, "/api/v1/observations?dry_run=true",
		strings.NewReader(batchJSON("can-tho", "2018-Q4", "7")), bearer(f.admin)...)
	var rep importView
	f.expect(resp, b, http.StatusOK, &rep)
	if !rep.DryRun || rep.New != 1 || len(rep.Preview) != 1 {
		t.Errorf("dry run = %+v", rep)
	}
	if got := f.count("can-tho"); got != before+1 {
		t.Errorf("after refused batches, one good one and a dry run: %d observations, want %d", got, before+1)
	}
}

func multipartBody(t *testing.T, fileName, content string, fields ...string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for i := 0; i+1 < len(fields); i += 2 {
		if err := mw.WriteField(fields[i], fields[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if fileName != "" {
		fw, err := mw.CreateFormFile("file", fileName)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(content))
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func TestImportUpload(t *testing.T) {
	f := newFixture(t, nil)
	csv := "unit,indicator,period,value,reported_at\ncai-rang,budget_revenue,2018-H1,\"1.234,5\",2018-07-02\n"
	upload := func(name, content string, fields ...string) (*http.Response, []byte) {
		body, ct := multipartBody(t, name, content, fields...)
		return f.do(http.MethodPost, "/api/v1/import", body, append([]string{"Content-Type", ct}, bearer(f.admin)...)...)
	}
	var rep importView
	resp, b := upload("report.csv", csv, "locale", "vi", "dry_run", "true")
	f.expect(resp, b, http.StatusOK, &rep)
	if !rep.DryRun || rep.New != 1 || rep.Format != "csv" {
		t.Fatalf("dry run = %+v", rep)
	}
	resp, b = upload("report.csv", csv, "locale", "vi")
	f.expect(resp, b, http.StatusOK, &rep)
	if rep.New != 1 || rep.FileName != "report.csv" {
		t.Fatalf("import = %+v", rep)
	}
	obs, err := f.db.Observations(context.Background(), storage.ObservationFilter{Unit: "cai-rang", Indicator: "budget_revenue", History: true})
	if err != nil || len(obs) != 1 || *obs[0].Value != 1234.5 || obs[0].Provenance.TokenName != "admin-1" ||
		obs[0].Provenance.FileName != "report.csv" {
		t.Fatalf("stored = %+v, %v", obs, err)
	}
	resp, b = upload("report.csv", csv, "locale", "vi")
	f.expect(resp, b, http.StatusOK, &rep)
	if rep.New != 0 || rep.Unchanged != 1 {
		t.Fatalf("re-import = %+v, want 0 new 1 unchanged", rep)
	}
	resp, b = upload("report.txt", csv)
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "report.txt")
	resp, b = upload("report.csv", csv, "locale", "fr")
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "fr")
	resp, b = upload("", "", "locale", "vi")
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "file")
	resp, b = f.do(http.MethodPost, "/api/v1/import", strings.NewReader("x"), bearer(f.admin)...)
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "multipart")
	bad := "unit,indicator,period,value\ncai-rang,exports,2018-H1,5\ncai-rang,exports,2018-H9,6\n"
	before := f.count("cai-rang")
	resp, b = upload("bad.csv", bad)
	e := f.wantError(resp, b, http.StatusUnprocessableEntity, storage.CodeValidation)
	if len(e.Error.Details) == 0 || e.Error.Details[0].Row != 3 || e.Error.Details[0].Field != "period" {
		t.Errorf("details should name line 3, field period: %+v", e.Error.Details)
	}
	if f.count("cai-rang") != before {
		t.Errorf("the bad file stored something")
	}
	body, ct := multipartBody(t, "r.csv", csv)
	resp, b = f.do(http.MethodPost, "/api/v1/import", body, "Content-Type", ct)
	f.wantError(resp, b, http.StatusUnauthorized, storage.CodeUnauthorized)
}

func TestImportRowCap(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.MaxImportRows = 2 })
	csv := "unit,indicator,period,value\ncai-rang,exports,2018-M01,1\ncai-rang,exports,2018-M02,2\ncai-rang,exports,2018-M03,3\n"
	body, ct := multipartBody(t, "three.csv", csv)
	resp, b := f.do(http.MethodPost, "/api/v1/import", body, append([]string{"Content-Type", ct}, bearer(f.admin)...)...)
	f.wantError(resp, b, http.StatusRequestEntityTooLarge, storage.CodeTooLarge)
}
