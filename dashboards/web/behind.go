package web

import (
	"fmt"
	"math"

	"github.com/plantrack/plantrack/storage"
)

// What a behind indicator lacks, said with its target: "KH 93,2% · thiếu
// 0,3 điểm %" for a rate, "KH 14.234 tỷ đồng · thiếu 120 tỷ đồng" for a
// level in its measure, "cần đạt 50,0% · thiếu 7,6 điểm" for a flow
// against the expected pace. A growth-only indicator (a growth, no value)
// shows its growth as the big number, and an indicator without a plan says
// "chưa có kế hoạch" rather than "chưa xác định".

// targetText sets the card's Target and Shortfall for a behind or at-risk
// item, its growth as the value of a growth-only item, and the pace word
// of an item without any plan.
func (l *Locale) targetText(c *card, it storage.Item) {
	if it.Value == nil && it.YoY != nil {
		c.Value, c.Unit, c.GrowthOnly = l.SignedPct(it.YoY), l.T("card.growthonly"), true
	}
	if noPlan(it) {
		c.Pace.Word = l.T("pace.noplan")
	}
	if it.Pace != storage.PaceBehind && it.Pace != storage.PaceAtRisk {
		return
	}
	switch {
	case it.Kind == storage.KindLevel && it.Plan != nil && it.Value != nil && it.PlanBasis == storage.BasisValue:
		c.Target = l.T("card.plan") + " " + l.Value(it.Plan, it.Measure) + l.measureSuffix(it.Measure)
		c.Shortfall = l.shortfall(*it.Plan-*it.Value, it)
	case it.Completion != nil && it.Expected != nil:
		c.Target = l.T("card.expected") + " " + l.Pct(it.Expected)
		c.Shortfall = fmt.Sprintf(l.T("card.short"), l.pointsAbs((*it.Expected-*it.Completion)*100))
	case it.Completion != nil:
		c.Target = l.T("card.plan") + " " + l.planTarget(it)
		c.Shortfall = fmt.Sprintf(l.T("card.short"), l.pointsAbs((1-*it.Completion)*100))
	}
}

// noPlan says the item has no plan at all to judge it by (neither a
// yearly plan of any authority nor a term target).
func noPlan(it storage.Item) bool {
	return (it.Pace == storage.PaceUnknown || it.Pace == "") && it.Plan == nil && it.Completion == nil && len(it.Plans) == 0
}

// shortfall says how far a level is from its plan in the plan's measure:
// "thiếu 0,3 điểm %" for a rate (a difference of rates is in points),
// "thiếu 120 tỷ đồng" otherwise; "vượt …" for a lower-is-better level
// above its cap.
func (l *Locale) shortfall(d float64, it storage.Item) string {
	key := "card.short"
	if it.Direction == storage.DirectionDown {
		key, d = "card.over", -d
	}
	d = math.Abs(d)
	if it.Measure == "percent" {
		return fmt.Sprintf(l.T(key), l.pointsAbs(d))
	}
	return fmt.Sprintf(l.T(key), l.Value(&d, it.Measure)+l.measureSuffix(it.Measure))
}

// pointsAbs is a difference of percentages without a sign: "0,3 điểm %".
func (l *Locale) pointsAbs(d float64) string {
	d = math.Abs(d)
	return l.Num(&d, 1) + " " + l.T("unit.pctpoints")
}

// measureSuffix is the measure after a number: "%" glued on, a word
// after a space.
func (l *Locale) measureSuffix(m string) string {
	if m == "percent" {
		return "%"
	}
	return " " + l.Measure(m)
}

// planTarget is the plan of an item judged by completion alone.
func (l *Locale) planTarget(it storage.Item) string {
	if it.Plan == nil {
		return "–"
	}
	if it.PlanBasis == storage.BasisGrowth {
		return l.T("plan.growth") + " " + l.planRange(it.PlanLow, it.PlanHigh, it.Plan) + "%"
	}
	return l.Value(it.Plan, it.Measure) + l.measureSuffix(it.Measure)
}
