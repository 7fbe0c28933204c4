package bench

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// measurement is one hot path: its URL and, where one makes sense, the
// lower bound it is compared with. A fresh measurement adds a different
// as_of date (later than every figure, so the answer is the same) to each
// request, which no cache keyed by the request can have seen. An
// after-report measurement imports a 60-figure report (see reporter),
// untimed, before each request: the first request after a write; with
// refreshed set too, the request waits until the server reports that its
// background refresh reached the report (some time after a write).
type measurement struct {
	name, path, target string
	gzip, fresh        bool
	afterReport        *reporter
	refreshed          bool
	bound              func() error
	boundIs            string
}

// measureServing starts the binary on the imported database and measures
// every hot path beside its lower bound.
func measureServing(ctx context.Context, o *Options, dbPath string, ds Dataset, res *Result) error {
	reader, err := openReader(dbPath)
	if err != nil {
		return err
	}
	defer reader.Close()
	ids, err := lookupIDs(reader, ds)
	if err != nil {
		return err
	}
	o.logf("starting %s serve on the %s database", o.Binary, o.Scale.Name)
	srv, startup, err := startServer(ctx, o.Binary, dbPath, 1)
	if err != nil {
		return err
	}
	defer srv.stop()
	res.StartupTime = startup
	client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 4}, Timeout: time.Minute}

	year := o.Scale.FirstYear + o.Scale.Years - 1
	a, b := fmt.Sprintf("%d-H1", year), fmt.Sprintf("%d-H1", year-1)
	ms := []measurement{
		{name: "progress, one province (API)", path: "/api/v1/progress?unit=" + ds.Province, target: "p50 < 5 ms",
			bound: query(reader, sqlUnitYears, ids.province, year, year-1), boundIs: "the unit's figures of two years, bare SQL"},
		{name: "overview page, one province", path: "/units/" + ds.Province, target: "p50 < 20 ms",
			bound: query(reader, sqlUnitYears, ids.province, year, year-1), boundIs: "the unit's figures of two years, bare SQL"},
		{name: "series, one indicator of one commune", path: "/api/v1/series?unit=" + ds.Commune + "&indicator=" + ds.Indicator,
			bound: query(reader, sqlSeries, ids.commune, ids.indicator), boundIs: "the figures of that unit and indicator, bare SQL"},
		{name: fmt.Sprintf("compare %s vs %s, communes of a province", a, b),
			path:  "/api/v1/compare?indicator=" + ds.Indicator + "&parent=" + ds.Province + "&a=" + a + "&b=" + b,
			bound: query(reader, sqlChildrenTwoPeriods, ids.indicator, year, year-1, ids.province), boundIs: "both periods of the children, bare SQL"},
		{name: fmt.Sprintf("compare %s vs %s, every commune of the nation", a, b), target: "p50 < 50 ms",
			path:  "/api/v1/compare?indicator=" + ds.Indicator + "&parent=vn&level=2&a=" + a + "&b=" + b,
			bound: query(reader, sqlGrandchildrenTwoPeriods, ids.indicator, year, year-1, ids.nation), boundIs: "both periods of the grandchildren, bare SQL"},
		{name: "unit comparison page, communes of a province",
			path:  "/compare/units?parent=" + ds.Province + "&indicator=" + ds.Indicator + "&period=" + a,
			bound: query(reader, sqlChildrenTwoPeriods, ids.indicator, year, year-1, ids.province), boundIs: "both periods of the children, bare SQL"},
	}
	rep, err := newReporter(ctx, dbPath, reader, o.Scale, ds.Province)
	if err != nil {
		return err
	}
	defer rep.close()
	bounds := map[string]Row{}
	for _, m := range ms {
		for _, kind := range []string{"repeated", "fresh", "after a report", "some time after a report"} {
			if kind != "repeated" && m.name == "unit comparison page, communes of a province" {
				continue // the page is one compare call plus formatting; its fresh cost is the compare row's
			}
			m.fresh = kind == "fresh"
			m.afterReport, m.refreshed = nil, kind == "some time after a report"
			if kind == "after a report" || m.refreshed {
				m.afterReport = rep
			}
			row, refreshes, err := measureOne(ctx, o, client, srv.base, m)
			if err != nil {
				return err
			}
			res.Refreshes = append(res.Refreshes, refreshes...)
			if kind == "repeated" {
				bounds[m.name] = row
			}
			res.Measurements = append(res.Measurements, row)
		}
	}
	for _, gz := range []bool{false, true} {
		row, err := measureMetrics(ctx, o, client, srv.base, gz, "/metrics, default exposure (depth 1)", "p50 < 10 ms, ≤ 5× bound")
		if err != nil {
			return err
		}
		if !gz {
			bounds["/metrics, default exposure (depth 1)"] = row
		}
		res.Measurements = append(res.Measurements, row)
	}
	routes := []measurement{ms[1], ms[0], ms[3], ms[4], {name: "/metrics, default exposure (depth 1)", path: "/metrics"}}
	if err := measureUnderWrites(ctx, o, rep, srv.base, routes, bounds, res); err != nil {
		return fmt.Errorf("under continuous writes: %w", err)
	}
	res.PeakRSSBytes = srv.peakRSS()
	srv.stop()

	all, _, err := startServer(ctx, o.Binary, dbPath, 99)
	if err != nil {
		return err
	}
	defer all.stop()
	// The first request of the every-unit exposition builds it (every
	// unit's latest figures; over a minute at national scale on a loaded
	// machine): it alone gets firstMetricsTimeout, and its time is recorded.
	start := time.Now()
	if _, _, err := body(&http.Client{Transport: client.Transport, Timeout: firstMetricsTimeout}, all.base+"/metrics", false); err != nil {
		return fmt.Errorf("/metrics, every unit exposed, first request (client timeout %s): %w", firstMetricsTimeout, err)
	}
	name := fmt.Sprintf("/metrics, every unit exposed (for the record; its first request, building it cold, took %s under a %s client timeout)",
		time.Since(start).Round(time.Millisecond), firstMetricsTimeout)
	row, err := measureMetrics(ctx, o, client, all.base, false, name, "")
	if err != nil {
		return err
	}
	res.Measurements = append(res.Measurements, row)
	return nil
}

// firstMetricsTimeout is the client timeout of the first request of the
// every-unit /metrics exposition, which builds it; every other request
// has a minute.
const firstMetricsTimeout = 10 * time.Minute

func measureOne(ctx context.Context, o *Options, client *http.Client, base string, m measurement) (Row, []Refresh, error) {
	switch {
	case m.fresh:
		m.name += ", fresh (an as_of no request used before)"
	case m.refreshed:
		m.name += ", some time after a 60-figure report (once the server's refresh reached it)"
	case m.afterReport != nil:
		m.name += ", first request after a 60-figure report"
	case m.bound != nil && m.path != "/metrics":
		m.name += ", repeated"
	}
	o.logf("measuring %s", m.name)
	get := fetch(client, base+m.path, m.gzip)
	if m.fresh {
		get = fetchFresh(client, base+m.path)
	}
	var ds []time.Duration
	var refreshes []Refresh
	var err error
	switch {
	case m.refreshed:
		ds, refreshes, err = sampleAfterRefresh(ctx, m.afterReport, client, base, o.Reps, o.Budget, get)
	case m.afterReport != nil:
		ds, err = sampleAfterReport(ctx, m.afterReport, o.Reps, o.Budget, get)
	default:
		ds, err = sample(o.Reps, o.Budget, get)
	}
	if err != nil {
		return Row{}, nil, fmt.Errorf("%s: %w", m.name, err)
	}
	row := Row{Name: m.name + " — `" + m.path + "`", P50: quantile(ds, .5), P99: quantile(ds, .99), Target: m.target, N: len(ds), BoundIs: m.boundIs}
	if m.bound != nil {
		bs, err := sample(o.Reps, o.Budget, m.bound)
		if err != nil {
			return Row{}, nil, fmt.Errorf("%s lower bound: %w", m.name, err)
		}
		row.Bound = quantile(bs, .5)
	}
	return row, refreshes, nil
}

func measureMetrics(ctx context.Context, o *Options, client *http.Client, base string, gzip bool, name, target string) (Row, error) {
	if gzip {
		name += ", gzipped"
	}
	b, enc, err := body(client, base+"/metrics", gzip)
	if err != nil {
		return Row{}, err
	}
	buf, bufURL, err := bufferServer(b, enc)
	if err != nil {
		return Row{}, err
	}
	defer buf.Close()
	row, _, err := measureOne(ctx, o, client, base, measurement{name: name, path: "/metrics", gzip: gzip, target: target,
		bound: fetch(client, bufURL, gzip), boundIs: fmt.Sprintf("the same %d-byte exposition from a precomputed buffer", len(b))})
	return row, err
}

type benchIDs struct{ nation, province, commune, indicator int64 }

func lookupIDs(db *sql.DB, ds Dataset) (benchIDs, error) {
	var ids benchIDs
	for _, x := range []struct {
		q    string
		code string
		dst  *int64
	}{
		{"SELECT id FROM units WHERE code = ?", "vn", &ids.nation},
		{"SELECT id FROM units WHERE code = ?", ds.Province, &ids.province},
		{"SELECT id FROM units WHERE code = ?", ds.Commune, &ids.commune},
		{"SELECT id FROM indicators WHERE code = ?", ds.Indicator, &ids.indicator},
	} {
		if err := db.QueryRow(x.q, x.code).Scan(x.dst); err != nil {
			return ids, fmt.Errorf("look up %s: %w", x.code, err)
		}
	}
	return ids, nil
}

const (
	sqlUnitYears = `SELECT indicator_id, year, first_month, last_month, reported_at, id, packed, value,
		reported_plan_percent, reported_yoy_percent FROM figures WHERE unit_id = ? AND year IN (?, ?)`
	sqlSeries = `SELECT year, first_month, last_month, reported_at, id, packed, value
		FROM figures WHERE unit_id = ? AND indicator_id = ?`
	sqlChildrenTwoPeriods = `SELECT unit_id, year, reported_at, id, value FROM figures
		WHERE indicator_id = ?1 AND year IN (?2, ?3) AND last_month = 6 AND first_month = 1
		AND unit_id IN (SELECT id FROM units WHERE parent_id = ?4)`
	sqlGrandchildrenTwoPeriods = `SELECT unit_id, year, reported_at, id, value FROM figures
		WHERE indicator_id = ?1 AND year IN (?2, ?3) AND last_month = 6 AND first_month = 1
		AND unit_id IN (SELECT id FROM units WHERE parent_id IN (SELECT id FROM units WHERE parent_id = ?4))`
)

// fetchFresh GETs url with a new as_of date on every call (from 2030-01-01
// on, later than any benchmark figure or plan), so no cache answers it.
func fetchFresh(client *http.Client, url string) func() error {
	day := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return func() error {
		day = day.AddDate(0, 0, 1)
		return fetch(client, url+sep+"as_of="+day.Format("2006-01-02"), false)()
	}
}
