package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/plantrack/plantrack/cmd/plantrack/internal/bench"
)

func (m *Main) benchCommand() *command {
	// This help and the flags' usages are catalog keys: their Vietnamese is in
	// collector/catalog/messages_cli_help_vi.go, under the same English.
	c := newCommand("bench", "", `
Generates a deterministic country's worth of reports (nation, provinces,
communes, 60 indicators, ten years of monthly year-to-date figures, some
revised), imports it through the collector beside a raw batched insert of
the same rows, starts this binary's serve on the result and measures the
hot paths (progress, overview page, series, compare, unit comparison page,
/metrics) beside their lower bounds: repeated, with a new as_of, right after
a 60-figure report, some time after one (once serve's /healthz reports that
its background refresh reached the report; how long that refresh took is
printed too), and under continuous writes (20 readers while a report is
imported every second), where each request is set against its bound
measured alone and against the same bound under the same load (the same
readers and writes, only that route replaced by its bound) and against
the serving process's floor under that load (a static file in place of
/metrics). Prints a markdown table on stdout;
progress goes to stderr when it is a terminal. Scales: small (a minute or two), province,
national (~29 M figures; about an hour and ~20 GB of disk).

Example: plantrack bench --scale small --dir /tmp/plantrack-bench`, 0, 0)
	scale := c.fs.String("scale", "small", "dataset `size`: small, province or national")
	dir := c.fs.String("dir", "", "work `folder` for the dataset and databases (default: a new temporary folder)")
	reps := c.fs.Int("reps", 300, "repetitions per measurement, at most")
	budget := c.fs.Duration("budget", 20*time.Second, "time limit per measurement")
	measureOnly := c.fs.Bool("measure-only", false, "skip generating and importing; measure the database an earlier run left in --dir")
	writeLoad := c.fs.Duration("write-load", 30*time.Second, "how long the measurement under continuous writes lasts (a 60-figure report a second)")
	c.run = func(ctx context.Context) error {
		s, err := bench.ScaleByName(*scale)
		if err != nil {
			return err
		}
		bin, err := os.Executable()
		if err != nil {
			return fmt.Errorf("find this binary to start serve: %w", err)
		}
		work := *dir
		if *measureOnly && work == "" {
			return fmt.Errorf("--measure-only needs --dir, the folder of an earlier run")
		}
		if work == "" {
			if work, err = os.MkdirTemp("", "plantrack-bench-"); err != nil {
				return err
			}
		}
		work, _ = filepath.Abs(work)
		o := bench.Options{Scale: s, Dir: work, Binary: bin, Reps: *reps, Budget: *budget, MeasureOnly: *measureOnly,
			WriteLoad: *writeLoad}
		if isTerminal(m.Stderr) {
			o.Log = m.Stderr // progress on a terminal; quiet in pipes and logs
		}
		res, err := bench.Run(ctx, o)
		if err != nil {
			if res.Rows > 0 || len(res.Measurements) > 0 {
				// What was measured before the failure (an hour of
				// national-scale import, say) is still printed.
				fmt.Fprintf(m.Stdout, "<!-- incomplete run: %v -->\n\n", err)
				res.Markdown(m.Stdout)
			}
			return fmt.Errorf("bench %s (files kept in %s): %w", s.Name, work, err)
		}
		res.Markdown(m.Stdout)
		return nil
	}
	return c
}
