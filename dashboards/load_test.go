package dashboards

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/demo"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
)

// loadRoutes are what the load test's readers fetch, in turn: pages in
// both languages, API answers and /metrics, over the demo data.
var loadRoutes = []struct{ name, path string }{
	{"GET /", "/?lang=en"},
	{"GET /units", "/units"},
	{"GET /units/{code}", "/units/demo-province?lang=en"},
	{"GET /units/{code} (city)", "/units/can-tho"},
	{"GET /units/{code}/indicators/{ind}", "/units/demo-province/indicators/retail_sales"},
	{"GET /compare/periods", "/compare/periods?unit=demo-province"},
	{"GET /compare/units", "/compare/units?parent=demo-province&indicator=exports"},
	{"GET /quality", "/quality?unit=demo-province"},
	{"GET /api/v1/progress", "/api/v1/progress?unit=demo-province"},
	{"GET /api/v1/series", "/api/v1/series?unit=demo-an-binh&indicator=budget_revenue"},
	{"GET /api/v1/observations", "/api/v1/observations?unit=demo-an-binh&indicator=exports"},
	{"GET /api/v1/units", "/api/v1/units"},
	{"GET /metrics", "/metrics"},
}

const (
	loadReaders   = 50
	loadBatchRows = 200
)

// loadStats collects latencies per route and counts bad answers.
type loadStats struct {
	mu      sync.Mutex
	lat     map[string][]time.Duration
	errs    []string
	server5 atomic.Int64
}

func (s *loadStats) add(route string, d time.Duration, status int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lat[route] = append(s.lat[route], d)
	if status >= 500 {
		s.server5.Add(1)
	}
	if (err != nil || status != http.StatusOK) && len(s.errs) < 20 {
		s.errs = append(s.errs, fmt.Sprintf("%s: %d %v", route, status, err))
	}
}

// TestLoad runs 50 readers over pages, API and /metrics on loopback while
// a writer imports batches without pause, for PLANTRACK_LOAD (a duration,
// at least one minute; any other value means one minute). It fails on any
// 5xx, on any other non-200 answer, and when the rows acknowledged to the
// writer are not exactly the rows stored. p50/p99 per route are logged as
// a Markdown table, also written to PLANTRACK_LOAD_OUT when set.
// PLANTRACK_LOAD_NOWRITE=1 runs the readers alone, as a baseline.
//
//	PLANTRACK_LOAD=1m go test -run 'TestLoad$' -v ./dashboards/
func TestLoad(t *testing.T) {
	if testing.Short() || os.Getenv("PLANTRACK_LOAD") == "" {
		t.Skip("load test: set PLANTRACK_LOAD=1m (skipped under -short)")
	}
	dur, err := time.ParseDuration(os.Getenv("PLANTRACK_LOAD"))
	if err != nil || dur < time.Minute {
		dur = time.Minute
	}
	srv, admin, db := loadServer(t)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadReaders + 1}, Timeout: time.Minute}
	stats := &loadStats{lat: map[string][]time.Duration{}}
	ctx, cancel := context.WithTimeout(t.Context(), dur)
	defer cancel()

	var wg sync.WaitGroup
	for r := 0; r < loadReaders; r++ {
		wg.Go(func() {
			for i := r; ctx.Err() == nil; i++ {
				rt := loadRoutes[i%len(loadRoutes)]
				start := time.Now()
				status, err := fetch(client, srv.URL+rt.path)
				if ctx.Err() == nil {
					stats.add(rt.name, time.Since(start), status, err)
				}
			}
		})
	}
	var acked, batches int
	wg.Go(func() { acked, batches = writeLoad(ctx, t, client, srv.URL, admin, stats) })
	wg.Wait()

	stored := 0
	for b := 0; b < batches; b++ {
		obs, err := db.Observations(context.Background(), storage.ObservationFilter{Unit: fmt.Sprintf("load-%05d", b), History: true})
		if err != nil {
			t.Fatal(err)
		}
		stored += len(obs)
	}
	table := loadTable(stats, dur, acked, batches)
	t.Log("\n" + table)
	if out := os.Getenv("PLANTRACK_LOAD_OUT"); out != "" {
		os.WriteFile(out, []byte(table), 0o644)
	}
	if n := stats.server5.Load(); n > 0 || len(stats.errs) > 0 {
		t.Errorf("%d answers were 5xx; bad answers: %v", n, stats.errs)
	}
	if stored != acked || (batches < 2 && os.Getenv("PLANTRACK_LOAD_NOWRITE") == "") {
		t.Errorf("writer: %d rows acknowledged in %d batches, %d stored", acked, batches, stored)
	}
}

// loadServer serves the demo data from a fresh database file on loopback
// and returns an admin token.
func loadServer(t *testing.T) (*httptest.Server, string, *storage.DB) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	col := collector.New(db, nil)
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	admin, err := auth.NewTokens(db).Create(ctx, "load-writer", "admin", "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(DefaultConfig(), Deps{DB: db, Collector: col, Registry: prometheus.NewRegistry(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv, admin, db
}

func fetch(client *http.Client, url string) (int, error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// writeLoad posts batches — a new unit under demo-province and
// loadBatchRows monthly figures for it — until ctx ends, and returns the
// rows the server acknowledged as new and the batches sent.
func writeLoad(ctx context.Context, t *testing.T, client *http.Client, base, token string, stats *loadStats) (int, int) {
	acked, b := 0, 0
	if os.Getenv("PLANTRACK_LOAD_NOWRITE") != "" {
		<-ctx.Done() // readers alone: the baseline the writer's effect is measured against
		return 0, 0
	}
	for ; ctx.Err() == nil; b++ {
		var body strings.Builder
		fmt.Fprintf(&body, `{"units":[{"code":"load-%05d","parent":"demo-province","name_vi":"Tải %d","name_en":"Load %d"}],"observations":[`, b, b, b)
		for i := 0; i < loadBatchRows; i++ {
			if i > 0 {
				body.WriteByte(',')
			}
			fmt.Fprintf(&body, `{"unit":"load-%05d","indicator":"retail_sales","period":"%d-M%02d","value":%d}`, b, 2000+i/12, i%12+1, i+1)
		}
		body.WriteString("]}")
		req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/observations", strings.NewReader(body.String()))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		resp, err := client.Do(req)
		var got struct {
			New int `json:"new"`
		}
		status := 0
		if err == nil {
			status = resp.StatusCode
			err = json.NewDecoder(resp.Body).Decode(&got)
			resp.Body.Close()
		}
		stats.add("POST /api/v1/observations (200 rows)", time.Since(start), status, err)
		if err != nil || status != http.StatusOK {
			t.Errorf("batch %d: %d %v", b, status, err)
			return acked, b + 1
		}
		acked += got.New
	}
	return acked, b
}

// loadTable formats p50/p99 per route as Markdown.
func loadTable(s *loadStats, dur time.Duration, acked, batches int) string {
	var b strings.Builder
	if batches == 0 {
		fmt.Fprintf(&b, "%d readers and no writer for %v on loopback.\n\n", loadReaders, dur)
	} else {
		fmt.Fprintf(&b, "%d readers and one writer for %v on loopback; the writer stored %d rows in %d batches.\n\n",
			loadReaders, dur, acked, batches)
	}
	b.WriteString("| route | requests | p50 | p99 | max |\n|---|---:|---:|---:|---:|\n")
	names := make([]string, 0, len(s.lat))
	for n := range s.lat {
		names = append(names, n)
	}
	slices.Sort(names)
	total := 0
	for _, n := range names {
		l := s.lat[n]
		slices.Sort(l)
		total += len(l)
		q := func(p float64) string { return fmtMS(l[min(len(l)-1, int(p*float64(len(l))))]) }
		fmt.Fprintf(&b, "| `%s` | %d | %s | %s | %s |\n", n, len(l), q(0.50), q(0.99), fmtMS(l[len(l)-1]))
	}
	fmt.Fprintf(&b, "\n%d requests, %.0f per second, %d answers 5xx.\n", total, float64(total)/dur.Seconds(), s.server5.Load())
	return b.String()
}

func fmtMS(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}
