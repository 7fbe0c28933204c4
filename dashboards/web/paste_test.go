package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/collector/extract"
	"github.com/plantrack/plantrack/storage"
)

// seedText reads the seed article from ../shared/seeds relative to the repo root.
func seedText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "000_5cad84daca20acc2.txt"))
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	return string(b)
}

func postForm(t *testing.T, e *testEnv, target string, f url.Values) (int, string) {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(f.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	code, body, _ := e.do(t, asWriter(r))
	return code, body
}

func TestPasteHighlightsFiguresAndImportsTheConfirmedRows(t *testing.T) {
	e := newTestEnv(t)
	text := seedText(t)
	code, body := postForm(t, e, "/paste?lang=vi", url.Values{"step": {"extract"}, "unit": {"cai-rang"},
		"date": {"2018-06-11"}, "source": {"Báo Cần Thơ (CTO), 11/06/2018"}, "text": {text}})
	if code != http.StatusOK {
		t.Fatalf("extract: status %d: %.500s", code, body)
	}
	mustContain(t, body, "<mark", "63.135", `name="count"`, `value="retail_sales" selected`)
	// Resubmit the editable table as the browser would: every kept row.
	form := url.Values{"step": {"confirm"}, "unit": {"cai-rang"}, "date": {"2018-06-11"},
		"source": {"Báo Cần Thơ (CTO), 11/06/2018"}, "text": {text}}
	re := regexp.MustCompile(`<(?:input|select)[^>]*name="([a-z_]+_\d+|count)"[^>]*>`)
	val := regexp.MustCompile(`value="([^"]*)"`)
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		tag, name := m[0], m[1]
		switch {
		case strings.HasPrefix(tag, "<select"):
			continue // selected options below
		case strings.Contains(tag, `type="checkbox"`):
			if strings.Contains(tag, "checked") {
				form.Set(name, "1")
			}
		default:
			if v := val.FindStringSubmatch(tag); v != nil {
				form.Set(name, htmlUnescape(v[1]))
			}
		}
	}
	// Selects, the period pickers' span and year among them.
	sel := regexp.MustCompile(`(?s)<select[^>]*name="((?:indicator|status)_\d+|period_\d+_(?:span|year))"[^>]*>(.*?)</select>`)
	opt := regexp.MustCompile(`<option value="([^"]*)" selected>`)
	for _, m := range sel.FindAllStringSubmatch(body, -1) {
		if o := opt.FindStringSubmatch(m[2]); o != nil {
			form.Set(m[1], o[1])
		}
	}
	code, body = postForm(t, e, "/paste?lang=vi", form)
	if code != http.StatusOK {
		t.Fatalf("confirm: status %d: %.1500s", code, body)
	}
	mustContain(t, body, "Đã lưu")
	obs, err := e.db.Observations(context.Background(), storage.ObservationFilter{Unit: "cai-rang", Indicator: "retail_sales",
		From: storage.MustParsePeriod("2018-H1"), To: storage.MustParsePeriod("2018-H1")})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range obs {
		if o.Period.String() == "2018-H1" && o.Value != nil && *o.Value == 63135 {
			found = true
		}
	}
	if !found {
		t.Errorf("the confirmed retail sales figure was not stored: %+v", obs)
	}
	// The stored revision says it came from pasted text, by whom, when it
	// was reported, and keeps the sentence it was read from.
	revs, err := e.db.Revisions(context.Background(), "cai-rang", "retail_sales", storage.MustParsePeriod("2018-H1"))
	if err != nil || len(revs) == 0 {
		t.Fatalf("revisions: %v, %d", err, len(revs))
	}
	last := revs[len(revs)-1]
	if last.Provenance == nil || last.Provenance.Via != "text" || last.Provenance.TokenName != "test-admin" {
		t.Errorf("provenance = %+v, want via text by test-admin", last.Provenance)
	}
	if !strings.Contains(last.Quote, "63.135") || !strings.Contains(text, last.Quote) {
		t.Errorf("quote = %q, want the seed's sentence holding 63.135", last.Quote)
	}
	if last.ReportedAt != "2018-06-11" || last.Source != "Báo Cần Thơ (CTO), 11/06/2018" {
		t.Errorf("reported %q, source %q; want the pasted date and source", last.ReportedAt, last.Source)
	}
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&#34;", `"`, "&quot;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

func TestUnrecognisedNumbersShowTheirContext(t *testing.T) {
	text := "Quán triệt Nghị quyết Trung ương 7 nghiêm túc, chất lượng và hiệu quả cao."
	start := strings.Index(text, "7")
	got := inContext(text, extract.Span{Text: "7", Start: start, End: start + 1})
	if want := "…triệt Nghị quyết Trung ương «7» nghiêm túc, chất lượng và…"; got != want {
		t.Errorf("context = %q, want %q", got, want)
	}
	if got := inContext("(7)", extract.Span{Text: "7", Start: 1, End: 2}); got != "(«7»)" {
		t.Errorf("glued context = %q", got)
	}
	if got := inContext("ab", extract.Span{Text: "9", Start: 5, End: 6}); got != "«9»" {
		t.Errorf("out of range = %q", got)
	}
}
