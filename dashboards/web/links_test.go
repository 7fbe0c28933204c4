package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// laterRevision stores an official Cần Thơ retail sales figure for H1 2018,
// reported after the seed's estimate, so that as_of changes what pages show.
func laterRevision(t *testing.T, e *testEnv) {
	t.Helper()
	o := storage.Observation{Unit: "can-tho", Indicator: "retail_sales", Period: storage.MustParsePeriod("2018-H1"),
		Value: f64(64000), ReportStatus: storage.StatusOfficial, ReportedAt: "2018-07-20", Source: "Cục Thống kê"}
	if _, err := e.db.Write(context.Background(), storage.Batch{Observations: []storage.Observation{o}},
		storage.Provenance{Via: "api", RecordedAt: time.Date(2018, 7, 20, 3, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
}

var hrefRe = regexp.MustCompile(`href="(/[^"]*)"`)

// pageLinks are the internal page links of a body (not assets, not login).
func pageLinks(t *testing.T, body string) []*url.URL {
	t.Helper()
	var out []*url.URL
	for _, m := range hrefRe.FindAllStringSubmatch(body, -1) {
		u, err := url.Parse(htmlUnescape(m[1]))
		if err != nil {
			t.Fatalf("bad link %q: %v", m[1], err)
		}
		if strings.HasPrefix(u.Path, "/assets/") || u.Path == "/login" {
			continue
		}
		out = append(out, u)
	}
	return out
}

func TestLinksKeepAsOfAndLanguage(t *testing.T) {
	e := newTestEnv(t)
	laterRevision(t, e)
	pages := []string{"/", "/units", "/units/can-tho?period=2018-H1", "/units/can-tho/report?period=2018-H1",
		"/units/can-tho/indicators/retail_sales?period=2018-H1", "/compare/periods?unit=can-tho&a=2018-H1&b=2017-H1",
		"/compare/units?parent=can-tho&indicator=retail_sales&period=2018-H1", "/quality"}
	for _, pg := range pages {
		target := pg + sep(pg) + "as_of=2018-06-30&lang=en"
		code, body, _ := e.get(t, target)
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", target, code)
		}
		links := pageLinks(t, body)
		if len(links) < 5 {
			t.Fatalf("%s: only %d links", target, len(links))
		}
		switches := 0
		for _, u := range links {
			q := u.Query()
			switch {
			case q.Get("lang") == "vi":
				switches++ // the language switch
			case q.Get("lang") != "en" && q.Get("format") == "":
				t.Errorf("%s: link %s lost the language", target, u)
			}
			if q.Get("as_of") != "2018-06-30" && !isNowLink(u) {
				t.Errorf("%s: link %s lost as_of", target, u)
			}
		}
		if switches != 1 {
			t.Errorf("%s: %d links to Vietnamese, want only the language switch", target, switches)
		}
		mustContain(t, body, "as reported up to 30 Jun 2018")
		for _, form := range regexp.MustCompile(`(?s)<form class="inline-form" method="get".*?</form>`).FindAllString(body, -1) {
			if !strings.Contains(form, `name="as_of" value="2018-06-30"`) || !strings.Contains(form, `name="lang" value="en"`) {
				t.Errorf("%s: a picker form drops as_of or lang: %.300s", target, form)
			}
		}
	}
}

// isNowLink is the banner's "see the latest figures" link: the same page
// without as_of.
func isNowLink(u *url.URL) bool { return !u.Query().Has("as_of") }

func sep(p string) string {
	if strings.Contains(p, "?") {
		return "&"
	}
	return "?"
}

func TestAsOfShowsThePastAndItsLinksStayThere(t *testing.T) {
	e := newTestEnv(t)
	laterRevision(t, e)
	_, now, _ := e.get(t, "/units/can-tho?period=2018-H1&lang=en")
	mustContain(t, now, "64,000")
	if strings.Contains(now, "as_of=") {
		t.Error("a page without as_of puts as_of in its links")
	}
	_, past, _ := e.get(t, "/units/can-tho?period=2018-H1&lang=en&as_of=2018-06-30")
	mustContain(t, past, "63,135")
	if strings.Contains(past, ">64,000<") {
		t.Error("as_of 2018-06-30 still shows the July revision")
	}
	// Follow the retail sales card: the indicator page keeps the point in time.
	var card *url.URL
	for _, u := range pageLinks(t, past) {
		if strings.HasSuffix(u.Path, "/indicators/retail_sales") {
			card = u
		}
	}
	if card == nil {
		t.Fatal("no link to the retail sales detail")
	}
	_, detail, _ := e.get(t, card.String())
	if strings.Contains(detail, "64,000") || strings.Contains(detail, "Cục Thống kê") {
		t.Errorf("the linked detail page %s shows the later revision", card)
	}
	mustContain(t, detail, "63,135")
	code, body, _ := e.get(t, "/units/can-tho?as_of=30/06/2018&lang=en")
	if code != http.StatusBadRequest || !strings.Contains(body, "YYYY-MM-DD") {
		t.Errorf("a malformed as_of: status %d, want 400 saying the format", code)
	}
}
