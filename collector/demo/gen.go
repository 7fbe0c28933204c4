package demo

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"

	"github.com/plantrack/plantrack/storage"
)

// gen accumulates the sample province's reports by the figures' year.
type gen struct {
	first map[int][]storage.Observation // first revisions
	rev   map[int][]storage.Observation // later (official) revisions of them
	plans map[int][]storage.Plan
}

// yearMonths holds a series' value for each month of each year.
type yearMonths map[int]*[12]float64

// provinceBatches generates the synthetic province: its units, then per year
// the first reports and plans, then the revisions that replaced estimates.
func provinceBatches() []storage.Batch {
	g := &gen{first: map[int][]storage.Observation{}, rev: map[int][]storage.Observation{},
		plans: map[int][]storage.Plan{}}
	for _, s := range specs() {
		switch s.pattern {
		case patMonthlyIndex:
			g.levelPlans(s)
			g.emitIndex(s, indexSeries(s))
		case patMonthlyLevel, patYearLevel:
			series := levelSeries(seededRand(province, s.code), s)
			g.levelPlans(s)
			g.emitLevel(province, s, series)
		default:
			series := g.provinceFlow(s)
			g.emitFlow(province, s, series, g.flowPlans(province, s, 1))
		}
	}
	g.midterm()
	g.termPlan()
	g.balanceAndFires()
	batches := []storage.Batch{{Units: units(), Indicators: demoIndicators()}}
	for y := firstYear; y <= lastYear; y++ {
		batches = append(batches, storage.Batch{Observations: g.first[y], Plans: g.plans[y]})
		if len(g.rev[y]) > 0 {
			batches = append(batches, storage.Batch{Observations: g.rev[y]})
		}
	}
	return batches
}

// seededRand is a PCG generator seeded by the names it is for, so that each
// series has its own reproducible noise.
func seededRand(parts ...string) *rand.Rand {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return rand.New(rand.NewPCG(h.Sum64(), 0x706c616e74726163))
}

func round(v float64, decimals int) float64 {
	s := math.Pow10(decimals)
	return math.Round(v*s) / s
}

// roundSig rounds to n significant digits, as plans are written (57,200).
func roundSig(v float64, n int) float64 {
	if v == 0 {
		return 0
	}
	return round(v, n-1-int(math.Floor(math.Log10(math.Abs(v)))))
}

func date(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }

// monthReported is when a month's figure is reported: the 5th of the next month.
func monthReported(y, m int) string {
	if m == 12 {
		return date(y+1, 1, 5)
	}
	return date(y, m+1, 5)
}

// trend is a series' expected yearly total (flows) or year-end level.
func (s spec) trend(year int) float64 {
	return s.base * math.Pow(1+s.growth, float64(year-firstYear))
}

// flowSeries draws monthly values of a flow from firstYear−1 (so that
// the first year has a previous year to grow from) to lastYear.
func flowSeries(r *rand.Rand, s spec, scale float64) yearMonths {
	wsum := 0.0
	for _, w := range s.season {
		wsum += w
	}
	out := yearMonths{}
	for y := firstYear - 1; y <= lastYear; y++ {
		total := scale * s.trend(y) * shock(y, s.shock) * (1 + math.Min(0.015, s.noise/2)*r.NormFloat64())
		var m [12]float64
		for i := range m {
			v := total * s.season[i] / wsum * (1 + s.noise*r.NormFloat64())
			m[i] = round(math.Max(v, 0), s.decimals)
		}
		out[y] = &m
	}
	return out
}

// levelSeries draws a level at every month's end, growing smoothly.
func levelSeries(r *rand.Rand, s spec) yearMonths {
	out := yearMonths{}
	for y := firstYear - 1; y <= lastYear; y++ {
		var m [12]float64
		for i := range m {
			t := float64(y-firstYear) + float64(i+1-12)/12
			m[i] = round(s.base*math.Pow(1+s.growth, t)*(1+s.noise*r.NormFloat64()), s.decimals)
		}
		out[y] = &m
	}
	return out
}

// provinceFlow returns the province's months of a flow. For indicators the
// districts report, it emits every district's months and plans and returns
// their sums (with one deliberate slip, see mismatchInd).
func (g *gen) provinceFlow(s spec) yearMonths {
	if !s.districts {
		return flowSeries(seededRand(province, s.code), s, 1)
	}
	total := yearMonths{}
	for y := firstYear - 1; y <= lastYear; y++ {
		total[y] = &[12]float64{}
	}
	for _, d := range districts() {
		ds := s
		r := seededRand(d.code, s.code)
		ds.growth += 0.015 * r.NormFloat64()
		series := flowSeries(r, ds, d.share)
		g.flowPlans(d.code, ds, d.share)
		for y := firstYear; y <= lastYear; y++ {
			for i, v := range series[y] {
				g.first[y] = append(g.first[y], g.obs(d.code, s.code, storage.Period{Year: y, First: i + 1, Last: i + 1},
					v, storage.StatusPreliminary, monthReported(y, i+1)))
			}
		}
		for y, m := range series {
			for i, v := range m {
				total[y][i] += v
			}
		}
	}
	for _, m := range total {
		for i := range m {
			m[i] = round(m[i], s.decimals)
		}
	}
	if s.code == mismatchInd {
		m := total[mismatchYear]
		m[mismatchMonth-1] = round(m[mismatchMonth-1]*mismatchInflate, s.decimals)
	}
	return total
}

func (g *gen) obs(unit, ind string, p storage.Period, v float64, st storage.ReportStatus, at string) storage.Observation {
	return storage.Observation{Unit: unit, Indicator: ind, Period: p, Value: &v, ReportStatus: st,
		ReportedAt: at, Source: source, Synthetic: true}
}
