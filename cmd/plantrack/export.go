package main

import (
	"context"

	"github.com/plantrack/plantrack/storage"
)

func (m *Main) exportCommand() *command {
	c := newCommand("export", "", `
Writes observations to stdout. csv and json are exactly the import formats
(an export imports again as a no-op); openmetrics writes the /metrics gauges
at every month end, for promtool tsdb create-blocks-from openmetrics.

Example: plantrack export --format csv --unit can-tho --from 2018-Q1 > can-tho.csv`, 0, 0)
	db := c.dbFlag()
	format := c.fs.String("format", "csv", "`csv`, json or openmetrics")
	unit := c.fs.String("unit", "", "only this unit `code`")
	ind := c.fs.String("indicator", "", "only this indicator `code`")
	from := c.fs.String("from", "", "only periods ending at or after this `period` (e.g. 2017-Q1)")
	to := c.fs.String("to", "", "only periods ending at or before this `period`")
	c.run = func(ctx context.Context) error {
		f := storage.ObservationFilter{Unit: *unit, Indicator: *ind}
		var err error
		if f.From, err = optionalPeriod("--from", *from); err != nil {
			return err
		}
		if f.To, err = optionalPeriod("--to", *to); err != nil {
			return err
		}
		d, col, err := openDB(ctx, *db)
		if err != nil {
			return err
		}
		defer d.Close()
		switch *format {
		case "csv", "json":
			return col.Export(ctx, m.Stdout, *format, f)
		case "openmetrics":
			return m.exportOpenMetrics(ctx, d, f)
		}
		return storage.Errorf(storage.CodeInvalid, "--format %q: use csv, json or openmetrics", *format)
	}
	return c
}

func optionalPeriod(flagName, v string) (storage.Period, error) {
	if v == "" {
		return storage.Period{}, nil
	}
	p, err := storage.ParsePeriod(v)
	if err != nil {
		return storage.Period{}, storage.Errorf(storage.CodeInvalid, "%s: %v", flagName, err)
	}
	return p, nil
}

func (m *Main) grafanaCommand() *command {
	c := newCommand("grafana", "", `
Prints the Grafana dashboard JSON for plantrack's /metrics; import it in
Grafana (Dashboards → New → Import). See dashboards/grafana/README.md.

Example: plantrack grafana --lang en > plantrack-dashboard.json`, 0, 0)
	lang := c.fs.String("lang", "vi", "dashboard labels in `vi` or en; also the language of messages and errors")
	c.run = func(context.Context) error {
		if *lang != "vi" && *lang != "en" {
			return storage.Errorf(storage.CodeInvalid, "--lang %q: use vi or en", *lang)
		}
		return m.printGrafana(*lang)
	}
	return c
}
