package catalog

// downloadWordTable holds the column headers, cell words and file names of
// the pages' CSV and Excel downloads, as [Vietnamese, English].
func downloadWordTable() map[string][2]string {
	return map[string][2]string{
		"csv.unit": {"Mã đơn vị", "Unit code"}, "csv.name": {"Tên", "Name"}, "csv.code": {"Mã", "Code"},
		"csv.parent": {"Đơn vị cấp trên", "Parent unit"}, "csv.depth": {"Cấp", "Level"},
		"csv.indicator": {"Mã chỉ tiêu", "Indicator code"}, "csv.indicators": {"Số chỉ tiêu", "Indicators"},
		"csv.measure": {"Đơn vị tính", "Measure"}, "csv.period": {"Kỳ", "Period"},
		"csv.value": {"Giá trị", "Value"}, "csv.ytd": {"Lũy kế từ đầu năm", "Year to date"},
		"csv.plan": {"Kế hoạch năm", "Plan for the year"}, "csv.plan_source": {"Nguồn kế hoạch", "Plan from"},
		"csv.completion": {"Tỷ lệ đạt KH (%)", "Completion of plan (%)"}, "csv.expected": {"Mức cần đạt (%)", "Expected (%)"},
		"csv.expected_value": {"Giá trị cần đạt", "Expected value"},
		"csv.pace":           {"Tiến độ", "Pace"}, "csv.yoy": {"Tăng so cùng kỳ (%)", "Change on a year earlier (%)"},
		"csv.report_status": {"Loại số liệu", "Report status"}, "csv.synthetic": {"Dữ liệu mô phỏng", "Synthetic data"},
		"csv.ahead": {"Vượt tiến độ", "Ahead"}, "csv.on_track": {"Đúng tiến độ", "On track"},
		"csv.behind": {"Chậm tiến độ", "Behind"}, "csv.at_risk": {"Có nguy cơ không đạt", "At risk"},
		"csv.unknown": {"Chưa xác định", "Unknown"},
		"csv.a":       {"Kỳ A", "Period A"}, "csv.b": {"Kỳ B", "Period B"},
		"csv.value_a": {"Giá trị kỳ A", "Value in A"}, "csv.value_b": {"Giá trị kỳ B", "Value in B"},
		"csv.difference_a_minus_b": {"Chênh lệch A − B", "Difference A − B"},
		"csv.ratio_a_to_b":         {"A so với B (%)", "A as % of B"},
		"csv.completion_a":         {"Tỷ lệ đạt KH kỳ A (%)", "Completion in A (%)"},
		"csv.completion_b":         {"Tỷ lệ đạt KH kỳ B (%)", "Completion in B (%)"},
		"csv.pace_a":               {"Tiến độ kỳ A", "Pace in A"}, "csv.pace_b": {"Tiến độ kỳ B", "Pace in B"},
		"csv.section": {"Phần", "Part"}, "csv.flag": {"Cảnh báo", "Flag"},
		"csv.explanation": {"Giải thích", "Explanation"}, "csv.figures": {"Số liệu liên quan", "Figures involved"},
		"csv.yes": {"có", "yes"}, "csv.no": {"không", "no"},
		"plan_source.stored":  {"kế hoạch đã lưu", "stored plan"},
		"plan_source.implied": {"suy từ % đạt báo cáo", "implied from the reported %"},
		"section.by_month":    {"Theo tháng", "By month"}, "section.across_years": {"Qua các năm", "Across years"},
		"file.home": {"tinh-hinh", "progress"}, "file.units": {"don-vi", "units"},
		"file.overview": {"tong-quan", "overview"}, "file.report": {"bao-cao", "report"},
		"file.indicator": {"chi-tieu", "indicator"}, "file.compare_periods": {"so-sanh-hai-ky", "period-comparison"},
		"file.compare_units": {"so-sanh-don-vi", "unit-comparison"}, "file.quality": {"chat-luong", "data-quality"},
	}
}
