package main

import (
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestServeRefreshesAfterAnotherProcessWrites: serve's background
// refresher sees a revision written through another handle on the file
// (another process) and derives it before anyone asks: once it reports the
// write's data version, the first progress request shows the revised
// figure and derives nothing (the server's derivation counter stays still).
func TestServeRefreshesAfterAnotherProcessWrites(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "refresh.db")
	h1 := storage.MustParsePeriod("2018-H1")
	obs := func(unit string, v float64, at string) storage.Observation {
		return storage.Observation{Unit: unit, Indicator: "retail_sales", Period: h1, Value: &v,
			ReportStatus: storage.StatusEstimate, ReportedAt: at, Source: "test"}
	}
	write := func(b storage.Batch) int64 { // through a handle of its own: another process
		t.Helper()
		db, err := storage.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Write(ctx, b, storage.Provenance{Via: "test"}); err != nil {
			t.Fatal(err)
		}
		v, err := db.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	write(storage.Batch{Units: []storage.Unit{{Code: "can-tho", NameVI: "Cần Thơ", NameEN: "Can Tho"},
		{Code: "ninh-kieu", NameVI: "Ninh Kiều", NameEN: "Ninh Kieu", Parent: "can-tho"}},
		Observations: []storage.Observation{obs("can-tho", 63135, "2018-06-11"), obs("ninh-kieu", 20000, "2018-06-11")}})

	type refresh struct {
		db *storage.DB
		v  int64
	}
	refreshed := make(chan refresh, 100)
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv: func(string) string { return "" },
		refreshed: func(db *storage.DB, v int64) {
			select {
			case refreshed <- refresh{db, v}:
			default: // the test reads only the latest ones
			}
		}}
	if err := m.ParseFlags(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", path}); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	progress := func() float64 { // ninh-kieu's retail_sales at its latest period
		t.Helper()
		resp, err := http.Get(m.URL() + "/api/v1/progress?unit=ninh-kieu")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var p struct {
			Items []struct {
				Indicator string   `json:"indicator"`
				Value     *float64 `json:"value"`
			} `json:"items"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&p); err != nil || resp.StatusCode != 200 {
			t.Fatalf("progress: %d %v", resp.StatusCode, err)
		}
		for _, it := range p.Items {
			if it.Indicator == "retail_sales" && it.Value != nil {
				return *it.Value
			}
		}
		t.Fatalf("no retail_sales value in %+v", p)
		return 0
	}
	if got := progress(); got != 20000 {
		t.Fatalf("before the revision: %v, want 20000", got)
	}

	written := write(storage.Batch{Observations: []storage.Observation{obs("ninh-kieu", 21000, "2018-06-20")}})
	var r refresh
	for r.v < written { // the event: the refresher reports the write's version done
		select {
		case r = <-refreshed:
		case <-ctx.Done():
			t.Fatal(ctx.Err())
		}
	}
	before := r.db.Derivations()
	if got := progress(); got != 21000 { // the revision, not the 20000 first reported
		t.Fatalf("first request after the revision: %v, want 21000", got)
	}
	if d := r.db.Derivations() - before; d != 0 {
		t.Fatalf("the first request after the refresh derived %d answers or pieces; want it kept", d)
	}
}
