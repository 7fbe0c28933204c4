package extract

import "testing"

// TestFormAverageIndex: an index averaged over a span against the same
// months a year earlier is the span's index, 100 + growth (SPEC §2: "CPI
// bình quân 9 tháng tăng 3,1%" → 2024-9M, 103.1).
func TestFormAverageIndex(t *testing.T) {
	runFormCases(t, []formCase{
		{name: "vi cpi average", date: "2022-07-05",
			text: "CPI bình quân 6 tháng đầu năm 2022 tăng 2,35% so với cùng kỳ.",
			figs: []string{"cpi 102.35 2022-H1 plan=- yoy=2.35"}},
		{name: "vi iip average", date: "2021-12-05",
			text: "Chỉ số sản xuất công nghiệp bình quân 11 tháng tăng 8,2% so với cùng kỳ.",
			figs: []string{"industrial_production_index 108.2 2021-11M plan=- yoy=8.2"}},
		{name: "vi cpi average falls", date: "2020-10-05",
			text: "Chỉ số giá tiêu dùng bình quân 9 tháng năm 2020 giảm 0,4% so với cùng kỳ.",
			figs: []string{"cpi 99.6 2020-9M plan=- yoy=-0.4"}},
		{name: "en cpi averaged", date: "2024-10-06",
			text: "In the first nine months of 2024 the consumer price index averaged a 3.1 percent increase over the same period last year.",
			figs: []string{"cpi 103.1 2024-9M plan=- yoy=3.1"}},
		{name: "en average cpi", date: "2023-07-04",
			text: "Average CPI in the first half of 2023 rose 4.2 percent year on year.",
			figs: []string{"cpi 104.2 2023-H1 plan=- yoy=4.2"}},
	})
}

// TestFormPoints: a rate's change in percentage points is kept as such,
// never read as growth or as the rate.
func TestFormPoints(t *testing.T) {
	runFormCases(t, []formCase{
		{name: "vi poverty falls in points", date: "2022-12-28",
			text: "Năm 2022, tỷ lệ hộ nghèo còn 3,05%, giảm 1,12 điểm phần trăm so với năm 2021.",
			figs: []string{"poverty_rate 3.05 2022 plan=- yoy=- pts=-1.12"}},
		{name: "vi diem %", date: "2023-12-27",
			text: "Tỷ lệ đô thị hóa năm 2023 đạt 43,5%, tăng 1,6 điểm %.",
			figs: []string{"urbanization_rate 43.5 2023 plan=- yoy=- pts=1.6"}},
		{name: "en points up", date: "2023-12-28",
			text: "Health insurance coverage reached 94.1 percent in 2023, up 1.3 percentage points.",
			figs: []string{"health_insurance_coverage 94.1 2023 plan=- yoy=- pts=1.3"}},
		{name: "en points before the level", date: "2022-12-29",
			text: "In 2022 the poverty rate dropped by 0.95 percentage points to 2.4 percent.",
			figs: []string{"poverty_rate 2.4 2022 plan=- yoy=- pts=-0.95"}},
	})
}

// TestFormRanges: a result estimated as a range keeps both ends; a target
// range becomes a plan with low and high.
func TestFormRanges(t *testing.T) {
	runFormCases(t, []formCase{
		{name: "vi estimate range", date: "2023-12-01",
			text: "Năm 2023, GRDP ước tăng 7,2–7,5% so với năm 2022.",
			figs: []string{"grdp - 2023 plan=- yoy=- range=7.2..7.5"}},
		{name: "vi target range", date: "2023-12-18",
			text:  "Năm 2024, phấn đấu tăng trưởng GRDP từ 7% đến 7,5%.",
			plans: []string{"plan grdp 2024 council growth 7..7.5"}},
		{name: "en estimate range", date: "2024-12-03",
			text: "GRDP growth in 2024 is estimated at 6.5-7 percent.",
			figs: []string{"grdp - 2024 plan=- yoy=- range=6.5..7"}},
		{name: "en target range", date: "2024-12-19",
			text:  "For 2025 the province targets GRDP growth of 8-8.5 percent.",
			plans: []string{"plan grdp 2025 council growth 8..8.5"}},
	})
}

// TestFormTermTargets: five-year targets become term plans: average
// growth, a level to reach by the last year, a total over the term.
func TestFormTermTargets(t *testing.T) {
	runFormCases(t, []formCase{
		{name: "vi term heading", date: "2020-12-10",
			text: "Mục tiêu giai đoạn 2021–2025: tốc độ tăng trưởng GRDP bình quân 7%/năm; đến năm 2025, tổng mức bán lẻ hàng hóa đạt 150.000 tỷ đồng.",
			plans: []string{"plan grdp 2021-2025 council average_growth 7",
				"plan retail_sales 2021-2025 council end_level 150000"}},
		{name: "vi party congress cumulative", date: "2020-10-15",
			text:  "Nghị quyết Đại hội Đảng bộ tỉnh đề ra tổng vốn đầu tư toàn xã hội giai đoạn 2021–2025 đạt 300.000 tỷ đồng.",
			plans: []string{"plan investment 2021-2025 party cumulative 300000"}},
		{name: "vi achieved over a term is no plan", date: "2020-12-10",
			text: "Giai đoạn 2016–2020, GRDP tăng bình quân 6,9%/năm.",
			figs: []string{"grdp - nil plan=- yoy=6.9"}},
		{name: "en average growth", date: "2021-03-02",
			text:  "The 2021-2025 plan targets average GRDP growth of 7.5 percent a year.",
			plans: []string{"plan grdp 2021-2025 council average_growth 7.5"}},
		{name: "en cumulative", date: "2021-03-02",
			text:  "Over 2021-2025 total social investment is targeted at VND 400,000 billion.",
			plans: []string{"plan investment 2021-2025 council cumulative 400000"}},
	})
}
