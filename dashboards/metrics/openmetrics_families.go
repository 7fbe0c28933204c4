package metrics

import (
	"slices"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// histFamily is one metric family of the OpenMetrics history.
type histFamily struct {
	name, help string
	labels     []string // sorted
	series     []histSeries
}

type histSeries struct {
	values []string // label values, in labels order
	points []tsValue
}

type tsValue struct {
	ts int64
	v  float64
}

// header appends the family's TYPE and HELP lines.
func (f histFamily) header(b []byte) []byte {
	b = append(b, "# TYPE "...)
	b = append(b, f.name...)
	b = append(b, " gauge\n# HELP "...)
	b = append(b, f.name...)
	b = append(b, ' ')
	b = appendEscaped(b, f.help, true)
	return append(b, '\n')
}

// historyFamilies arranges the history as families sorted by name, series
// sorted by label values, samples ascending in time. The info gauges get a
// sample at every instant at which their unit or indicator has one.
func historyFamilies(h history, units map[string]storage.Unit, inds map[string]storage.Indicator) []histFamily {
	var fams []histFamily
	unitTimes := map[string][]int64{}
	indTimes := map[string][]int64{}
	for g, gauge := range pairGauges() {
		f := histFamily{name: gauge.name, help: gauge.help, labels: []string{labelIndicator, labelUnit}}
		for k, pair := range h.pairs {
			var pts []tsValue
			for _, p := range h.points[k] {
				if p.has&(1<<g) != 0 {
					pts = append(pts, tsValue{p.ts, p.vals[g]})
					unitTimes[pair[1]] = append(unitTimes[pair[1]], p.ts)
					indTimes[pair[0]] = append(indTimes[pair[0]], p.ts)
				}
			}
			if len(pts) > 0 {
				f.series = append(f.series, histSeries{values: []string{clean(pair[0]), clean(pair[1])}, points: pts})
			}
		}
		fams = append(fams, f)
	}
	for code, ts := range indTimes {
		if i, ok := inds[code]; ok {
			fams = append(fams, infoFamily(indicatorInfo([]storage.Indicator{i}), ts))
		}
	}
	for code, ts := range unitTimes {
		if u, ok := units[code]; ok {
			fams = append(fams, infoFamily(unitInfo([]storage.Unit{u}), ts))
		}
	}
	return mergeFamilies(fams)
}

// infoFamily is a one-series info family sampled at the given instants.
func infoFamily(f family, times []int64) histFamily {
	slices.Sort(times)
	times = slices.Compact(times)
	pts := make([]tsValue, len(times))
	for i, t := range times {
		pts[i] = tsValue{t, 1}
	}
	return histFamily{name: f.name, help: f.help, labels: f.labels,
		series: []histSeries{{values: f.rows[0].values, points: pts}}}
}

// mergeFamilies joins families of the same name, drops empty ones and
// sorts families by name and series by label values.
func mergeFamilies(fams []histFamily) []histFamily {
	slices.SortStableFunc(fams, func(a, b histFamily) int { return strings.Compare(a.name, b.name) })
	var out []histFamily
	for _, f := range fams {
		if n := len(out); n > 0 && out[n-1].name == f.name {
			out[n-1].series = append(out[n-1].series, f.series...)
			continue
		}
		out = append(out, f)
	}
	kept := out[:0]
	for _, f := range out {
		if len(f.series) == 0 {
			continue
		}
		slices.SortFunc(f.series, func(a, b histSeries) int { return slices.Compare(a.values, b.values) })
		kept = append(kept, f)
	}
	return kept
}
