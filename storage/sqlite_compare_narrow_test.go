package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestNarrowCompareAgreesWithFullRead writes children with every shape of
// history a comparison meets — direct year-to-date figures, months only,
// no stored plan (implied from a percent), a plan adopted after as_of,
// retracted figures, levels, seasonal flows, a growth plan — and checks
// that the narrow read answers exactly as reading whole years does.
func TestNarrowCompareAgreesWithFullRead(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	rng := rand.New(rand.NewPCG(7, 11))
	b := Batch{Units: []Unit{{Code: "nat"}, {Code: "prov", Parent: "nat"}}}
	ytdCodes := []string{"M01", "2M", "Q1", "4M", "5M", "H1", "7M", "8M", "9M", "10M", "11M", ""}
	for c := 0; c < 12; c++ {
		unit := fmt.Sprintf("c%02d", c)
		b.Units = append(b.Units, Unit{Code: unit, Parent: "prov"})
		for _, ind := range []string{"retail_sales", "budget_revenue", "poverty_rate", "grdp"} {
			for year := 2016; year <= 2018; year++ {
				ytd := 0.0
				for m := 1; m <= 12; m++ {
					v := float64(100+rng.IntN(50)) + float64(rng.IntN(10))/10
					ytd += v
					code := fmt.Sprintf("%d-%s", year, ytdCodes[m-1])
					if m == 12 {
						code = fmt.Sprint(year)
					}
					val := ytd
					if c%4 == 1 { // months only
						code, val = fmt.Sprintf("%d-M%02d", year, m), v
					}
					if ind == "poverty_rate" {
						val = 5 - float64(m)/10
					}
					p := MustParsePeriod(code)
					o := Observation{Unit: unit, Indicator: ind, Period: p, Value: &val, ReportedAt: fmt.Sprintf("%d-%02d-20", year, m)}
					if c%4 == 2 && m == 6 {
						pct, _ := ParsePercent("48.5")
						o.ReportedPlanPercent = &pct
					}
					if c%5 == 3 && m == 6 && year == 2018 {
						o.Retracted = true
					}
					b.Observations = append(b.Observations, o)
				}
			}
			for year := 2016; year <= 2018; year++ {
				if c%4 == 2 {
					continue // no stored plan: implied
				}
				adopted := fmt.Sprintf("%d-01-05", year)
				if c%4 == 3 && year == 2018 {
					adopted = "2018-09-01" // after the as_of below
				}
				target := 2000.0
				pl := Plan{Unit: unit, Indicator: ind, Year: year, Basis: BasisValue, Target: &target, Version: "original", AdoptedOn: adopted}
				if ind == "grdp" {
					lo, hi := 6.5, 7.0
					pl = Plan{Unit: unit, Indicator: ind, Year: year, Basis: BasisGrowth, TargetLow: &lo, TargetHigh: &hi, Version: "original", AdoptedOn: adopted}
				}
				b.Plans = append(b.Plans, pl)
			}
		}
	}
	if _, err := db.Write(ctx, b, Provenance{Via: "api"}); err != nil {
		t.Fatal(err)
	}
	pairs := [][2]string{{"2018-H1", "2017-H1"}, {"2018-Q2", "2017-Q2"}, {"2018", "2017"}, {"2018-M06", "2017-M05"}, {"2018-9M", "2018-H1"}}
	for _, ind := range []string{"retail_sales", "budget_revenue", "poverty_rate", "grdp"} {
		for _, pair := range pairs {
			for _, asOf := range []string{"", "2018-07-01"} {
				for _, q := range []CompareQuery{
					{Indicator: ind, Parent: "prov", A: MustParsePeriod(pair[0]), B: MustParsePeriod(pair[1]), AsOf: asOf},
					{Indicator: ind, Parent: "nat", Level: 2, A: MustParsePeriod(pair[0]), B: MustParsePeriod(pair[1]), AsOf: asOf},
				} {
					db.narrowCompare, db.memo = true, newMemo()
					narrow, err := db.Compare(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					db.narrowCompare, db.memo = false, newMemo()
					full, err := db.Compare(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					nj, _ := json.Marshal(narrow)
					fj, _ := json.Marshal(full)
					if string(nj) != string(fj) || len(full.Rows) != 12 {
						t.Fatalf("%+v: narrow read differs from full read:\n%s\n%s", q, nj, fj)
					}
				}
			}
		}
	}
}
