package collector

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestSyntheticFigureRoundTrips: a figure sent with "synthetic": true is
// stored marked, exported with the mark (JSON "synthetic": true, CSV column
// synthetic = true) and re-imports as a no-op in both formats; the same
// figure sent again without the mark is a new revision, since the mark is
// part of what a revision says.
func TestSyntheticFigureRoundTrips(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	in := `{"observations":[{"unit":"can-tho","indicator":"exports","period":"2024-H1","value":1010,` +
		`"report_status":"official","reported_at":"2024-07-10","source":"sample","synthetic":true}]}`
	rep, err := c.ImportReader(ctx, strings.NewReader(in), FormatJSON, Options{})
	if err != nil || rep.Result.New != 1 {
		t.Fatalf("import: %+v %v", rep.Result, err)
	}
	stored, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho", Indicator: "exports"})
	if err != nil || len(stored) != 1 || !stored[0].Synthetic {
		t.Fatalf("stored %+v %v, want one synthetic figure", stored, err)
	}
	before := snapshot(t, c, db)
	for _, format := range []string{FormatCSV, FormatJSON} {
		var out bytes.Buffer
		if err := c.Export(ctx, &out, format, storage.ObservationFilter{}); err != nil {
			t.Fatal(err)
		}
		mark := map[string]string{FormatCSV: ",true", FormatJSON: `"synthetic":true`}[format]
		if !strings.Contains(out.String(), mark) || (format == FormatCSV && !strings.Contains(out.String(), ",synthetic")) {
			t.Errorf("%s export lacks the synthetic mark %q:\n%s", format, mark, out.String())
		}
		rep, err := c.ImportReader(ctx, bytes.NewReader(out.Bytes()), format, Options{})
		if err != nil || rep.Result.New != 0 || rep.Result.Unchanged != 1 {
			t.Fatalf("re-import %s: %+v %v, want 1 unchanged", format, rep.Result, err)
		}
		if after := snapshot(t, c, db); after != before {
			t.Fatalf("re-importing the %s export changed the database:\n%s\n---\n%s", format, before, after)
		}
	}
	plain := strings.Replace(in, `,"synthetic":true`, "", 1)
	rep, err = c.ImportReader(ctx, strings.NewReader(plain), FormatJSON, Options{})
	if err != nil || rep.Result.New != 1 {
		t.Fatalf("the figure without its mark: %+v %v, want a new revision", rep.Result, err)
	}
}
