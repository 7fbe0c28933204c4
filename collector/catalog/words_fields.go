package catalog

// fieldWords names every input field — a column of a CSV, JSON or XLSX
// report and a field of the writer forms — as [Vietnamese, English], under
// "field." and the field's code, so an error names the field the way the
// page does.
func fieldWords() map[string][2]string {
	return map[string][2]string{
		"field.unit": {"Đơn vị", "Unit"}, "field.indicator": {"Chỉ tiêu", "Indicator"},
		"field.period": {"Kỳ", "Period"}, "field.value": {"Giá trị", "Value"},
		"field.report_status":         {"Loại số liệu", "Report status"},
		"field.reported_plan_percent": {"% so kế hoạch (báo cáo)", "% of plan (reported)"},
		"field.reported_yoy_percent":  {"% so cùng kỳ (báo cáo)", "Growth on a year earlier (reported)"},
		"field.reported_at":           {"Ngày báo cáo", "Report date"},
		"field.source":                {"Nguồn", "Source"}, "field.quote": {"Trích dẫn", "Quote"},
		"field.retracted": {"Đã rút lại", "Retracted"}, "field.year": {"Năm", "Year"},
		"field.basis": {"Loại kế hoạch", "Plan basis"}, "field.target": {"Chỉ tiêu kế hoạch", "Target"},
		"field.target_low": {"Cận dưới kế hoạch", "Target, low end"}, "field.target_high": {"Cận trên kế hoạch", "Target, high end"},
		"field.version": {"Phiên bản kế hoạch", "Plan version"}, "field.adopted_on": {"Ngày thông qua", "Adopted on"},
		"field.code": {"Mã", "Code"}, "field.parent": {"Đơn vị cấp trên", "Parent unit"},
		"field.name_vi": {"Tên tiếng Việt", "Vietnamese name"}, "field.name_en": {"Tên tiếng Anh", "English name"},
		"field.measure": {"Đơn vị tính", "Measure"}, "field.kind": {"Loại chỉ tiêu", "Kind"},
		"field.direction": {"Chiều tốt", "Direction"}, "field.pace_profile": {"Nhịp tiến độ", "Pace profile"},
		"field.growth_basis": {"Cơ sở tăng trưởng", "Growth basis"},
		"field.term":         {"Giai đoạn", "Term"}, "field.authority": {"Cơ quan giao kế hoạch", "Plan authority"},
		"field.reference":                     {"Mốc so sánh", "Reference"},
		"field.reported_plan_percent_council": {"% so kế hoạch HĐND (báo cáo)", "% of the council's plan (reported)"},
		"field.reported_plan_percent_central": {"% so kế hoạch Trung ương (báo cáo)", "% of the central plan (reported)"},
		"field.reported_plan_percent_party":   {"% so kế hoạch Đảng bộ (báo cáo)", "% of the party's plan (reported)"},
		"field.reported_plan_percent_own":     {"% so kế hoạch đơn vị (báo cáo)", "% of the unit's own plan (reported)"},
		"field.reported_plan_percents":        {"% so các kế hoạch (báo cáo)", "% of each plan (reported)"},
		"field.index_base":                    {"Gốc chỉ số", "Index base"},
		"field.primary_authority":             {"Cơ quan chính", "Primary authority"},
		"field.part_of":                       {"Thuộc chỉ tiêu", "Part of"},
		"upload.columnnames":                  {"Các cột (tên cột trong tệp giữ nguyên tiếng Anh):", "The columns (a file names them in English):"},
		// The CLI's words around an error.
		"cli.notimported": {"không nhập", "not imported"},
		// The placeholders --help shows for a flag whose usage names none
		// (the flag package's type names).
		"cli.type.duration": {"thời-gian", "duration"}, "cli.type.int": {"số", "int"}, "cli.type.value": {"giá-trị", "value"},
		"cli.type.string": {"chuỗi", "string"}, "cli.type.float": {"số", "float"}, "cli.type.uint": {"số", "uint"},
	}
}
