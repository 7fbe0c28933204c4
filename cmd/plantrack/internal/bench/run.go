package bench

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/storage"
)

// Options configure one benchmark run.
type Options struct {
	Scale  Scale
	Dir    string        // work folder for the dataset and databases; kept afterwards
	Binary string        // the plantrack binary started as the serving process
	Reps   int           // repetitions per measurement (at most; see Budget)
	Budget time.Duration // time limit per measurement
	Log    io.Writer     // progress lines; nil for none
	// MeasureOnly skips generating and importing and measures the
	// plantrack.db an earlier run of the same scale left in Dir.
	MeasureOnly bool
	// WriteLoad is how long the measurement under continuous writes lasts
	// (default 30 s).
	WriteLoad time.Duration
}

// Result is everything one run measured.
type Result struct {
	Scale        Scale
	Rows         int           // observation rows imported
	ImportTime   time.Duration // through the collector
	RawTime      time.Duration // raw batched insert of the same rows
	ImportCPU    time.Duration // this process's CPU time over ImportTime (0: unknown); steadier under load
	RawCPU       time.Duration // the same over RawTime
	DBBytes      int64         // database size after the import (file + WAL)
	StartupTime  time.Duration // serve on the finished database until /healthz answers
	PeakRSSBytes int64         // the serving process's peak resident set
	Measurements []Row
	// UnderWrites are the requests measured while a report was imported
	// every second; Writes is how many were.
	UnderWrites []Row
	Writes      int
	// Floor is a static file served by serve under the same load: what
	// any request to it costs then (see measureFloor).
	Floor Row
	// Refreshes are the background refreshes the "some time after a
	// report" rows waited for.
	Refreshes []Refresh
}

// Row is one latency measurement beside its lower bound.
type Row struct {
	Name     string
	P50, P99 time.Duration
	Max      time.Duration // under continuous writes only
	Bound    time.Duration // p50 of the lower bound; 0 when none applies
	// LoadBound and LoadBoundMax are the p50 and maximum of the lower
	// bound measured under the same load (under continuous writes only).
	LoadBound, LoadBoundMax time.Duration
	BoundIs                 string // what the lower bound is
	Target                  string
	N                       int
}

func (o *Options) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// Run generates the dataset, imports it twice (raw and through the
// collector), starts the binary on the result and measures every hot path.
func Run(ctx context.Context, o Options) (Result, error) {
	if o.Reps <= 0 {
		o.Reps = 200
	}
	if o.Budget <= 0 {
		o.Budget = 15 * time.Second
	}
	if o.WriteLoad <= 0 {
		o.WriteLoad = 30 * time.Second
	}
	res := Result{Scale: o.Scale}
	if o.MeasureOnly {
		return res, measureExisting(ctx, &o, &res)
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return res, err
	}
	o.logf("generating %s dataset: %d units, %d indicators, %d years", o.Scale.Name, o.Scale.Units(), o.Scale.Indicators, o.Scale.Years)
	ds, err := Generate(o.Scale, o.Dir, func(done, total int) {
		if done%1000000 == 0 || done == total {
			o.logf("  generated %d of %d figures", done, total)
		}
	})
	if err != nil {
		return res, fmt.Errorf("generate dataset: %w", err)
	}
	res.Rows = ds.Rows
	rawDB, mainDB := filepath.Join(o.Dir, "raw.db"), filepath.Join(o.Dir, "plantrack.db")
	for _, p := range []string{rawDB, mainDB} {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(p + suffix)
		}
	}
	if res.RawTime, err = timedRaw(ctx, &o, rawDB, ds, &res.RawCPU); err != nil {
		return res, err
	}
	os.Remove(rawDB)
	os.Remove(rawDB + "-wal")
	os.Remove(rawDB + "-shm")
	if res.ImportTime, err = timedImport(ctx, &o, mainDB, ds, &res.ImportCPU); err != nil {
		return res, err
	}
	res.DBBytes = fileSize(mainDB) + fileSize(mainDB+"-wal")
	return res, measureServing(ctx, &o, mainDB, ds, &res)
}

// declare creates the schema and loads units, indicators and plans, which
// both import paths share.
func declare(ctx context.Context, path string, ds Dataset) (*storage.DB, error) {
	db, err := storage.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	col := collector.New(db, nil)
	for _, f := range []string{ds.Declarations, ds.Plans} {
		if _, err := col.ImportFile(ctx, f, collector.Options{Via: "bench"}); err != nil {
			db.Close()
			return nil, fmt.Errorf("import %s: %w", filepath.Base(f), err)
		}
	}
	return db, nil
}

func timedRaw(ctx context.Context, o *Options, path string, ds Dataset, cpu *time.Duration) (time.Duration, error) {
	db, err := declare(ctx, path, ds)
	if err != nil {
		return 0, err
	}
	db.Close()
	o.logf("raw batched insert of %d rows", ds.Rows)
	start, cpu0 := time.Now(), processCPU()
	n, err := rawInsert(ctx, path, ds.Figures)
	d := time.Since(start)
	*cpu = processCPU() - cpu0
	if err != nil {
		return d, fmt.Errorf("raw insert: %w", err)
	}
	if n != ds.Rows {
		return d, fmt.Errorf("raw insert stored %d rows, want %d", n, ds.Rows)
	}
	if err := referencesHold(ctx, path); err != nil {
		return d, fmt.Errorf("raw insert: %w", err)
	}
	o.logf("  %d rows in %s (%.0f rows/s)", n, d.Round(time.Millisecond), float64(n)/d.Seconds())
	return d, nil
}

func timedImport(ctx context.Context, o *Options, path string, ds Dataset, cpu *time.Duration) (time.Duration, error) {
	db, err := declare(ctx, path, ds)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	col := collector.New(db, nil)
	o.logf("collector import of %d rows", ds.Rows)
	start, cpu0 := time.Now(), processCPU()
	stored := 0
	for _, f := range ds.Figures {
		rep, err := col.ImportFile(ctx, f, collector.Options{Via: "csv", FileName: filepath.Base(f)})
		if err != nil {
			return time.Since(start), fmt.Errorf("import %s: %w", filepath.Base(f), err)
		}
		stored += rep.Result.New
	}
	d := time.Since(start)
	*cpu = processCPU() - cpu0
	if stored != ds.Rows {
		return d, fmt.Errorf("the import stored %d new figures, want %d", stored, ds.Rows)
	}
	o.logf("  %d rows in %s (%.0f rows/s)", stored, d.Round(time.Millisecond), float64(stored)/d.Seconds())
	return d, nil
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// openReader opens the database read-only for the bare-SQL lower bounds.
// It keeps up to 32 idle connections, so that the 20 readers of the bounds
// under load reuse theirs instead of opening one per query.
func openReader(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	db.SetMaxIdleConns(32)
	return db, nil
}

// measureExisting measures the database an earlier run left in o.Dir.
func measureExisting(ctx context.Context, o *Options, res *Result) error {
	mainDB := filepath.Join(o.Dir, "plantrack.db")
	if _, err := os.Stat(mainDB); err != nil {
		return fmt.Errorf("--measure-only needs the plantrack.db of an earlier run in %s: %w", o.Dir, err)
	}
	codes, _ := o.Scale.unitCodes()
	ds := Dataset{Dir: o.Dir, Province: codes[1], Commune: codes[2], Indicator: "retail_sales"}
	reader, err := openReader(mainDB)
	if err != nil {
		return err
	}
	err = reader.QueryRowContext(ctx, "SELECT count(*) FROM figures").Scan(&res.Rows)
	reader.Close()
	if err != nil {
		return fmt.Errorf("count the figures of %s: %w", mainDB, err)
	}
	res.DBBytes = fileSize(mainDB) + fileSize(mainDB+"-wal")
	return measureServing(ctx, o, mainDB, ds, res)
}
