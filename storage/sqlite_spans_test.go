package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// spanValuesByYear is the reference SpanValues: one Observations read per
// year of the figures ending in the span's end month, and where a wanted
// span is missing, a second read of that year's figures ending by it,
// derived as Derive does (what the overview did before SpanValues).
func spanValuesByYear(t *testing.T, db *DB, unit string, sp Period, from int, codes []string, asOf string) map[string][]*float64 {
	t.Helper()
	ctx := context.Background()
	inds := map[string]Indicator{}
	all, _ := db.Indicators(ctx)
	for _, ind := range all {
		inds[ind.Code] = ind
	}
	n := sp.Year - from + 1
	out := map[string][]*float64{}
	for i := range n {
		y := sp.SameSpanIn(from + i)
		figs, err := db.Observations(ctx, ObservationFilter{Unit: unit, From: y, To: y, AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		if len(figs) == 0 {
			continue
		}
		months, err := db.Observations(ctx, ObservationFilter{Unit: unit, From: Period{y.Year, 1, 1}, To: y, AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range codes {
			var v *float64
			var mine []Observation
			for _, o := range figs {
				if o.Indicator == code && o.Period == y && o.Value != nil {
					v = o.Value
				}
			}
			for _, o := range months {
				if o.Indicator == code {
					mine = append(mine, o)
				}
			}
			if v == nil && len(mine) > 0 {
				v = Derive(Facts{Unit: unit, Indicator: inds[code], Period: y, Figures: mine}, DefaultThresholds()).Value
			}
			if v != nil {
				if out[code] == nil {
					out[code] = make([]*float64, n)
				}
				out[code][i] = v
			}
		}
	}
	return out
}

// spanData writes ten years of figures in mixed shapes (year-to-date
// months, single months, quarters, only Q1, nothing), with revisions and
// retractions, for a few flows and levels of one unit.
func spanData(t *testing.T, db *DB) []string {
	r := rand.New(rand.NewPCG(8, 2))
	var b Batch
	b.Units = []Unit{{Code: "u"}}
	var codes []string
	for k, ind := range Catalog()[:8] {
		codes = append(codes, ind.Code)
		for y := 2015; y <= 2024; y++ {
			var ps []Period
			switch (k + y + r.IntN(2)) % 5 {
			case 0:
				for m := 1; m <= 12; m++ {
					ps = append(ps, Period{y, 1, m})
				}
			case 1:
				for m := 1; m <= 12; m++ {
					ps = append(ps, Period{y, m, m})
				}
			case 2:
				for q := 1; q <= 4; q++ {
					ps = append(ps, Period{y, 3*q - 2, 3 * q})
				}
			case 3:
				ps = []Period{{y, 1, 3}}
			}
			for _, p := range ps {
				o := Observation{Unit: "u", Indicator: ind.Code, Period: p, Value: val(float64(r.IntN(1000) + 1)),
					ReportedAt: fmt.Sprintf("%d-%02d-25", y, p.Last)}
				b.Observations = append(b.Observations, o)
			}
		}
	}
	writeBatch(t, db, b)
	// Revise and retract some figures later on.
	var later Batch
	for i, o := range b.Observations {
		switch i % 7 {
		case 0:
			o.Value, o.ReportedAt = val(*o.Value+0.5), "2025-02-01"
		case 3:
			o.Value, o.Retracted, o.ReportedAt = nil, true, "2025-03-01"
		default:
			continue
		}
		later.Observations = append(later.Observations, o)
	}
	writeBatch(t, db, later)
	return codes
}

func TestSpanValuesMatchReadingYearByYear(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	codes := spanData(t, db)
	checked := 0
	for _, span := range []string{"2024-H1", "2024", "2023-Q3", "2024-M05", "2022-9M", "2024-Q1"} {
		for _, asOf := range []string{"2025-01-15", "2025-02-15", "2025-06-01"} {
			sp := MustParsePeriod(span)
			got, err := db.SpanValues(ctx, "u", sp, sp.Year-9, codes[:6], asOf)
			if err != nil {
				t.Fatal(err)
			}
			want := spanValuesByYear(t, db, "u", sp, sp.Year-9, codes[:6], asOf)
			if len(got) != len(want) {
				t.Errorf("%s as of %s: %d indicators, want %d", span, asOf, len(got), len(want))
			}
			for code, w := range want {
				for i := range w {
					g := got[code]
					if g == nil || (g[i] == nil) != (w[i] == nil) || (w[i] != nil && *g[i] != *w[i]) {
						t.Errorf("%s as of %s, %s year %d: got %v, want %v", span, asOf, code, sp.Year-9+i, showF(at(g, i)), showF(w[i]))
					}
					if w[i] != nil {
						checked++
					}
				}
			}
		}
	}
	if checked < 200 {
		t.Fatalf("only %d values compared: the data does not exercise SpanValues", checked)
	}
}

func at(vals []*float64, i int) *float64 {
	if vals == nil {
		return nil
	}
	return vals[i]
}

func TestSpanValuesErrors(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	if _, err := db.SpanValues(ctx, "nowhere", MustParsePeriod("2024-H1"), 2015, nil, ""); ErrorCode(err) != CodeNotFound {
		t.Errorf("unknown unit: %v, want not_found", err)
	}
	if _, err := db.SpanValues(ctx, "can-tho", Period{2024, 7, 2}, 2015, nil, ""); ErrorCode(err) != CodeInvalid {
		t.Errorf("bad period: %v, want invalid", err)
	}
}
