package dashboards_test

import (
	"strings"
	"testing"

	"github.com/plantrack/plantrack/dashboards/internal/browsertest"
)

// TestMergerPagesInChromium: in the demo, the new Cần Thơ's page says it
// merged from three units and that its 2024 comparison figures are summed
// from them; the old Cần Thơ's page, retired, names its successor, and the
// link leads there.
func TestMergerPagesInChromium(t *testing.T) {
	b := browsertest.New(t)
	base, _ := demoServer(t)
	text := func(url string) string {
		t.Helper()
		if err := b.Load(base + url); err != nil {
			t.Fatal(err)
		}
		s, err := browsertest.Eval[string](b, `document.body.innerText`)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	page := text("/units/can-tho-2025?period=2025-H2&lang=vi")
	for _, want := range []string{"Hợp nhất từ Cần Thơ, Sóc Trăng, Hậu Giang từ 01/07/2025",
		"số liệu 2024 cộng từ Cần Thơ, Sóc Trăng, Hậu Giang"} {
		if !strings.Contains(page, want) {
			t.Errorf("the new Cần Thơ's page lacks %q", want)
		}
	}
	page = text("/units/soc-trang?lang=en")
	if !strings.Contains(page, "This unit ended on 30 Jun 2025") || !strings.Contains(page, "Succeeded by:") {
		t.Errorf("the retired Sóc Trăng page lacks its banner:\n%.600s", page)
	}
	href, err := browsertest.Eval[string](b, `document.querySelector(".retired-banner a").getAttribute("href")`)
	if err != nil || !strings.HasPrefix(href, "/units/can-tho-2025") {
		t.Fatalf("the banner links to %q (%v), want the new Cần Thơ", href, err)
	}
}
