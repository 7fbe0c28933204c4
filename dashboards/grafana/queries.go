package grafana

import (
	"math"

	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	"github.com/grafana/grafana-foundation-sdk/go/prometheus"

	"github.com/plantrack/plantrack/dashboards/board"
	"github.com/plantrack/plantrack/dashboards/metrics"
	"github.com/plantrack/plantrack/storage"
)

// lookback is the range of last_over_time: backfilled history holds one
// sample a month, so a month and a few days always reaches the last one.
const lookback = "35d"

// datasource refers to the dashboard's datasource variable, so the file
// works both imported and provisioned.
func datasource() common.DataSourceRef {
	t, uid := "prometheus", "${datasource}"
	return common.DataSourceRef{Type: &t, Uid: &uid}
}

// last is metric{unit="$unit", indicator matcher} as it stood at most 35
// days before the evaluation time.
func last(metric, indicatorMatcher string) string {
	return "last_over_time(" + metric + `{unit="$unit",indicator` + indicatorMatcher + "}[" + lookback + "])"
}

func is(code string) string { return `="` + code + `"` }

// regexAll matches a (possibly multi-valued) indicator variable.
const regexAll = `=~"$indicator"`

func query(refID, expr, legend string) *prometheus.DataqueryBuilder {
	return prometheus.NewDataqueryBuilder().
		RefId(refID).
		Datasource(datasource()).
		Expr(expr).
		LegendFormat(legend)
}

// paceSteps are the threshold steps at SPEC §2's pace boundaries for what an
// indicator's pace is judged on: completion ÷ expected for flows, completion
// for levels. Grafana colours a value by the highest step it reaches, so
// for "down" indicators (caps) the colours run the other way.
func paceSteps(b board.Board, ind storage.Indicator) []dashboard.Threshold {
	th := b.Thresholds
	col := func(p storage.Pace) string { return b.Pace(p).Color }
	step := func(v float64, p storage.Pace) dashboard.Threshold {
		v = math.Round(v*1e9) / 1e9
		return dashboard.Threshold{Value: &v, Color: col(p)}
	}
	base := func(p storage.Pace) dashboard.Threshold { return dashboard.Threshold{Color: col(p)} }
	switch {
	case ind.Kind == storage.KindLevel && ind.Direction == storage.DirectionDown:
		return []dashboard.Threshold{base(storage.PaceOnTrack), step(1, storage.PaceBehind),
			step(1+th.LevelBehindShare, storage.PaceAtRisk)}
	case ind.Kind == storage.KindLevel:
		return []dashboard.Threshold{base(storage.PaceAtRisk), step(1-th.LevelBehindShare, storage.PaceBehind),
			step(1, storage.PaceOnTrack)}
	case ind.Direction == storage.DirectionDown:
		return []dashboard.Threshold{base(storage.PaceAhead), step(2-th.FlowAhead, storage.PaceOnTrack),
			step(2-th.FlowOnTrack, storage.PaceBehind), step(2-th.FlowBehind, storage.PaceAtRisk)}
	}
	return []dashboard.Threshold{base(storage.PaceAtRisk), step(th.FlowBehind, storage.PaceBehind),
		step(th.FlowOnTrack, storage.PaceOnTrack), step(th.FlowAhead, storage.PaceAhead)}
}

// hasPaceRatio reports whether an indicator's pace is judged on completion
// ÷ expected (flows drawn against a pace profile).
func hasPaceRatio(ind storage.Indicator) bool {
	return ind.Kind == storage.KindFlow && ind.PaceProfile != storage.PaceNone
}

// statQueries are the queries of an indicator's stat panel: completion (A),
// for flows with a pace profile completion ÷ expected (B), and yoy (C).
func statQueries(ind storage.Indicator, lang string) []*prometheus.DataqueryBuilder {
	qs := []*prometheus.DataqueryBuilder{
		query("A", last(metrics.PlanCompletion, is(ind.Code)), text(lang, txtCompletion)).Instant(),
	}
	if hasPaceRatio(ind) {
		ratio := last(metrics.PlanCompletion, is(ind.Code)) + " / " + last(metrics.PlanExpected, is(ind.Code))
		qs = append(qs, query("B", ratio, text(lang, txtVsExpected)).Instant())
	}
	// growth plans are judged on growth, which completion cannot show
	return append(qs, query("C", last(metrics.YoYGrowth, is(ind.Code)), text(lang, txtYoY)).Instant())
}

// tableColumns are the table's instant queries, one column each, in order.
func tableColumns(lang string) []column {
	return []column{
		{"A", last(metrics.IndicatorValue, regexAll), text(lang, txtValue), "none", -1},
		{"B", last(metrics.PlanTarget, regexAll), text(lang, txtPlan), "none", -1},
		{"C", last(metrics.PlanCompletion, regexAll), text(lang, txtCompletion), "percentunit", 1},
		{"D", last(metrics.PlanExpected, regexAll), text(lang, txtExpected), "percentunit", 1},
		{"E", last(metrics.YoYGrowth, regexAll), text(lang, txtYoY), "percentunit", 2},
		// The period ends at the first instant of the next month; a second
		// earlier shows the period's last day.
		{"F", "(" + last(metrics.PeriodEnd, regexAll) + " - 1) * 1000", text(lang, txtPeriodEnd), "dateTimeAsIso", -1},
	}
}

// column is one table column: its query and how its values are shown
// (decimals -1: Grafana's automatic choice).
type column struct {
	refID, expr, title, unit string
	decimals                 int
}

// infoQuery brings the names and measures of the indicators $unit has
// figures for into the table.
func infoQuery() string {
	return "last_over_time(" + metrics.IndicatorInfo + `{indicator=~"$indicator"}[` + lookback + "])" +
		" and on (indicator) " + last(metrics.IndicatorValue, regexAll)
}

func valueField(refID string) string { return "Value #" + refID }
