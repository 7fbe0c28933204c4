package main

import (
	"context"

	"github.com/plantrack/plantrack/dashboards/grafana"
	"github.com/plantrack/plantrack/dashboards/metrics"
	"github.com/plantrack/plantrack/storage"
)

// exportOpenMetrics writes the OpenMetrics history of f's selection.
func (m *Main) exportOpenMetrics(ctx context.Context, db *storage.DB, f storage.ObservationFilter) error {
	return metrics.WriteOpenMetrics(ctx, m.Stdout, db, f)
}

// printGrafana prints the Grafana dashboard JSON in lang.
func (m *Main) printGrafana(lang string) error {
	b, err := grafana.Default(lang)
	if err != nil {
		return storage.Errorf(storage.CodeInternal, "cannot build the Grafana dashboard: %v", err)
	}
	_, err = m.Stdout.Write(b)
	return err
}
