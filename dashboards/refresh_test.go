package dashboards

import (
	"context"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestRefreshAfterAnotherProcessWrites: a revision written through another
// handle on the file (another process: a CLI import) is derived by Refresh
// before anyone reads; the first reads afterwards — the written commune's
// and its province's progress, the province's children, /metrics — see the
// new figure and derive nothing (Derivations does not move).
func TestRefreshAfterAnotherProcessWrites(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	// Warm what readers ask for, at the first version: Refresh first
	// reports nothing (nothing was kept before it), then reads warm it.
	if _, err := f.server.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"ninh-kieu", "can-tho"} {
		if _, err := f.db.Progress(ctx, u, storage.Period{}, ""); err != nil {
			t.Fatal(err)
		}
	}
	f.get("/metrics", 200, nil)

	other := f.reviseFromAnotherHandle()
	written, err := other.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The event: Refresh returns the version it brought answers up to.
	v, err := f.server.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v < written {
		t.Fatalf("refreshed up to version %d, the write made %d", v, written)
	}

	before := f.db.Derivations()
	nk, err := f.db.Progress(ctx, "ninh-kieu", storage.Period{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := valueOf(t, nk, "retail_sales"); got != 21000 { // the revision, not the 20000 first reported
		t.Fatalf("ninh-kieu retail_sales = %v after the revision, want 21000", got)
	}
	if _, err := f.db.Progress(ctx, "can-tho", storage.Period{}, ""); err != nil {
		t.Fatal(err)
	}
	kids, err := f.db.ChildrenStatus(ctx, "can-tho", storage.MustParsePeriod("2018-H1"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := valueOf(t, kids["ninh-kieu"], "retail_sales"); got != 21000 {
		t.Fatalf("can-tho's child ninh-kieu retail_sales = %v, want 21000", got)
	}
	body := string(f.get("/metrics", 200, nil))
	if !strings.Contains(body, `unit="ninh-kieu"`) || !strings.Contains(body, "21000") {
		t.Fatalf("/metrics lacks ninh-kieu's revised 21000:\n%.2000s", body)
	}
	if d := f.db.Derivations() - before; d != 0 {
		t.Fatalf("the first reads after the refresh derived %d answers or pieces; want every one kept", d)
	}
}

// valueOf is the value of indicator in p; the test fails without one.
func valueOf(t *testing.T, p storage.Progress, indicator string) float64 {
	t.Helper()
	for _, it := range p.Items {
		if it.Indicator == indicator && it.Value != nil {
			return *it.Value
		}
	}
	t.Fatalf("no %s value in %s's progress", indicator, p.Unit.Code)
	return 0
}

// TestRefreshDerivesReadAnswersAhead: the comparison and the series a reader
// asked for through the API before another process wrote are derived by
// Refresh, so the same requests afterwards derive nothing (Derivations does
// not move) and answer with the new figure.
func TestRefreshDerivesReadAnswersAhead(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	if _, err := f.server.Refresh(ctx); err != nil { // nothing kept before it: reports nothing
		t.Fatal(err)
	}
	compare := "/api/v1/compare?indicator=retail_sales&parent=can-tho&a=2018-H1&b=2017-H1"
	series := "/api/v1/series?unit=ninh-kieu&indicator=retail_sales"
	f.get(compare, 200, nil)
	f.get(series, 200, nil)

	f.reviseFromAnotherHandle()
	if _, err := f.server.Refresh(ctx); err != nil {
		t.Fatal(err)
	}

	before := f.db.Derivations()
	var c struct {
		Rows []storage.CompareRow `json:"rows"`
	}
	f.get(compare, 200, &c)
	var s struct {
		Points []storage.Item `json:"points"`
	}
	f.get(series, 200, &s)
	if d := f.db.Derivations() - before; d != 0 {
		t.Fatalf("the comparison and series asked for before the write derived %d answers or pieces after Refresh; want both kept", d)
	}
	var got, point float64
	for _, r := range c.Rows {
		if r.Unit == "ninh-kieu" && r.ValueA != nil {
			got = *r.ValueA
		}
	}
	for _, p := range s.Points {
		if p.Period == storage.MustParsePeriod("2018-H1") && p.Value != nil {
			point = *p.Value
		}
	}
	if got != 21000 || point != 21000 { // the revision, not the 20000 first reported
		t.Fatalf("after the revision: compare ninh-kieu 2018-H1 = %v, series 2018-H1 = %v; want 21000 in both", got, point)
	}
}

// TestFirstRefreshWarmsMetrics: the first Refresh after start-up, with no
// write seen, still builds the /metrics exposition, so the first scrape
// derives nothing (Derivations does not move) — without it, that scrape
// derived every exposed unit's latest figures (seconds at national scale).
func TestFirstRefreshWarmsMetrics(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	before := f.db.Derivations()
	if _, err := f.server.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if f.db.Derivations() == before {
		t.Fatal("the first Refresh derived nothing; want the /metrics exposition built")
	}
	warmed := f.db.Derivations()
	body := string(f.get("/metrics", 200, nil))
	if !strings.Contains(body, `plantrack_indicator_value{indicator="retail_sales",unit="can-tho"}`) {
		t.Fatalf("/metrics lacks can-tho's retail_sales:\n%.2000s", body)
	}
	if d := f.db.Derivations() - warmed; d != 0 {
		t.Fatalf("the first scrape after the first Refresh derived %d answers or pieces; want none", d)
	}
}

// reviseFromAnotherHandle writes, through a second handle on the fixture's
// file (as another process — a CLI import — would), a revision of
// ninh-kieu's retail sales for 2018-H1: 21000. The handle stays open until
// the test ends and is returned for reading what it wrote.
func (f *fixture) reviseFromAnotherHandle() *storage.DB {
	f.t.Helper()
	ctx := context.Background()
	other, err := storage.Open(ctx, f.path)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { other.Close() })
	rev := storage.Observation{Unit: "ninh-kieu", Indicator: "retail_sales", Period: storage.MustParsePeriod("2018-H1"),
		Value: f64(21000), ReportStatus: storage.StatusEstimate, ReportedAt: "2018-06-20", Source: "revision"}
	if _, err := other.Write(ctx, storage.Batch{Observations: []storage.Observation{rev}}, storage.Provenance{Via: "test"}); err != nil {
		f.t.Fatal(err)
	}
	return other
}
