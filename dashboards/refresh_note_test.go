package dashboards

import (
	"context"
	"testing"
	"time"
)

// TestHealthzReportsTheRefresh: /healthz names no refresh before the first
// one, then the data version the last Refresh reached, when it ended and
// how long it ran; a write through another handle moves data_version at
// once and refreshed.data_version only once Refresh has run, so a client
// that wrote can wait for its version there.
func TestHealthzReportsTheRefresh(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	type health struct {
		DataVersion int64 `json:"data_version"`
		Refreshed   *struct {
			DataVersion int64     `json:"data_version"`
			At          time.Time `json:"at"`
			Seconds     float64   `json:"seconds"`
		} `json:"refreshed"`
	}
	var h health
	f.get("/healthz", 200, &h)
	if h.Refreshed != nil {
		t.Fatalf("/healthz reports a refresh before any: %+v", *h.Refreshed)
	}
	before := time.Now()
	v0, err := f.server.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.get("/healthz", 200, &h)
	if h.Refreshed == nil || h.Refreshed.DataVersion != v0 || h.Refreshed.At.Before(before) || h.Refreshed.Seconds <= 0 {
		t.Fatalf("after Refresh to version %d (started %s): %+v", v0, before, h.Refreshed)
	}
	first := *h.Refreshed

	other := f.reviseFromAnotherHandle()
	written, err := other.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.get("/healthz", 200, &h)
	if h.DataVersion != written || h.Refreshed.DataVersion != v0 || !h.Refreshed.At.Equal(first.At) {
		t.Fatalf("after a write to version %d, before Refresh: data_version %d, refreshed %+v (want still %+v)",
			written, h.DataVersion, *h.Refreshed, first)
	}
	if _, err := f.server.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	f.get("/healthz", 200, &h)
	if h.Refreshed.DataVersion < written || !h.Refreshed.At.After(first.At) {
		t.Fatalf("after Refresh: refreshed %+v, want version ≥ %d, later than %s", *h.Refreshed, written, first.At)
	}
	// A Refresh that finds nothing new leaves the note as it was.
	again := *h.Refreshed
	if _, err := f.server.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	f.get("/healthz", 200, &h)
	if *h.Refreshed != again {
		t.Fatalf("a Refresh with nothing new moved the note: %+v, was %+v", *h.Refreshed, again)
	}
}
