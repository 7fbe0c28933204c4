package web

import (
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestNestParts: the cards of GRDP's sectors move under GRDP's card in the
// order they came; a part whose whole has no card keeps its own.
func TestNestParts(t *testing.T) {
	inds := map[string]storage.Indicator{}
	for _, i := range append(storage.Catalog(), storage.CatalogParts()...) {
		inds[i.Code] = i
	}
	cards := []card{{Code: "grdp_services"}, {Code: "exports"}, {Code: "grdp"}, {Code: "budget_revenue_land_use"}, {Code: "grdp_agriculture"}}
	got := nestParts(cards, inds)
	var codes []string
	for _, c := range got {
		s := c.Code
		for _, p := range c.Parts {
			s += "+" + p.Code
		}
		codes = append(codes, s)
	}
	want := "exports grdp+grdp_services+grdp_agriculture budget_revenue_land_use"
	if g := strings.Join(codes, " "); g != want {
		t.Errorf("nested %q, want %q", g, want)
	}
}
