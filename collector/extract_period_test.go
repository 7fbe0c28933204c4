package collector

import "testing"

// TestExtractPeriods covers period phrases, where the year comes from, and
// spans the codes cannot express.
func TestExtractPeriods(t *testing.T) {
	runExCases(t, []exCase{
		{name: "6 thang dau nam takes the date's year", date: "2018-06-11",
			text: "6 tháng đầu năm, thu ngân sách đạt 900 tỷ đồng.",
			want: []string{"budget_revenue 900 2018-H1 preliminary plan=- yoy=-"}},
		{name: "6 thang nam YYYY", date: "2020-01-01",
			text: "Trong 6 tháng năm 2018, kim ngạch xuất khẩu đạt 88 triệu USD.",
			want: []string{"exports 88 2018-H1 preliminary plan=- yoy=-"}},
		{name: "written year carries to later phrases", date: "",
			text: "Báo cáo tình hình 6 tháng năm 2017.\nTrong 6 tháng đầu năm, doanh thu du lịch đạt 410 tỷ đồng.",
			want: []string{"tourism_revenue 410 2017-H1 preliminary plan=- yoy=-"}},
		{name: "date line at the top gives the year", date: "",
			text:  "03/10/2019 - 08:15\n9 tháng, kim ngạch xuất khẩu đạt 1.030 triệu USD, tăng 6% so với cùng kỳ.",
			want:  []string{"exports 1030 2019-9M preliminary plan=- yoy=6"},
			unrec: []string{}},
		{name: "quy I", date: "2021-04-01",
			text: "Quý I, thu ngân sách đạt 2.050 tỷ đồng.",
			want: []string{"budget_revenue 2050 2021-Q1 preliminary plan=- yoy=-"}},
		{name: "quy II slash year", date: "",
			text: "Quý II/2019, kim ngạch nhập khẩu đạt 140 triệu USD.",
			want: []string{"imports 140 2019-Q2 preliminary plan=- yoy=-"}},
		{name: "quy IV", date: "2019-12-31",
			text: "Quý IV năm 2019, doanh thu du lịch đạt 620 tỷ đồng.",
			want: []string{"tourism_revenue 620 2019-Q4 preliminary plan=- yoy=-"}},
		{name: "thang 6", date: "2022-06-28",
			text: "Tháng 6, tổng mức bán lẻ hàng hóa ước đạt 3.300 tỷ đồng.",
			want: []string{"retail_sales 3300 2022-M06 estimate plan=- yoy=-"}},
		{name: "thang slash year", date: "",
			text: "Tháng 11/2020, kim ngạch xuất khẩu đạt 95 triệu USD.",
			want: []string{"exports 95 2020-M11 preliminary plan=- yoy=-"}},
		{name: "nam 2020", date: "",
			text: "Năm 2020, toàn tỉnh kết nạp 640 đảng viên.",
			want: []string{"new_party_members 640 2020 preliminary plan=- yoy=-"}},
		{name: "ca nam from a January report is last year", date: "2021-01-08",
			text: "Cả năm, thu ngân sách đạt 11.500 tỷ đồng.",
			want: []string{"budget_revenue 11500 2020 preliminary plan=- yoy=-"}},
		{name: "luy ke N thang", date: "2019-05-30",
			text: "Tháng 5, kim ngạch xuất khẩu đạt 80 triệu USD; lũy kế 5 tháng đạt 390 triệu USD, bằng 40% kế hoạch.",
			want: []string{"exports 80 2019-M05 preliminary plan=- yoy=-", "exports 390 2019-5M preliminary plan=40 yoy=-"}},
		{name: "luy ke alone follows the month in context", date: "2019-05-30",
			text: "Tháng 5, kim ngạch nhập khẩu đạt 60 triệu USD; lũy kế từ đầu năm đạt 270 triệu USD.",
			want: []string{"imports 60 2019-M05 preliminary plan=- yoy=-", "imports 270 2019-5M preliminary plan=- yoy=-"}},
		{name: "den het thang", date: "2019-08-05",
			text: "Tính đến hết tháng 7/2019, giải ngân vốn đầu tư công đạt 1.200 tỷ đồng.",
			want: []string{"public_investment_disbursement 1200 2019-7M preliminary plan=- yoy=-"}},
		{name: "first half of", date: "",
			text: "In the first half of 2018, exports reached 940 million USD.",
			want: []string{"exports 940 2018-H1 preliminary plan=- yoy=-"}},
		{name: "nine months english", date: "2019-10-01",
			text: "In the first nine months, retail sales reached VND 30,100 billion.",
			want: []string{"retail_sales 30100 2019-9M preliminary plan=- yoy=-"}},
		{name: "comparison year is not the period", date: "2019-07-01",
			text: "6 tháng đầu năm 2019, thu ngân sách đạt 4.000 tỷ đồng, tăng 5% so với cùng kỳ năm 2018.",
			want: []string{"budget_revenue 4000 2019-H1 preliminary plan=- yoy=5"}},
		{name: "party term has no period", date: "2020-09-01",
			text: "Nhiệm kỳ 2015-2020, toàn Đảng bộ kết nạp 5.200 đảng viên.",
			want: []string{"new_party_members 5200 nil preliminary plan=- yoy=-"}},
		{name: "to a day has no period", date: "2019-11-20",
			text: "Từ đầu năm đến ngày 5/11, giải ngân vốn đầu tư công đạt 2.100 tỷ đồng.",
			want: []string{"public_investment_disbursement 2100 nil preliminary plan=- yoy=-"}},
		{name: "from January to 5 November", date: "2019-11-20",
			text: "From January to 5 November, the province disbursed VND2,100 billion of public investment.",
			want: []string{"public_investment_disbursement 2100 nil preliminary plan=- yoy=-"}},
		{name: "to the last day of a month is that month's year to date", date: "2021-01-05",
			text: "Giải ngân vốn đầu tư công đến ngày 30/6/2020 đạt 2.300 tỷ đồng.",
			want: []string{"public_investment_disbursement 2300 2020-H1 preliminary plan=- yoy=-"}},
		{name: "comparison a few words away is not the period", date: "2020-12-25",
			text: "Năm 2020, chỉ số giá tiêu dùng tăng 3,1% so với bình quân năm 2019; có 900 doanh nghiệp thành lập mới.",
			want: []string{"cpi - 2020 preliminary plan=- yoy=3.1", "new_enterprises 900 2020 preliminary plan=- yoy=-"}},
		{name: "five-year average has no period", date: "2020-10-10",
			text: "Tốc độ tăng trưởng GRDP bình quân 5 năm (2016-2020) đạt 7,2%.",
			want: []string{"grdp - nil preliminary plan=- yoy=7.2"}},
		{name: "monthly bulletin with numbered headings", date: "",
			text:  "Cập nhật lúc 15:42 ngày 29/11/2022\n5. Chỉ số giá tiêu dùng tháng 11 tăng 0,45% so với tháng trước, tăng 4,12% so với tháng 12 năm trước và tăng 4,8% so với cùng kỳ năm trước.",
			want:  []string{"cpi - 2022-M11 preliminary plan=- yoy=4.8"},
			unrec: []string{"0,45%", "4,12%"}},
		{name: "no year anywhere", date: "",
			text: "6 tháng đầu năm, thu ngân sách đạt 900 tỷ đồng.",
			want: []string{"budget_revenue 900 nil preliminary plan=- yoy=-"}},
		{name: "no period anywhere", date: "2019-01-01",
			text: "Thu ngân sách đạt 900 tỷ đồng.",
			want: []string{"budget_revenue 900 nil preliminary plan=- yoy=-"}},
		{name: "6 thang cuoi nam", date: "2019-12-30",
			text: "6 tháng cuối năm, kim ngạch xuất khẩu đạt 700 triệu USD.",
			want: []string{"exports 700 2019-H2 preliminary plan=- yoy=-"}},
		{name: "last year english", date: "2023-01-10",
			text: "Last year the province admitted 900 new party members.",
			want: []string{"new_party_members 900 2022 preliminary plan=- yoy=-"}},
	})
}

// TestExtractNotes checks the notes that explain a nil period, and the X/Y target.
func TestExtractNotes(t *testing.T) {
	cases := map[string]string{
		"Nhiệm kỳ 2015-2020, toàn Đảng bộ kết nạp 5.200 đảng viên.":              "a party term or multi-year span; no period code expresses it",
		"Từ đầu năm đến ngày 5/11, giải ngân vốn đầu tư công đạt 2.100 tỷ đồng.": "the span ends on a day, not at a month end; no period code expresses it",
		"6 tháng đầu năm, thu ngân sách đạt 900 tỷ đồng.":                        "no year in the text: give the report date (--date)",
		"Thu ngân sách đạt 900 tỷ đồng.":                                         "no period found in the text: set it before importing",
		"Năm 2020, có 12/15 đảng bộ tổ chức sơ kết giữa nhiệm kỳ.":               "target 15",
	}
	for text, want := range cases {
		ex := Extract(text, ExtractOptions{})
		if len(ex.Figures) != 1 || ex.Figures[0].Note != want {
			t.Errorf("%s: figures %+v, want one with note %q", text, ex.Figures, want)
		}
	}
}
