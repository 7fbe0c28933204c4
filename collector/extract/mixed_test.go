package extract

import (
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestExtractMixedForms covers clauses that combine forms: parts after
// "trong đó", conversions, two periods in one clause, user indicators.
func TestExtractMixedForms(t *testing.T) {
	runExCases(t, []testCase{
		{name: "trong do part is not a second figure", date: "2019-07-04",
			text: "Kim ngạch xuất khẩu 6 tháng đạt 594,3 triệu USD, tăng 17,3%; trong đó xuất khẩu hàng hóa 560 triệu USD.",
			want: []string{"exports 594.3 2019-H1 preliminary plan=- yoy=17.3"}},
		{name: "trong do inside the clause", date: "2019-07-04",
			text: "Kim ngạch xuất khẩu 6 tháng đạt 594,3 triệu USD, trong đó xuất khẩu hàng hóa 560 triệu USD.",
			want: []string{"exports 594.3 2019-H1 preliminary plan=- yoy=-"}},
		{name: "currency conversion in parentheses", date: "2019-07-03",
			text:  "Retail sales in the first half were estimated at 108.5 trillion VND (4.66 billion USD), up 18.2 percent.",
			want:  []string{"retail_sales 108500 2019-H1 estimate plan=- yoy=18.2"},
			unrec: []string{"4.66 billion USD"}},
		{name: "month then year to date in one clause", date: "2019-05-30",
			text:  "Kim ngạch xuất khẩu tháng 5 đạt 80 triệu USD, 5 tháng đạt 390 triệu USD.",
			want:  []string{"exports 80 2019-M05 preliminary plan=- yoy=-", "exports 390 2019-5M preliminary plan=- yoy=-"},
			quote: []string{"Kim ngạch xuất khẩu tháng 5 đạt 80 triệu USD", "5 tháng đạt 390 triệu USD"}},
		{name: "english dateline is not a number", date: "",
			text:  "HANOI, July 3 - GRDP expanded 8.25 percent in the first half of 2019.",
			want:  []string{"grdp - 2019-H1 preliminary plan=- yoy=8.25"},
			unrec: []string{}},
		{name: "several indicators in one sentence", date: "2019-07-01",
			text: "6 tháng, xuất khẩu đạt 300 triệu USD, nhập khẩu đạt 120 triệu USD, doanh thu du lịch đạt 450 tỷ đồng.",
			want: []string{"exports 300 2019-H1 preliminary plan=- yoy=-", "imports 120 2019-H1 preliminary plan=- yoy=-", "tourism_revenue 450 2019-H1 preliminary plan=- yoy=-"}},
		{name: "value named after the number", date: "2019-12-20",
			text: "Năm 2019 có 1.250 doanh nghiệp đăng ký thành lập mới, tăng 8% so với năm 2018.",
			want: []string{"new_enterprises 1250 2019 preliminary plan=- yoy=8"}},
		{name: "english value named after the number", date: "2019-12-20",
			text: "In 2019, 1,452 new party members were admitted, reaching 66% of the plan.",
			want: []string{"new_party_members 1452 2019 preliminary plan=66 yoy=-"}},
		{name: "kiem tra counts organisations", date: "2019-07-01",
			text: "6 tháng, Ủy ban Kiểm tra đã kiểm tra 45 tổ chức đảng.",
			want: []string{"party_cells_inspected 45 2019-H1 preliminary plan=- yoy=-"}},
		{name: "growth of other figure is not the count's", date: "2019-12-20",
			text:  "Năm 2019 có 800 doanh nghiệp thành lập mới với số vốn 5.000 tỷ đồng, tăng 20% so với năm trước.",
			want:  []string{"new_enterprises 800 2019 preliminary plan=- yoy=-"},
			unrec: []string{"5.000 tỷ đồng", "20%"}},
		{name: "bare dat percent after a value is percent of plan", date: "2018-07-02",
			text: "- Thu ngân sách 6 tháng: 7.060 tỷ đồng, đạt 49,6%.",
			want: []string{"budget_revenue 7060 2018-H1 preliminary plan=49.6 yoy=-"}},
		{name: "per head amounts are not totals", date: "2019-12-20",
			text:  "Năm 2019, GRDP bình quân đầu người đạt 62 triệu đồng/người; thu ngân sách đạt 9.000 tỷ đồng.",
			want:  []string{"budget_revenue 9000 2019 preliminary plan=- yoy=-"},
			unrec: []string{"62 triệu đồng"}},
		{name: "negative growth words", date: "2020-07-05",
			text: "6 tháng đầu năm 2020, GRDP tăng trưởng âm 1,2%.",
			want: []string{"grdp - 2020-H1 preliminary plan=- yoy=-1.2"}},
		{name: "one growth per quarter", date: "2019-07-05",
			text: "GRDP quý I tăng 6,2%, quý II tăng 7,1%, 6 tháng tăng 6,7%.",
			want: []string{"grdp - 2019-Q1 preliminary plan=- yoy=6.2", "grdp - 2019-Q2 preliminary plan=- yoy=7.1", "grdp - 2019-H1 preliminary plan=- yoy=6.7"}},
		{name: "value over target amount", date: "2024-07-03",
			text:  "Thu ngân sách 6 tháng đạt 8.100 tỷ đồng/16.500 tỷ đồng dự toán.",
			want:  []string{"budget_revenue 8100 2024-H1 preliminary plan=- yoy=-"},
			unrec: []string{}}, // 16.500 is now a plan (issue 16)
		{name: "a plan sentence is not a result", date: "2019-01-10",
			text: "Kế hoạch năm 2019: thu ngân sách trên địa bàn 14.000 tỷ đồng; phấn đấu kim ngạch xuất khẩu 1,2 tỷ USD.",
			want: nil},
		{name: "english-style thousands before a count noun", date: "2019-07-01",
			text: "6 tháng, kết nạp 1,452 đảng viên.",
			want: []string{"new_party_members 1452 2019-H1 preliminary plan=- yoy=-"}},
		{name: "so voi nam ngoai", date: "2019-07-01",
			text: "6 tháng, doanh thu du lịch đạt 700 tỷ đồng, tăng 9% so với năm ngoái.",
			want: []string{"tourism_revenue 700 2019-H1 preliminary plan=- yoy=9"}},
		{name: "headline repeated in the body", date: "2019-07-01",
			text: "Thu ngân sách 6 tháng đạt 7.060 tỷ đồng\n6 tháng, thu ngân sách đạt 7.060 tỷ đồng, đạt 49,6% dự toán.",
			want: []string{"budget_revenue 7060 2019-H1 preliminary plan=49.6 yoy=-"}},
		{name: "national growth is not the province's", date: "2019-07-05",
			text: "GDP cả nước 6 tháng tăng 6,76%; GRDP của tỉnh tăng 7,1%.",
			want: []string{"grdp - 2019-H1 preliminary plan=- yoy=7.1"}},
		{name: "clauses under a target heading are targets", date: "2019-12-20",
			text:  "Năm 2019, thu ngân sách đạt 5.112 tỷ đồng, vượt 23,4% dự toán.\nMục tiêu năm 2020: thu ngân sách nhà nước 5.500 tỷ đồng; kim ngạch xuất khẩu 380 triệu USD; giảm tỷ lệ hộ nghèo 1,5%.",
			want:  []string{"budget_revenue 5112 2019 preliminary plan=123.4 yoy=-"},
			unrec: []string{}}, // the targets are now plans (issue 16)
		{name: "amount named by the phrase right after it", date: "2019-07-01",
			text: "In the first half, the city welcomed 1.1 million tourists, earning VND 2,300 billion in tourism revenue.",
			want: []string{"tourist_arrivals 1100000 2019-H1 preliminary plan=- yoy=-", "tourism_revenue 2300 2019-H1 preliminary plan=- yoy=-"}},
		{name: "everything after phan dau is aimed at", date: "2019-12-20",
			text:  "Năm 2020, tỉnh phấn đấu tăng trưởng kinh tế 8%, kim ngạch xuất khẩu 500 triệu USD.",
			want:  nil,
			unrec: []string{}}, // the targets are now plans (issue 16)
		{name: "praise of effort is not a target", date: "2019-12-20",
			text: "Năm 2019, với sự nỗ lực phấn đấu, thu ngân sách đạt 7.000 tỷ đồng.",
			want: []string{"budget_revenue 7000 2019 preliminary plan=- yoy=-"}},
		{name: "prose without figures", date: "2019-12-20",
			text: "Tình hình an ninh chính trị được giữ vững; tai nạn giao thông tăng.",
			want: nil},
		{name: "percent without indicator is unrecognised", date: "2019-12-20",
			text:  "Tỷ lệ trường đạt chuẩn quốc gia là 62%.",
			want:  nil,
			unrec: []string{"62%"}},
	})
}

// TestExtractUserIndicators matches indicators the user defined by their names.
func TestExtractUserIndicators(t *testing.T) {
	inds := []storage.Indicator{{Code: "forest_cover", NameVI: "Tỷ lệ che phủ rừng", NameEN: "Forest cover rate", Measure: "percent", Kind: storage.KindLevel},
		{Code: "new_coops", NameVI: "Hợp tác xã thành lập mới", NameEN: "New cooperatives", Measure: "units", Kind: storage.KindFlow}}
	cases := map[string]string{
		"Năm 2020, tỷ lệ che phủ rừng đạt 42,5%.":                               "forest_cover 42.5 2020 preliminary plan=- yoy=-",
		"Năm 2020, toàn tỉnh có 35 hợp tác xã thành lập mới, đạt 70% kế hoạch.": "new_coops 35 2020 preliminary plan=70 yoy=-",
		"In 2020 the forest cover rate reached 42.5%.":                          "forest_cover 42.5 2020 preliminary plan=- yoy=-",
	}
	for text, want := range cases {
		ex := Extract(text, Options{Indicators: inds})
		if len(ex.Figures) != 1 || line(ex.Figures[0]) != want {
			var got []string
			for _, f := range ex.Figures {
				got = append(got, line(f))
			}
			t.Errorf("%s:\n got %q\nwant %q", text, got, want)
		}
	}
}

// TestExtractUnitFromText takes the unit from the text when it names exactly one.
func TestExtractUnitFromText(t *testing.T) {
	units := []storage.Unit{{Code: "can-tho", NameVI: "Thành phố Cần Thơ", NameEN: "Can Tho City"}, {Code: "hau-giang", NameVI: "Tỉnh Hậu Giang", NameEN: "Hau Giang"}}
	cases := map[string]string{
		"6 tháng năm 2018, Cần Thơ thu ngân sách được 7.060 tỷ đồng.":      "can-tho",
		"In 2019, Hau Giang's exports reached 300 million USD.":            "hau-giang",
		"Năm 2019, Cần Thơ và Hậu Giang thu ngân sách được 9.000 tỷ đồng.": "",
		"Năm 2019, thu ngân sách được 9.000 tỷ đồng.":                      "",
	}
	for text, want := range cases {
		ex := Extract(text, Options{Units: units})
		if len(ex.Figures) != 1 || ex.Figures[0].Unit != want {
			t.Errorf("%s: figures %+v, want one with unit %q", text, ex.Figures, want)
		}
	}
	if ex := Extract("Năm 2019, Cần Thơ thu ngân sách được 9.000 tỷ đồng.", Options{Unit: "x", Units: units}); ex.Figures[0].Unit != "x" {
		t.Errorf("the --unit hint must win over the text")
	}
}
