package demo

import "github.com/plantrack/plantrack/storage"

// The Cần Thơ merger of 1 July 2025 (Resolution 202/2025/QH15): Cần Thơ,
// Sóc Trăng and Hậu Giang end on 30 June 2025 and the new Cần Thơ
// (can-tho-2025) takes over their territory. Every figure here is
// synthetic and its source says so; Sóc Trăng, Hậu Giang and the new Cần
// Thơ are marked Synthetic. The old Cần Thơ keeps the seed report's real
// figures and gets synthetic ones for 2024 and H1 2025 (their source says
// so), so that the new city's 2025 and 2026 figures are compared with its
// predecessors' summed ones.
const (
	mergerDay    = "2025-07-01"
	mergerLast   = "2025-06-30"
	mergerSource = "Dữ liệu mô phỏng sáp nhập Cần Thơ (synthetic demo data, not a real report)"
)

// mergerUnits are the units of the merger, predecessors first.
func mergerUnits() []storage.Unit {
	return []storage.Unit{
		{Code: "can-tho", ValidTo: mergerLast},
		{Code: "soc-trang", NameVI: "Tỉnh Sóc Trăng (số liệu mô phỏng)", NameEN: "Soc Trang Province (synthetic figures)",
			ValidTo: mergerLast, Synthetic: true},
		{Code: "hau-giang", NameVI: "Tỉnh Hậu Giang (số liệu mô phỏng)", NameEN: "Hau Giang Province (synthetic figures)",
			ValidTo: mergerLast, Synthetic: true},
		{Code: "can-tho-2025", NameVI: "Thành phố Cần Thơ (từ 2025, số liệu mô phỏng)",
			NameEN: "Can Tho City (from 2025, synthetic figures)", ValidFrom: mergerDay, Synthetic: true,
			Predecessors: []storage.Predecessor{{Unit: "can-tho", Date: mergerDay}, {Unit: "soc-trang", Date: mergerDay},
				{Unit: "hau-giang", Date: mergerDay}}},
	}
}

// mergerFigure is one synthetic figure: unit, period, and the values of
// budget_revenue, retail_sales, exports and new_party_members.
type mergerFigure struct {
	unit, period, reportedAt string
	status                   storage.ReportStatus
	values                   [4]float64
}

var mergerIndicators = [4]string{"budget_revenue", "retail_sales", "exports", "new_party_members"}

func mergerFigures() []mergerFigure {
	off, est := storage.StatusOfficial, storage.StatusEstimate
	return []mergerFigure{
		{"can-tho", "2024-H1", "2024-07-10", off, [4]float64{7800, 68000, 1010, 1500}},
		{"can-tho", "2024-H2", "2025-01-10", off, [4]float64{8600, 72000, 1120, 1300}},
		{"can-tho", "2025-H1", "2025-07-08", off, [4]float64{8300, 73500, 1090, 1550}},
		{"soc-trang", "2024-H1", "2024-07-10", off, [4]float64{3100, 31000, 560, 900}},
		{"soc-trang", "2024-H2", "2025-01-10", off, [4]float64{3400, 33500, 610, 780}},
		{"soc-trang", "2025-H1", "2025-07-08", off, [4]float64{3300, 33800, 600, 920}},
		{"hau-giang", "2024-H1", "2024-07-10", off, [4]float64{2200, 19000, 210, 650}},
		{"hau-giang", "2024-H2", "2025-01-10", off, [4]float64{2500, 20500, 240, 560}},
		{"hau-giang", "2025-H1", "2025-07-08", off, [4]float64{2350, 20800, 230, 660}},
		{"can-tho-2025", "2025-H2", "2026-01-12", off, [4]float64{15300, 131000, 2050, 2700}},
		{"can-tho-2025", "2026-H1", "2026-07-10", est, [4]float64{14800, 134500, 2020, 3200}},
	}
}

// mergerBatch is the reorganisation of 1 July 2025 — the merger's units and
// figures, and the sample province's districts ending — one report.
func mergerBatch() storage.Batch {
	b := storage.Batch{Units: append(mergerUnits(), reorganisedUnits()...)}
	for _, f := range mergerFigures() {
		for i, ind := range mergerIndicators {
			v := f.values[i]
			b.Observations = append(b.Observations, storage.Observation{Unit: f.unit, Indicator: ind,
				Period: storage.MustParsePeriod(f.period), Value: &v, ReportStatus: f.status,
				ReportedAt: f.reportedAt, Source: mergerSource, Synthetic: true})
		}
	}
	return b
}
