package storage

import (
	"context"
	"testing"
	"time"
)

// After another process writes, RefreshRead derives the answers readers
// asked for that the write invalidated, most asked for first and no more
// than its bound, so that the next reader of each is served kept: the
// derivation counter does not move, and the answer holds the write.
func TestRefreshReadDerivesAskedAnswersAhead(t *testing.T) {
	ctx := context.Background()
	db, path := freshFixture(t)
	// Three reads of one answer: as of today, and as of two dates after
	// every stored one (the same current answer, refreshed once).
	for _, asOf := range []string{"", "2030-01-01", "2031-05-05"} {
		if got := compareValues(t, db, asOf); got["ninh-kieu"] != 120 {
			t.Fatalf("compare as of %q before the write: %v, want ninh-kieu 120", asOf, got)
		}
	}
	series := func() float64 { // ninh-kieu's 2018-H1 retail sales in its series
		t.Helper()
		s, err := db.Series(ctx, "ninh-kieu", "retail_sales", "")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range s.Points {
			if p.Period == MustParsePeriod("2018-H1") && p.Value != nil {
				return *p.Value
			}
		}
		t.Fatalf("no 2018-H1 point in %+v", s.Points)
		return 0
	}
	if got := series(); got != 120 {
		t.Fatalf("series before the write: 2018-H1 = %v, want 120", got)
	}
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	revise := func(v float64, day string) {
		t.Helper()
		writeBatch(t, other, Batch{Observations: []Observation{{Unit: "ninh-kieu", Indicator: "retail_sales",
			Period: MustParsePeriod("2018-H1"), Value: val(v), ReportStatus: StatusEstimate, ReportedAt: day}}})
	}
	lim := RefreshLimits{Within: time.Hour, Answers: 1, Budget: time.Hour}

	// One answer at most: the comparison, asked for three times, goes first.
	revise(130, "2018-07-02")
	if n, err := db.RefreshRead(ctx, lim); err != nil || n != 1 {
		t.Fatalf("RefreshRead = %d, %v; want the one answer its bound allows", n, err)
	}
	before := db.Derivations()
	if got := compareValues(t, db, ""); got["ninh-kieu"] != 130 || got["cai-rang"] != 210 {
		t.Fatalf("compare after the refresh: %v, want ninh-kieu 130, cai-rang 210", got)
	}
	if d := db.Derivations() - before; d != 0 {
		t.Fatalf("the comparison asked for before the write derived %d answers or pieces after the refresh; want it kept", d)
	}
	if got := series(); got != 130 {
		t.Fatalf("series after the write: %v, want 130", got)
	}
	if d := db.Derivations() - before; d == 0 {
		t.Fatal("the series, past the refresh's bound, was served kept from before the write")
	}

	// With room for both, both are ready before anyone asks.
	revise(140, "2018-07-03")
	lim.Answers = 10
	if n, err := db.RefreshRead(ctx, lim); err != nil || n != 2 {
		t.Fatalf("RefreshRead = %d, %v; want the comparison and the series", n, err)
	}
	before = db.Derivations()
	if got := compareValues(t, db, ""); got["ninh-kieu"] != 140 {
		t.Fatalf("compare after the second refresh: %v, want ninh-kieu 140", got)
	}
	if got := series(); got != 140 {
		t.Fatalf("series after the second refresh: %v, want 140", got)
	}
	if d := db.Derivations() - before; d != 0 {
		t.Fatalf("the reads after the second refresh derived %d answers or pieces; want both kept", d)
	}
	// Nothing changed since: nothing to derive.
	if n, err := db.RefreshRead(ctx, lim); err != nil || n != 0 {
		t.Fatalf("RefreshRead with no write since = %d, %v; want 0", n, err)
	}
}
