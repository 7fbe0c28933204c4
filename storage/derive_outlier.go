package storage

import (
	"math"
	"sort"
)

// outlierMinYears is how many other years of the same span the outlier test
// needs before it judges a value.
const outlierMinYears = 5

// outlierFlag: the value is far from what the same span in the unit's other
// years leads one to expect, by a robust z-score. Most figures grow steadily
// (money in current prices by 5–15% a year), and against a plain median the
// newest and oldest years would always look extreme; so the history is
// first detrended by a robust line (Theil–Sen, on logarithms when every
// value is positive), and the robust z-score of robustZ is taken on the
// residuals. Needs outlierMinYears other years.
func outlierFlag(mk flagMaker, x figIndex, f Facts, it Item, th Thresholds) (Flag, bool) {
	if it.Value == nil {
		return Flag{}, false
	}
	var years, hist []float64
	for _, y := range yearsOf(x) {
		if y == f.Period.Year {
			continue
		}
		if v, ok := x.value(f.Indicator.Kind, f.Period.SameSpanIn(y)); ok {
			years, hist = append(years, float64(y)), append(hist, v)
		}
	}
	if len(hist) < outlierMinYears {
		return Flag{}, false
	}
	z, expected, ok := trendZ(float64(f.Period.Year), *it.Value, years, hist)
	if !ok || math.Abs(z) <= th.OutlierZ {
		return Flag{}, false
	}
	return mk(FlagOutlier, map[string]float64{
		"value": *it.Value, "expected_value": expected, "z": z, "years": float64(len(hist)),
	}), true
}

// trendZ fits a Theil–Sen line through (xs, ys) — on logarithms when every
// value is positive — and returns the robust z-score of (x0, y0)'s residual
// and the value the line and the residuals' median predict at x0. ok is
// false when the history has no spread at all.
func trendZ(x0, y0 float64, xs, ys []float64) (z, expected float64, ok bool) {
	useLog := y0 > 0
	for _, y := range ys {
		useLog = useLog && y > 0
	}
	tf, inv := func(v float64) float64 { return v }, func(v float64) float64 { return v }
	if useLog {
		tf, inv = math.Log, math.Exp
	}
	t := make([]float64, len(ys))
	for i, y := range ys {
		t[i] = tf(y)
	}
	var slopes []float64
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			if xs[j] != xs[i] {
				slopes = append(slopes, (t[j]-t[i])/(xs[j]-xs[i]))
			}
		}
	}
	b := 0.0
	if len(slopes) > 0 {
		b = median(slopes)
	}
	icpt := make([]float64, len(t))
	for i := range t {
		icpt[i] = t[i] - b*xs[i]
	}
	a := median(icpt)
	res := make([]float64, len(t))
	for i := range t {
		res[i] = t[i] - (a + b*xs[i])
	}
	r0 := tf(y0) - (a + b*x0)
	floor := minRelSpread // in logarithms, a relative spread
	if !useLog {
		floor = minRelSpread * math.Abs(median(ys))
	}
	z, medR, ok := robustZ(r0, res, floor)
	return z, inv(a + b*x0 + medR), ok
}

// minRelSpread is the smallest spread the outlier test assumes, relative to
// the value. Reported figures are rounded, estimated and revised by a few
// percent, and a short, smooth history underestimates its own spread; so a
// value within about 10% (3.5 × 3%) of what its history points to is never
// an outlier.
const minRelSpread = 0.03

// robustZ is the robust z-score (v − median)/σ, where σ is the larger of
// MAD/0.6745 and 1.2533 × the mean absolute deviation (the two estimate
// the standard deviation of normal noise; the second does not collapse when
// most of a short history lies on one line) and never below floor. ok is
// false when there is no spread at all.
func robustZ(v float64, hist []float64, floor float64) (z, med float64, ok bool) {
	med = median(hist)
	dev := make([]float64, len(hist))
	meanAD := 0.0
	for i, h := range hist {
		dev[i] = math.Abs(h - med)
		meanAD += dev[i] / float64(len(hist))
	}
	sigma := math.Max(math.Max(median(dev)/0.6745, 1.253314*meanAD), floor)
	if sigma <= 0 {
		return 0, med, false
	}
	return (v - med) / sigma, med, true
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// yearsOf returns the years with any figure that has a value, ascending.
func yearsOf(x figIndex) []int {
	ys := make([]int, 0, len(x.byYear))
	for y := range x.byYear {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}
