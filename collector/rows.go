package collector

import (
	"context"

	"github.com/plantrack/plantrack/storage"
)

// FormatForm is the format of figures typed into a writer page's form or
// confirmed from pasted prose, in Report.Format and the import metrics.
const FormatForm = "form"

// Row is one observation as a form holds it: N is its number on the form
// (problems name it), Cells its fields by the file formats' column names
// (unit, indicator, period, value, report_status, reported_plan_percent,
// reported_yoy_percent, reported_at, source, quote, …) as typed, numbers
// in Options.Locale's format.
type Row struct {
	N     int
	Cells map[string]string
	Plan  bool // a plan (unit, indicator, year or term, authority, basis, target, …), not an observation
}

// ImportRows validates and stores observation rows (and plan rows, Plan
// set) typed into a form: the
// same reading and rules as a file's rows, all or nothing, with problems
// naming each row's N and the field. No file is written or parsed on the
// way. A column name that is not an observation column is refused as a
// file's header would be. Via defaults to "form".
func (c *Collector) ImportRows(ctx context.Context, rows []Row, opt Options) (Report, error) {
	if opt.Via == "" {
		opt.Via = FormatForm
	}
	return c.run(ctx, FormatForm, opt, func(ctx context.Context, s *session) error {
		var rec record
		for _, r := range rows {
			rec.reset("", r.N)
			table, columns := tableObservations, observationColumns
			if r.Plan {
				table, columns = tablePlans, planColumns
			}
			for name, v := range r.Cells {
				f, ok := lookupField(name, columns)
				if !ok {
					return storage.Errorf(storage.CodeInvalid, "unknown column %q in a %s table; allowed: %s",
						name, table, columnList(columns))
				}
				rec.vals[f] = v
			}
			if err := s.record(ctx, &rec, table); err != nil {
				return err
			}
		}
		return nil
	})
}
