package catalog

// securityVI: the bounds and rules that keep writers in their scope and
// uploads from exhausting the server (issue 17).
func securityVI() map[string]string {
	return map[string]string{
		"more than %d characters in one cell":                                                                     "hơn %d ký tự trong một ô",
		"%s, cell %s holds more than %d characters, the most one cell may hold; shorten it":                       "%s, ô %s có hơn %d ký tự, mức tối đa của một ô; hãy rút ngắn",
		"shared text number %d holds more than %d characters, the most one cell may hold; shorten it":             "đoạn văn bản dùng chung số %d có hơn %d ký tự, mức tối đa của một ô; hãy rút ngắn",
		"the workbook part %s holds more than %d characters in one place, the most one cell may hold; shorten it": "phần %s của tệp Excel có hơn %d ký tự liền nhau, mức tối đa của một ô; hãy rút ngắn",
		"%s has a value in cell %s, beyond column %d; keep the report in the first columns":                       "%s có giá trị ở ô %s, ngoài cột %d; hãy để báo cáo trong các cột đầu",
		"beyond the last column a report may use":                                                                 "ngoài cột cuối cùng một báo cáo được dùng",
	}
}
