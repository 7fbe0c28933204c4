package web

import (
	"context"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// mergerEnv is the seed with the Cần Thơ merger of 1 July 2025 and a split:
// 2024-H2 budget revenue of Cần Thơ 100, Sóc Trăng 50 and Hậu Giang 30 (so
// the new city's reconstructed 2024-H2 is 180) and the new city's 198 in
// 2025-H2 (growth 198 / 180 − 1 = 10%); district x became y and z.
func mergerEnv(t *testing.T) *testEnv {
	t.Helper()
	e := newTestEnv(t)
	on := "2025-07-01"
	obs := func(u, p string, v float64) storage.Observation {
		return storage.Observation{Unit: u, Indicator: "budget_revenue", Period: storage.MustParsePeriod(p), Value: f64(v),
			ReportStatus: storage.StatusOfficial, ReportedAt: "2026-01-15", Source: "test"}
	}
	b := storage.Batch{Units: []storage.Unit{
		{Code: "vn", NameVI: "Việt Nam", NameEN: "Viet Nam"},
		{Code: "can-tho", ValidTo: "2025-06-30"},
		{Code: "soc-trang", NameVI: "Tỉnh Sóc Trăng", NameEN: "Soc Trang Province", ValidTo: "2025-06-30"},
		{Code: "hau-giang", NameVI: "Tỉnh Hậu Giang", NameEN: "Hau Giang Province", ValidTo: "2025-06-30"},
		{Code: "can-tho-2025", NameVI: "Thành phố Cần Thơ", NameEN: "Can Tho City", ValidFrom: on, Parent: "vn",
			Predecessors: []storage.Predecessor{{Unit: "can-tho", Date: on}, {Unit: "soc-trang", Date: on}, {Unit: "hau-giang", Date: on}}},
		{Code: "x", NameVI: "Huyện X", NameEN: "X District", ValidTo: "2025-06-30"},
		{Code: "y", NameVI: "Huyện Y", NameEN: "Y District", ValidFrom: on, Predecessors: []storage.Predecessor{{Unit: "x", Date: on}}},
		{Code: "z", NameVI: "Huyện Z", NameEN: "Z District", ValidFrom: on, Predecessors: []storage.Predecessor{{Unit: "x", Date: on}}},
	}, Observations: []storage.Observation{obs("can-tho", "2024-H2", 100), obs("soc-trang", "2024-H2", 50),
		obs("hau-giang", "2024-H2", 30), obs("can-tho-2025", "2025-H2", 198), obs("x", "2024-H2", 70), obs("y", "2025-H2", 40)}}
	if _, err := e.db.Write(context.Background(), b, storage.Provenance{Via: "api"}); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestMergedUnitPageSaysWhereItCameFrom(t *testing.T) {
	e := mergerEnv(t)
	code, body, _ := e.get(t, "/units/can-tho-2025?period=2025-H2&lang=vi")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	mustContain(t, body, "Hợp nhất từ Cần Thơ, Sóc Trăng, Hậu Giang từ 01/07/2025",
		"số liệu 2024 cộng từ Cần Thơ, Sóc Trăng, Hậu Giang", "10,0")
	_, body, _ = e.get(t, "/units/can-tho-2025?period=2025-H2&lang=en")
	mustContain(t, body, "Merged from Can Tho, Soc Trang, Hau Giang on 1 Jul 2025")
	// The period comparison marks the reconstructed column and says why.
	_, body, _ = e.get(t, "/compare/periods?unit=can-tho-2025&a=2025-H2&b=2024-H2&lang=vi")
	mustContain(t, body, "180*", "số liệu 2024 cộng từ Cần Thơ, Sóc Trăng, Hậu Giang")
	// So does the comparison of a country's provinces.
	_, body, _ = e.get(t, "/compare/units?parent=vn&indicator=budget_revenue&a=2025-H2&b=2024-H2&lang=vi")
	mustContain(t, body, "180*", "cộng từ các đơn vị tiền thân")
}

func TestRetiredUnitPageNamesItsSuccessor(t *testing.T) {
	e := mergerEnv(t)
	code, body, _ := e.get(t, "/units/soc-trang?lang=vi")
	if code != 200 {
		t.Fatalf("a retired unit's page: status %d", code)
	}
	mustContain(t, body, "Đơn vị này đã kết thúc ngày 30/06/2025", "Đơn vị kế thừa:", `href="/units/can-tho-2025`)
	_, body, _ = e.get(t, "/units/soc-trang?lang=en")
	mustContain(t, body, "This unit ended on 30 Jun 2025", "Succeeded by:", "Can Tho City</a>")
}

func TestSplitUnitPageSaysWhyNoSum(t *testing.T) {
	e := mergerEnv(t)
	_, body, _ := e.get(t, "/units/y?period=2025-H2&lang=vi")
	mustContain(t, body, "Tách từ X từ 01/07/2025", "X đã chia cho nhiều đơn vị")
	if strings.Contains(body, "cộng từ X") {
		t.Error("a split unit's page claims summed figures")
	}
}

func TestUnitsIndexHidesRetiredOneClickAway(t *testing.T) {
	e := mergerEnv(t)
	_, body, _ := e.get(t, "/units?lang=vi")
	// can-tho, soc-trang, hau-giang and x have ended.
	mustContain(t, body, `href="/units/can-tho-2025`, "Hiện cả đơn vị đã kết thúc (4)", `retired=1">`)
	if strings.Contains(body, `href="/units/soc-trang?`) {
		t.Error("the default index lists a retired unit")
	}
	_, body, _ = e.get(t, "/units?retired=1&lang=vi")
	mustContain(t, body, `href="/units/soc-trang?`, "kết thúc 30/06/2025", "Chỉ hiện đơn vị hiện hành")
}

// TestHomeListsCurrentRootsOnly: the home page shows the roots in force
// (vn, above the new Cần Thơ), not the retired Sóc Trăng.
func TestHomeListsCurrentRootsOnly(t *testing.T) {
	e := mergerEnv(t)
	_, body, _ := e.get(t, "/?lang=vi")
	mustContain(t, body, `href="/units/vn?`)
	if strings.Contains(body, `href="/units/soc-trang?`) {
		t.Error("the home page lists a retired unit")
	}
}
