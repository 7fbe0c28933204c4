package dashboards

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/plantrack/plantrack/storage"
)

// countingBody is an endless request body — prefix, then spaces — that
// counts what is read from it.
type countingBody struct {
	prefix string
	n      atomic.Int64
}

func (c *countingBody) Read(p []byte) (int, error) {
	k := copy(p, c.prefix)
	c.prefix = c.prefix[k:]
	for i := k; i < len(p); i++ {
		p[i] = ' '
	}
	c.n.Add(int64(len(p)))
	return len(p), nil
}

func (c *countingBody) Close() error { return nil }

// TestBodyLimitReadsNoMoreThanTheLimit sends bodies far over the limit to
// every writing route, straight into the handler with a body that counts
// the bytes taken from it: a declared length over the limit is refused
// with 413 before one byte is read; an undeclared one is read no further
// than the limit (plus the one byte that proves it is over) and refused
// (413 from the API).
func TestBodyLimitReadsNoMoreThanTheLimit(t *testing.T) {
	const limit = 4096
	f := newFixture(t, nil)
	cfg := DefaultConfig()
	cfg.MaxBodyBytes = limit
	s, err := New(cfg, Deps{DB: f.db, Collector: f.col, Registry: prometheus.NewRegistry(), Logger: newTestLogger(io.Discard)})
	if err != nil {
		t.Fatal(err)
	}
	for _, route := range []struct{ path, ct string }{
		{"/api/v1/observations", "application/json"},
		{"/api/v1/plans", "application/json"},
		{"/api/v1/import", "multipart/form-data; boundary=x"},
		{"/entry", "application/x-www-form-urlencoded"},
		{"/paste", "application/x-www-form-urlencoded"},
		{"/upload", "multipart/form-data; boundary=x"},
		{"/login", "application/x-www-form-urlencoded"},
	} {
		for _, declared := range []bool{true, false} {
			body := &countingBody{}
			if strings.HasPrefix(route.ct, "multipart/") {
				body.prefix = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\nunit,indicator,period,value\n"
			}
			req := httptest.NewRequest(http.MethodPost, route.path, body)
			req.Header.Set("Content-Type", route.ct)
			req.Header.Set("Authorization", "Bearer "+f.admin)
			req.ContentLength = -1
			if declared {
				req.ContentLength = 1 << 30
			}
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			read := body.n.Load()
			switch {
			case declared && (read != 0 || rec.Code != http.StatusRequestEntityTooLarge):
				t.Errorf("%s with Content-Length 1 GiB: status %d after reading %d bytes; want 413 before reading", route.path, rec.Code, read)
			case !declared && read > limit+1:
				t.Errorf("%s, chunked: read %d bytes of the body, limit %d", route.path, read, limit)
			case !declared && rec.Code != http.StatusRequestEntityTooLarge && strings.HasPrefix(route.path, "/api/"):
				t.Errorf("%s, chunked over the limit: status %d, want 413: %s", route.path, rec.Code, rec.Body)
			case !declared && rec.Code < 400:
				t.Errorf("%s, chunked over the limit: status %d", route.path, rec.Code)
			}
		}
	}
}

// TestConcurrentImportsSerialise sends eight imports at once — four
// distinct files, and four copies of one file — through the API: every
// request ends 200 (SQLite serialises the writers within the busy
// timeout), the distinct files are stored whole, and the copies store their
// rows exactly once (one import new, the others unchanged).
func TestConcurrentImportsSerialise(t *testing.T) {
	f := newFixture(t, nil)
	const rows = 300
	file := func(ind string) string {
		var b strings.Builder
		b.WriteString("unit,indicator,period,value\n")
		for i := 0; i < rows; i++ {
			fmt.Fprintf(&b, "sample-a,%s,%d-M%02d,%d\n", ind, 1990+i/12, i%12+1, i+1)
		}
		return b.String()
	}
	type result struct {
		status int
		New    int `json:"new"`
		Same   int `json:"unchanged"`
		body   string
	}
	inds := []string{"exports", "imports", "budget_revenue", "retail_sales", "tourist_arrivals", "tourist_arrivals", "tourist_arrivals", "tourist_arrivals"}
	results := make([]result, len(inds))
	var wg sync.WaitGroup
	for i, ind := range inds {
		wg.Go(func() {
			body, ct := multipartBody(t, ind+".csv", file(ind))
			req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/api/v1/import", body)
			req.Header.Set("Content-Type", ct)
			req.Header.Set("Authorization", "Bearer "+f.admin)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				results[i].body = err.Error()
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			results[i].status, results[i].body = resp.StatusCode, string(b)
			json.Unmarshal(b, &results[i])
		})
	}
	wg.Wait()
	copiesNew := 0
	for i, r := range results {
		if r.status != http.StatusOK || r.New+r.Same != rows {
			t.Fatalf("import %d (%s): %d %s", i, inds[i], r.status, r.body)
		}
		if inds[i] == "tourist_arrivals" {
			copiesNew += r.New
		} else if r.New != rows {
			t.Errorf("import %d (%s): %d new, want %d", i, inds[i], r.New, rows)
		}
	}
	if copiesNew != rows {
		t.Errorf("four copies of one file stored %d rows in total, want %d once", copiesNew, rows)
	}
	obs, err := f.db.Observations(t.Context(), storage.ObservationFilter{Unit: "sample-a", History: true})
	if err != nil || len(obs) != 5*rows+1 {
		t.Fatalf("sample-a has %d revisions, want %d: %v", len(obs), 5*rows+1, err)
	}
}

// TestUploadPageRowCap uploads a file over the HTTP row cap through the
// upload page, as the API refuses it: the page refuses it too, nothing
// is stored.
func TestUploadPageRowCap(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.MaxImportRows = 2 })
	c := f.login(f.admin)
	csv := "unit,indicator,period,value\ncai-rang,exports,2018-M01,1\ncai-rang,exports,2018-M02,2\ncai-rang,exports,2018-M03,3\n"
	body, ct := multipartBody(t, "three.csv", csv)
	resp, b := f.do(http.MethodPost, "/upload?lang=en", body, "Cookie", c.Name+"="+c.Value, "Content-Type", ct,
		"Sec-Fetch-Site", "same-origin", "Origin", f.srv.URL)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "more than 2 rows") || f.count("cai-rang") != 2 {
		t.Fatalf("upload page over the row cap: %d, cai-rang has %d observations: %.300s", resp.StatusCode, f.count("cai-rang"), b)
	}
}
