package metrics

import (
	"bufio"
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// omLine is one sample line of an OpenMetrics file.
type omLine struct {
	name, labels string
	value        float64
	ts           int64
}

// checkOpenMetrics verifies the rules create-blocks-from relies on and
// returns the sample lines: TYPE before samples, each family once and
// contiguous, each series ascending in time, # EOF last.
func checkOpenMetrics(t *testing.T, text []byte) []omLine {
	t.Helper()
	if !bytes.HasSuffix(text, []byte("\n# EOF\n")) {
		t.Fatal("output does not end with # EOF")
	}
	typed := map[string]bool{}
	lastTS := map[string]int64{}
	current := ""
	var out []omLine
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "# EOF":
			continue
		case strings.HasPrefix(line, "# TYPE "):
			name := strings.Fields(line)[2]
			if typed[name] {
				t.Fatalf("family %s declared twice", name)
			}
			typed[name], current = true, name
			continue
		case strings.HasPrefix(line, "#"):
			continue
		}
		series, rest, _ := strings.Cut(line, "} ")
		name, labels, _ := strings.Cut(series, "{")
		if name != current {
			t.Fatalf("sample of %s inside family %s: %s", name, current, line)
		}
		f := strings.Fields(rest)
		v, err1 := strconv.ParseFloat(f[0], 64)
		ts, err2 := strconv.ParseInt(f[1], 10, 64)
		if len(f) != 2 || err1 != nil || err2 != nil {
			t.Fatalf("bad sample line %q", line)
		}
		if prev, ok := lastTS[series]; ok && ts <= prev {
			t.Fatalf("series %s goes back in time: %d after %d", series, ts, prev)
		}
		lastTS[series] = ts
		out = append(out, omLine{name, labels, v, ts})
	}
	return out
}

func exportOM(t *testing.T, src HistorySource, f storage.ObservationFilter) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteOpenMetrics(context.Background(), &buf, src, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOpenMetricsHasEverySeriesPointOnce(t *testing.T) {
	db, _ := demoDB(t)
	ctx := context.Background()
	lines := checkOpenMetrics(t, exportOM(t, db, storage.ObservationFilter{}))
	got := map[string]float64{}
	for _, l := range lines {
		got[l.name+"{"+l.labels+"}@"+strconv.FormatInt(l.ts, 10)] = l.value
	}
	items, err := db.Latest(ctx, -1, "")
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, it := range items {
		s, err := db.Series(ctx, it.Unit, it.Indicator, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range s.Points {
			for _, g := range pairGauges() {
				v, ok := g.value(p)
				key := g.name + `{indicator="` + it.Indicator + `",unit="` + it.Unit + `"}@` + strconv.FormatInt(p.Period.End().Unix(), 10)
				if gv, present := got[key]; ok != present || ok && gv != v {
					t.Fatalf("%s: exported %v (present %v), series says %v (present %v)", key, gv, present, v, ok)
				}
				if ok {
					want++
				}
			}
		}
	}
	pairSamples := 0
	for _, l := range lines {
		if !strings.HasSuffix(l.name, "_info") {
			pairSamples++
		}
	}
	if pairSamples != want || want < 1000 {
		t.Fatalf("%d gauge samples exported, series hold %d", pairSamples, want)
	}
	if _, ok := got[`plantrack_unit_info{name="Thành phố Cần Thơ",parent="",unit="can-tho"}@1530378000`]; !ok {
		t.Error("no unit_info sample for can-tho at the end of H1 2018")
	}
}

func TestOpenMetricsFilters(t *testing.T) {
	db, _ := demoDB(t)
	from, to := storage.MustParsePeriod("2017-M03"), storage.MustParsePeriod("2017-Q4")
	lines := checkOpenMetrics(t, exportOM(t, db, storage.ObservationFilter{Unit: "can-tho", Indicator: "budget_revenue"}))
	for _, l := range lines {
		if !strings.Contains(l.labels, `unit="can-tho"`) && !strings.Contains(l.labels, `indicator="budget_revenue"`) {
			t.Fatalf("sample outside the filter: %+v", l)
		}
	}
	if len(lines) == 0 {
		t.Fatal("nothing exported for can-tho budget_revenue")
	}
	lines = checkOpenMetrics(t, exportOM(t, db, storage.ObservationFilter{From: from, To: to}))
	if len(lines) == 0 {
		t.Fatal("nothing exported for 2017-M03…2017-Q4")
	}
	lo, hi := from.End().Unix(), to.End().Unix()
	for _, l := range lines {
		if l.ts < lo || l.ts > hi {
			t.Fatalf("sample at %d outside [%d, %d]: %+v", l.ts, lo, hi, l)
		}
	}
	for _, f := range []storage.ObservationFilter{{Unit: "atlantis"}, {Indicator: "gdp_of_mars"}} {
		err := WriteOpenMetrics(context.Background(), &bytes.Buffer{}, db, f)
		if storage.ErrorCode(err) != storage.CodeNotFound {
			t.Errorf("filter %+v: error %v, want not_found", f, err)
		}
	}
}

func TestOpenMetricsOfEmptyDatabase(t *testing.T) {
	db, _ := openDB(t)
	if got := string(exportOM(t, db, storage.ObservationFilter{})); got != "# EOF\n" {
		t.Fatalf("empty database exports %q", got)
	}
}

func TestHistPointHoldsEveryGauge(t *testing.T) {
	if n, room := len(pairGauges()), len(histPoint{}.vals); n != room {
		t.Fatalf("%d pair gauges but histPoint holds %d values", n, room)
	}
}
