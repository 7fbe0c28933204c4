package charts

import (
	"fmt"
	"testing"
)

// benchYTD is a full year with plan and expected lines, as on the
// indicator page.
func benchYTD() YTDInput {
	in := YTDInput{Options: Options{ID: "b"}, Year: 2024, Plan: f(120000), OriginalPlan: f(110000)}
	for m := 1; m <= 12; m++ {
		in.Points = append(in.Points, MonthPoint{Month: m, Value: f(float64(m) * 9876.5), Expected: f(float64(m) * 10000)})
	}
	return in
}

func BenchmarkYTDOptionJSON(b *testing.B) {
	in := benchYTD()
	for b.Loop() {
		c, err := YTD(in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnits60HTML(b *testing.B) {
	in := UnitsInput{Options: Options{ID: "u"}, Percent: true}
	for i := range 60 {
		in.Units = append(in.Units, UnitValue{Name: fmt.Sprintf("Unit %02d", i), Value: f(float64(i*7%61) + 0.5), Pace: PaceBehind})
	}
	for b.Loop() {
		c, err := Units(in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSparkline60 draws the 60 sparklines of an overview page with
// 120 monthly points each (ten years).
func BenchmarkSparkline60(b *testing.B) {
	vals := make([]*float64, 120)
	ref := make([]*float64, 120)
	for i := range vals {
		vals[i], ref[i] = f(float64(i%12+1)*100+float64(i)), f(1200)
	}
	for b.Loop() {
		for range 60 {
			_ = Sparkline(SparklineInput{Values: vals, Reference: ref, Title: "t", Pace: PaceAhead})
		}
	}
}
