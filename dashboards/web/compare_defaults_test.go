package web

import (
	"strings"
	"testing"
)

// TestUnitComparisonOpensOnData: Cần Thơ's children (seedBatch) report
// retail sales — Ninh Kiều and the hostile unit monthly, Cái Răng for H1 —
// and the hostile indicator (one unit). Opened without a choice, the page
// shows retail sales for June 2018, the latest period the most children
// (two) report it for, with figures; the indicator list offers the two
// indicators the children report, not the catalog's 29 (no GRDP, which
// only Cần Thơ itself reports). Asked for H1 2018, it shows Cái Răng's
// 9.000.
func TestUnitComparisonOpensOnData(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/compare/units?parent=can-tho&lang=vi")
	mustContain(t, body, `<option value="retail_sales" selected>`)
	mustContain(t, body, "tháng 6/2018")
	mustContain(t, body, `<td class="num">3.600</td>`) // Ninh Kiều, June: 3000 + 100×6
	for _, absent := range []string{`<option value="grdp"`, `<option value="exports"`, "notice-warning"} {
		if strings.Contains(body, absent) {
			t.Errorf("unit comparison holds %s", absent)
		}
	}
	mustContain(t, body, `<option value="evil_ind">`)
	_, body, _ = e.get(t, "/compare/units?parent=can-tho&period=2018-H1&lang=vi")
	mustContain(t, body, "9.000")
	// A period nobody reports: said in words, with the periods that have figures.
	_, body, _ = e.get(t, "/compare/units?parent=can-tho&indicator=retail_sales&period=2016-H1&lang=en")
	mustContain(t, body, "No unit under Can Tho has a figure for")
	mustContain(t, body, "Periods with figures:")
	mustContain(t, body, "period=2018-M06")
	if strings.Contains(body, `class="echarts-data"`) {
		t.Error("an empty comparison still draws a chart")
	}
}

// TestPeriodComparisonSaysWhatIsMissing: Cần Thơ has 2018-H1 figures and
// one 2017-H1 figure (retail sales 57.000); compared with H1 2016 the page
// says that period has no figures and links 2017-H1 instead. Opened on
// 2018-H1 alone it compares with 2017-H1 and says nothing is missing. The
// unit comparison is linked from Cần Thơ (its children report) but not
// from Ninh Kiều (no children): no dead end.
func TestPeriodComparisonSaysWhatIsMissing(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/compare/periods?unit=can-tho&a=2018-H1&b=2016-H1&lang=en")
	mustContain(t, body, "Can Tho has no figures for H1 2016")
	mustContain(t, body, "a=2018-H1&amp;b=2017-H1")
	_, body, _ = e.get(t, "/compare/periods?unit=can-tho&a=2018-H1&lang=en")
	mustContain(t, body, "57,000")
	if strings.Contains(body, "has no figures") {
		t.Error("a comparison with figures in both periods says one is missing")
	}
	mustContain(t, body, `href="/compare/units?lang=en&amp;parent=can-tho`)
	_, body, _ = e.get(t, "/compare/periods?unit=ninh-kieu&lang=en")
	if strings.Contains(body, `href="/compare/units?`) && strings.Contains(body, "parent=ninh-kieu") {
		t.Error("Ninh Kiều (no children) links a unit comparison of its children")
	}
}
