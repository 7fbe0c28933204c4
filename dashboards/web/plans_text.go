package web

import (
	"fmt"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// The words of SPEC §2 revision 2 on pages: a rate's change in points, the
// current-price growth of a real indicator, a cap's wording, completion
// against the other authorities' plans and term targets.

// yoyText is an item's year-on-year change as a page shows it: a rate's in
// points ("+1,9 điểm %"), anything else as a signed percentage.
func (l *Locale) yoyText(it storage.Item) string {
	if it.Measure == "percent" && it.YoYPoints != nil {
		return l.points(*it.YoYPoints)
	}
	return l.SignedPct(it.YoY)
}

// nominalText is a real indicator's current-price growth with its label
// ("+9,53% theo giá hiện hành"), or "" when there is none.
func (l *Locale) nominalText(it storage.Item) string {
	if it.YoYNominal == nil {
		return ""
	}
	return l.SignedPct(it.YoYNominal) + " " + l.T("yoy.nominal")
}

// completionText is the primary plan's completion; for a lower-is-better
// level judged against a value plan it says how far over or under the cap
// the value is ("vượt trần 14%"), never "114% of plan".
func (l *Locale) completionText(it storage.Item) string {
	if it.Completion == nil || it.Kind != storage.KindLevel || it.Direction != storage.DirectionDown ||
		it.PlanBasis != storage.BasisValue {
		return l.Pct(it.Completion)
	}
	d := *it.Completion - 1
	switch {
	case d > 0:
		return fmt.Sprintf(l.T("cap.over"), l.Pct(&d))
	case d < 0:
		d = -d
		return fmt.Sprintf(l.T("cap.under"), l.Pct(&d))
	}
	return l.T("cap.at")
}

// authorityName names the authority that set a plan.
func (l *Locale) authorityName(a storage.Authority) string {
	return l.T("authority." + string(a.OrDefault()))
}

// otherPlans lists the completion against each yearly plan in force other
// than the primary one ("KH Trung ương giao: đạt 103,5%").
func (l *Locale) otherPlans(it storage.Item) []string {
	var out []string
	for _, p := range it.Plans {
		if p.Primary || !p.Term.IsZero() || p.Completion == nil {
			continue
		}
		out = append(out, fmt.Sprintf(l.T("plan.against"), l.authorityName(p.Authority), l.Pct(p.Completion)))
	}
	return out
}

// termTargets describes each term plan with its progress: "Mục tiêu
// 2021–2025: bình quân 7%/năm · đạt 6,66%/năm · cần 7,51%/năm cho 2 năm
// còn lại".
func (l *Locale) termTargets(it storage.Item) []string {
	var out []string
	for _, p := range it.Plans {
		if p.Term.IsZero() {
			continue
		}
		term := fmt.Sprintf("%d–%d", p.Term.First, p.Term.Last)
		target := l.planRange(p.TargetLow, p.TargetHigh, p.Target)
		var parts []string
		switch p.Basis {
		case storage.BasisAverageGrowth:
			parts = append(parts, fmt.Sprintf(l.T("term.average"), term, target+"%"))
			if p.Achieved != nil {
				parts = append(parts, fmt.Sprintf(l.T("term.achieved"), l.growthPct(*p.Achieved)))
			}
			if p.Needed != nil && p.RemainingYears == 1 {
				parts = append(parts, fmt.Sprintf(l.T("term.needed1"), l.growthPct(*p.Needed)))
			} else if p.Needed != nil {
				parts = append(parts, fmt.Sprintf(l.T("term.needed"), l.growthPct(*p.Needed), p.RemainingYears))
			}
		case storage.BasisEndLevel:
			parts = append(parts, fmt.Sprintf(l.T("term.endlevel"), term, target+" "+l.Measure(it.Measure), p.Term.Last))
		case storage.BasisCumulative:
			parts = append(parts, fmt.Sprintf(l.T("term.cumulative"), term, target+" "+l.Measure(it.Measure)))
		}
		if p.Basis != storage.BasisAverageGrowth && p.Completion != nil {
			parts = append(parts, fmt.Sprintf(l.T("term.reached"), l.Pct(p.Completion)))
		}
		out = append(out, strings.Join(parts, " · "))
	}
	return out
}

// growthPct writes a growth ratio as a percentage with two decimals and no
// sign: 0.0666 → 6,66%.
func (l *Locale) growthPct(r float64) string {
	v := r * 100
	return l.Num(&v, 2) + "%"
}
