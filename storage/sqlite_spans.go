package storage

import (
	"context"
	"fmt"
	"maps"
)

// SpanValues returns, by indicator code, the value of exactly sp's span
// (its months, in another year) in each year from fromYear to sp.Year,
// oldest first, nil where there is none, as known on asOf ("" = today):
// the reported value, or, where the span itself was not reported, the
// value Derive gives from that year's figures ending by the span's end
// (H1 summed from months). A year in which no figure of the unit at all
// ends in the span's end month has no values. codes limits the indicators
// (nil = every indicator with a figure). Overview sparklines read it: two
// index reads instead of one table scan per year. Answers are kept until a
// write touches the unit or its children; the value slices are shared, so
// do not modify them.
func (db *DB) SpanValues(ctx context.Context, unit string, sp Period, fromYear int, codes []string, asOf string) (map[string][]*float64, error) {
	asOf, err := resolveAsOf(asOf)
	if err != nil {
		return nil, err
	}
	if err := checkPeriod(sp); err != nil {
		return nil, err
	}
	key := fmt.Sprintf("spans\x00%s\x00%v\x00%d\x00%q", unit, sp, fromYear, codes)
	kept, err := readMemoized(ctx, db, key, asOf, func(ctx context.Context, _ int64) (map[string][]*float64, []pair, error) {
		u, err := db.unitRef(ctx, unit)
		if err != nil {
			return nil, nil, err
		}
		vals, err := db.spanValues(ctx, u, sp, fromYear, codes, asOf)
		return vals, []pair{{u.id, 0, true}}, err
	})
	if err != nil {
		return nil, err
	}
	return maps.Clone(kept), nil
}

func (db *DB) spanValues(ctx context.Context, u unitRef, sp Period, fromYear int, codes []string, asOf string) (map[string][]*float64, error) {
	inds, err := db.indicatorSet(ctx)
	if err != nil {
		return nil, err
	}
	n := sp.Year - fromYear + 1
	if n <= 0 {
		return map[string][]*float64{}, nil
	}
	want := wantedIndicators(inds, codes)
	years := make([]int64, n)
	for i := range years {
		years[i] = int64(fromYear + i)
	}
	// Every indicator's figures ending in the span's end month: the span's
	// own value, and whether the year has any such figure at all.
	ending, err := db.loadUnitFigures(ctx, asOf, u.id, `indicator_id IN (SELECT id FROM indicators)
		AND year IN (`+idList(years)+`) AND last_month = ?`, sp.Last)
	if err != nil {
		return nil, err
	}
	out := map[string][]*float64{}
	anyEnding := make([]bool, n)
	for iid, list := range ending {
		for _, o := range list {
			anyEnding[o.Period.Year-fromYear] = true
			if !want[iid] || o.Period.First != sp.First || o.Value == nil {
				continue
			}
			code := inds.byID[iid].Code
			if out[code] == nil {
				out[code] = make([]*float64, n)
			}
			v := *o.Value
			out[code][o.Period.Year-fromYear] = &v
		}
	}
	return out, db.deriveMissingSpans(ctx, u, sp, fromYear, asOf, inds, want, anyEnding, out)
}

// wantedIndicators is the set of indicator ids of codes (every one when nil).
func wantedIndicators(inds indicatorSet, codes []string) map[int64]bool {
	want := map[int64]bool{}
	if codes == nil {
		for iid := range inds.byID {
			want[iid] = true
		}
		return want
	}
	byCode := make(map[string]int64, len(inds.byID))
	for iid, ind := range inds.byID {
		byCode[ind.Code] = iid
	}
	for _, c := range codes {
		if iid, ok := byCode[c]; ok {
			want[iid] = true
		}
	}
	return want
}

// deriveMissingSpans fills in out the spans that were not reported, in the
// years that have a figure ending with the span, from each year's figures
// ending by the span's end.
func (db *DB) deriveMissingSpans(ctx context.Context, u unitRef, sp Period, fromYear int, asOf string,
	inds indicatorSet, want map[int64]bool, anyEnding []bool, out map[string][]*float64) error {
	missYears, missInds := map[int64]bool{}, map[int64]bool{}
	for iid := range want {
		vals := out[inds.byID[iid].Code]
		for i, has := range anyEnding {
			if has && (vals == nil || vals[i] == nil) {
				missYears[int64(fromYear+i)], missInds[iid] = true, true
			}
		}
	}
	if len(missYears) == 0 {
		return nil
	}
	figs, err := db.loadUnitFigures(ctx, asOf, u.id, `indicator_id IN (`+idList(sortedIDs(missInds))+`)
		AND year IN (`+idList(sortedIDs(missYears))+`) AND last_month <= ?`, sp.Last)
	if err != nil {
		return err
	}
	for iid, list := range figs {
		ind := inds.byID[iid]
		for lo := 0; lo < len(list); {
			y := list[lo].Period.Year
			hi := lo
			for hi < len(list) && list[hi].Period.Year == y {
				hi++
			}
			i := y - fromYear
			if vals := out[ind.Code]; anyEnding[i] && (vals == nil || vals[i] == nil) {
				sy := sp.SameSpanIn(y)
				if v := Derive(Facts{Unit: u.Code, Indicator: ind, Period: sy, Figures: list[lo:hi:hi]}, DefaultThresholds()).Value; v != nil {
					if vals == nil {
						vals = make([]*float64, len(anyEnding))
						out[ind.Code] = vals
					}
					vals[i] = v
				}
			}
			lo = hi
		}
	}
	return nil
}
