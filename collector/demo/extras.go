package demo

import (
	"math"

	"github.com/plantrack/plantrack/storage"
)

// The sample province's figures of SPEC §2 revision 2: a budget with the
// central government's estimate beside the council's, a 2021–2025 GRDP
// target of the provincial Party congress, poverty planned in points from
// 2021, credit measured against last December, IIP and CPI as indices, a
// deficit line and a cap of zero. Synthetic like the rest.

// Demo-only indicators: a balance planned as a deficit, and an event
// capped at zero ("không để xảy ra cháy, nổ nghiêm trọng").
const (
	balanceInd = "budget_balance"
	firesInd   = "serious_fires"
	centralInd = "budget_revenue" // also planned by the central government
)

func demoIndicators() []storage.Indicator {
	return []storage.Indicator{
		{Code: balanceInd, NameVI: "Cân đối thu chi ngân sách địa phương (âm là bội chi)",
			NameEN: "Local budget balance (negative: deficit)", Measure: "billion_vnd", Kind: storage.KindFlow,
			Direction: storage.DirectionUp, PaceProfile: storage.PaceLinear, GrowthBasis: storage.GrowthNominal},
		{Code: firesInd, NameVI: "Số vụ cháy, nổ nghiêm trọng", NameEN: "Serious fires and explosions",
			Measure: "cases", Kind: storage.KindFlow, Direction: storage.DirectionDown, PaceProfile: storage.PaceLinear,
			GrowthBasis: storage.GrowthNominal},
	}
}

// centralPlan is the central government's estimate of a budget line: a
// little below the council's, adopted a few weeks earlier.
func centralPlan(unit, ind string, year int, council float64) storage.Plan {
	p := planOf(unit, ind, year, storage.BasisValue, roundSig(council*0.94, 3), roundSig(council*0.94, 3),
		"original", date(year-1, 11, 20))
	p.Authority = storage.AuthorityCentral
	return p
}

// termPlan is the Party congress's 2021–2025 target for GRDP: 7% a year on average.
func (g *gen) termPlan() {
	p := planOf(province, "grdp", 0, storage.BasisAverageGrowth, 7, 7, "original", date(2020, 10, 15))
	p.Term, p.Authority = storage.Term{First: 2021, Last: 2025}, storage.AuthorityParty
	g.plans[2020] = append(g.plans[2020], p)
}

// indexSeries draws an index against the same month a year earlier: 100
// plus the yearly growth, with noise.
func indexSeries(s spec) yearMonths {
	r := seededRand(province, s.code)
	out := yearMonths{}
	for y := firstYear - 1; y <= lastYear; y++ {
		g := s.growth + 0.01*r.NormFloat64()
		var m [12]float64
		for i := range m {
			m[i] = round(100*(1+g+s.noise*r.NormFloat64()), s.decimals)
		}
		out[y] = &m
	}
	return out
}

// emitIndex reports an index every month and, as CPI reports say "bình
// quân 9 tháng", its average over January–September.
func (g *gen) emitIndex(s spec, m yearMonths) {
	for y := firstYear; y <= lastYear; y++ {
		for i, v := range m[y] {
			g.first[y] = append(g.first[y], g.obs(province, s.code, storage.Period{Year: y, First: i + 1, Last: i + 1},
				v, storage.StatusPreliminary, monthReported(y, i+1)))
		}
		avg := 0.0
		for _, v := range m[y][:9] {
			avg += v
		}
		g.first[y] = append(g.first[y], g.obs(province, s.code, storage.Period{Year: y, First: 1, Last: 9},
			round(avg/9, s.decimals), storage.StatusEstimate, date(y, 9, 25)))
	}
}

// pointsPlan is poverty's plans from 2021: a fall of 0.3–0.5 points a year.
func pointsPlan(ind string, year int) storage.Plan {
	return planOf(province, ind, year, storage.BasisPoints, -0.5, -0.3, "original", date(year-1, 12, 10))
}

// balanceAndFires adds the deficit line (planned at −450 a year; about
// −200 by mid-year and −430 for the year) and the fires capped at zero
// (none, but for one in 2019's second half and one in 2023's first).
func (g *gen) balanceAndFires() {
	r := seededRand(province, balanceInd)
	for y := firstYear; y <= lastYear; y++ {
		h1 := -round(200+25*r.NormFloat64(), 0)
		year := h1 - round(230+30*r.NormFloat64(), 0)
		g.plans[y] = append(g.plans[y],
			planOf(province, balanceInd, y, storage.BasisValue, -450, -450, "original", date(y-1, 12, 10)),
			planOf(province, firesInd, y, storage.BasisValue, 0, 0, "original", date(y-1, 12, 10)))
		fH1, fYear := 0.0, 0.0
		switch y {
		case 2019:
			fYear = 1
		case 2023:
			fH1, fYear = 1, 1
		}
		for _, f := range []struct {
			ind      string
			h1, year float64
		}{{balanceInd, h1, year}, {firesInd, fH1, fYear}} {
			g.first[y] = append(g.first[y],
				g.obs(province, f.ind, storage.Period{Year: y, First: 1, Last: 6}, f.h1, storage.StatusPreliminary, date(y, 7, 10)),
				g.obs(province, f.ind, storage.Period{Year: y, First: 1, Last: 12}, math.Round(f.year), storage.StatusPreliminary, date(y+1, 1, 15)))
		}
	}
}
