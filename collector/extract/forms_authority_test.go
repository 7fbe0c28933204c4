package extract

import "testing"

// TestFormPlanAuthorities: several percents of plan in one sentence, each
// tied to who set the plan (issue 16, item 2): Trung ương/TW/Thủ tướng →
// central, HĐND → council, Đảng bộ/Nghị quyết Đại hội → party, a plain
// "kế hoạch" → the indicator's primary (council for these). plan= is the
// primary plan's percent.
func TestFormPlanAuthorities(t *testing.T) {
	runFormCases(t, []formCase{
		{name: "vi central and council", date: "2019-10-02",
			text: "9 tháng, thu ngân sách đạt 5.630 tỷ đồng, đạt 78,2% dự toán Trung ương giao và 70,4% dự toán HĐND tỉnh giao.",
			figs: []string{"budget_revenue 5630 2019-9M plan=70.4 yoy=- pp=central:78.2,council:70.4"}},
		{name: "vi TW abbreviation", date: "2020-12-25",
			text: "Năm 2020, thu ngân sách đạt 10.050 tỷ đồng, bằng 104,7% dự toán TW và 98,5% dự toán HĐND.",
			figs: []string{"budget_revenue 10050 2020 plan=98.5 yoy=- pp=central:104.7,council:98.5"}},
		{name: "vi plain plan and party congress", date: "2023-12-20",
			text: "Năm 2023, kim ngạch xuất khẩu đạt 2.150 triệu USD, đạt 102,4% kế hoạch, bằng 95% mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh.",
			figs: []string{"exports 2150 2023 plan=102.4 yoy=- pp=council:102.4,party:95"}},
		{name: "vi prime minister is central", date: "2020-07-04",
			text: "Giải ngân vốn đầu tư công 6 tháng đạt 1.840 tỷ đồng, đạt 41,5% kế hoạch vốn Thủ tướng Chính phủ giao.",
			figs: []string{"public_investment_disbursement 1840 2020-H1 plan=- yoy=- pp=central:41.5"}},
		{name: "vi plain plan is primary", date: "2018-07-03",
			text: "6 tháng, kim ngạch nhập khẩu đạt 640 triệu USD, đạt 47,3% kế hoạch.",
			figs: []string{"imports 640 2018-H1 plan=47.3 yoy=- pp=council:47.3"}},
		{name: "en central and council", date: "2021-10-04",
			text: "In the first nine months, budget revenue reached VND 7,350 billion, 88.6 percent of the estimate assigned by the central government and 80.2 percent of the estimate set by the provincial People's Council.",
			figs: []string{"budget_revenue 7350 2021-9M plan=80.2 yoy=- pp=central:88.6,council:80.2"}},
		{name: "en plan and party congress", date: "2021-12-28",
			text: "Exports in 2021 hit 1,950 million USD, or 104 percent of the plan and 97.5 percent of the target set by the provincial Party Congress.",
			figs: []string{"exports 1950 2021 plan=104 yoy=- pp=council:104,party:97.5"}},
		{name: "en prime minister is central", date: "2022-07-06",
			text: "In the first half of 2022, public investment disbursement reached VND 2,100 billion, 52 percent of the capital plan assigned by the Prime Minister.",
			figs: []string{"public_investment_disbursement 2100 2022-H1 plan=- yoy=- pp=central:52"}},
	})
}
