package grafana

import (
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	"github.com/grafana/grafana-foundation-sdk/go/prometheus"
	"github.com/grafana/grafana-foundation-sdk/go/stat"
	"github.com/grafana/grafana-foundation-sdk/go/table"
	"github.com/grafana/grafana-foundation-sdk/go/timeseries"

	"github.com/plantrack/plantrack/dashboards/board"
	"github.com/plantrack/plantrack/dashboards/metrics"
	"github.com/plantrack/plantrack/storage"
)

func thresholds(steps []dashboard.Threshold) *dashboard.ThresholdsConfigBuilder {
	return dashboard.NewThresholdsConfigBuilder().Mode(dashboard.ThresholdsModeAbsolute).Steps(steps)
}

func colorBy(mode dashboard.FieldColorModeId) *dashboard.FieldColorBuilder {
	return dashboard.NewFieldColorBuilder().Mode(mode)
}

// statPanel shows one indicator's completion and year-on-year growth for
// $unit. Levels are coloured on completion itself; flows with a pace
// profile show completion ÷ expected beside it, coloured at the pace
// boundaries; the rest is neutral.
func statPanel(b board.Board, ind storage.Indicator, lang string) *stat.PanelBuilder {
	p := stat.NewPanelBuilder().
		Title(ind.Name(lang)).
		Description(text(lang, txtStatHelp)).
		Datasource(datasource()).
		Height(5).Span(6).
		Unit("percentunit").
		Decimals(float64(b.RatioDecimals)).
		NoValue(text(lang, txtNoValue)).
		ColorMode(common.BigValueColorModeValue).
		GraphMode(common.BigValueGraphModeNone).
		TextMode(common.BigValueTextModeValueAndName).
		JustifyMode(common.BigValueJustifyModeCenter).
		Orientation(common.VizOrientationHorizontal).
		ReduceOptions(common.NewReduceDataOptionsBuilder().Calcs([]string{"lastNotNull"}).Values(false)).
		Thresholds(thresholds(paceSteps(b, ind))).
		ColorScheme(colorBy(dashboard.FieldColorModeIdThresholds))
	for _, q := range statQueries(ind, lang) {
		p.WithTarget(q)
	}
	p.OverrideByQuery("C", []dashboard.DynamicConfigValue{fixedText(), {Id: "decimals", Value: 2}})
	switch {
	case hasPaceRatio(ind):
		// completion itself in neutral colour; the ratio carries the pace
		p.OverrideByQuery("A", []dashboard.DynamicConfigValue{fixedText()})
		p.OverrideByQuery("B", []dashboard.DynamicConfigValue{{Id: "unit", Value: "none"}, {Id: "decimals", Value: 2}})
	case ind.Kind != storage.KindLevel:
		p.ColorScheme(dashboard.NewFieldColorBuilder().Mode(dashboard.FieldColorModeIdFixed).FixedColor("text"))
	}
	return p
}

// trendPanel draws completion and expected over time for $unit, repeated
// for each selected indicator. last_over_time bridges the month between
// backfilled samples.
func trendPanel(b board.Board, lang string) *timeseries.PanelBuilder {
	dashed := map[string]any{"fill": "dash", "dash": []int{10, 10}}
	return timeseries.NewPanelBuilder().
		Title(text(lang, txtTrendTitle)).
		Description(text(lang, txtTrendHelp)).
		Datasource(datasource()).
		Repeat("indicator").
		RepeatDirection(dashboard.PanelRepeatDirectionH).
		MaxPerRow(3).
		Height(8).Span(8).
		Unit("percentunit").
		Decimals(float64(b.RatioDecimals)).
		Min(0).
		LineWidth(2).
		ShowPoints(common.VisibilityModeAuto).
		SpanNulls(common.BoolOrFloat64{Bool: ptrTo(true)}).
		ColorScheme(colorBy(dashboard.FieldColorModeIdPaletteClassic)).
		WithTarget(query("A", last(metrics.PlanCompletion, regexAll), text(lang, txtCompletion)).Range()).
		WithTarget(query("B", last(metrics.PlanExpected, regexAll), text(lang, txtExpected)).Range()).
		OverrideByQuery("B", []dashboard.DynamicConfigValue{{Id: "custom.lineStyle", Value: dashed}}).
		Legend(common.NewVizLegendOptionsBuilder().
			ShowLegend(true).
			DisplayMode(common.LegendDisplayModeTable).
			Placement(common.LegendPlacementBottom).
			Calcs([]string{"lastNotNull", "max"})).
		Tooltip(common.NewVizTooltipOptionsBuilder().
			Mode(common.TooltipDisplayModeMulti).
			Sort(common.SortOrderDescending))
}

// tablePanel lists every selected indicator of $unit with its name,
// measure, value, plan, completion, expected, yoy and period end.
func tablePanel(lang string) *table.PanelBuilder {
	p := table.NewPanelBuilder().
		Title(text(lang, txtTable)).
		Description(text(lang, txtTableHelp)).
		Datasource(datasource()).
		Height(12).Span(24).
		NoValue(text(lang, txtNoValue)).
		ShowHeader(true).
		Filterable(true).
		Footer(common.NewTableFooterOptionsBuilder().Show(false).Reducer([]string{})).
		WithTarget(prometheus.NewDataqueryBuilder().RefId("G").Datasource(datasource()).
			Expr(infoQuery()).Format(prometheus.PromQueryFormatTable).Instant())
	include := []string{"indicator", "name", "measure"}
	rename := map[string]any{"indicator": text(lang, txtIndicator), "name": text(lang, txtName), "measure": text(lang, txtMeasure)}
	for _, c := range tableColumns(lang) {
		p.WithTarget(query(c.refID, c.expr, c.title).Format(prometheus.PromQueryFormatTable).Instant())
		props := []dashboard.DynamicConfigValue{{Id: "unit", Value: c.unit}}
		if c.decimals >= 0 {
			props = append(props, dashboard.DynamicConfigValue{Id: "decimals", Value: c.decimals})
		}
		p.OverrideByName(valueField(c.refID), props)
		include = append(include, valueField(c.refID))
		rename[valueField(c.refID)] = c.title
	}
	p.WithTransformation(dashboard.DataTransformerConfig{Id: "joinByField",
		Options: map[string]any{"byField": "indicator", "mode": "outer"}})
	p.WithTransformation(dashboard.DataTransformerConfig{Id: "filterFieldsByName",
		Options: map[string]any{"include": map[string]any{"names": include}}})
	p.WithTransformation(dashboard.DataTransformerConfig{Id: "organize",
		Options: map[string]any{"renameByName": rename, "indexByName": indexOf(include)}})
	return p
}

func indexOf(names []string) map[string]any {
	m := make(map[string]any, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}

// fixedText colours a field like plain text, outside the pace colours.
func fixedText() dashboard.DynamicConfigValue {
	return dashboard.DynamicConfigValue{Id: "color", Value: map[string]any{"mode": "fixed", "fixedColor": "text"}}
}

func ptrTo[T any](v T) *T { return &v }
