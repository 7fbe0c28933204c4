package demo

import (
	"math/rand/v2"

	"github.com/plantrack/plantrack/storage"
)

// planOf builds one synthetic plan version.
func planOf(unit, ind string, year int, basis storage.PlanBasis, low, high float64, version, adopted string) storage.Plan {
	p := storage.Plan{Unit: unit, Indicator: ind, Year: year, Basis: basis, Version: version,
		AdoptedOn: adopted, Source: planSource}
	if low == high {
		p.Target = &low
	} else {
		p.TargetLow, p.TargetHigh = &low, &high
	}
	return p
}

// flowPlans adds a flow's yearly plans for unit (scale: its share of the
// province) and returns them by year: an original adopted in December of
// the year before; with s.adjust, a mid-year adjustment in 2016 (up), 2020
// (down, the pandemic) and 2022 (up). Growth plans follow growthPlan.
func (g *gen) flowPlans(unit string, s spec, scale float64) map[int][]storage.Plan {
	out := map[int][]storage.Plan{}
	if s.plan == planNone {
		return out
	}
	r := seededRand(unit, s.code, "plan")
	for y := firstYear; y <= lastYear; y++ {
		adopted := date(y-1, 12, 10)
		var list []storage.Plan
		if s.plan == planGrowth || s.plan == planGrowthDec {
			low, high, adj := growthPlan(s.code, y)
			p := planOf(unit, s.code, y, storage.BasisGrowth, low, high, "original", adopted)
			if s.plan == planGrowthDec {
				p.Reference = storage.ReferencePreviousDecember
			}
			list = append(list, p)
			if adj {
				list = append(list, planOf(unit, s.code, y, storage.BasisGrowth, 2.5, 3, "adjusted", date(y, 7, 15)))
			}
		} else {
			bias := -0.05 + 0.09*r.Float64()
			if s.growth < 0 { // a cap: aim a little below the trend
				bias = -0.08 + 0.1*r.Float64()
			}
			target := roundSig(scale*s.trend(y)*(1+bias), 3)
			list = append(list, planOf(unit, s.code, y, storage.BasisValue, target, target, "original", adopted))
			if s.code == centralInd && unit == province {
				list = append(list, centralPlan(unit, s.code, y, target))
			}
			if factor, ok := adjustment(y); ok && s.adjust && unit == province {
				adj := roundSig(target*factor, 3)
				list = append(list, planOf(unit, s.code, y, storage.BasisValue, adj, adj, "adjusted", date(y, 7, 15)))
			}
		}
		out[y] = list
		g.plans[y] = append(g.plans[y], list...)
	}
	return out
}

// adjustment is the mid-year plan change of a year, if any.
func adjustment(year int) (float64, bool) {
	switch year {
	case 2016:
		return 1.04, true
	case 2020:
		return 0.88, true
	case 2022:
		return 1.03, true
	}
	return 0, false
}

// levelPlans adds a level's yearly plans: a value target near its trend, or
// for growth plans the target of growthPlan.
func (g *gen) levelPlans(s spec) map[int][]storage.Plan {
	if s.plan == planGrowth || s.plan == planGrowthDec {
		return g.flowPlans(province, s, 1)
	}
	out := map[int][]storage.Plan{}
	r := seededRand(province, s.code, "plan")
	for y := firstYear; y <= lastYear; y++ {
		target := roundSig(s.trend(y)*(1-0.01+0.03*r.Float64()), 3)
		if s.growth < 0 {
			target = roundSig(s.trend(y)*(1-0.03+0.06*r.Float64()), 3)
		}
		p := planOf(province, s.code, y, storage.BasisValue, target, target, "original", date(y-1, 12, 10))
		if s.plan == planPoints && y >= 2021 {
			p = pointsPlan(s.code, y)
		}
		out[y] = []storage.Plan{p}
		g.plans[y] = append(g.plans[y], p)
	}
	return out
}

// emitFlow reports a flow's months and year-to-date spans as s.pattern says.
// The spans 3M and 9M are estimates; H1 and the year are first estimated a
// little off and later replaced by official figures equal to the months' sum.
func (g *gen) emitFlow(unit string, s spec, m yearMonths, plans map[int][]storage.Plan) {
	r := seededRand(unit, s.code, "estimates")
	for y := firstYear; y <= lastYear; y++ {
		if s.pattern == patMonthly || s.pattern == patMonthlyYTD {
			for i, v := range m[y] {
				g.first[y] = append(g.first[y], g.obs(unit, s.code, storage.Period{Year: y, First: i + 1, Last: i + 1},
					v, storage.StatusPreliminary, monthReported(y, i+1)))
			}
		}
		switch s.pattern {
		case patMonthlyYTD, patQuarterlyYTD:
			for _, end := range []int{3, 6, 9, 12} {
				g.ytdSpan(unit, s, y, end, m, plans[y], r)
			}
		case patHalfYear:
			p := storage.Period{Year: y, First: 1, Last: 6}
			g.first[y] = append(g.first[y], g.obs(unit, s.code, p, sumMonths(m[y], 6, s.decimals), storage.StatusPreliminary, date(y, 7, 10)))
			p.Last = 12
			g.first[y] = append(g.first[y], g.obs(unit, s.code, p, sumMonths(m[y], 12, s.decimals), storage.StatusPreliminary, date(y+1, 1, 15)))
		}
	}
}

func sumMonths(m *[12]float64, end, decimals int) float64 {
	t := 0.0
	for _, v := range m[:end] {
		t += v
	}
	return round(t, decimals)
}

// ytdSpan reports January..end of year y with its percent of the plan in
// force on the report's date and its growth on the same span a year before.
func (g *gen) ytdSpan(unit string, s spec, y, end int, m yearMonths, plans []storage.Plan, r *rand.Rand) {
	p := storage.Period{Year: y, First: 1, Last: end}
	v, prev := sumMonths(m[y], end, s.decimals), sumMonths(m[y-1], end, s.decimals)
	figure := func(v float64, st storage.ReportStatus, at string) storage.Observation {
		o := g.obs(unit, s.code, p, v, st, at)
		for _, a := range []storage.Authority{storage.AuthorityCouncil, storage.AuthorityCentral} {
			plan, ok := storage.PlanInForce(byAuthority(plans, a), at)
			if !ok || plan.Basis != storage.BasisValue || plan.Target == nil {
				continue
			}
			share := pct(round(v / *plan.Target * 100, 1), 1)
			if a == storage.AuthorityCouncil {
				o.ReportedPlanPercent = share // "đạt 57,4% dự toán HĐND giao"
			} else {
				o.ReportedPlanPercents = storage.PlanPercents{{Authority: a, Percent: *share}} // "61,2% dự toán Trung ương giao"
			}
		}
		if prev > 0 {
			dec := 1
			if s.code == "grdp" {
				dec = 2
			}
			o.ReportedYoYPercent = pct(round((v/prev-1)*100, dec), dec)
		}
		return o
	}
	switch end {
	case 3, 9:
		g.first[y] = append(g.first[y], figure(v, storage.StatusEstimate, date(y, end, 22)))
	case 6:
		est := round(v*(1-0.015+0.02*r.Float64()), s.decimals)
		g.first[y] = append(g.first[y], figure(est, storage.StatusEstimate, date(y, 6, 22)))
		g.rev[y] = append(g.rev[y], figure(v, storage.StatusOfficial, date(y, 7, 20)))
	case 12:
		est := round(v*(1-0.015+0.02*r.Float64()), s.decimals)
		g.first[y] = append(g.first[y], figure(est, storage.StatusEstimate, date(y, 12, 20)))
		g.rev[y] = append(g.rev[y], figure(v, storage.StatusOfficial, date(y+1, 3, 31)))
	}
}

// emitLevel reports a level at every month's end, or at mid-year and at year
// end (the year-end first estimated, later official).
func (g *gen) emitLevel(unit string, s spec, m yearMonths) {
	r := seededRand(unit, s.code, "estimates")
	for y := firstYear; y <= lastYear; y++ {
		if s.pattern == patMonthlyLevel {
			for i, v := range m[y] {
				g.first[y] = append(g.first[y], g.obs(unit, s.code, storage.Period{Year: y, First: i + 1, Last: i + 1},
					v, storage.StatusPreliminary, monthReported(y, i+1)))
			}
			continue
		}
		h1, year := storage.Period{Year: y, First: 1, Last: 6}, storage.Period{Year: y, First: 1, Last: 12}
		g.first[y] = append(g.first[y], g.obs(unit, s.code, h1, m[y][5], storage.StatusPreliminary, date(y, 7, 10)))
		est := round(m[y][11]*(1-0.005+0.01*r.Float64()), s.decimals)
		g.first[y] = append(g.first[y], g.obs(unit, s.code, year, est, storage.StatusEstimate, date(y, 12, 20)))
		g.rev[y] = append(g.rev[y], g.obs(unit, s.code, year, m[y][11], storage.StatusOfficial, date(y+1, 3, 31)))
	}
}

// midterm adds the province's mid-term party reviews, held in the middle of
// the 2015–2020 and 2020–2025 terms, against a plan of every committee.
func (g *gen) midterm() {
	const ind = "midterm_reviews_held"
	for _, c := range []struct{ year, h1, total int }{{2018, 5, 12}, {2023, 8, 13}} {
		y := c.year
		g.plans[y] = append(g.plans[y], planOf(province, ind, y, storage.BasisValue,
			float64(c.total), float64(c.total), "original", date(y, 1, 20)))
		g.first[y] = append(g.first[y],
			g.obs(province, ind, storage.Period{Year: y, First: 1, Last: 6}, float64(c.h1), storage.StatusPreliminary, date(y, 7, 10)),
			g.obs(province, ind, storage.Period{Year: y, First: 1, Last: 12}, float64(c.total), storage.StatusPreliminary, date(y+1, 1, 15)))
	}
}

// byAuthority returns the plans one authority set (empty: council).
func byAuthority(plans []storage.Plan, a storage.Authority) []storage.Plan {
	var out []storage.Plan
	for _, p := range plans {
		if p.Authority.OrDefault() == a {
			out = append(out, p)
		}
	}
	return out
}
