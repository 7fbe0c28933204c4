package extract

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/plantrack/plantrack/storage"
)

// authorityWords name the plan authorities in the review table.
func authorityWords(a storage.Authority, en bool) string {
	vi := map[storage.Authority]string{storage.AuthorityCentral: "Trung ương", storage.AuthorityCouncil: "HĐND",
		storage.AuthorityParty: "Đảng", storage.AuthorityOwn: "đơn vị"}
	if en || vi[a] == "" {
		return string(a)
	}
	return vi[a]
}

// basisWords name the plan bases in the review table.
func basisWords(b storage.PlanBasis, en bool) string {
	vi := map[storage.PlanBasis]string{storage.BasisValue: "giá trị", storage.BasisGrowth: "tăng trưởng %", storage.BasisPoints: "điểm %",
		storage.BasisAverageGrowth: "bình quân %/năm", storage.BasisEndLevel: "mức cuối kỳ", storage.BasisCumulative: "tổng cả kỳ"}
	if en || vi[b] == "" {
		return strings.ReplaceAll(string(b), "_", " ")
	}
	return vi[b]
}

// figureExtras writes what a figure holds beyond the table's columns:
// the percents against each plan when more than the primary's is named,
// a change in points, a growth range.
func figureExtras(f Figure, en bool) string {
	var parts []string
	if len(f.ReportedPlanPercents) > 1 || len(f.ReportedPlanPercents) == 1 && f.ReportedPlanPercent == nil {
		var ps []string
		for _, p := range f.ReportedPlanPercents {
			ps = append(ps, authorityWords(p.Authority, en)+" "+percentCell(true, p.Percent, en)+"%")
		}
		parts = append(parts, strings.Join(ps, " · "))
	}
	if f.ReportedChangePoints != nil {
		word := " điểm %"
		if en {
			word = " points"
		}
		parts = append(parts, signed(percentCell(true, f.ReportedChangePoints, en))+word)
	}
	if r := f.ReportedYoYRange; r != nil {
		parts = append(parts, percentCell(true, r[0], en)+"–"+percentCell(true, r[1], en)+"%")
	}
	if len(parts) == 0 {
		return ""
	}
	return " [" + strings.Join(parts, "; ") + "]"
}

func signed(s string) string {
	if strings.HasPrefix(s, "-") {
		return "−" + s[1:]
	}
	return "+" + s
}

// writePlansTable lists the targets the text states: indicator, year or
// term, authority, basis, target, quote.
func writePlansTable(w io.Writer, plans []Plan, en bool, num func(float64, int) string) error {
	if len(plans) == 0 {
		return nil
	}
	title, head := "Kế hoạch, chỉ tiêu nêu trong văn bản", []string{"#", "chỉ tiêu", "năm/giai đoạn", "cấp giao", "loại", "mục tiêu", "trích dẫn"}
	if en {
		title, head = "Targets stated in the text", []string{"#", "indicator", "year/term", "authority", "basis", "target", "quote"}
	}
	if _, err := fmt.Fprintf(w, "\n%s (%d):\n", title, len(plans)); err != nil {
		return fmt.Errorf("write extraction table: %w", err)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for i, p := range plans {
		ind := p.Indicator
		if p.Component != "" {
			ind += " › " + p.Component
		}
		when := p.Term
		if when == "" {
			when = strconv.Itoa(p.Year)
		}
		target := "—"
		switch {
		case p.Target != nil:
			target = num(*p.Target, figureDecimals)
		case p.TargetLow != nil && p.TargetHigh != nil:
			target = num(*p.TargetLow, figureDecimals) + "–" + num(*p.TargetHigh, figureDecimals)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, ind, when, authorityWords(p.Authority, en), basisWords(p.Basis, en),
			target, strings.Join(strings.Fields(p.Quote), " "))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write extraction table: %w", err)
	}
	return nil
}
