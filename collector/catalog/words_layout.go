package catalog

// layoutWordTable holds the texts of the page frame, the phone layout, the
// printable report and the downloads, as [Vietnamese, English].
func layoutWordTable() map[string][2]string {
	return map[string][2]string{
		"nav.menu":                  {"Trình đơn", "Menu"},
		"nav.skip":                  {"Bỏ qua, đến nội dung chính", "Skip to the main content"},
		"table.scrollable":          {"Bảng số liệu (vuốt ngang để xem hết)", "Table (swipe sideways to see all of it)"},
		"compare.units.nofigures":   {"Chưa đơn vị trực thuộc nào của %s có số liệu \"%s\" kỳ %s.", "No unit under %s has a figure for \"%s\" in %s."},
		"compare.periods.nofigures": {"%s chưa có số liệu nào kỳ %s, nên cột của kỳ này để trống.", "%s has no figures for %s, so that period's column is empty."},
		"compare.otherperiods":      {"Các kỳ có số liệu:", "Periods with figures:"},
		"compare.noperiods":         {"Chưa có kỳ nào khác có số liệu để so sánh.", "No other period has figures to compare with."},
		"quality.allkinds":          {"Tất cả", "All"},
		"quality.sortoldest":        {"(bấm để xếp cũ nhất trước)", "(click for the oldest first)"},
		"quality.sortnewest":        {"(bấm để xếp mới nhất trước)", "(click for the newest first)"},
		"pager.label":               {"Phân trang", "Pages"},
		"pager.prev":                {"Trang trước", "Previous"},
		"pager.next":                {"Trang sau", "Next"},
		"pager.status":              {"Dòng %d–%d trên %d · trang %d/%d", "Rows %d–%d of %d · page %d of %d"},
		"overview.switchunit":       {"Đơn vị", "Unit"},
		"overview.switchgo":         {"Chuyển", "Go"},
		"report.datadate":           {"Số liệu tính đến", "Figures as of"},
		"report.printed":            {"Ngày in:", "Printed:"},
		"report.printbutton":        {"In báo cáo", "Print the report"},
		"report.noplan":             {"chưa có KH", "no plan"},
		"report.estimate":           {"ước", "est."},
		"report.col.n":              {"TT", "No."},
		"report.col.measure":        {"ĐVT", "Unit"},
		"report.col.plan":           {"KH năm", "Plan for the year"},
		"report.col.done":           {"Thực hiện/Ước thực hiện kỳ", "Actual/estimate for the period"},
		"report.col.ofplan":         {"So KH (%)", "% of plan"},
		"report.col.sametime":       {"So cùng kỳ (%)", "Same period last year = 100"},
		"report.note": {"* chậm so với tiến độ cần đạt. † KH suy từ tỷ lệ % đạt trong báo cáo. Chỉ tiêu cộng dồn: lũy kế từ đầu năm; \"(ước)\": số ước tính.",
			"* behind the expected pace. † plan implied from the reported % of plan. Cumulative indicators: year to date; \"(est.)\": an estimate."},
	}
}
