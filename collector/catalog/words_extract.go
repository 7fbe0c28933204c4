package catalog

// extractWords are the page texts of issue 16: a whole's parts and the
// plans a pasted report states, each [Vietnamese, English].
func extractWords() map[string][2]string {
	return map[string][2]string{
		"card.parts":           {"Trong đó", "Of which"},
		"paste.plans":          {"Kế hoạch, chỉ tiêu nêu trong văn bản", "Targets stated in the text"},
		"paste.plans.note":     {"Các chỉ tiêu được đánh dấu \"Lưu\" được lưu thành kế hoạch, với nguồn là báo cáo này.", "Targets ticked \"Keep\" are stored as plans, with this report as their source."},
		"paste.plans.keep":     {"Các chỉ tiêu đánh dấu \"Lưu\" được lưu thành kế hoạch cùng số liệu, với nguồn là báo cáo này.", "Targets ticked \"Keep\" are stored as plans with the figures, with this report as their source."},
		"col.yearterm":         {"Năm / giai đoạn", "Year / term"},
		"col.authority":        {"Cấp giao", "Set by"},
		"authority.central":    {"Trung ương", "Central government"},
		"authority.council":    {"HĐND", "People's Council"},
		"authority.party":      {"Đảng bộ", "Party"},
		"authority.own":        {"Đơn vị", "Own"},
		"basis.points":         {"điểm %", "points"},
		"basis.average_growth": {"bình quân %/năm", "average growth a year"},
		"basis.end_level":      {"mức cuối kỳ", "level at the end"},
		"basis.cumulative":     {"tổng cả kỳ", "total over the term"},
	}
}
