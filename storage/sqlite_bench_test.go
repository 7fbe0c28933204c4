package storage

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// benchIndicators returns the catalog plus synthetic indicators up to n.
func benchIndicators(n int) (all, extra []Indicator) {
	all = Catalog()
	for i := len(all); i < n; i++ {
		ind := Indicator{Code: fmt.Sprintf("synthetic_%02d", i), NameEN: fmt.Sprintf("Synthetic %d", i),
			Measure: "units", Kind: KindFlow, Direction: DirectionUp, PaceProfile: PaceSeasonal, GrowthBasis: GrowthNominal}
		if i%4 == 0 {
			ind.Kind, ind.PaceProfile = KindLevel, PaceLinear
		}
		all, extra = append(all, ind), append(extra, ind)
	}
	return all, extra
}

// benchYears is monthly year-to-date data for every indicator of one unit
// over ten years, with yearly plans and a reported percent every quarter.
func benchBatch(unit string, inds []Indicator, from, to int) Batch {
	var b Batch
	for k, ind := range inds {
		base := 1000 * float64(k+1)
		for y := from; y <= to; y++ {
			growth := math.Pow(1.06, float64(y-from))
			plan := base * growth * 1.02
			b.Plans = append(b.Plans, Plan{Unit: unit, Indicator: ind.Code, Year: y, Basis: BasisValue,
				Target: val(math.Round(plan)), AdoptedOn: fmt.Sprintf("%d-01-05", y)})
			for m := 1; m <= 12; m++ {
				v := base * growth * (1 + 0.03*math.Sin(float64(k*12+m)))
				if ind.Kind == KindFlow {
					v = v * float64(m) / 12
				}
				o := Observation{Unit: unit, Indicator: ind.Code, Period: Period{y, 1, m}, Value: val(math.Round(v*10) / 10),
					ReportedAt: fmt.Sprintf("%d-%02d-25", y, m)}
				if m%3 == 0 {
					p := Percent{Value: math.Round(v/plan*1000) / 10, Decimals: 1}
					o.ReportedPlanPercent = &p
				}
				b.Observations = append(b.Observations, o)
			}
		}
	}
	return b
}

// BenchmarkProgress measures Progress of one unit with 60 indicators and
// ten years (2015–2024) of monthly year-to-date figures.
func BenchmarkProgress(b *testing.B) {
	ctx := context.Background()
	db, _ := openTestDB(b)
	all, extra := benchIndicators(60)
	batch := benchBatch("province", all, 2015, 2024)
	batch.Units = []Unit{{Code: "province", NameEN: "Sample province", Synthetic: true}}
	batch.Indicators = extra
	if _, err := db.Write(ctx, batch, Provenance{Via: "demo"}); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		p    Period
	}{{"H1", MustParsePeriod("2024-H1")}, {"latest", Period{}}} {
		b.Run(bc.name, func(b *testing.B) {
			pr, err := db.Progress(ctx, "province", bc.p, "2025-01-01")
			if err != nil || len(pr.Items) != 60 {
				b.Fatalf("progress: %d items, %v", len(pr.Items), err)
			}
			var times []time.Duration
			b.ResetTimer()
			for b.Loop() {
				db.ClearMemo() // derive every time, not the answer kept until the next write
				start := time.Now()
				if _, err := db.Progress(ctx, "province", bc.p, "2025-01-01"); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
		})
	}
}

// BenchmarkImport compares the writer with raw prepared inserts of the same
// 72,000 rows into the same schema (database/sql, one transaction: the
// floor), each into a fresh file: "writer" is a first import (no lookups
// needed), "revise" writes every figure again with a new value into a file
// already holding them (a lookup and an insert per row), "reimport" sends
// the same figures again (a lookup per row, nothing stored). It reports
// each rate and its ratio to raw.
func BenchmarkImport(b *testing.B) {
	ctx := context.Background()
	var batch Batch
	for u := 0; u < 20; u++ {
		code := fmt.Sprintf("district-%02d", u)
		batch.Units = append(batch.Units, Unit{Code: code})
		part := benchBatch(code, Catalog(), 2015, 2024)
		batch.Observations = append(batch.Observations, part.Observations...)
	}
	revised := make([]Observation, len(batch.Observations))
	for i, o := range batch.Observations {
		o.Value = val(*o.Value + 1)
		o.ReportedAt = "2025-01-15"
		revised[i] = o
	}
	cases := []struct {
		name    string
		prefill bool
		run     func(b *testing.B, db *DB)
	}{
		{"writer", false, func(b *testing.B, db *DB) { benchWrite(b, db, batch.Observations, len(batch.Observations)) }},
		{"revise", true, func(b *testing.B, db *DB) { benchWrite(b, db, revised, len(revised)) }},
		{"reimport", true, func(b *testing.B, db *DB) { benchWrite(b, db, batch.Observations, 0) }},
		{"raw", false, func(b *testing.B, db *DB) { rawInsert(b, db, batch.Observations) }},
	}
	// The cases run interleaved in every iteration, so that a busy machine
	// slows them alike and their ratio to the raw floor stays meaningful.
	spent := make([]time.Duration, len(cases))
	for b.Loop() {
		for i, c := range cases {
			b.StopTimer()
			db, err := Open(ctx, filepath.Join(b.TempDir(), "import.db"))
			if err != nil {
				b.Fatal(err)
			}
			pre := Batch{Units: batch.Units}
			if c.prefill {
				pre.Observations = batch.Observations
			}
			if _, err := db.Write(ctx, pre, Provenance{Via: "csv"}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			start := time.Now()
			c.run(b, db)
			spent[i] += time.Since(start)
			b.StopTimer()
			db.Close()
			b.StartTimer()
		}
	}
	raw := spent[len(spent)-1]
	for i, c := range cases {
		rate := float64(b.N*len(batch.Observations)) / spent[i].Seconds()
		b.ReportMetric(rate, c.name+"-rows/s")
		if c.name != "raw" {
			b.ReportMetric(raw.Seconds()/spent[i].Seconds(), c.name+"/raw")
		}
	}
}

func benchWrite(b *testing.B, db *DB, obs []Observation, wantNew int) {
	res, err := db.Write(context.Background(), Batch{Observations: obs}, Provenance{Via: "csv"})
	if err != nil {
		b.Fatal(err)
	}
	if res.New != wantNew || res.New+res.Unchanged != len(obs) {
		b.Fatalf("wrote %+v, want %d new of %d", res, wantNew, len(obs))
	}
}

// rawInsert writes observations with one prepared insert each, ids looked
// up in Go maps beforehand: the floor the writer is measured against.
func rawInsert(b *testing.B, db *DB, obs []Observation) {
	ctx := context.Background()
	ids := map[string]int64{}
	for _, table := range []string{"units", "indicators"} {
		rows, err := db.r.QueryContext(ctx, `SELECT id, code FROM `+table)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var code string
			rows.Scan(&id, &code)
			ids[table+code] = id
		}
		rows.Close()
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, insertObservationSQL)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now().UTC().Format(time.RFC3339Nano)
	for _, o := range obs {
		if _, err := st.ExecContext(ctx, ids["units"+o.Unit], ids["indicators"+o.Indicator], o.Period.Year, o.Period.First,
			o.Period.Last, *o.Value, "preliminary", percentText(o.ReportedPlanPercent), nil, o.ReportedAt, "csv import", "",
			false, "csv", "", "", now, packFigure(o.Period, false, StatusPreliminary)); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// provinceBatch is a synthetic province code with a hundred communes
// (code-c001 … code-c100), each with benchBatch's figures of inds from
// year from to year to, and the province's own figures too when own.
func provinceBatch(code string, inds []Indicator, from, to int, own bool) Batch {
	var batch Batch
	if own {
		batch = benchBatch(code, inds, from, to)
	}
	batch.Units = []Unit{{Code: code, NameEN: code, Synthetic: true}}
	for c := 1; c <= 100; c++ {
		child := fmt.Sprintf("%s-c%03d", code, c)
		batch.Units = append(batch.Units, Unit{Code: child, NameEN: child, Parent: code, Synthetic: true})
		batch.Observations = append(batch.Observations, benchBatch(child, inds, from, to).Observations...)
	}
	return batch
}

// secondHandle opens another handle on the file at path, as another
// process (a CLI import beside serve) would; it closes when tb ends.
func secondHandle(tb testing.TB, path string) *DB {
	tb.Helper()
	other, err := Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { other.Close() })
	return other
}
