package gzipneg

import "testing"

// TestAccepts covers what the assets and /metrics each tested of their own
// copy: names in any case, qualities, * and codings that are not gzip.
func TestAccepts(t *testing.T) {
	for h, want := range map[string]bool{
		"": false, "gzip": true, "GZIP": true, "deflate, gzip;q=0.5": true, "gzip;q=0": false,
		"gzip; q=0.0": false, "br": false, "x-gzip": false, "gzip;q=bad": false, "*": true, "*;q=0": false,
		"br, *": true,
	} {
		if got := Accepts(h); got != want {
			t.Errorf("Accepts(%q) = %v, want %v", h, got, want)
		}
	}
}
