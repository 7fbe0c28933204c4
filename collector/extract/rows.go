package extract

import (
	"strconv"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/storage"
)

// Rows turns reviewed figures and plans into the rows a writer's form
// holds, for collector.ImportRows — the one write path of writer-entered
// figures, shared with the entry and paste pages. The figures and plans are
// first checked as FiguresToBatch and PlansToBatch check them, so a figure
// that cannot be stored as it stands is still refused by its number,
// indicator and quote. Row N is the figure's number (1, 2, …); plans follow
// the figures. Numbers are written in the "en" locale's plain form
// (shortest round-trip text, no grouping): import with Options.Locale "en".
func Rows(figs []Figure, plans []Plan, source, date string) ([]collector.Row, error) {
	b, err := FiguresToBatch(figs, source, date)
	if err != nil {
		return nil, err
	}
	pb, err := PlansToBatch(plans, source, date)
	if err != nil {
		return nil, err
	}
	var rows []collector.Row
	for _, o := range b.Observations {
		cells := map[string]string{"unit": o.Unit, "indicator": o.Indicator, "period": o.Period.String(),
			"value": numCell(o.Value), "report_status": string(o.ReportStatus), "reported_plan_percent": pctCell(o.ReportedPlanPercent),
			"reported_yoy_percent": pctCell(o.ReportedYoYPercent), "reported_at": o.ReportedAt, "source": o.Source, "quote": o.Quote}
		for _, ap := range o.ReportedPlanPercents {
			p := ap.Percent
			cells["reported_plan_percent_"+string(ap.Authority.OrDefault())] = pctCell(&p)
		}
		rows = append(rows, collector.Row{N: len(rows) + 1, Cells: cells})
	}
	for _, p := range pb.Plans {
		cells := map[string]string{"unit": p.Unit, "indicator": p.Indicator, "authority": string(p.Authority),
			"basis": string(p.Basis), "target": numCell(p.Target), "target_low": numCell(p.TargetLow),
			"target_high": numCell(p.TargetHigh), "version": p.Version, "adopted_on": p.AdoptedOn, "source": p.Source}
		if p.Year != 0 {
			cells["year"] = strconv.Itoa(p.Year)
		}
		if !p.Term.IsZero() {
			cells["term"] = p.Term.String()
		}
		rows = append(rows, collector.Row{N: len(rows) + 1, Cells: cells, Plan: true})
	}
	return rows, nil
}

func numCell(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func pctCell(p *storage.Percent) string {
	if p == nil {
		return ""
	}
	return p.String()
}
