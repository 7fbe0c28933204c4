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

// TestBehindSaysTargetAndGap: on the demo province (2024), health-insurance
// coverage is 92,9% against a plan of 93,2%: behind by 93,2 − 92,9 = 0,3
// points; budget revenue is at 92,4% of its plan where the pace expects
// 100%: short by 7,6 points. The home page says each with its target.
// Cần Thơ's IIP reports only its growth (+7,35%): that is its big number;
// indicators without a plan say "chưa có kế hoạch" (five of Cần Thơ's ten).
func TestBehindSaysTargetAndGap(t *testing.T) {
	e := newDemoEnv(t)
	_, body, _ := e.get(t, "/?lang=vi")
	mustContain(t, body, "<td class=\"num\">KH 93,2%</td><td class=\"num delta-neg\">thiếu 0,3 điểm %</td>",
		"cần đạt 100,0%", "thiếu 7,6 điểm %")
	_, body, _ = e.get(t, "/units/can-tho?period=2018-H1&lang=vi")
	mustContain(t, body, `<span class="num">&#43;7,35%</span><span class="card-unit">so cùng kỳ</span>`,
		`<span class="pace pace-unknown">chưa có kế hoạch</span>`, "5 chưa có kế hoạch")
	_, body, _ = e.get(t, "/units/demo-province?lang=en")
	mustContain(t, body, "<strong>Plan 93.2%</strong> · <span class=\"delta-neg\">0.3 pct. points short</span>")
}

// TestReportColumns: the Cần Thơ 2018-H1 report in an office's columns.
// Retail sales: plan implied from 53,7% (63.135 ÷ 0,537 = 117.569,8, marked
// †), 63.135 estimated, So KH 53,7; the IIP reports only its growth, +7,35%,
// so its value cell is "–" and So cùng kỳ is 100 + 7,35 = 107,35, shown 107,4 (one
// decimal); "Số liệu tính đến 11/06/2018" is the report date of the
// figures, and a print button is there.
func TestReportColumns(t *testing.T) {
	e := newDemoEnv(t)
	_, body, _ := e.get(t, "/units/can-tho/report?period=2018-H1&lang=vi")
	mustContain(t, body, ">KH năm<", ">Thực hiện/Ước thực hiện kỳ<", ">So KH (%)<", ">So cùng kỳ (%)<", ">ĐVT<",
		"Số liệu tính đến <strong>11/06/2018</strong>", `data-print>In báo cáo</button>`, "Ngày in:",
		`<td class="num">117.569,8<sup>†</sup></td>`, `<td class="num">63.135 <small class="muted">(ước)</small></td>`,
		`<td class="num">53,7</td>`, `<td class="num">–</td>
<td class="num">–</td>
<td class="num">107,4</td>`)
}
