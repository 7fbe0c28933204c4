// Package grafana generates plantrack's Grafana dashboard with the
// grafana-foundation-sdk, from the same definitions (package board) that the
// web pages use. `plantrack grafana` prints Default's output, and the
// shipped plantrack.json is Default("vi").
package grafana

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"

	"github.com/plantrack/plantrack/dashboards/board"
	"github.com/plantrack/plantrack/dashboards/metrics"
	"github.com/plantrack/plantrack/storage"
)

// UID is the dashboard's fixed uid, so re-importing replaces it.
const UID = "plantrack-progress"

// Default returns the dashboard that `plantrack grafana --lang lang` prints:
// board.Default() over the built-in catalog, labelled in lang. Default("vi")
// is what dashboards/grafana/plantrack.json holds.
func Default(lang string) ([]byte, error) {
	return Dashboard(board.Default(), storage.Catalog(), lang)
}

// Dashboard returns the Grafana dashboard JSON (indented, ending in a
// newline) for the indicators inds grouped as b says, labelled in lang
// ("en", else Vietnamese). It has a Prometheus datasource variable, unit
// and indicator variables from label values, a table of every indicator, a
// stat per indicator coloured at the pace boundaries and a time series of
// completion against expected per selected indicator.
func Dashboard(b board.Board, inds []storage.Indicator, lang string) ([]byte, error) {
	db := dashboard.NewDashboardBuilder(text(lang, txtTitle)).
		Uid(UID).
		Description(text(lang, txtDescription)).
		Tags([]string{"plantrack"}).
		Editable().
		Tooltip(dashboard.DashboardCursorSyncCrosshair).
		Time("now-3y", "now").
		Timezone(common.TimeZoneBrowser).
		Refresh("5m").
		WithVariable(datasourceVariable(lang)).
		WithVariable(labelVariable("unit", metrics.UnitInfo, text(lang, txtUnit), false)).
		WithVariable(labelVariable("indicator", metrics.IndicatorInfo, text(lang, txtIndicator), true))

	id := uint32(0)
	next := func() uint32 { id++; return id }

	db.WithRow(dashboard.NewRowBuilder(text(lang, txtOverview)).Id(next()))
	db.WithPanel(tablePanel(lang).Id(next()))
	for _, g := range b.Group(inds) {
		db.WithRow(dashboard.NewRowBuilder(g.Section.Title.In(lang)).Id(next()))
		for _, ind := range g.Indicators {
			db.WithPanel(statPanel(b, ind, lang).Id(next()))
		}
	}
	db.WithRow(dashboard.NewRowBuilder(text(lang, txtTrends)).Id(next()))
	db.WithPanel(trendPanel(b, lang).Id(next()))

	d, err := db.Build()
	if err := realError(err); err != nil {
		return nil, fmt.Errorf("build the Grafana dashboard: %w", err)
	}
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode the Grafana dashboard: %w", err)
	}
	return append(out, '\n'), nil
}

// realError works around grafana-foundation-sdk v0.0.22 returning an empty
// but non-nil cog.BuildErrors on success.
func realError(err error) error {
	var be cog.BuildErrors
	if errors.As(err, &be) && len(be) == 0 {
		return nil
	}
	return err
}

// datasourceVariable lets the user pick any Prometheus datasource.
func datasourceVariable(lang string) *dashboard.DatasourceVariableBuilder {
	return dashboard.NewDatasourceVariableBuilder("datasource").
		Label(text(lang, txtDatasource)).
		Type("prometheus")
}

// labelVariable offers the values of one label of an info metric.
func labelVariable(label, metric, title string, multi bool) *dashboard.QueryVariableBuilder {
	q := "label_values(" + metric + ", " + label + ")"
	v := dashboard.NewQueryVariableBuilder(label).
		Label(title).
		Datasource(datasource()).
		Query(dashboard.StringOrMap{String: &q}).
		Definition(q).
		Refresh(dashboard.VariableRefreshOnTimeRangeChanged).
		Sort(dashboard.VariableSortAlphabeticalAsc)
	if multi {
		// start on "All" so that a fresh import shows every indicator
		all, allValue := "All", "$__all"
		v.Multi(true).IncludeAll(true).Current(dashboard.VariableOption{
			Selected: ptrTo(true),
			Text:     dashboard.StringOrArrayOfString{ArrayOfString: []string{all}},
			Value:    dashboard.StringOrArrayOfString{ArrayOfString: []string{allValue}},
		})
	}
	return v
}
