package catalog

// unitsVI: what is wrong with a unit's dates, parents over time and
// predecessors (SPEC §2 "Units over time"), and with reference data.
func unitsVI() map[string]string {
	return map[string]string{
		"give the date its territory passed (YYYY-MM-DD)":                         "ghi ngày chuyển giao địa bàn (YYYY-MM-DD)",
		"write each predecessor as CODE@YYYY-MM-DD, the day its territory passed": "ghi mỗi đơn vị tiền thân dạng MÃ@YYYY-MM-DD, là ngày chuyển giao địa bàn",
		"write true or false": "ghi true (có) hoặc false (không)",
		"no reference data named %q; `plantrack reference list` shows the names":                "không có dữ liệu tham chiếu tên %q; lệnh `plantrack reference list` liệt kê các tên",
		"unknown predecessor unit; put it before its successor":                                 "không có đơn vị tiền thân này; hãy khai báo nó trước đơn vị kế thừa",
		"unit %s is given twice with different names, parents, dates or predecessors; keep one": "đơn vị %s được khai báo hai lần với tên, cấp trên, ngày hoặc đơn vị tiền thân khác nhau; chỉ giữ một",
		"a parent's from date is YYYY-MM-DD":                                                    "ngày bắt đầu trực thuộc ghi dạng YYYY-MM-DD",
		"two parents take effect on the same day; keep one":                                     "hai đơn vị cấp trên có hiệu lực cùng một ngày; chỉ giữ một",
		"each entry of parents names a parent":                                                  "mỗi mục của danh sách cấp trên phải ghi đơn vị cấp trên",
		"parent differs from the latest of parents; give one or make them agree":                "cấp trên (parent) khác cấp trên mới nhất trong danh sách (parents); chỉ ghi một hoặc sửa cho khớp",
		"each predecessor has a date YYYY-MM-DD (the day its territory passed)":                 "mỗi đơn vị tiền thân cần ngày YYYY-MM-DD (ngày chuyển giao địa bàn)",
		"a unit cannot be its own predecessor":                                                  "đơn vị không thể là tiền thân của chính nó",
		"predecessor given twice; keep one":                                                     "đơn vị tiền thân được ghi hai lần; chỉ giữ một",
		"a date is YYYY-MM-DD":                                                                  "ngày ghi dạng YYYY-MM-DD",
		"the header row names no period column (observations), year or term column (plans) or code column (units); the first row must name the columns, e.g. unit,indicator,period,value": "dòng tiêu đề không có cột period (số liệu), cột year hoặc term (kế hoạch) hay cột code (đơn vị); dòng đầu phải là tên cột, ví dụ unit,indicator,period,value",
		"valid_to is before valid_from %s": "ngày kết thúc (valid_to) trước ngày bắt đầu (valid_from) %s",
	}
}

// unitWords are the pages' texts about units over time: a unit's history,
// a retired unit's banner and reconstructed figures.
func unitWords() map[string][2]string {
	return map[string][2]string{
		"history.merged":        {"Hợp nhất từ %s từ %s", "Merged from %s on %s"},
		"history.split":         {"Tách từ %s từ %s", "Split from %s on %s"},
		"history.part":          {"Nhận một phần địa bàn của %s từ %s", "Took over part of %s on %s"},
		"history.succeeds":      {"Kế thừa %s từ %s", "Succeeds %s from %s"},
		"history.since":         {"Thành lập từ %s", "Established on %s"},
		"history.moved":         {"trực thuộc %s từ %s", "under %s since %s"},
		"history.why.split":     {"Số liệu trước %s không được cộng lại: %s đã chia cho nhiều đơn vị, không tách được phần của đơn vị này.", "Figures before %s are not summed: %s was divided among several units, so this unit's share cannot be told apart."},
		"history.why.partial":   {"Số liệu trước %s không được cộng lại: %s vẫn còn, chỉ một phần địa bàn chuyển sang.", "Figures before %s are not summed: %s still exists and only part of it passed to this unit."},
		"history.retired":       {"Đơn vị này đã kết thúc ngày %s; trang được giữ để xem số liệu cũ.", "This unit ended on %s; its pages are kept for its figures."},
		"history.successor":     {"Đơn vị kế thừa:", "Succeeded by:"},
		"history.reconstructed": {"số liệu %d cộng từ %s", "%d figures summed from %s"},
		"history.yoy":           {"Tăng trưởng so với cùng kỳ dùng %s.", "Growth on the same period last year uses %s."},
		"history.column":        {"* %s: %s", "* %s: %s"},
		"units.showretired":     {"Hiện cả đơn vị đã kết thúc (%d)", "Show retired units too (%d)"},
		"units.hideretired":     {"Chỉ hiện đơn vị hiện hành", "Show current units only"},
		"units.ended":           {"kết thúc %s", "ended %s"},
		"compare.reconstructed": {"* Số liệu trước ngày hợp nhất, cộng từ các đơn vị tiền thân.", "* Figures from before the merger, summed from the unit's predecessors."},
		"field.parents":         {"Các đơn vị cấp trên theo thời gian", "Parents over time"},
		"field.valid_from":      {"Hiệu lực từ ngày", "Valid from"},
		"field.valid_to":        {"Hiệu lực đến ngày", "Valid to"},
		"field.predecessors":    {"Đơn vị tiền thân", "Predecessors"},
		"field.synthetic":       {"Dữ liệu mô phỏng", "Synthetic"},
	}
}
