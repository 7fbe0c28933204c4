package catalog

// plansVI: what is wrong with a plan's term, basis, authority or reference,
// and with an indicator's growth basis (storage and collector).
func plansVI() map[string]string {
	return map[string]string{
		"the authority is council, central, party or own":                                              "cơ quan giao kế hoạch là HĐND (council), Trung ương (central), Đảng bộ (party) hoặc đơn vị tự đề ra (own)",
		"must be council, central, party or own":                                                       "phải là HĐND (council), Trung ương (central), Đảng bộ (party) hoặc đơn vị tự đề ra (own)",
		"must be same_period_last_year or previous_december":                                           "phải là cùng kỳ năm trước (same_period_last_year) hoặc tháng 12 năm trước (previous_december)",
		"required; a four-digit year such as 2018 (or a term such as 2021-2025)":                       "bắt buộc; năm có bốn chữ số, ví dụ 2018 (hoặc giai đoạn, ví dụ 2021-2025)",
		"a term plan's basis must be average_growth, end_level or cumulative":                          "kế hoạch giai đoạn phải là tăng bình quân (average_growth), mức cuối kỳ (end_level) hoặc lũy kế (cumulative)",
		"must be value, growth or points (average_growth, end_level or cumulative with a term)":        "phải là giá trị (value), tăng trưởng (growth) hoặc điểm %% (points) (với giai đoạn: average_growth, end_level hoặc cumulative)",
		"a points target is a change of a rate between -100 and 100 points":                            "kế hoạch theo điểm %% là mức thay đổi của một tỷ lệ, từ -100 đến 100 điểm",
		"reported_plan_percents %q: expected authority:percent":                                        "%% so kế hoạch theo cơ quan %q: cần dạng cơ_quan:tỷ_lệ",
		"the authority of a reported percent is council, central, party or own":                        "cơ quan của tỷ lệ báo cáo là HĐND (council), Trung ương (central), Đảng bộ (party) hoặc đơn vị tự đề ra (own)",
		"an authority is named twice; give one percent per plan":                                       "một cơ quan được ghi hai lần; mỗi kế hoạch chỉ ghi một tỷ lệ",
		"invalid term %q: write two years such as 2021-2025":                                           "giai đoạn %q không hợp lệ: hãy ghi hai năm, ví dụ 2021-2025",
		"invalid term %d-%d: the second year must follow the first by 1 to 10 years, within 1900–2999": "giai đoạn %d-%d không hợp lệ: năm sau phải lớn hơn năm đầu từ 1 đến 10 năm, trong khoảng 1900–2999",
		"give either year or term, not both":                                                           "ghi năm hoặc giai đoạn, không ghi cả hai",
		"a term plan's basis is average_growth, end_level or cumulative":                               "kế hoạch giai đoạn là tăng bình quân (average_growth), mức cuối kỳ (end_level) hoặc lũy kế (cumulative)",
		"a plan's year is between 1900 and 2999 (or give a term such as 2021-2025)":                    "năm kế hoạch phải từ 1900 đến 2999 (hoặc ghi giai đoạn, ví dụ 2021-2025)",
		"average_growth, end_level and cumulative need a term such as 2021-2025 instead of a year":     "tăng bình quân, mức cuối kỳ và lũy kế cần giai đoạn (ví dụ 2021-2025) thay cho năm",
		"basis is value, growth or points (average_growth, end_level or cumulative with a term)":       "loại kế hoạch là giá trị (value), tăng trưởng (growth) hoặc điểm %% (points) (với giai đoạn: average_growth, end_level hoặc cumulative)",
		"authority is council, central, party or own":                                                  "cơ quan giao kế hoạch là HĐND (council), Trung ương (central), Đảng bộ (party) hoặc đơn vị tự đề ra (own)",
		"reference is same_period_last_year or previous_december":                                      "mốc so sánh là cùng kỳ năm trước (same_period_last_year) hoặc tháng 12 năm trước (previous_december)",
		"only a growth or points plan has a reference":                                                 "chỉ kế hoạch tăng trưởng hoặc điểm %% mới có mốc so sánh",
		"plan %s / %s / %s / %s / %s is given twice with different targets; keep one":                  "kế hoạch %s / %s / %s / %s / %s được ghi hai lần với chỉ tiêu khác nhau; chỉ giữ một",
		"growth_basis is nominal, real or index":                                                       "cơ sở tăng trưởng là danh nghĩa (nominal), thực (real) hoặc chỉ số (index)",
		"index_base is same_period_last_year, previous_december, previous_period or base_year:YYYY":    "gốc chỉ số là cùng kỳ năm trước (same_period_last_year), tháng 12 năm trước (previous_december), kỳ trước (previous_period) hoặc năm gốc (base_year:YYYY)",
		"only an indicator with growth_basis index has an index_base":                                  "chỉ chỉ tiêu có cơ sở tăng trưởng là chỉ số (index) mới có gốc chỉ số",
		"primary_authority is council, central, party or own":                                          "cơ quan chính là HĐND (council), Trung ương (central), Đảng bộ (party) hoặc đơn vị tự đề ra (own)",
		"the header row names neither a period column (observations) nor a year or term column (plans); the first row must name the columns, e.g. unit,indicator,period,value": "dòng tiêu đề không có cột period (số liệu) hay cột year hoặc term (kế hoạch); dòng đầu phải là tên cột, ví dụ unit,indicator,period,value",
	}
}
