package catalog

import "strings"

// notesVI translates the prose extractor's notes on a figure (how it read
// the figure), which are plain text, not formats: "; " separates notes and
// "target N" carries a number.
func notesVI() map[string]string {
	return map[string]string{
		"% of plan read from a bare percentage after the value":           "% so kế hoạch đọc từ tỷ lệ % đứng ngay sau giá trị",
		"growth read as year on year (no comparison stated)":              "tăng trưởng hiểu là so cùng kỳ (văn bản không nói so với gì)",
		"average index over the span: 100 + growth":                       "chỉ số bình quân cả giai đoạn: 100 + tăng trưởng",
		"\"last year\" needs the report date (--date)":                    "\"năm trước\" cần ngày báo cáo để xác định",
		"year to date up to an unstated day; no period code expresses it": "lũy kế đến một ngày không nêu rõ; không có mã kỳ nào diễn đạt được",
		"no year in the text: give the report date (--date)":              "văn bản không nêu năm: hãy ghi ngày báo cáo",
		"none found": "không tìm thấy",
		"skip":       "bỏ qua",
	}
}

// Note says an extractor note in the catalog's language, part by part; a
// part the catalog does not know stays as written.
func (c *Catalog) Note(s string) string {
	if c.lang == EN || s == "" {
		return s
	}
	vi := notesVI()
	parts := strings.Split(s, "; ")
	for i, p := range parts {
		switch {
		case vi[p] != "":
			parts[i] = vi[p]
		case strings.HasPrefix(p, "target "):
			parts[i] = "kế hoạch " + strings.TrimPrefix(p, "target ")
		}
	}
	return strings.Join(parts, "; ")
}
