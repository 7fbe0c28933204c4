package bench

import (
	"fmt"
	"io"
	"slices"
	"strings"
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
		cpu := ""
		if r.ImportCPU > 0 && r.RawCPU > 0 {
			cpu = fmt.Sprintf(" (by CPU time %.0f%%)", 100*r.RawCPU.Seconds()/r.ImportCPU.Seconds())
		}
		fmt.Fprintf(w, "| import through the collector (CSV) | %.0f rows/s (%s) | raw batched insert: %.0f rows/s (%s) | %.0f%% of raw%s | ≥ 80%% of raw |\n",
			imp, r.ImportTime.Round(time.Second), raw, r.RawTime.Round(time.Second), 100*imp/raw, cpu)
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
	r.refreshes(w)
	r.underWrites(w)
}

// ratio is a/b as "12.3×", or "—" without b.
func ratio(a, b time.Duration) string {
	if b <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f×", float64(a)/float64(b))
}

// refreshes writes how long the background refreshes after a report took.
func (r Result) refreshes(w io.Writer) {
	if len(r.Refreshes) == 0 {
		return
	}
	var lag, took []time.Duration
	for _, x := range r.Refreshes {
		lag, took = append(lag, x.Lag), append(took, x.Took)
	}
	slices.Sort(lag)
	slices.Sort(took)
	fmt.Fprintf(w, "\nRefresh after a 60-figure report (%d reports, the server's /healthz `refreshed`): from the import's commit to the end of the refresh that reached it p50 %s, max %s (the refresher polls the data version every 250 ms); the refresh itself p50 %s, max %s.\n",
		len(lag), ms(quantile(lag, .5)), ms(lag[len(lag)-1]), ms(quantile(took, .5)), ms(took[len(took)-1]))
}

// underWrites writes the table of the measurement under continuous writes.
func (r Result) underWrites(w io.Writer) {
	if len(r.UnderWrites) == 0 {
		return
	}
	fmt.Fprintf(w, "\nUnder continuous writes: 20 readers fetch these routes in turn without pause while another process imports a 60-figure report every second (%d reports); the single-reader bound is the one measured for the repeated request above. Then, for each route in turn, the same 20 readers and writes run again (for a third as long) with only that route replaced by its bound (the bare SQL through the bench's own handle; for `/metrics`, the same bytes from a buffer served by the bench over loopback): the bound under the same load.\n\n", r.Writes)
	fmt.Fprintln(w, "| request | p50 | p99 | max | single-reader bound (p50) | ratio p50/bound | bound under the same load (p50; max) | ratio p50/bound under load | target | n |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	for _, m := range r.UnderWrites {
		bound := "—"
		if m.Bound > 0 {
			bound = ms(m.Bound) + " (" + m.BoundIs + ")"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s; %s | %s | %s | %d |\n", m.Name, ms(m.P50), ms(m.P99), ms(m.Max),
			bound, ratio(m.P50, m.Bound), ms(m.LoadBound), ms(m.LoadBoundMax), ratio(m.P50, m.LoadBound), m.Target, m.N)
	}
	if f := r.Floor; f.N > 0 {
		fmt.Fprintf(w, "\nFloor of the serving process under the same load: the same readers and writes with %s, a file `serve` answers from memory without reading the database or computing anything: p50 %s, p99 %s, max %s (n %d). It is what any request to `serve` waits under this load (20 readers in turn on 2 cores), however little it computes; against it, each route's p50:", f.Name, ms(f.P50), ms(f.P99), ms(f.Max), f.N)
		for i, m := range r.UnderWrites {
			sep := ","
			if i == len(r.UnderWrites)-1 {
				sep = "."
			}
			_, path, _ := strings.Cut(m.Name, " — ")
			fmt.Fprintf(w, " %s %s%s", path, ratio(m.P50, f.P50), sep)
		}
		fmt.Fprintln(w)
	}
}
