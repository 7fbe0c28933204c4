package bench

import (
	"fmt"
	"io"
	"time"
)

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

// Markdown writes the result as the tables of BENCHMARKS.md.
func (r Result) Markdown(w io.Writer) {
	s := r.Scale
	fmt.Fprintf(w, "Scale `%s`: %d units (%d provinces × %d communes + nation), %d indicators, %d years of monthly YTD figures; %d observation rows.\n\n",
		s.Name, s.Units(), s.Provinces, s.CommunesPerProvince, s.Indicators, s.Years, r.Rows)
	fmt.Fprintln(w, "| measurement | result | lower bound | ratio | target |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	if r.ImportTime > 0 && r.RawTime > 0 {
		raw, imp := float64(r.Rows)/r.RawTime.Seconds(), float64(r.Rows)/r.ImportTime.Seconds()
		fmt.Fprintf(w, "| import through the collector (CSV) | %.0f rows/s (%s) | raw batched insert: %.0f rows/s (%s) | %.0f%% of raw | ≥ 50%% of raw |\n",
			imp, r.ImportTime.Round(time.Second), raw, r.RawTime.Round(time.Second), 100*imp/raw)
	} else {
		fmt.Fprintln(w, "| import | not run (--measure-only) | | | |")
	}
	fmt.Fprintf(w, "| database size | %.1f MB per million observations (%.0f MB) | | | |\n",
		float64(r.DBBytes)/1e6/(float64(r.Rows)/1e6), float64(r.DBBytes)/1e6)
	fmt.Fprintf(w, "| start-up of `serve` on this database | %s | | | < 2 s |\n", ms(r.StartupTime))
	fmt.Fprintf(w, "| peak RSS while serving the measurements below | %.0f MB | | | < 300 MB |\n\n", float64(r.PeakRSSBytes)/1e6)
	fmt.Fprintln(w, "| request | p50 | p99 | lower bound (p50) | ratio p50/bound | target | n |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, m := range r.Measurements {
		bound, ratio := "—", "—"
		if m.Bound > 0 {
			bound = ms(m.Bound) + " (" + m.BoundIs + ")"
			ratio = fmt.Sprintf("%.1f×", float64(m.P50)/float64(m.Bound))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %d |\n", m.Name, ms(m.P50), ms(m.P99), bound, ratio, m.Target, m.N)
	}
	if len(r.UnderWrites) == 0 {
		return
	}
	fmt.Fprintf(w, "\nUnder continuous writes: 20 readers fetch these routes in turn without pause while another process imports a 60-figure report every second (%d reports); the bound is the one measured for the repeated request above.\n\n", r.Writes)
	fmt.Fprintln(w, "| request | p50 | p99 | max | lower bound (p50) | ratio p50/bound | target | n |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, m := range r.UnderWrites {
		bound, ratio := "—", "—"
		if m.Bound > 0 {
			bound = ms(m.Bound) + " (" + m.BoundIs + ")"
			ratio = fmt.Sprintf("%.1f×", float64(m.P50)/float64(m.Bound))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %d |\n", m.Name, ms(m.P50), ms(m.P99), ms(m.Max), bound, ratio, m.Target, m.N)
	}
}
