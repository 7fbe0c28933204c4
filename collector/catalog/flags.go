package catalog

import (
	"fmt"

	"github.com/plantrack/plantrack/storage"
)

// flagSentences are the explanations of each data-quality flag, keyed by
// "flagtext." and the flag's code, as [Vietnamese, English]; each %s takes
// one figure of the flag, in the order flagFigures lists them. This is the
// one wording of a flag: storage computes a flag's figures and says nothing,
// and the pages, the JSON API and the CLI all explain it from here.
func flagSentences() map[string][2]string {
	return map[string][2]string{
		"flagtext." + storage.FlagPlanPercentMismatch: {
			"Báo cáo ghi đạt %s%% kế hoạch, nhưng %s so với kế hoạch %s là %s%%.",
			"The report says %s%% of plan, but %s against the plan of %s is %s%%."},
		"flagtext." + storage.FlagYTDDecrease: {
			"Lũy kế từ đầu năm giảm: %s ở cuối tháng %s, chỉ còn %s ở kỳ này.",
			"The year-to-date value fell: %s at the end of month %s, only %s now."},
		"flagtext." + storage.FlagYoYMismatch: {
			"Báo cáo ghi tăng %s%% so cùng kỳ, nhưng %s so với %s năm trước là %s%%.",
			"The report says %s%% year on year, but %s against last year's %s is %s%%."},
		"flagtext." + storage.FlagChildrenSumMismatch: {
			"%s đơn vị trực thuộc cộng lại được %s, lệch so với số của chính đơn vị là %s.",
			"The %s child units add up to %s, away from the unit's own %s."},
		"flagtext." + storage.FlagOutlier: {
			"Giá trị %s khác xa mức %s mà xu hướng cùng kỳ của %s năm khác cho thấy (z = %s).",
			"The value %s is far from the %s that this span's trend over %s other years points to (z = %s)."},
		"flagtext." + storage.FlagPartsMismatch: {
			"%s kỳ thành phần được báo cáo cộng lại được %s, nhưng số của cả kỳ là %s.",
			"The %s reported parts add up to %s, but the whole period is reported as %s."},
		"flagtext." + storage.FlagMissingPeriod: {
			"Từ tháng %s đến tháng %s chưa có số liệu giữa các kỳ đã báo cáo, nên không tính được lũy kế từ đầu năm.",
			"Months %s to %s have no figure between the reported periods, so the year-to-date value cannot be derived."},
		"flagtext." + storage.FlagMissingPeriod + ".one": {
			"Tháng %s chưa có số liệu giữa các kỳ đã báo cáo, nên không tính được lũy kế từ đầu năm.",
			"Month %s has no figure between the reported periods, so the year-to-date value cannot be derived."},
		"flagtext." + storage.FlagChildrenRange: {
			"Giá trị %s của đơn vị nằm ngoài khoảng %s–%s của %s đơn vị trực thuộc.",
			"The unit's value %s lies outside the range %s–%s of its %s child units."},
	}
}

// flagFigures lists, for each flag code, the figures its sentence takes in
// order.
func flagFigures() map[string][]string {
	return map[string][]string{
		storage.FlagPlanPercentMismatch: {"reported_plan_percent", "value", "plan", "computed_plan_percent"},
		storage.FlagYTDDecrease:         {"previous_ytd", "previous_month", "ytd"},
		storage.FlagYoYMismatch:         {"reported_yoy_percent", "value", "previous_value", "computed_yoy_percent"},
		storage.FlagChildrenSumMismatch: {"children", "children_sum", "value"},
		storage.FlagOutlier:             {"value", "expected_value", "years", "z"},
		storage.FlagPartsMismatch:       {"parts", "parts_sum", "value"},
		storage.FlagMissingPeriod:       {"first_missing_month", "last_missing_month"},
		storage.FlagChildrenRange:       {"value", "children_min", "children_max", "children"},
	}
}

// FigureDecimals is how many decimals a flag's figure is shown with at
// most: two for z-scores and percents, none for counts and months, one
// otherwise.
func FigureDecimals(key string) int {
	switch key {
	case "z", "reported_plan_percent", "computed_plan_percent", "reported_yoy_percent", "computed_yoy_percent":
		return 2
	case "children", "years", "previous_month", "parts", "first_missing_month", "last_missing_month":
		return 0
	}
	return 1
}

// NumberFormat writes v with at most maxFrac decimals in the reader's
// number style; callers pass the display formatter of their language.
type NumberFormat func(v float64, maxFrac int) string

// Flag explains f in the catalog's language with its figures written by
// num. A flag whose code the catalog does not know, or that lacks a figure
// its sentence needs, is named by its kind instead (never its code alone).
// A flag about one authority's plan starts with that authority's name. A
// missing period of a single month names that month once ("Month 5 …"),
// never as a range "Months 5 to 5".
func (c *Catalog) Flag(f storage.Flag, num NumberFormat) string {
	keys, ok := flagFigures()[f.Code]
	if !ok {
		return c.T("flag." + f.Code)
	}
	sentence := "flagtext." + f.Code
	if f.Code == storage.FlagMissingPeriod && singleMonth(f.Figures) {
		sentence, keys = sentence+".one", keys[:1]
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		v, ok := f.Figures[k]
		if !ok {
			return c.T("flag." + f.Code)
		}
		args[i] = num(v, FigureDecimals(k))
	}
	text := fmt.Sprintf(c.T(sentence), args...)
	if f.Authority != "" { // the plan a percent referred to
		text = c.T("authority."+string(f.Authority.OrDefault())) + ": " + text
	}
	return text
}

// singleMonth reports whether a missing_period flag's first and last
// missing months are both present and the same month.
func singleMonth(figs map[string]float64) bool {
	first, ok1 := figs["first_missing_month"]
	last, ok2 := figs["last_missing_month"]
	return ok1 && ok2 && first == last
}
