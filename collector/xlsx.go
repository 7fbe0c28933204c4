package collector

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/plantrack/plantrack/storage"
)

// parseXLSX reads the sheets named units, indicators, observations and plans of a workbook, or
// its first sheet when neither exists, each with a header row as in CSV.
// Numeric cells are read exactly (no locale question arises); text cells are
// read like CSV fields. A numeric cell formatted as a percentage (0.537
// shown as 53.7%) counts as 53.7; a date cell becomes YYYY-MM-DD.
func parseXLSX(ctx context.Context, r io.Reader, s *session) error {
	// A workbook unpacks to many times its size; refuse one that would
	// unpack, or make the reader allocate, beyond the limits, checked in
	// constant memory before the reader sees it.
	lim := limitsFor(s.opt)
	data, err := readWorkbook(ctx, r, lim)
	if err != nil {
		return err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.unzipped})
	if err != nil {
		return storage.Errorf(storage.CodeInvalid, "not a readable XLSX workbook: %v; save it as .xlsx", err)
	}
	defer f.Close()
	sheets := pickSheets(f.GetSheetList())
	if len(sheets) == 0 {
		return storage.Errorf(storage.CodeInvalid, "the workbook has no sheets")
	}
	read := 0
	for _, sh := range sheets {
		n, err := parseSheet(ctx, f, sh, s)
		if err != nil {
			return err
		}
		read += n
	}
	if read == 0 {
		return storage.Errorf(storage.CodeInvalid,
			"the workbook has no header row; put the column names (unit,indicator,period,value,…) in row 1 of a sheet named observations")
	}
	return nil
}

// pickSheets returns the sheets named units, indicators, observations and
// plans (in that order), or the first sheet.
func pickSheets(list []string) []string {
	var out []string
	for _, want := range []string{"units", "indicators", "observations", "plans"} {
		for _, name := range list {
			if strings.EqualFold(strings.TrimSpace(name), want) {
				out = append(out, name)
			}
		}
	}
	if len(out) == 0 && len(list) > 0 {
		out = list[:1]
	}
	return out
}

// parseSheet feeds one sheet to the session; it returns 0 for an empty sheet.
func parseSheet(ctx context.Context, f *excelize.File, sheet string, s *session) (int, error) {
	if err := checkRowCount(f, sheet, s.opt.MaxRows); err != nil {
		return 0, err
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, invalidf(sheet, "cannot read the sheet: %v", err)
	}
	shown, err := f.GetRows(sheet)
	if err != nil {
		return 0, invalidf(sheet, "cannot read the sheet: %v", err)
	}
	if len(raw) == 0 {
		return 0, nil
	}
	h, err := parseHeader(raw[0], sheet)
	if err != nil {
		return 0, err
	}
	var rec record
	for i := 1; i < len(raw); i++ {
		row := i + 1 // as the spreadsheet numbers it
		if blank(raw[i]) {
			continue
		}
		if len(raw[i]) > len(h.cols) {
			if err := s.count(ctx); err != nil {
				return 0, err
			}
			s.probs.add(storage.CodeValidation, pos{sheet, row}, storage.Detail{Sheet: sheet, Row: row}.
				Says("the row has a value in column %d, beyond the %d named in the header", len(raw[i]), len(h.cols)))
			continue
		}
		rec.reset(sheet, row)
		for c, v := range raw[i] {
			if strings.TrimSpace(v) == "" {
				continue
			}
			text, canon := cellText(f, sheet, c, row, v, cellAt(shown, i, c), h.cols[c])
			rec.vals[h.cols[c]], rec.canon[h.cols[c]] = text, canon
		}
		if err := s.record(ctx, &rec, h.kind); err != nil {
			return 0, err
		}
	}
	return 1, nil
}

// checkRowCount refuses (CodeTooLarge) a sheet with more than max data rows
// (0: no cap) by streaming its rows, before GetRows and the cell lookups
// hold the whole sheet in memory: a few megabytes of compressed rows
// would otherwise take gigabytes.
func checkRowCount(f *excelize.File, sheet string, max int) error {
	if max <= 0 {
		return nil
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return invalidf(sheet, "cannot read the sheet: %v", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return invalidf(sheet, "cannot read the sheet: %v", err)
		}
		if !blank(cols) {
			n++
		}
		if n > max+1 { // the header row is not a data row
			return storage.Errorf(storage.CodeTooLarge,
				"sheet %s has more than %d rows, the most one import takes; split it into smaller files", sheet, max)
		}
	}
	return nil
}

func cellAt(rows [][]string, r, c int) string {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return ""
}

// cellText returns a cell's text for field fd and whether it is a
// machine-written number.
func cellText(f *excelize.File, sheet string, col, row int, raw, shown string, fd field) (string, bool) {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return raw, false
	}
	typ, err := f.GetCellType(sheet, name)
	if err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset && typ != excelize.CellTypeDate) {
		return raw, false // text: read like a CSV field
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return raw, false
	}
	switch {
	case fd == fReportedAt || fd == fAdoptedOn:
		t, err := excelize.ExcelDateToTime(v, false)
		if err != nil {
			return raw, false
		}
		return t.Format(storage.DateLayout), false
	case fd == fYear:
		return strconv.FormatFloat(v, 'f', -1, 64), false
	}
	canon := strconv.FormatFloat(v, 'f', -1, 64) // shortest form: drops binary noise such as 0.53700000000000003
	if strings.HasSuffix(strings.TrimSpace(shown), "%") {
		canon = shiftPercent(canon)
	}
	return canon, true
}

// shiftPercent multiplies a decimal string by 100 exactly: "0.537" → "53.7".
func shiftPercent(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	for len(frac) < 2 {
		frac += "0"
	}
	intPart = strings.TrimLeft(intPart+frac[:2], "0")
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if rest := frac[2:]; rest != "" {
		out += "." + rest
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}
