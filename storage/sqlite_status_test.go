package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// statusData writes a parent with five children (one without figures),
// their grandchildren's figures aside, six years of mixed shapes, plans of
// both bases, reported percents of plan and of growth, and revisions.
func statusData(t *testing.T, db *DB) {
	r := rand.New(rand.NewPCG(2, 8))
	b := Batch{Units: []Unit{{Code: "par"}}}
	for c := 0; c < 5; c++ {
		b.Units = append(b.Units, Unit{Code: fmt.Sprintf("par-c%d", c), Parent: "par", Synthetic: c == 2})
	}
	b.Units = append(b.Units, Unit{Code: "par-gc", Parent: "par-c1"})
	for c, unit := range []string{"par", "par-c0", "par-c1", "par-c2", "par-c3", "par-gc"} {
		for k, ind := range Catalog()[:14] {
			for y := 2019; y <= 2024; y++ {
				if r.IntN(4) == 0 {
					pl := Plan{Unit: unit, Indicator: ind.Code, Year: y, Basis: BasisValue, Target: val(float64(5000 + r.IntN(5000))), AdoptedOn: fmt.Sprintf("%d-01-10", y)}
					if r.IntN(3) == 0 {
						pl.Basis, pl.Target, pl.TargetLow, pl.TargetHigh = BasisGrowth, nil, val(6), val(7.5)
					}
					b.Plans = append(b.Plans, pl)
				}
				for m := 1; m <= 12; m++ {
					p := Period{y, 1, m}
					if (c+k+y)%3 == 1 {
						p = Period{y, m, m}
					}
					o := Observation{Unit: unit, Indicator: ind.Code, Period: p, Value: val(float64(100*m + r.IntN(90))),
						ReportedAt: fmt.Sprintf("%d-%02d-20", y, m)}
					if r.IntN(4) == 0 {
						o.ReportedPlanPercent = pct(t, fmt.Sprintf("%d.%d", 20+r.IntN(60), r.IntN(10)))
					}
					if r.IntN(5) == 0 {
						o.ReportedYoYPercent = pct(t, fmt.Sprintf("%d.%d", r.IntN(12), r.IntN(10)))
					}
					b.Observations = append(b.Observations, o)
				}
			}
		}
	}
	writeBatch(t, db, b)
	var later Batch
	for i, o := range b.Observations {
		if i%9 == 0 {
			o.Value, o.ReportedAt = val(*o.Value*1.01), "2025-01-05"
			later.Observations = append(later.Observations, o)
		}
	}
	writeBatch(t, db, later)
}

func TestChildrenStatusMatchesProgressOfEachChild(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	statusData(t, db)
	items, paces := 0, 0
	for _, code := range []string{"2024-H1", "2023-Q3", "2024-M12", "2024", "2022-9M"} {
		for _, asOf := range []string{"2024-12-31", "2025-02-01"} {
			p := MustParsePeriod(code)
			got, err := db.ChildrenStatus(ctx, "par", p, asOf)
			if err != nil {
				t.Fatal(err)
			}
			kids, _ := db.Children(ctx, "par")
			if len(got) != len(kids) {
				t.Fatalf("%s: %d children, want %d", code, len(got), len(kids))
			}
			for _, k := range kids {
				want, err := db.Progress(ctx, k.Code, p, asOf)
				if err != nil {
					t.Fatal(err)
				}
				for i := range want.Items {
					want.Items[i].Flags = []Flag{}
					if want.Items[i].Pace != PaceUnknown {
						paces++
					}
				}
				items += len(want.Items)
				if !reflect.DeepEqual(got[k.Code], want) {
					t.Errorf("%s as of %s, %s:\n got %+v\nwant %+v", code, asOf, k.Code, got[k.Code], want)
				}
			}
		}
	}
	if items < 400 || paces < 100 {
		t.Fatalf("only %d items, %d with a pace: the data does not exercise ChildrenStatus", items, paces)
	}
}

func TestChildrenStatusErrors(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	if _, err := db.ChildrenStatus(ctx, "nowhere", MustParsePeriod("2024-H1"), ""); ErrorCode(err) != CodeNotFound {
		t.Errorf("unknown unit: %v, want not_found", err)
	}
	if _, err := db.ChildrenStatus(ctx, "can-tho", Period{}, ""); ErrorCode(err) != CodeInvalid {
		t.Errorf("zero period: %v, want invalid", err)
	}
}

// TestChildrenStatusListsFiguresEndingBeforeThePeriod: a child that stopped
// reporting in May still shows its indicator at H1, as Progress does, even
// though none of its figures ends in June.
func TestChildrenStatusListsFiguresEndingBeforeThePeriod(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	b := Batch{Units: []Unit{{Code: "par"}, {Code: "par-a", Parent: "par"}, {Code: "par-b", Parent: "par"}},
		Plans: []Plan{{Unit: "par-a", Indicator: "retail_sales", Year: 2024, Basis: BasisValue, Target: val(1200), AdoptedOn: "2024-01-05"}}}
	for m := 1; m <= 5; m++ {
		b.Observations = append(b.Observations, Observation{Unit: "par-a", Indicator: "retail_sales",
			Period: Period{2024, 1, m}, Value: val(float64(100 * m)), ReportedAt: fmt.Sprintf("2024-%02d-20", m)})
	}
	b.Observations = append(b.Observations, Observation{Unit: "par-b", Indicator: "retail_sales",
		Period: MustParsePeriod("2024-H1"), Value: val(700), ReportedAt: "2024-07-02"})
	writeBatch(t, db, b)
	p := MustParsePeriod("2024-H1")
	got, err := db.ChildrenStatus(ctx, "par", p, "2024-12-31")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"par-a", "par-b"} {
		want, err := db.Progress(ctx, code, p, "2024-12-31")
		if err != nil {
			t.Fatal(err)
		}
		for i := range want.Items {
			want.Items[i].Flags = []Flag{}
		}
		if len(want.Items) != 1 || !reflect.DeepEqual(got[code], want) {
			t.Errorf("%s:\n got %+v\nwant %+v", code, got[code], want)
		}
	}
}
