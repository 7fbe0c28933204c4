package web

import (
	"strings"
	"testing"
)

// TestPlanVersionsInThePagesLanguage: the plan versions table names the
// known versions in Vietnamese on Vietnamese pages (not the stored codes).
func TestPlanVersionsInThePagesLanguage(t *testing.T) {
	e := newTestEnv(t)
	_, body, _ := e.get(t, "/units/ninh-kieu/indicators/retail_sales?period=2018-M06&lang=vi")
	mustContain(t, body, "<td>ban đầu</td>", "<td>điều chỉnh <span")
	if strings.Contains(body, "<td>original") || strings.Contains(body, "<td>adjusted") {
		t.Error("a Vietnamese page shows the English version code")
	}
}
