package catalog

// extractVI: why the prose extractor left a number out (collector/extract),
// shown beside the number on the paste page.
func extractVI() map[string]string {
	return map[string]string{
		"month on month or since the start of the year, not year on year": "so với tháng trước hoặc so với đầu năm, không phải so cùng kỳ",
		"a share, not growth":                        "một tỷ trọng, không phải tăng trưởng",
		"last year's growth":                         "tăng trưởng của năm trước",
		"a target, not the result":                   "một chỉ tiêu kế hoạch, không phải kết quả",
		"target in parentheses, not the result":      "kế hoạch trong ngoặc, không phải kết quả",
		"earlier or wider comparison in parentheses": "so sánh với kỳ trước hoặc phạm vi rộng hơn, trong ngoặc",
		"under a target heading":                     "thuộc mục kế hoạch",
		"list numbering":                             "số thứ tự của danh sách",
		"time":                                       "giờ",
		"date":                                       "ngày tháng",
		"years":                                      "số năm",
		"range (a target, not a result)":             "khoảng (kế hoạch, không phải kết quả)",
		"year":                                       "năm",
		"per head or per unit, not a total":          "bình quân đầu người hoặc trên một đơn vị, không phải tổng",
		"the same amount in another currency":        "cùng số tiền quy ra đơn vị tiền khác",
		"change, not a level":                        "mức thay đổi, không phải mức đạt",
		"target":                                     "kế hoạch",
		"a contribution to growth in points":         "phần đóng góp vào tăng trưởng, tính bằng điểm %",
		"%d of %d extracted plans cannot be imported as they stand; nothing was stored": "%d/%d chỉ tiêu kế hoạch trích ra chưa thể nhập như hiện có; chưa lưu gì",
		"plan %d (%s): %s": "kế hoạch %d (%s): %s",
		// plantrack extract's own lines.
		"left out (not a catalog indicator; add it on the paste page or in a file): %q":                           "bỏ qua (không phải chỉ tiêu trong danh mục; hãy thêm trên trang dán báo cáo hoặc trong tệp): %q",
		"left out (only a growth range or a change in points, nothing to store; settle it on the paste page): %q": "bỏ qua (chỉ có khoảng tăng trưởng hoặc mức thay đổi theo điểm phần trăm, không có gì để lưu; hãy xử lý trên trang dán báo cáo): %q",
		"no catalog figure to import from %s":                                                                     "không có số liệu nào thuộc danh mục chỉ tiêu để nhập từ %s",
		"%d figures found, %d numbers not recognised":                                                             "tìm thấy %d số liệu, %d con số không nhận ra",
		"%d figures found, %d plans, %d numbers not recognised":                                                   "tìm thấy %d số liệu, %d chỉ tiêu kế hoạch, %d con số không nhận ra",
		"--lang %q: use vi or en":                                                                                 "--lang %q: hãy dùng vi hoặc en",
		"--date %q: write YYYY-MM-DD, e.g. 2018-06-11":                                                            "--date %q: hãy ghi YYYY-MM-DD, ví dụ 2018-06-11",
		"--import needs --unit CODE: the unit the report is about":                                                "--import cần --unit MÃ: đơn vị mà báo cáo nói đến",
		"no unit: pass --unit or set the unit of the plan":                                                        "chưa có đơn vị: ghi --unit hoặc chọn đơn vị cho kế hoạch",
		"the term %s is not two years such as 2021-2025":                                                          "giai đoạn %s không phải hai năm dạng 2021-2025",
		"an indicator cannot be a part of itself":                                                                 "một chỉ tiêu không thể là bộ phận của chính nó",
		"no indicator has this code; add the whole first":                                                         "không có chỉ tiêu nào mang mã này; hãy thêm chỉ tiêu tổng trước",
		"that indicator is itself a part of %s; name the whole":                                                   "chỉ tiêu đó là bộ phận của %s; hãy ghi chỉ tiêu tổng",
	}
}
