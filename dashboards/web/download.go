package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/storage"
	"github.com/xuri/excelize/v2"
)

// Page downloads are for people opening them in Excel: column headers in
// the page's language, words instead of codes (paces, report statuses,
// measures, periods), ratios as percentages, a UTF-8 byte-order mark on
// CSV so Excel reads Vietnamese, every CSV cell through
// collector.NeutraliseCell (no live formulas), and a file name saying what
// is in it ("can-tho-2018-H1-tong-quan.csv"). Numbers stay plain numbers
// with a dot decimal and no grouping (XLSX cells are numeric). The JSON
// download, the API and `plantrack export` keep the machine format.

// fileNamer is a view that names its download: the unit, period… codes
// that go before the page's name.
type fileNamer interface {
	fileParts() []string
}

// utf8BOM makes Excel open a CSV file as UTF-8.
const utf8BOM = "\ufeff"

// percentColumns hold ratios (0.537) that a download shows ×100 (53.7).
var percentColumns = map[string]bool{"completion": true, "expected": true, "completion_a": true,
	"completion_b": true, "ratio_a_to_b": true, "yoy": true}

// localTable turns a view's machine table into what a person reads:
// headers from the catalog ("csv.<column>"), codes into words.
func (l *Locale) localTable(t dataTable) dataTable {
	out := dataTable{Columns: make([]string, len(t.Columns)), Rows: make([][]string, len(t.Rows))}
	for i, c := range t.Columns {
		out.Columns[i] = l.T("csv." + c)
	}
	for r, row := range t.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = l.localCell(t.Columns[i], v)
		}
		out.Rows[r] = cells
	}
	return out
}

// localCell is one cell of column col in words.
func (l *Locale) localCell(col, v string) string {
	if v == "" {
		return ""
	}
	switch col {
	case "pace", "pace_a", "pace_b":
		return l.Pace(storage.Pace(v))
	case "report_status":
		return l.Status(storage.ReportStatus(v))
	case "measure":
		return l.Measure(v)
	case "plan_source", "section", "flag":
		return l.T(col + "." + v)
	case "synthetic":
		if v == "true" {
			return l.T("csv.yes")
		}
		return l.T("csv.no")
	case "period", "a", "b":
		if p, err := storage.ParsePeriod(v); err == nil {
			return l.Period(p)
		}
	}
	if percentColumns[col] {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return strconv.FormatFloat(f*100, 'f', -1, 64)
		}
	}
	return v
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// downloadName is the file name of a view's download: its parts and the
// page's name in the locale's words, e.g. can-tho-2018-H1-tong-quan.csv.
func (l *Locale) downloadName(v view, ext string) string {
	var parts []string
	if n, ok := v.(fileNamer); ok {
		parts = n.fileParts()
	}
	parts = append(parts, l.T("file."+v.meta().Template))
	var keep []string
	for _, p := range parts {
		if p = strings.Trim(unsafeName.ReplaceAllString(p, "-"), "-"); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "-") + "." + ext
}

// writeCSV answers ?format=csv: BOM, local headers and words, neutralised cells.
func writeCSV(w http.ResponseWriter, L *Locale, v view) {
	t := L.localTable(v.table())
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	cw := csv.NewWriter(&buf)
	_ = cw.Write(neutralise(t.Columns))
	for _, row := range t.Rows {
		_ = cw.Write(neutralise(row))
	}
	cw.Flush()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+L.downloadName(v, "csv")+`"`)
	_, _ = w.Write(buf.Bytes())
}

func neutralise(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = collector.NeutraliseCell(c)
	}
	return out
}

// writeXLSX answers ?format=xlsx: the same table as the CSV in one sheet,
// numbers as numeric cells, the header row bold.
func writeXLSX(w http.ResponseWriter, L *Locale, v view) error {
	t := L.localTable(v.table())
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("xlsx style: %w", err)
	}
	rows := append([][]string{t.Columns}, t.Rows...)
	for r, row := range rows {
		for c, s := range row {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return fmt.Errorf("xlsx cell: %w", err)
			}
			var val any = s
			if n, err := strconv.ParseFloat(s, 64); err == nil && r > 0 && s != "" {
				val = n
			}
			if err := f.SetCellValue(sheet, cell, val); err != nil {
				return fmt.Errorf("xlsx cell %s: %w", cell, err)
			}
		}
	}
	if len(t.Columns) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(t.Columns), 1)
		_ = f.SetCellStyle(sheet, "A1", last, bold)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return fmt.Errorf("xlsx write: %w", err)
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+L.downloadName(v, "xlsx")+`"`)
	_, _ = w.Write(buf.Bytes())
	return nil
}

// fileParts name an indicator page's download: unit, indicator, period.
func (v indicatorView) fileParts() []string {
	return []string{v.Unit.Code, v.Ind.Code, rawPeriod(v.Period)}
}

// fileParts name a period comparison's download: unit, A, B.
func (v comparePeriodsView) fileParts() []string {
	return []string{v.Unit.Code, rawPeriod(v.A), rawPeriod(v.B)}
}

// fileParts name a unit comparison's download: parent, indicator, A.
func (v compareUnitsView) fileParts() []string {
	return []string{v.Parent.Code, v.Ind.Code, rawPeriod(v.A)}
}

// fileParts name a quality page's download: the unit and year filtered on.
func (v qualityView) fileParts() []string { return []string{v.Unit, v.Year} }
