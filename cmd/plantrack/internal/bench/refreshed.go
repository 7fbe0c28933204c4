package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"time"
)

// Refresh is one background refresh after a report, by the serving
// process's own numbers (its /healthz "refreshed"): Lag from the import's
// return (its commit) to the end of the refresh that reached the report's
// data version — the refresher's poll interval included — and Took, how
// long that refresh ran.
type Refresh struct{ Lag, Took time.Duration }

// healthz is the part of GET /healthz the bench reads.
type healthz struct {
	DataVersion int64 `json:"data_version"`
	Refreshed   *struct {
		DataVersion int64     `json:"data_version"`
		At          time.Time `json:"at"`
		Seconds     float64   `json:"seconds"`
	} `json:"refreshed"`
}

// refreshPoll is how often the bench asks /healthz whether the refresh it
// waits for ended: a small answer, a few a refresh.
const refreshPoll = 5 * time.Millisecond

// waitRefreshed waits until the server's background refresher has brought
// its kept answers up to data version v (the event the server reports in
// /healthz), at most a minute, and returns that refresh measured from
// written, when the write returned.
func waitRefreshed(ctx context.Context, client *http.Client, base string, v int64, written time.Time) (Refresh, error) {
	deadline := time.Now().Add(time.Minute)
	for {
		var h healthz
		if err := getJSON(ctx, client, base+"/healthz", &h); err != nil {
			return Refresh{}, err
		}
		if r := h.Refreshed; r != nil && r.DataVersion >= v {
			return Refresh{Lag: r.At.Sub(written), Took: time.Duration(r.Seconds * float64(time.Second))}, nil
		}
		if time.Now().After(deadline) {
			return Refresh{}, fmt.Errorf("the server did not report a refresh up to data version %d within a minute (its /healthz: %+v)", v, h)
		}
		select {
		case <-ctx.Done():
			return Refresh{}, ctx.Err()
		case <-time.After(refreshPoll):
		}
	}
}

func getJSON(ctx context.Context, client *http.Client, url string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// sampleAfterRefresh is sample with a report imported (untimed) before
// each timed request, and the request sent once the server reports that
// its background refresh reached the report's data version: a reader
// arriving some time after a write. It returns the refreshes too.
func sampleAfterRefresh(ctx context.Context, rep *reporter, client *http.Client, base string, reps int, budget time.Duration,
	fn func() error) ([]time.Duration, []Refresh, error) {
	var ds []time.Duration
	var rs []Refresh
	end := time.Now().Add(budget)
	for i := 0; i < reps && (i < 5 || time.Now().Before(end)); i++ {
		if _, err := rep.report(ctx); err != nil {
			return nil, nil, err
		}
		written := time.Now()
		v, err := rep.db.DataVersion(ctx)
		if err != nil {
			return nil, nil, err
		}
		r, err := waitRefreshed(ctx, client, base, v, written)
		if err != nil {
			return nil, nil, err
		}
		rs = append(rs, r)
		runtime.GC() // the report's garbage, as in sampleAfterReport
		t := time.Now()
		if err := fn(); err != nil {
			return nil, nil, err
		}
		ds = append(ds, time.Since(t))
	}
	slices.Sort(ds)
	return ds, rs, nil
}
