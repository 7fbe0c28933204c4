package web

import (
	"fmt"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// flagTexts are the explanation templates of each flag kind as
// [Vietnamese, English] and the figures each needs, in order; a number's
// decimals follow the key ("z" and percents two, counts none).
func flagTexts() map[string]struct {
	text [2]string
	keys []string
} {
	type t = struct {
		text [2]string
		keys []string
	}
	return map[string]t{
		storage.FlagPlanPercentMismatch: {[2]string{
			"Báo cáo ghi đạt %s%% kế hoạch, nhưng %s so với kế hoạch %s là %s%%.",
			"The report says %s%% of plan, but %s against the plan of %s is %s%%."},
			[]string{"reported_plan_percent", "value", "plan", "computed_plan_percent"}},
		storage.FlagYTDDecrease: {[2]string{
			"Lũy kế từ đầu năm giảm: %s ở cuối tháng %s, chỉ còn %s ở kỳ này.",
			"The year-to-date value fell: %s at the end of month %s, only %s now."},
			[]string{"previous_ytd", "previous_month", "ytd"}},
		storage.FlagYoYMismatch: {[2]string{
			"Báo cáo ghi tăng %s%% so cùng kỳ, nhưng %s so với %s năm trước là %s%%.",
			"The report says %s%% year on year, but %s against last year's %s is %s%%."},
			[]string{"reported_yoy_percent", "value", "previous_value", "computed_yoy_percent"}},
		storage.FlagChildrenSumMismatch: {[2]string{
			"%s đơn vị trực thuộc cộng lại được %s, lệch so với số của chính đơn vị là %s.",
			"The %s child units add up to %s, away from the unit's own %s."},
			[]string{"children", "children_sum", "value"}},
		storage.FlagPartsMismatch: {[2]string{
			"%s kỳ thành phần được báo cáo cộng lại được %s, nhưng số của cả kỳ là %s.",
			"The %s reported parts add up to %s, but the whole period is reported as %s."},
			[]string{"parts", "parts_sum", "value"}},
		storage.FlagMissingPeriod: {[2]string{
			"Từ tháng %s đến tháng %s chưa có số liệu giữa các kỳ đã báo cáo, nên không tính được lũy kế từ đầu năm.",
			"Months %s to %s have no figure between the reported periods, so the year-to-date value cannot be derived."},
			[]string{"first_missing_month", "last_missing_month"}},
		storage.FlagChildrenRange: {[2]string{
			"Giá trị %s của đơn vị nằm ngoài khoảng %s–%s của %s đơn vị trực thuộc.",
			"The unit's value %s lies outside the range %s–%s of its %s child units."},
			[]string{"value", "children_min", "children_max", "children"}},
		storage.FlagOutlier: {[2]string{
			"Giá trị %s khác xa mức %s mà xu hướng cùng kỳ của %s năm khác cho thấy (z = %s).",
			"The value %s is far from the %s that this span's trend over %s other years points to (z = %s)."},
			[]string{"value", "expected_value", "years", "z"}},
	}
}

// figureOf names one figure behind a flag in the page's language and formats
// it: shares as signed percentages, percents with a % sign.
func (l *Locale) figureOf(key string, v float64) figure {
	fig := figure{Name: l.TOr("fig."+key, key), Value: l.Num(&v, 2)}
	switch {
	case strings.HasSuffix(key, "_share"):
		fig.Value = l.SignedPct(&v)
	case strings.HasSuffix(key, "_percent"):
		fig.Value += "%"
	}
	return fig
}

// flagText explains a flag in the page's language with its figures in the
// page's number format; a kind it does not know, or a flag missing a
// figure, keeps the explanation storage wrote.
func (l *Locale) flagText(f storage.Flag) string {
	t, ok := flagTexts()[f.Code]
	if !ok {
		return f.Explanation
	}
	args := make([]any, len(t.keys))
	for i, k := range t.keys {
		v, ok := f.Figures[k]
		if !ok {
			return f.Explanation
		}
		frac := 1
		switch k {
		case "z", "reported_plan_percent", "computed_plan_percent", "reported_yoy_percent", "computed_yoy_percent":
			frac = 2
		case "children", "years", "previous_month", "parts", "first_missing_month", "last_missing_month":
			frac = 0
		}
		args[i] = l.Num(&v, frac)
	}
	text := t.text[0]
	if l.Lang == langEN {
		text = t.text[1]
	}
	text = fmt.Sprintf(text, args...)
	if f.Authority != "" { // the plan a percent referred to
		text = l.authorityName(f.Authority) + ": " + text
	}
	return text
}
