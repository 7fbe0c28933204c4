package catalog

// planWordTable holds the words of plans by authority, term targets, rates'
// change in points, caps and the flags of SPEC §2 revision 2, as
// [Vietnamese, English]. Formats take their arguments in the order given
// by the indexed verbs.
func planWordTable() map[string][2]string {
	return map[string][2]string{
		"col.planpctcentral":      {"% KH Trung ương giao", "% of central plan"},
		"plan.against":            {"KH %[1]s giao: đạt %[2]s", "%[1]s plan: %[2]s"},
		"plan.points":             {"KH thay đổi", "planned change"},
		"plan.sincedec":           {"so với tháng 12 năm trước", "since last December"},
		"yoy.nominal":             {"theo giá hiện hành", "at current prices"},
		"term.average":            {"Mục tiêu %[1]s: bình quân %[2]s/năm", "Target %[1]s: %[2]s a year on average"},
		"term.achieved":           {"đạt %[1]s/năm", "achieved %[1]s a year"},
		"term.needed":             {"cần %[1]s/năm cho %[2]d năm còn lại", "needs %[1]s a year over the %[2]d remaining years"},
		"term.needed1":            {"cần %[1]s cho năm còn lại", "needs %[1]s in the remaining year"},
		"term.endlevel":           {"Mục tiêu %[1]s: đến năm %[3]d đạt %[2]s", "Target %[1]s: %[2]s by %[3]d"},
		"term.cumulative":         {"Mục tiêu %[1]s: tổng cộng %[2]s", "Target %[1]s: %[2]s in total"},
		"term.reached":            {"đã đạt %[1]s", "%[1]s reached"},
		"cap.over":                {"vượt trần %[1]s", "%[1]s over the cap"},
		"cap.under":               {"thấp hơn trần %[1]s", "%[1]s under the cap"},
		"cap.at":                  {"bằng mức trần", "at the cap"},
		"flag.parts_mismatch":     {"Tổng các kỳ thành phần lệch", "Parts don't add up"},
		"flag.missing_period":     {"Thiếu kỳ báo cáo", "Missing period"},
		"flag.children_range":     {"Ngoài khoảng của đơn vị con", "Outside the children's range"},
		"fig.parts_sum":           {"tổng các kỳ thành phần", "sum of the parts"},
		"fig.parts":               {"số kỳ thành phần", "parts"},
		"fig.first_missing_month": {"tháng thiếu đầu tiên", "first missing month"},
		"fig.last_missing_month":  {"tháng thiếu cuối cùng", "last missing month"},
		"fig.children_min":        {"nhỏ nhất của đơn vị con", "children's lowest"},
		"fig.children_max":        {"lớn nhất của đơn vị con", "children's highest"},
	}
}
