package collector

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"github.com/plantrack/plantrack/storage"
)

// Export writes the observations f selects in an import format: "csv" (the
// observation columns) or "json" (units, indicators, observations and the
// plans of the selected units and indicators). Importing the output into
// the same database stores nothing new. Observations are streamed, never
// held in memory together.
func (c *Collector) Export(ctx context.Context, w io.Writer, format string, f storage.ObservationFilter) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	switch format {
	case FormatCSV:
		err = c.exportCSV(ctx, bw, f)
	case FormatJSON:
		err = c.exportJSON(ctx, bw, f)
	default:
		return storage.Errorf(storage.CodeInvalid, "cannot export as %q; use csv or json", format)
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

func (c *Collector) exportCSV(ctx context.Context, w io.Writer, f storage.ObservationFilter) error {
	cw := csv.NewWriter(w)
	row := make([]string, len(observationColumns))
	for i, col := range observationColumns {
		row[i] = col.String()
	}
	if err := cw.Write(row); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	err := c.db.EachObservation(ctx, f, func(o storage.Observation) error {
		for i, col := range observationColumns {
			row[i] = NeutraliseCell(observationCell(o, col))
		}
		return cw.Write(row)
	})
	if err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// observationCell writes one field so that the import reads it back
// exactly, whatever locale the import is given.
func observationCell(o storage.Observation, col field) string {
	switch col {
	case fUnit:
		return o.Unit
	case fIndicator:
		return o.Indicator
	case fPeriod:
		return o.Period.String()
	case fValue:
		if o.Value != nil {
			return formatValue(*o.Value)
		}
	case fReportStatus:
		return string(o.ReportStatus)
	case fPlanPercent:
		if o.ReportedPlanPercent != nil {
			return o.ReportedPlanPercent.String()
		}
	case fYoYPercent:
		if o.ReportedYoYPercent != nil {
			return o.ReportedYoYPercent.String()
		}
	case fReportedAt:
		return o.ReportedAt
	case fSource:
		return o.Source
	case fQuote:
		return o.Quote
	case fRetracted:
		if o.Retracted {
			return "true"
		}
	case fSynthetic:
		if o.Synthetic {
			return "true"
		}
	case fPlanPercentCouncil, fPlanPercentCentral, fPlanPercentParty, fPlanPercentOwn:
		for _, af := range authorityPercentFields {
			if af.f != col {
				continue
			}
			if p, ok := o.ReportedPlanPercents.Of(af.a); ok {
				return p.String()
			}
		}
	}
	return ""
}

// exportJSON writes {"units":[…],"indicators":[…],"observations":[…],"plans":[…]},
// one element per line.
func (c *Collector) exportJSON(ctx context.Context, w io.Writer, f storage.ObservationFilter) error {
	units, err := c.db.Units(ctx)
	if err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	inds, err := c.db.Indicators(ctx)
	if err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	plans, err := c.db.Plans(ctx, storage.PlanFilter{Unit: f.Unit, Indicator: f.Indicator})
	if err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	jw := jsonList{w: w}
	jw.open(`{"units":[`)
	for _, u := range referencedFirst(units) {
		jw.item(u)
	}
	jw.open(`],"indicators":[`)
	for _, i := range inds {
		jw.item(i)
	}
	jw.open(`],"observations":[`)
	err = c.db.EachObservation(ctx, f, func(o storage.Observation) error {
		o.Provenance, o.Revision = nil, 0
		jw.item(o)
		return jw.err
	})
	if err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	jw.open(`],"plans":[`)
	for _, p := range plans {
		if inYears(p, f) {
			p.Provenance = nil
			jw.item(p)
		}
	}
	jw.open("]}\n")
	if jw.err != nil {
		return fmt.Errorf("export json: %w", jw.err)
	}
	return nil
}

// inYears reports whether a plan's year or term overlaps the filter's periods.
func inYears(p storage.Plan, f storage.ObservationFilter) bool {
	first, last := p.Year, p.Year
	if !p.Term.IsZero() {
		first, last = p.Term.First, p.Term.Last
	}
	return (f.From.IsZero() || last >= f.From.Year) && (f.To.IsZero() || first <= f.To.Year)
}

// jsonList writes JSON array elements one per line, keeping the first error.
type jsonList struct {
	w     io.Writer
	first bool
	err   error
}

func (j *jsonList) open(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
	j.first = true
}

func (j *jsonList) item(v any) {
	if j.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		j.err = err
		return
	}
	sep := ",\n"
	if j.first {
		sep, j.first = "\n", false
	}
	if _, j.err = io.WriteString(j.w, sep); j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// referencedFirst orders units so that every parent a unit ever had and
// every predecessor comes before it, keeping the given (hierarchy) order
// otherwise: an import reads units in file order.
func referencedFirst(units []storage.Unit) []storage.Unit {
	byCode := make(map[string]storage.Unit, len(units))
	for _, u := range units {
		byCode[u.Code] = u
	}
	out := make([]storage.Unit, 0, len(units))
	done := make(map[string]bool, len(units))
	var visit func(u storage.Unit)
	visit = func(u storage.Unit) {
		if done[u.Code] {
			return
		}
		done[u.Code] = true // the writer refuses loops, so marking first only guards
		for _, p := range u.Parents {
			if r, ok := byCode[p.Parent]; ok {
				visit(r)
			}
		}
		if r, ok := byCode[u.Parent]; ok {
			visit(r)
		}
		for _, p := range u.Predecessors {
			if r, ok := byCode[p.Unit]; ok {
				visit(r)
			}
		}
		out = append(out, u)
	}
	for _, u := range units {
		visit(u)
	}
	return out
}
