package web

import (
	"context"
	"encoding/json"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/dashboards/board"
	"github.com/plantrack/plantrack/storage"
)

// TestValuesUseTheBoardsDecimals: the pages format each measure with the
// decimals the shared dashboard definitions give it (as Grafana does).
func TestValuesUseTheBoardsDecimals(t *testing.T) {
	en := newLocale(langEN)
	for _, m := range board.Default().Measures {
		got := en.Value(f64(1234.56789), m.Code)
		frac := 0
		if i := strings.IndexByte(got, '.'); i >= 0 {
			frac = len(got) - i - 1
		}
		if frac != m.Decimals {
			t.Errorf("measure %s: %q has %d decimals, board says %d", m.Code, got, frac, m.Decimals)
		}
	}
	if got := newLocale(langVI).Value(f64(63135), "billion_vnd"); got != "63.135" {
		t.Errorf("vi billion_vnd = %q, want 63.135", got)
	}
}

// TestReportGroupsIndicatorsByBoardSection: the printable report lists the
// indicators under the board's section headings, in the board's order, and
// numbers them straight through.
func TestReportGroupsIndicatorsByBoardSection(t *testing.T) {
	e := newTestEnv(t)
	code, body, _ := e.get(t, "/units/can-tho/report?period=2018-H1&lang=en")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	at := func(s string) int {
		i := strings.Index(body, s)
		if i < 0 {
			t.Fatalf("report lacks %q", s)
		}
		return i
	}
	economy, budget, party := at(`scope="rowgroup">Economy<`), at(`scope="rowgroup">Budget and investment<`), at(`scope="rowgroup">Party work<`)
	if !(economy < budget && budget < party) {
		t.Errorf("sections out of the board's order: economy %d, budget %d, party %d", economy, budget, party)
	}
	if r := at("Retail sales of goods"); r < economy || r > budget {
		t.Error("retail sales is not under Economy")
	}
	if r := at("State budget revenue"); r < budget || r > party {
		t.Error("budget revenue is not under Budget and investment")
	}
	if r := at("New party members"); r < party {
		t.Error("new party members is not under Party work")
	}
	nums := regexp.MustCompile(`<tr>\s*<td class="num">(\d+)</td>`).FindAllStringSubmatch(body[economy:], -1)
	for i, m := range nums {
		if m[1] != strconv.Itoa(i+1) {
			t.Fatalf("row numbers %v do not run 1, 2, 3…", nums)
		}
	}
	if len(nums) != 5 { // the seed's five Cần Thơ indicators of H1 2018
		t.Errorf("%d numbered rows, want 5", len(nums))
	}
	_, ov, _ := e.get(t, "/units/can-tho?period=2018-H1&lang=vi")
	mustContain(t, ov, `<span class="card-section" title="Ngân sách và đầu tư">`)
}

// TestPeriodComparisonReadsInBoardOrder: the comparison's rows come under
// the board's section headings, and the chart lists them in the same order.
func TestPeriodComparisonReadsInBoardOrder(t *testing.T) {
	e := newTestEnv(t)
	// Outstanding credit is in the board's economy section but late in the
	// catalog, after the budget indicators.
	credit := storage.Observation{Unit: "can-tho", Indicator: "credit_outstanding", Period: storage.MustParsePeriod("2018-H1"),
		Value: f64(80000), ReportedPlanPercent: pct("48"), ReportedAt: "2018-06-11", Source: "test"}
	if _, err := e.db.Write(context.Background(), storage.Batch{Observations: []storage.Observation{credit}},
		storage.Provenance{Via: "api", RecordedAt: time.Date(2018, 6, 12, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	_, body, _ := e.get(t, "/compare/periods?unit=can-tho&a=2018-H1&b=2017-H1&lang=en")
	idx := func(s string) int {
		i := strings.Index(body, s)
		if i < 0 {
			t.Fatalf("page lacks %q", s)
		}
		return i
	}
	economy, budget, party := idx(`scope="rowgroup">Economy<`), idx(`scope="rowgroup">Budget and investment<`), idx(`scope="rowgroup">Party work<`)
	grdp, retail, creditRow := idx(`>Gross regional domestic product`), idx(`>Retail sales of goods`), idx(`>Outstanding credit`)
	revenue, members := idx(`>State budget revenue`), idx(`>New party members`)
	if !(economy < grdp && grdp < retail && retail < creditRow && creditRow < budget && budget < revenue && revenue < party && party < members) {
		t.Errorf("rows out of board order: economy %d grdp %d retail %d credit %d budget %d revenue %d party %d members %d",
			economy, grdp, retail, creditRow, budget, revenue, party, members)
	}
	if strings.Count(body, `scope="rowgroup">Economy<`) != 1 {
		t.Error("the economy section is split")
	}
	var opt struct {
		YAxis []struct{ Data []string } `json:"yAxis"`
	}
	chartOption(t, body, "chart-periods", &opt)
	names := opt.YAxis[0].Data
	if len(names) < 3 || !slices.IsSortedFunc(names, func(a, b string) int {
		return strings.Index(body[economy:], ">"+a) - strings.Index(body[economy:], ">"+b)
	}) {
		t.Errorf("chart rows %q are not in the table's order", names)
	}
}

// chartOption decodes the option JSON of the chart data block with the given id.
func chartOption(t *testing.T, body, id string, into any) {
	t.Helper()
	m := regexp.MustCompile(`(?s)data-chart-id="` + id + `"[^>]*>(.*?)</script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no chart %s", id)
	}
	if err := json.Unmarshal([]byte(m[1]), into); err != nil {
		t.Fatalf("chart %s: %v", id, err)
	}
}

// TestUnitComparisonTableFollowsTheChart: the table lists the units in the
// bars' order, so reading across from a bar finds its row.
func TestUnitComparisonTableFollowsTheChart(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/compare/units?parent=can-tho&indicator=retail_sales&period=2018-H1&lang=en")
	var opt struct {
		YAxis []struct{ Data []string } `json:"yAxis"`
	}
	chartOption(t, body, "chart-units", &opt)
	bars := opt.YAxis[0].Data
	table := body[strings.Index(body, "<tbody"):]
	last := -1
	for _, b := range bars {
		name := strings.TrimSpace(strings.SplitN(b, "·", 2)[0]) // bars carry "name · pace", maybe over two lines
		i := strings.Index(table, ">"+htmlEscape(name)+"</a>")
		if i < 0 {
			t.Fatalf("table lacks %q", name)
		}
		if i < last {
			t.Errorf("table order differs from the bars %q", bars)
		}
		last = i
	}
	if len(bars) < 2 {
		t.Errorf("only %d bars", len(bars))
	}
}

func htmlEscape(s string) string { return template.HTMLEscapeString(s) }
