package dashboards

import (
	"bytes"
	"context"
	"database/sql"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/plantrack/plantrack/storage"
)

// TestProgressJSONIsKeptPerVersion: a repeated progress request is
// answered with the bytes kept at the current data version — a figure
// changed behind the version (no writer does this), with storage's own
// kept answers dropped, does not show — while a real write shows at once;
// each language keeps its own answer.
func TestProgressJSONIsKeptPerVersion(t *testing.T) {
	f := newFixture(t, nil)
	const path = "/api/v1/progress?unit=can-tho&period=2018-H1" // has explained flags
	en, vi := f.get(path, 200, nil), f.get(path+"&lang=vi", 200, nil)
	if bytes.Equal(en, vi) {
		t.Fatal("the English and Vietnamese answers are the same; the test needs explained flags")
	}
	raw, err := sql.Open("sqlite", f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE figures SET value = value + 7`); err != nil {
		t.Fatal(err)
	}
	f.db.ClearMemo()
	if got := f.get(path, 200, nil); !bytes.Equal(got, en) {
		t.Errorf("answered anew within one data version:\n%s\nwas\n%s", got, en)
	}
	if got := f.get(path+"&lang=vi", 200, nil); !bytes.Equal(got, vi) {
		t.Errorf("the Vietnamese answer is not kept on its own:\n%s\nwas\n%s", got, vi)
	}
	rev := storage.Observation{Unit: "can-tho", Indicator: "retail_sales", Period: storage.MustParsePeriod("2018-H1"),
		Value: f64(99999), ReportStatus: storage.StatusEstimate, ReportedAt: "2018-06-25", Source: "revision"}
	if _, err := f.db.Write(context.Background(), storage.Batch{Observations: []storage.Observation{rev}}, storage.Provenance{Via: "test"}); err != nil {
		t.Fatal(err)
	}
	if got := f.get(path, 200, nil); bytes.Equal(got, en) || !bytes.Contains(got, []byte("99999")) {
		t.Errorf("after a write the answer is still the one before it:\n%s", got)
	}
}
