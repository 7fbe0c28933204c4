package storage

import (
	"math"
	"strconv"
)

// ratioDigits is how many significant digits a derived ratio keeps: enough
// for any figure a report writes, and no binary noise (0.05, not
// 0.050000000000000044).
const ratioDigits = 10

// Tidy rounds a ratio or product derived outside Derive (a page's expected
// value, a comparison's ratio) to the same 10 significant digits as every
// derived ratio, so no answer carries binary noise.
func Tidy(v float64) float64 { return sig10(v) }

// sig10 rounds v to ratioDigits significant digits.
func sig10(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', ratioDigits, 64), 64)
	if err != nil {
		return v
	}
	return r
}

func sig10Ptr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	return ptr(sig10(*p))
}

// tidyItem is where every ratio Derive computed is rounded to ratioDigits
// significant digits, so that no answer, page or export carries binary
// noise. Values, sums and differences are already rounded to their
// inputs' decimals where they are made (flowSpan, yoy_points), plans
// where they are implied (roundPlan).
func tidyItem(it *Item) {
	for _, p := range []**float64{&it.Completion, &it.CompletionOriginal, &it.Expected, &it.YoY, &it.YoYNominal} {
		*p = sig10Ptr(*p)
	}
	for i := range it.Plans {
		pp := &it.Plans[i]
		for _, p := range []**float64{&pp.Completion, &pp.CompletionOriginal, &pp.Expected, &pp.Change, &pp.Achieved, &pp.Needed} {
			*p = sig10Ptr(*p)
		}
	}
	for _, f := range it.Flags {
		for k, v := range f.Figures {
			if !givenFigures[k] {
				f.Figures[k] = sig10(v)
			}
		}
	}
}

// givenFigures are the flag figures that are reported values or their sums
// and differences (kept with their inputs' decimals), not ratios or scores.
var givenFigures = map[string]bool{
	"value": true, "ytd": true, "previous_ytd": true, "previous_value": true, "plan": true,
	"children_sum": true, "parts_sum": true, "children_min": true, "children_max": true,
}
