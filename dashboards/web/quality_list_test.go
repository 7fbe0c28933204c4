package web

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/demo"
	"github.com/plantrack/plantrack/storage"
)

// newDemoEnv is the pages on the demo data (the synthetic province has
// many flags).
func newDemoEnv(t *testing.T) *testEnv {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "plantrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	col := collector.New(db, nil)
	pages, err := New(Deps{DB: db, Collector: col})
	if err != nil {
		t.Fatal(err)
	}
	return &testEnv{db: db, col: col, pages: pages, mux: routes(pages)}
}

var periodCell = regexp.MustCompile(`<td>(tháng (\d+)/(\d{4})|năm (\d{4}))</td>`)

// TestQualityListFiltersSortsAndPages: the JSON download counts the flags
// (all of them, N, and K outliers); the page lists 50 a page with "Dòng
// 1–50 trên N", a chip per kind linking to ?flag=, K rows under
// ?flag=outlier, periods newest first by default and oldest first under
// ?sort=oldest, and no page beyond the last (404).
func TestQualityListFiltersSortsAndPages(t *testing.T) {
	e := newDemoEnv(t)
	_, body, _ := e.get(t, "/quality?format=json")
	var all struct{ Flags []storage.Flag }
	if err := json.Unmarshal([]byte(body), &all); err != nil {
		t.Fatal(err)
	}
	n, k := len(all.Flags), 0
	for _, f := range all.Flags {
		if f.Code == storage.FlagOutlier {
			k++
		}
	}
	if n <= flagsPerPage || k == 0 || k == n {
		t.Fatalf("demo has %d flags, %d outliers: the test needs more than a page and two kinds", n, k)
	}
	_, body, _ = e.get(t, "/quality?lang=vi")
	mustContain(t, body, fmt.Sprintf("Dòng 1–50 trên %d · trang 1/%d", n, (n+49)/50), `href="/quality?flag=outlier&amp;lang=vi"`, `rel="next"`)
	if rows := strings.Count(body, `<td><span class="badge badge-flag">`); rows != flagsPerPage {
		t.Errorf("%d rows on page 1, want %d", rows, flagsPerPage)
	}
	_, body, _ = e.get(t, "/quality?flag=outlier&lang=vi")
	mustContain(t, body, fmt.Sprintf("trên %d", k))
	for _, order := range []string{"", "oldest"} {
		_, body, _ = e.get(t, "/quality?unit=demo-province&lang=vi&sort="+order)
		ms := periodCell.FindAllStringSubmatch(body, -1)
		if len(ms) < 2 {
			t.Fatalf("sort %q: %d period cells", order, len(ms))
		}
		key := func(m []string) string {
			if m[4] != "" {
				return m[4] + "-13"
			}
			return m[3] + fmt.Sprintf("-%02s", m[2])
		}
		first, last := key(ms[0]), key(ms[len(ms)-1])
		if (order == "" && first < last) || (order == "oldest" && first > last) {
			t.Errorf("sort %q: first period %s, last %s", order, first, last)
		}
	}
	if code, _, _ := e.get(t, "/quality?page=99"); code != 404 {
		t.Errorf("page 99: status %d, want 404", code)
	}
}

// TestOverviewSwitchesUnit: the overview offers every unit in a select
// that /units?go= turns into the chosen unit's overview, keeping period
// and language.
func TestOverviewSwitchesUnit(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/units/can-tho?period=2018-H1&lang=en")
	mustContain(t, body, `<select id="pick-unit" name="go">`, `<option value="can-tho" selected>`, `<option value="ninh-kieu">`,
		`<input type="hidden" name="period" value="2018-H1">`)
	code, _, hdr := e.get(t, "/units?go=ninh-kieu&period=2018-H1&lang=en")
	if code != 303 || hdr.Get("Location") != "/units/ninh-kieu?lang=en&period=2018-H1" {
		t.Errorf("switch: %d to %q", code, hdr.Get("Location"))
	}
}
