package catalog

// securityVI: the bounds and rules that keep writers in their scope and
// uploads from exhausting the server (issue 17).
func securityVI() map[string]string {
	return map[string]string{
		"more than %d characters in one cell":                                                                              "hơn %d ký tự trong một ô",
		"%s, cell %s holds more than %d characters, the most one cell may hold; shorten it":                                "%s, ô %s có hơn %d ký tự, mức tối đa của một ô; hãy rút ngắn",
		"shared text number %d holds more than %d characters, the most one cell may hold; shorten it":                      "đoạn văn bản dùng chung số %d có hơn %d ký tự, mức tối đa của một ô; hãy rút ngắn",
		"the workbook part %s holds more than %d characters in one place, the most one cell may hold; shorten it":          "phần %s của tệp Excel có hơn %d ký tự liền nhau, mức tối đa của một ô; hãy rút ngắn",
		"%s has a value in cell %s, beyond column %d; keep the report in the first columns":                                "%s có giá trị ở ô %s, ngoài cột %d; hãy để báo cáo trong các cột đầu",
		"not a number in English notation (63,135.5), which the locale en asks for; it reads as %s in Vietnamese notation": "không phải số viết theo kiểu tiếng Anh (63,135.5) như cách viết en yêu cầu; theo kiểu tiếng Việt số này là %s",
		"not a number in Vietnamese notation (63.135,5), which the locale vi asks for; it reads as %s in English notation": "không phải số viết theo kiểu tiếng Việt (63.135,5) như cách viết vi yêu cầu; theo kiểu tiếng Anh số này là %s",
		"more digits than a figure can hold exactly; round it to at most 15 significant digits":                            "nhiều chữ số hơn mức một số liệu lưu được chính xác; hãy làm tròn còn tối đa 15 chữ số có nghĩa",
		"the key %q is given twice; give each field once":                                                                  "khóa %q được ghi hai lần; mỗi trường chỉ ghi một lần",
		"the key %q must be written %q, in lower case":                                                                     "khóa %q phải viết là %q, bằng chữ thường",
		"unknown field %q": "trường %q không có trong định dạng",
		"the server's disk is full, so nothing was stored; tell the administrator, who must free space, then send it again": "ổ đĩa của máy chủ đã đầy nên chưa lưu gì; hãy báo quản trị viên giải phóng dung lượng rồi gửi lại",
		"not UTF-8 text": "không phải văn bản UTF-8",
		"holds a control character (U+%04X); remove it":               "có ký tự điều khiển (U+%04X); hãy bỏ ký tự đó",
		"holds a text-direction control (U+%04X); remove it":          "có ký tự điều khiển chiều chữ (U+%04X); hãy bỏ ký tự đó",
		"longer than %d characters, the most it may have; shorten it": "dài hơn %d ký tự, mức tối đa cho phép; hãy rút ngắn",
		"beyond the last column a report may use":                     "ngoài cột cuối cùng một báo cáo được dùng",
	}
}
