package extract

import "testing"

// TestFormParts: sector parts of GRDP, budget revenue by source and
// spending by kind come out as parts of their whole (issue 16, item 1);
// "dịch vụ"/"services" beside retail sales is not a GRDP sector.
func TestFormParts(t *testing.T) {
	runFormCases(t, []formCase{
		{name: "vi grdp sectors", date: "2021-12-28",
			text: "Năm 2021, GRDP tăng 5,8%; trong đó khu vực nông, lâm nghiệp và thủy sản tăng 2,7%, khu vực công nghiệp - xây dựng tăng 8,1%, khu vực dịch vụ tăng 5,9%, thuế sản phẩm trừ trợ cấp tăng 3,4%.",
			figs: []string{"grdp - 2021 plan=- yoy=5.8",
				"grdp/grdp_agriculture - 2021 plan=- yoy=2.7",
				"grdp/grdp_industry_construction - 2021 plan=- yoy=8.1",
				"grdp/grdp_services - 2021 plan=- yoy=5.9",
				"grdp/grdp_product_taxes - 2021 plan=- yoy=3.4"}},
		{name: "vi revenue by source", date: "2020-07-03",
			text: "6 tháng, thu ngân sách đạt 4.120 tỷ đồng; trong đó thu nội địa 3.650 tỷ đồng, thu tiền sử dụng đất 1.020 tỷ đồng.",
			figs: []string{"budget_revenue 4120 2020-H1 plan=- yoy=-",
				"budget_revenue/budget_revenue_domestic 3650 2020-H1 plan=- yoy=-",
				"budget_revenue/budget_revenue_land_use 1020 2020-H1 plan=- yoy=-"}},
		{name: "vi spending by kind", date: "2022-12-26",
			text: "Chi ngân sách địa phương năm 2022 đạt 15.300 tỷ đồng, trong đó chi đầu tư phát triển 5.480 tỷ đồng, chi thường xuyên 9.120 tỷ đồng.",
			figs: []string{"budget_expenditure 15300 2022 plan=- yoy=-",
				"budget_expenditure/budget_expenditure_development 5480 2022 plan=- yoy=-",
				"budget_expenditure/budget_expenditure_recurrent 9120 2022 plan=- yoy=-"}},
		{name: "vi services beside retail is no sector", date: "2021-07-02",
			text: "6 tháng, tổng mức bán lẻ hàng hóa và dịch vụ đạt 20.150 tỷ đồng, tăng 9,2%.",
			figs: []string{"retail_sales 20150 2021-H1 plan=- yoy=9.2"}},
		{name: "en grdp sectors", date: "2023-12-29",
			text: "In 2023 GRDP expanded by 6.4 percent: agriculture, forestry and fisheries grew 3.1 percent, industry and construction 7.9 percent, and services 6.6 percent.",
			figs: []string{"grdp - 2023 plan=- yoy=6.4",
				"grdp/grdp_agriculture - 2023 plan=- yoy=3.1",
				"grdp/grdp_industry_construction - 2023 plan=- yoy=7.9",
				"grdp/grdp_services - 2023 plan=- yoy=6.6"}},
		{name: "en revenue by source", date: "2022-12-27",
			text: "Budget revenue in 2022 reached VND 9,740 billion, including domestic revenue of VND 8,300 billion and land use fees of VND 1,900 billion.",
			figs: []string{"budget_revenue 9740 2022 plan=- yoy=-",
				"budget_revenue/budget_revenue_domestic 8300 2022 plan=- yoy=-",
				"budget_revenue/budget_revenue_land_use 1900 2022 plan=- yoy=-"}},
		{name: "en spending by kind", date: "2021-12-30",
			text: "In 2021 local budget spending totalled VND 12,800 billion, of which development investment spending was VND 4,100 billion and recurrent spending VND 8,050 billion.",
			figs: []string{"budget_expenditure 12800 2021 plan=- yoy=-",
				"budget_expenditure/budget_expenditure_development 4100 2021 plan=- yoy=-",
				"budget_expenditure/budget_expenditure_recurrent 8050 2021 plan=- yoy=-"}},
		{name: "en services beside retail is no sector", date: "2020-12-28",
			text: "In 2020 retail sales of goods and services rose 11.3 percent to VND 40,200 billion.",
			figs: []string{"retail_sales 40200 2020 plan=- yoy=11.3"}},
	})
}
