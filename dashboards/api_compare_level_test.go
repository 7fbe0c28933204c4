package dashboards

import (
	"net/http"
	"testing"
)

// TestCompareLevel compares one indicator across a parent's grandchildren
// and refuses levels that are out of range or misplaced.
func TestCompareLevel(t *testing.T) {
	f := newFixture(t, nil)
	var cmp compareView
	// can-tho's children have no children: level 2 is an empty comparison, not an error.
	f.get("/api/v1/compare?indicator=retail_sales&parent=can-tho&level=2&a=2018-H1&b=2017-H1", http.StatusOK, &cmp)
	if cmp.Level != 2 || len(cmp.Rows) != 0 {
		t.Fatalf("level 2 under can-tho = %+v", cmp)
	}
	f.get("/api/v1/compare?indicator=retail_sales&parent=can-tho&level=1&a=2018-H1&b=2017-H1", http.StatusOK, &cmp)
	if len(cmp.Rows) != 2 || cmp.Rows[1].Unit != "ninh-kieu" || cmp.Rows[1].ValueA == nil || *cmp.Rows[1].ValueA != 20000 {
		t.Fatalf("level 1 under can-tho = %+v", cmp)
	}
	for path, word := range map[string]string{
		"/api/v1/compare?indicator=retail_sales&parent=can-tho&level=9&a=2018-H1&b=2017-H1": `level="9"`,
		"/api/v1/compare?indicator=retail_sales&parent=can-tho&level=x&a=2018-H1&b=2017-H1": `level="x"`,
		"/api/v1/compare?unit=can-tho&level=2&a=2018-H1&b=2017-H1":                          "level goes with",
	} {
		resp, b := f.do(http.MethodGet, path, nil)
		f.wantError(resp, b, http.StatusBadRequest, "invalid", word)
	}
}
