package storage

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// The size estimate counts the key, the entry's overhead and the memory
// the value reaches. Worked by hand for key "k" (1 byte):
//   - a []float64 of capacity 10: 128 + 1 + 24 (slice header) + 80 = 233;
//   - a string "abcd": 128 + 1 + 16 (string header) + 4 = 149;
//   - a *kidPiece-like struct reached twice through the same pointer counts
//     once: []*[2]float64{p, p} = 128 + 1 + 24 + 2×8 + 16 = 185;
//   - two deps add 2 × 24 bytes: the []float64 above with two pairs = 281.
func TestMemoSizeEstimate(t *testing.T) {
	p := &[2]float64{1, 2}
	for _, c := range []struct {
		name string
		e    memoEntry
		want int64
	}{
		{"slice", memoEntry{v: make([]float64, 3, 10)}, 233},
		{"string", memoEntry{v: "abcd"}, 149},
		{"shared pointer", memoEntry{v: []*[2]float64{p, p}}, 185},
		{"deps", memoEntry{v: make([]float64, 10), deps: []pair{{1, 2, true}, {3, 4, false}}}, 281},
	} {
		if got := memoSize("k", c.e); got != c.want {
			t.Errorf("%s: size %d, want %d", c.name, got, c.want)
		}
	}
}

// Filling the memo past its byte budget evicts down to three quarters of
// it, keeps the byte account equal to the sum of the kept entries' sizes,
// and keeps an entry that is read between the writes (the hot one), while
// the entries never read again go, oldest first.
func TestMemoByteBudgetKeepsHotEntry(t *testing.T) {
	m := newMemo()
	// Each entry: key "kNNN" (4 bytes) + 128 + a []float64 of 125 (24 +
	// 1000) = 1156 bytes; 20 of them fit in the 24,000-byte budget, the
	// 21st put evicts down to 18,000 bytes (15 entries).
	m.budget = 24000
	valid := func(memoEntry) bool { return true }
	put := func(k string) { m.put(k, memoEntry{at: 1, v: make([]float64, 125)}, valid) }
	put("hot")
	if e := m.entries["hot"]; e.size != 128+3+24+1000 {
		t.Fatalf("hot entry size %d, want %d", e.size, 128+3+24+1000)
	}
	for i := range 200 {
		put(fmt.Sprintf("k%03d", i))
		if _, ok := m.get("hot"); !ok {
			t.Fatalf("the hot entry was evicted after %d puts", i+1)
		}
		var sum int64
		for _, e := range m.entries {
			sum += e.size
		}
		if sum != m.bytes {
			t.Fatalf("after %d puts: account %d bytes, entries sum to %d", i+1, m.bytes, sum)
		}
		if m.bytes > m.budget {
			t.Fatalf("after %d puts: %d bytes kept, over the %d budget", i+1, m.bytes, m.budget)
		}
	}
	if _, ok := m.get("k000"); ok {
		t.Error("k000, never read again, survived 200 later puts")
	}
	if _, ok := m.get("k199"); !ok {
		t.Error("the newest entry k199 was evicted")
	}
	if n := len(m.entries); n < 10 || n > 21 {
		t.Errorf("%d entries kept, want between 10 and 21 (the budget holds 20)", n)
	}
}

// Invalid entries go before valid ones, however recently used, and an
// entry larger than a quarter of the budget is not kept at all.
func TestMemoEvictsInvalidFirstAndSkipsGiants(t *testing.T) {
	m := newMemo()
	m.budget = 24000
	valid := func(e memoEntry) bool { return e.at != 0 }
	for i := range 19 {
		m.put(fmt.Sprintf("k%03d", i), memoEntry{at: 1, v: make([]float64, 125)}, valid)
	}
	m.put("bad", memoEntry{at: 0, v: make([]float64, 125)}, valid) // newest, but stale
	m.put("new", memoEntry{at: 1, v: make([]float64, 125)}, valid) // over budget: evicts
	if _, ok := m.entries["bad"]; ok {
		t.Error("the stale entry survived an eviction")
	}
	if _, ok := m.entries["new"]; !ok {
		t.Error("the entry put last is missing")
	}
	before := m.bytes
	m.put("giant", memoEntry{at: 1, v: make([]float64, 1000)}, valid) // 8,000 bytes > 24,000/4
	if _, ok := m.entries["giant"]; ok || m.bytes != before {
		t.Errorf("an entry over a quarter of the budget was kept (bytes %d → %d)", before, m.bytes)
	}
}

// TestMemoSizeSamplesLargeCollections checks the sampled estimate of a
// real kept answer, a province's hundred children's progress, against the
// walk of every element: within 10 %, and the sample visits a fraction of
// the values (fewer pointers counted).
func TestMemoSizeSamplesLargeCollections(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	inds, extra := benchIndicators(len(Catalog()) + 8)
	batch := provinceBatch("p01", inds, 2023, 2024, true)
	batch.Indicators = extra
	writeBatch(t, db, batch)
	st, err := db.ChildrenStatus(ctx, "p01", MustParsePeriod("2024-H1"), "")
	if err != nil || len(st) != 100 {
		t.Fatalf("children status: %d children, %v", len(st), err)
	}
	size := func(exact bool) (int64, int) {
		w := sizeWalker{seen: map[uintptr]bool{}, exact: exact}
		v := reflect.ValueOf(st)
		return int64(v.Type().Size()) + w.beyond(v), len(w.seen)
	}
	exact, walked := size(true)
	sampled, visited := size(false)
	t.Logf("exact %d bytes (%d pointers), sampled %d bytes (%d pointers)", exact, walked, sampled, visited)
	if exact < 100_000 {
		t.Fatalf("exact size %d bytes: the fixture is too small to test sampling", exact)
	}
	if diff := float64(sampled-exact) / float64(exact); diff < -0.1 || diff > 0.1 {
		t.Errorf("sampled estimate %d bytes, exact %d: off by %.1f %%", sampled, exact, 100*diff)
	}
	if visited*2 > walked {
		t.Errorf("the sample counted %d pointers, the exact walk %d: not sampled", visited, walked)
	}
}
