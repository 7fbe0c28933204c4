package web

import (
	"context"
	"net/url"
	"testing"
)

// WarmOverview leaves the overview's content in the page cache at the
// current data version in both languages, so the next reader is served it
// without building it; and what it cached is, byte for byte, the page a
// reader builds for itself.
func TestWarmOverviewCachesThePageAsAReaderBuildsIt(t *testing.T) {
	e := newTestEnv(t)
	ctx := context.Background()
	if err := e.pages.WarmOverview(ctx, "can-tho"); err != nil {
		t.Fatal(err)
	}
	version, err := e.db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"vi", "en"} {
		if _, ok := e.pages.cache.get(version, cacheKey(lang, &url.URL{Path: "/units/can-tho"})); !ok {
			t.Fatalf("no %s overview of can-tho cached after WarmOverview", lang)
		}
	}
	for _, hdr := range [][]string{nil, {"Accept-Language", "en"}} {
		code, warm, _ := e.get(t, "/units/can-tho", hdr...)
		e.pages.cache = newFragmentCache(256)
		code2, built, _ := e.get(t, "/units/can-tho", hdr...)
		if code != 200 || code2 != 200 || warm != built {
			t.Fatalf("%v: the warmed page (%d, %d bytes) differs from the one a reader builds (%d, %d bytes)",
				hdr, code, len(warm), code2, len(built))
		}
		if err := e.pages.WarmOverview(ctx, "can-tho"); err != nil {
			t.Fatal(err)
		}
	}
}
