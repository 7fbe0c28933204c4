package dashboards

import (
	"context"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestExplainingFlagsLeavesTheKeptAnswer: an API answer explains its flags
// in the request's language on a copy; the progress storage keeps for the
// next request is left as it was (no explanation), so two answers in two
// languages at once neither race nor mix.
func TestExplainingFlagsLeavesTheKeptAnswer(t *testing.T) {
	f := newFixture(t, nil)
	var got struct {
		Items []storage.Item `json:"items"`
	}
	f.get("/api/v1/progress?unit=can-tho&period=2018-H1&lang=vi", 200, &got)
	explained := 0
	for _, it := range got.Items {
		for _, fl := range it.Flags {
			if fl.Explanation != "" {
				explained++
			}
		}
	}
	if explained == 0 {
		t.Fatal("the fixture's can-tho 2018-H1 answer has no explained flag; the test needs one")
	}
	kept, err := f.db.Progress(context.Background(), "can-tho", storage.MustParsePeriod("2018-H1"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range kept.Items {
		for _, fl := range it.Flags {
			if fl.Explanation != "" {
				t.Fatalf("the kept answer's %s flag %s carries the API's explanation %q", it.Indicator, fl.Code, fl.Explanation)
			}
		}
	}
}
