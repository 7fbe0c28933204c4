package metrics

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/plantrack/plantrack/storage"
)

// HistorySource is the part of *storage.DB the OpenMetrics history reads.
type HistorySource interface {
	// Latest with a negative depth returns an Item for every unit ×
	// indicator that has figures; it tells which series exist.
	Latest(ctx context.Context, maxDepth int, asOf string) ([]storage.Item, error)
	Units(ctx context.Context) ([]storage.Unit, error)
	Indicators(ctx context.Context) ([]storage.Indicator, error)
	// Series returns one derived Item per month end that has a
	// representative period, ascending.
	Series(ctx context.Context, unit, indicator, asOf string) (storage.Series, error)
}

// histPoint is one month end of one unit × indicator: the value of each
// pair gauge (in pairGauges order) where has says it exists.
type histPoint struct {
	ts   int64
	vals [6]float64
	has  uint8
}

// history is every series' points, pairs sorted by (indicator, unit).
type history struct {
	pairs  [][2]string // indicator, unit
	points [][]histPoint
}

// WriteOpenMetrics writes `plantrack export --format openmetrics` (SPEC §3):
// for each unit × indicator and each month end that has a representative
// period, the /metrics gauges as they stood then (year to date for flows),
// timestamped at the period's end in seconds, plus the info gauges at the
// same instants, ending with "# EOF". f selects by Unit, Indicator, From
// and To (by the period's end month; zero = open) and AsOf; History and
// IncludeRetracted are ignored. Families are grouped and each series'
// samples ascend in time, as `promtool tsdb create-blocks-from openmetrics`
// requires. An unknown unit or indicator is a CodeNotFound error.
func WriteOpenMetrics(ctx context.Context, w io.Writer, src HistorySource, f storage.ObservationFilter) error {
	units, inds, err := historyLabels(ctx, src, f)
	if err != nil {
		return err
	}
	h, err := loadHistory(ctx, src, f)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var b []byte
	flush := func() error {
		_, err := bw.Write(b)
		b = b[:0]
		return err
	}
	for _, fam := range historyFamilies(h, units, inds) {
		b = fam.header(b)
		for _, s := range fam.series {
			for _, p := range s.points {
				b = appendSeries(b, fam.name, fam.labels, s.values)
				b = append(b, ' ')
				b = appendFloat(b, p.v)
				b = append(b, ' ')
				b = strconv.AppendInt(b, p.ts, 10)
				b = append(b, '\n')
			}
			if len(b) > 32<<10 {
				if err := flush(); err != nil {
					return fmt.Errorf("write openmetrics: %w", err)
				}
			}
		}
	}
	b = append(b, "# EOF\n"...)
	if err := flush(); err != nil {
		return fmt.Errorf("write openmetrics: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write openmetrics: %w", err)
	}
	return nil
}

// historyLabels reads units and indicators and checks f's codes exist.
func historyLabels(ctx context.Context, src HistorySource, f storage.ObservationFilter) (map[string]storage.Unit, map[string]storage.Indicator, error) {
	us, err := src.Units(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("read units: %w", err)
	}
	is, err := src.Indicators(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("read indicators: %w", err)
	}
	units := make(map[string]storage.Unit, len(us))
	for _, u := range us {
		units[u.Code] = u
	}
	inds := make(map[string]storage.Indicator, len(is))
	for _, i := range is {
		inds[i.Code] = i
	}
	if _, ok := units[f.Unit]; f.Unit != "" && !ok {
		return nil, nil, storage.Errorf(storage.CodeNotFound, "unknown unit %q: list units with the units API or page", f.Unit)
	}
	if _, ok := inds[f.Indicator]; f.Indicator != "" && !ok {
		return nil, nil, storage.Errorf(storage.CodeNotFound, "unknown indicator %q: list indicators with the indicators API or page", f.Indicator)
	}
	return units, inds, nil
}

// loadHistory reads the series of every unit × indicator with figures that
// f selects, keeping only the gauge values of each month end.
func loadHistory(ctx context.Context, src HistorySource, f storage.ObservationFilter) (history, error) {
	latest, err := src.Latest(ctx, -1, f.AsOf)
	if err != nil {
		return history{}, fmt.Errorf("list series: %w", err)
	}
	var h history
	for _, it := range latest {
		if (f.Unit == "" || it.Unit == f.Unit) && (f.Indicator == "" || it.Indicator == f.Indicator) {
			h.pairs = append(h.pairs, [2]string{it.Indicator, it.Unit})
		}
	}
	slices.SortFunc(h.pairs, func(a, b [2]string) int { return slices.Compare(a[:], b[:]) })
	h.pairs = slices.Compact(h.pairs)
	gauges := pairGauges()
	h.points = make([][]histPoint, len(h.pairs))
	for k, pair := range h.pairs {
		s, err := src.Series(ctx, pair[1], pair[0], f.AsOf)
		if err != nil {
			return history{}, fmt.Errorf("read the series of %s/%s: %w", pair[1], pair[0], err)
		}
		pts := make([]histPoint, 0, len(s.Points))
		for _, it := range s.Points {
			if !inRange(it.Period, f.From, f.To) {
				continue
			}
			p := histPoint{ts: it.Period.End().Unix()}
			for g, gauge := range gauges {
				if v, ok := gauge.value(it); ok {
					p.vals[g], p.has = v, p.has|1<<g
				}
			}
			pts = append(pts, p)
		}
		h.points[k] = pts
	}
	return h, nil
}

// inRange reports whether p's end month lies within [from, to]; a zero
// bound is open.
func inRange(p, from, to storage.Period) bool {
	return (from.IsZero() || p.EndMonth() >= from.EndMonth()) && (to.IsZero() || p.EndMonth() <= to.EndMonth())
}
