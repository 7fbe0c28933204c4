package web

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/dashboards/board"
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
	nums := regexp.MustCompile(`<tr>\s*<td>(\d+)</td>`).FindAllStringSubmatch(body[economy:], -1)
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
