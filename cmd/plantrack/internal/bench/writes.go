package bench

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/storage"
)

// reporter imports, from this process — beside the serving one, like a CLI
// import — 60-figure reports: one commune of the measured province at a
// time (in turn), every indicator's year-to-date figure of the next month
// that commune has not reported yet, after the generated years. It touches
// what the measured requests read: the province's children, its sums and
// the compared indicator.
type reporter struct {
	db       *storage.DB
	col      *collector.Collector
	communes []string
	inds     []string
	year     int
	n        int
}

func newReporter(ctx context.Context, path string, reader *sql.DB, s Scale, province string) (*reporter, error) {
	db, err := storage.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	r := &reporter{db: db, col: collector.New(db, nil), year: s.FirstYear + s.Years - 1}
	// Number reports after those an earlier run (--measure-only) stored, so
	// that every report is a new revision.
	if err := reader.QueryRowContext(ctx, `SELECT count(*) FROM batches WHERE source LIKE 'bench report %'`).Scan(&r.n); err != nil {
		db.Close()
		return nil, fmt.Errorf("count earlier reports: %w", err)
	}
	for c := 1; c <= s.CommunesPerProvince; c++ {
		r.communes = append(r.communes, fmt.Sprintf("%s-c%03d", province, c))
	}
	for _, ind := range s.indicators() {
		r.inds = append(r.inds, ind.Code)
	}
	return r, nil
}

func (r *reporter) close() { r.db.Close() }

// report imports the next report and returns how long the import took.
func (r *reporter) report(ctx context.Context) (time.Duration, error) {
	r.n++
	unit := r.communes[r.n%len(r.communes)]
	round := (r.n - 1) / len(r.communes) // how many reports this commune made before
	year, month := r.year+1+round/12, round%12+1
	day := fmt.Sprintf("%d-%02d-28", year, month)
	var b strings.Builder
	b.WriteString("unit,indicator,period,value,report_status,reported_at,source\n")
	for i, ind := range r.inds {
		v := float64(month)*(50+float64(i%40)) + 0.5
		fmt.Fprintf(&b, "%s,%s,%s,%s,estimate,%s,bench report %d\n", unit, ind, periodCode(year, month),
			strconv.FormatFloat(v, 'f', -1, 64), day, r.n)
	}
	start := time.Now()
	rep, err := r.col.ImportReader(ctx, strings.NewReader(b.String()), collector.FormatCSV,
		collector.Options{Via: "bench", FileName: "report.csv"})
	d := time.Since(start)
	if err != nil {
		return d, fmt.Errorf("import report %d: %w", r.n, err)
	}
	if got := rep.Result.New; got != len(r.inds) {
		return d, fmt.Errorf("report %d stored %d figures, want %d", r.n, got, len(r.inds))
	}
	return d, nil
}

// sampleAfterReport is sample with a report imported (untimed) before each
// timed request: the first request after a write. The bench collects the
// report's garbage before timing: its own collector, started by the
// import's allocations, otherwise ran during about half the timed requests
// on the 2 cores and added ~0.2 ms to a 1 ms request that is serve's.
func sampleAfterReport(ctx context.Context, rep *reporter, reps int, budget time.Duration, fn func() error) ([]time.Duration, error) {
	var ds []time.Duration
	end := time.Now().Add(budget)
	for i := 0; i < reps && (i < 5 || time.Now().Before(end)); i++ {
		if _, err := rep.report(ctx); err != nil {
			return nil, err
		}
		runtime.GC()
		t := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		ds = append(ds, time.Since(t))
	}
	slices.Sort(ds)
	return ds, nil
}

// writeLoad is the measurement under continuous writes: readers make the
// routes' requests in turn without pause while the reporter imports one
// report every l.every.
type writeLoad struct {
	readers  int
	duration time.Duration
	every    time.Duration
}

// loadRoute is one request of the load: a name and how to make it.
type loadRoute struct {
	name string
	do   func() error
}

// measureUnderWrites measures the routes under continuous writes: their
// requests to the server, then for each route its bound under the same
// load — the same readers and writes, every other route still served by
// the server, this one replaced by its bound (the bare SQL through this
// process's own handle; for /metrics, a server in this process sending the
// same bytes from a buffer over loopback) — so that each route's p50 can
// be set against its bound under the same load as well as against the
// single-reader bound (bounds, by route name).
func measureUnderWrites(ctx context.Context, o *Options, rep *reporter, base string, routes []measurement, bounds map[string]Row, res *Result) error {
	l := writeLoad{readers: 20, duration: o.WriteLoad, every: time.Second}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: l.readers + 4}, Timeout: time.Minute}
	var reqs, bnds []loadRoute
	for _, m := range routes {
		reqs = append(reqs, loadRoute{m.name, fetch(client, base+m.path, m.gzip)})
		bound := m.bound
		if m.path == "/metrics" {
			b, enc, err := body(client, base+m.path, m.gzip)
			if err != nil {
				return err
			}
			buf, url, err := bufferServer(b, enc)
			if err != nil {
				return err
			}
			defer buf.Close()
			bound = fetch(client, url, m.gzip)
		}
		bnds = append(bnds, loadRoute{m.name, bound})
	}
	o.logf("measuring under continuous writes: %d readers, a 60-figure report a second for %s", l.readers, l.duration)
	lat, writes, err := l.run(ctx, rep, reqs)
	if err != nil {
		return err
	}
	// Each route's bound under the same load: the same readers and
	// writes, the other routes still served by the server, only this
	// route replaced by its bound — a third as long per route.
	blat := make([][]time.Duration, len(routes))
	short := l
	short.duration = max(l.duration/3, 2*l.every)
	for r, m := range routes {
		o.logf("measuring the bound of %s under the same load for %s", m.name, short.duration)
		mixed := slices.Clone(reqs)
		mixed[r] = bnds[r]
		got, _, err := short.run(ctx, rep, mixed)
		if err != nil {
			return fmt.Errorf("bound of %s: %w", m.name, err)
		}
		blat[r] = got[r]
	}
	if err := measureFloor(ctx, o, client, base, rep, short, reqs, res); err != nil {
		return err
	}
	res.Writes = writes
	for r, m := range routes {
		ds, bs := lat[r], blat[r]
		b := bounds[m.name]
		res.UnderWrites = append(res.UnderWrites, Row{Name: m.name + ", under continuous writes — `" + m.path + "`",
			P50: quantile(ds, .5), P99: quantile(ds, .99), Max: ds[len(ds)-1], Bound: b.Bound, BoundIs: b.BoundIs,
			LoadBound: quantile(bs, .5), LoadBoundMax: bs[len(bs)-1],
			Target: "p50 ≤ 20× bound, none over 1 s", N: len(ds)})
	}
	return nil
}

// run makes the routes' requests under the load and returns each route's
// sorted latencies and how many reports were imported meanwhile.
func (l writeLoad) run(ctx context.Context, rep *reporter, routes []loadRoute) ([][]time.Duration, int, error) {
	lat := make([][]time.Duration, len(routes))
	var mu sync.Mutex
	var firstErr error
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < l.readers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := i; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				r := k % len(routes)
				t := time.Now()
				err := routes[r].do()
				d := time.Since(t)
				mu.Lock()
				lat[r] = append(lat[r], d)
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("%s: %w", routes[r].name, err)
				}
				mu.Unlock()
			}
		}()
	}
	writes, err := l.write(ctx, rep)
	close(stop)
	wg.Wait()
	if err == nil {
		err = firstErr
	}
	if err != nil {
		return nil, writes, err
	}
	for _, ds := range lat {
		slices.Sort(ds)
	}
	return lat, writes, nil
}

// write imports one report every l.every for l.duration.
func (l writeLoad) write(ctx context.Context, rep *reporter) (int, error) {
	tick := time.NewTicker(l.every)
	defer tick.Stop()
	end := time.After(l.duration)
	n := 0
	for {
		select {
		case <-end:
			return n, nil
		case <-ctx.Done():
			return n, ctx.Err()
		case <-tick.C:
			if _, err := rep.report(ctx); err != nil {
				return n, err
			}
			n++
		}
	}
}

// floorAsset is the static file of the floor: served by serve from memory,
// with no database read and nothing computed.
const floorAsset = "/assets/app.css"

// measureFloor measures what any request to the serving process costs
// under the load: the same readers and writes for a third as long, with
// the last route (the smallest and cheapest answer, /metrics) replaced by
// a static file that serve answers from memory: what any request to serve
// waits under the load, however little it computes.
func measureFloor(ctx context.Context, o *Options, client *http.Client, base string, rep *reporter, l writeLoad, reqs []loadRoute, res *Result) error {
	b, _, err := body(client, base+floorAsset, false)
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	o.logf("measuring the serving process's floor under the same load for %s", l.duration)
	mixed := slices.Clone(reqs)
	last := len(mixed) - 1
	mixed[last] = loadRoute{floorAsset, fetch(client, base+floorAsset, false)}
	got, _, err := l.run(ctx, rep, mixed)
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	ds := got[last]
	res.Floor = Row{Name: fmt.Sprintf("`%s` (%d bytes) in place of %s", floorAsset, len(b), reqs[last].name),
		P50: quantile(ds, .5), P99: quantile(ds, .99), Max: ds[len(ds)-1], N: len(ds)}
	return nil
}
