package extract

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteExtractionTable writes the review table of an extraction: one row
// per figure (indicator, period, value, % of plan, growth, status,
// confidence, quote), then the numbers no figure took. lang "en" writes
// English headers and 63,135.5 numbers; anything else Vietnamese (63.135,5).
func WriteExtractionTable(w io.Writer, ex Extraction, lang string) error {
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
			val = formatNumber(*f.Value, -1, en)
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
			f.ReportStatus, formatNumber(f.Confidence, 2, en), quote)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write extraction table: %w", err)
	}
	if err := writePlansTable(w, ex.Plans, en); err != nil {
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

// formatNumber writes v with thousands grouped: 63,135.5 (en) or
// 63.135,5 (vi). decimals < 0 uses as many as needed.
func formatNumber(v float64, decimals int, en bool) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	group, dec := ",", "."
	if !en {
		group, dec = ".", ","
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return sign + b.String()
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
