package extract

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteExtractionTable writes the review table of an extraction: one row
// per figure (indicator, period, value, % of plan, growth, status,
// confidence, quote), then the numbers no figure took. lang "en" writes
// English headers, anything else Vietnamese; num writes the numbers with at
// most the given decimals — the caller passes plantrack's display format
// (charts.FormatNumber in lang: 63,135.5 / 63.135,5, minus sign U+2212),
// which this package cannot import.
func WriteExtractionTable(w io.Writer, ex Extraction, lang string, num func(v float64, maxFrac int) string) error {
	en := lang == "en"
	head := []string{"#", "chỉ tiêu", "kỳ", "giá trị", "đơn vị", "% KH", "% cùng kỳ", "trạng thái", "độ tin cậy", "trích dẫn"}
	if en {
		head = []string{"#", "indicator", "period", "value", "measure", "% plan", "yoy %", "status", "confidence", "quote"}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for i, f := range ex.Figures {
		period := "—"
		if f.Period != nil {
			period = f.Period.String()
		}
		ind := f.Indicator
		if ind == other {
			ind += " (" + f.IndicatorText + ")"
		}
		val := "—"
		if f.Value != nil {
			val = num(*f.Value, figureDecimals)
			if len(f.Qualifiers) > 0 {
				val = strings.Join(f.Qualifiers, " ") + " " + val
			}
		}
		if f.Component != "" {
			ind += " › " + f.Component
		}
		quote := strings.Join(strings.Fields(f.Quote), " ")
		if f.Note != "" {
			quote += " [" + f.Note + "]"
		}
		quote += figureExtras(f, en)
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, ind, period, val, or(f.Measure, "—"),
			percentCell(f.ReportedPlanPercent != nil, f.ReportedPlanPercent, en), percentCell(f.ReportedYoYPercent != nil, f.ReportedYoYPercent, en),
			f.ReportStatus, num(f.Confidence, 2), quote)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write extraction table: %w", err)
	}
	if err := writePlansTable(w, ex.Plans, en, num); err != nil {
		return err
	}
	if len(ex.Unrecognised) == 0 {
		return nil
	}
	title := "Số chưa nhận diện"
	if en {
		title = "Unrecognised numbers"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s (%d):\n", title, len(ex.Unrecognised))
	for _, s := range ex.Unrecognised {
		fmt.Fprintf(&b, "  %s", s.Text)
		if s.Reason != "" {
			fmt.Fprintf(&b, " — %s", s.Reason)
		}
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write extraction table: %w", err)
	}
	return nil
}

// percentCell formats a percentage with its written decimals, or a dash.
func percentCell(ok bool, p interface{ String() string }, en bool) string {
	if !ok {
		return "—"
	}
	s := p.String()
	if !en {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// figureDecimals is how many decimals a figure is shown with at most:
// more than any report writes, so every written digit shows.
const figureDecimals = 6

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
