package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBenchSmallSmoke runs `plantrack bench --scale small` end to end as a
// smoke test: the dataset imports both ways, serve starts on it and every
// measurement produces a row. It asserts no timing.
func TestBenchSmallSmoke(t *testing.T) {
	bin := buildBinary(t)
	dir := filepath.Join(t.TempDir(), "bench")
	cmd := exec.Command(bin, "bench", "--scale", "small", "--dir", dir, "--reps", "3", "--budget", "1s", "--write-load", "3s")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("plantrack bench: %v\n%s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"181028 observation rows", "import through the collector", "raw batched insert", "MB per million observations",
		"start-up of `serve`", "peak RSS", "/api/v1/progress?unit=p01", "/units/p01", "/api/v1/series?unit=p01-c001",
		"parent=p01&a=2024-H1&b=2023-H1", "parent=vn&level=2", "/compare/units?parent=p01", "default exposure (depth 1), gzipped",
		"every unit exposed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	// Every latency row has a p50 and a p99 in milliseconds: 9 repeated,
	// 5 with a new as_of, 5 right after a report, 5 some time after one
	// and 5 under continuous writes.
	rows := regexp.MustCompile(`(?m)^\| [^|]+ \| \d+\.\d\d ms \| \d+\.\d\d ms \|`).FindAllString(out, -1)
	if len(rows) != 29 || strings.Count(out, "fresh (an as_of no request used before)") != 5 ||
		strings.Count(out, "first request after a 60-figure report") != 5 ||
		strings.Count(out, "some time after a 60-figure report (once the server's refresh reached it)") != 5 ||
		strings.Count(out, "under continuous writes —") != 5 {
		t.Errorf("want 29 latency rows, 5 of each kind, got %d:\n%s", len(rows), out)
	}
	// Each row under continuous writes has its bound under the same load
	// (p50; max) and both ratios; the refreshes waited for are summed up:
	// 5 routes × 3 repetitions.
	loaded := regexp.MustCompile(`(?m)under continuous writes — .*\| \d+\.\d\d ms; \d+\.\d\d ms \| \d+\.\d×`).FindAllString(out, -1)
	if len(loaded) != 5 || !strings.Contains(out, "Refresh after a 60-figure report (15 reports") {
		t.Errorf("want 5 rows with a bound under load and a line on 15 refreshes:\n%s", out)
	}
	// Measuring again needs no new import.
	again, err := exec.Command(bin, "bench", "--scale", "small", "--dir", dir, "--reps", "2", "--budget", "1s", "--write-load", "2s", "--measure-only").Output()
	// (The first run's reports added revisions, so only the units are the same.)
	if err != nil || !strings.Contains(string(again), "not run (--measure-only)") || !strings.Contains(string(again), "22 units") {
		t.Errorf("bench --measure-only: %v\n%s", err, again)
	}
	if stderr.Len() != 0 {
		t.Errorf("progress written to a pipe: %s", stderr.String())
	}
}
