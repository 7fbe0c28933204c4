package storage

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestChildSpanMatchesFlowSpan checks the shortcut the children's sum takes
// against the full index on random figure lists: exact spans, sub-periods
// to sum or difference, rate-only figures, revisions and retractions.
func TestChildSpanMatchesFlowSpan(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 500))
	spans := []Period{{2024, 1, 6}, {2024, 1, 3}, {2024, 4, 6}, {2024, 6, 6}, {2024, 1, 12}, {2024, 7, 12}, {2023, 1, 6}}
	found, derived := 0, 0
	for n := 0; n < 3000; n++ {
		var figs []Observation
		for k := r.IntN(6); k > 0; k-- {
			o := Observation{Period: spans[r.IntN(len(spans))], ReportedAt: fmt.Sprintf("2024-0%d-01", 1+r.IntN(3)),
				Revision: int64(r.IntN(4)), Retracted: r.IntN(6) == 0}
			if r.IntN(5) > 0 {
				o.Value = val(float64(r.IntN(100)))
			}
			figs = append(figs, o)
		}
		p := spans[r.IntN(3)]
		got, gok := childSpan(figs, p)
		want, wok := newFigIndex(figs).flowSpan(p.Year, p.First, p.Last)
		if got != want || gok != wok {
			t.Fatalf("%+v at %v: got %v %v, want %v %v", figs, p, got, gok, want, wok)
		}
		if wok {
			found++
			if _, ok := newFigIndex(figs).reported(p); !ok {
				derived++
			}
		}
	}
	if found < 500 || derived < 50 {
		t.Fatalf("only %d values (%d derived): the cases do not exercise childSpan", found, derived)
	}
}
