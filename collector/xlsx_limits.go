package collector

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// XLSX bounds. A workbook is a zip of XML parts that unpacks to many times
// its size, and the library that reads it holds whole sheets and the shared
// strings in memory; these limits are checked by streaming every part once,
// in constant memory, before the library reads anything.
const (
	maxXLSXFile     = 64 << 20  // the workbook file itself
	maxUnzipped     = 256 << 20 // every part unpacked, together (an HTTP import)
	maxUnzippedCLI  = 1 << 30   // the same for a CLI or inbox import (no row cap)
	maxSharedBytes  = 32 << 20  // the shared strings part unpacked
	maxSharedCount  = 1 << 20   // shared strings
	maxCellChars    = 32767     // Excel's own limit for one cell
	maxMarkupRun    = 6 * maxCellChars
	maxSheetRow     = 1 << 20 // Excel's last row, 1,048,576
	maxSheetColumns = 256     // a report has a dozen columns; the reader pads every row to its last
)

// xlsxLimits are the bounds of one workbook.
type xlsxLimits struct {
	unzipped int64
	rows     int // highest row number a sheet may use, header included
}

func limitsFor(opt Options) xlsxLimits {
	l := xlsxLimits{unzipped: maxUnzippedCLI, rows: maxSheetRow}
	if opt.MaxRows > 0 {
		l.unzipped = maxUnzipped
		l.rows = min(opt.MaxRows+1, maxSheetRow)
	}
	return l
}

// readWorkbook reads a workbook into memory (at most maxXLSXFile bytes) and
// checks every part against lim; it returns the file's bytes.
func readWorkbook(ctx context.Context, r io.Reader, lim xlsxLimits) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxXLSXFile+1))
	if err != nil {
		return nil, storage.Errorf(storage.CodeInvalid, "cannot read the workbook: %v", err)
	}
	if len(data) > maxXLSXFile {
		return nil, storage.Errorf(storage.CodeTooLarge,
			"the workbook is larger than %d MB, the most one import takes; split it into smaller files", maxXLSXFile>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, storage.Errorf(storage.CodeInvalid, "not a readable XLSX workbook: %v; save it as .xlsx", err)
	}
	var total int64
	for _, zf := range zr.File {
		n, err := scanPart(ctx, zf, lim, lim.unzipped-total)
		if err != nil {
			return nil, err
		}
		total += n
	}
	return data, nil
}

// scanPart streams one part, at most budget bytes unpacked, through
// partScanner; it returns the unpacked size.
func scanPart(ctx context.Context, zf *zip.File, lim xlsxLimits, budget int64) (int64, error) {
	rc, err := zf.Open()
	if err != nil {
		return 0, storage.Errorf(storage.CodeInvalid, "not a readable XLSX workbook: part %s: %v", zf.Name, err)
	}
	defer rc.Close()
	ps := newPartScanner(zf.Name, lim)
	buf := make([]byte, 64<<10)
	var n int64
	for {
		k, rerr := rc.Read(buf)
		n += int64(k)
		if n > budget {
			return n, storage.Errorf(storage.CodeTooLarge,
				"the workbook unpacks to more than %d MB, the most one import takes; split it into smaller files", (n+budget)>>21)
		}
		if err := ps.scan(buf[:k]); err != nil {
			return n, err
		}
		if rerr == io.EOF {
			return n, nil
		}
		if rerr != nil {
			return n, storage.Errorf(storage.CodeInvalid, "not a readable XLSX workbook: part %s: %v", zf.Name, rerr)
		}
		if err := ctx.Err(); err != nil {
			return n, err
		}
	}
}

// partScanner checks one XML part byte by byte, keeping only the current
// tag: no text or tag runs longer than maxMarkupRun, and in a sheet no row
// number beyond the limit (blank rows count: the reader fills the gaps) nor
// a column beyond maxSheetColumns; in the shared strings, at most
// maxSharedBytes and maxSharedCount.
type partScanner struct {
	part          string
	sheet, shared bool
	lim           xlsxLimits
	inTag         bool
	run           int
	tag           []byte
	row, strings  int
	size          int64
	cell          string // the last cell reference seen, for messages
}

func newPartScanner(part string, lim xlsxLimits) *partScanner {
	return &partScanner{part: part, lim: lim,
		sheet:  strings.HasPrefix(part, "xl/worksheets/") && strings.HasSuffix(part, ".xml"),
		shared: part == "xl/sharedStrings.xml"}
}

func (p *partScanner) scan(b []byte) error {
	p.size += int64(len(b))
	if p.shared && p.size > maxSharedBytes {
		return storage.Errorf(storage.CodeTooLarge,
			"the workbook's shared text is larger than %d MB, the most one import takes; split it into smaller files", maxSharedBytes>>20)
	}
	for _, c := range b {
		switch c {
		case '<':
			p.inTag, p.run, p.tag = true, 0, p.tag[:0]
		case '>':
			if p.inTag {
				if err := p.endTag(); err != nil {
					return err
				}
			}
			p.inTag, p.run = false, 0
		default:
			p.run++
			if p.run > maxMarkupRun {
				return p.tooLong()
			}
			if p.inTag {
				p.tag = append(p.tag, c)
			}
		}
	}
	return nil
}

func (p *partScanner) tooLong() error {
	d := storage.Detail{Sheet: sheetPartName(p.part), Field: p.cell}.Says("more than %d characters in one cell", maxCellChars)
	switch {
	case p.sheet && p.cell != "":
		return storage.Errorf(storage.CodeValidation, "%s, cell %s holds more than %d characters, the most one cell may hold; shorten it",
			sheetPartName(p.part), p.cell, maxCellChars).WithDetails(d)
	case p.shared:
		return storage.Errorf(storage.CodeValidation, "shared text number %d holds more than %d characters, the most one cell may hold; shorten it",
			p.strings, maxCellChars).WithDetails(d)
	}
	return storage.Errorf(storage.CodeValidation, "the workbook part %s holds more than %d characters in one place, the most one cell may hold; shorten it",
		p.part, maxCellChars).WithDetails(d)
}

// endTag looks at one complete tag: rows and cells of a sheet, strings of
// the shared strings.
func (p *partScanner) endTag() error {
	name, attrs, _ := strings.Cut(string(p.tag), " ")
	switch {
	case p.shared && name == "si":
		p.strings++
		if p.strings > maxSharedCount {
			return storage.Errorf(storage.CodeTooLarge,
				"the workbook has more than %d shared texts, the most one import takes; split it into smaller files", maxSharedCount)
		}
	case p.sheet && name == "row":
		p.row++
		if r, err := strconv.Atoi(attr(attrs, "r")); err == nil && r > p.row {
			p.row = r
		}
		if p.row > p.lim.rows {
			return storage.Errorf(storage.CodeTooLarge,
				"%s uses row %d (blank rows count); the most one import takes is %d rows; split it into smaller files",
				sheetPartName(p.part), p.row, p.lim.rows-1)
		}
	case p.sheet && name == "c":
		p.cell = attr(attrs, "r")
		if col := columnOf(p.cell); col > maxSheetColumns {
			return storage.Errorf(storage.CodeValidation, "%s has a value in cell %s, beyond column %d; keep the report in the first columns",
				sheetPartName(p.part), p.cell, maxSheetColumns).WithDetails(
				storage.Detail{Sheet: sheetPartName(p.part), Field: p.cell}.Says("beyond the last column a report may use"))
		}
	}
	return nil
}

// attr returns the value of attribute name in a tag's attribute text.
func attr(attrs, name string) string {
	for _, q := range []string{`"`, `'`} {
		key := name + "=" + q
		i := strings.Index(" "+attrs, " "+key)
		if i < 0 {
			continue
		}
		rest := attrs[i+len(key):]
		if j := strings.Index(rest, q); j >= 0 {
			return rest[:j]
		}
	}
	return ""
}

// columnOf returns the column number of a cell reference such as "AB12"
// (28), or 0.
func columnOf(ref string) int {
	col := 0
	for _, c := range ref {
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > 1<<20 {
			break
		}
	}
	return col
}

// sheetPartName names a sheet part for a person: "sheet 1" for
// xl/worksheets/sheet1.xml.
func sheetPartName(part string) string {
	base := strings.TrimSuffix(strings.TrimPrefix(part, "xl/worksheets/"), ".xml")
	if n := strings.TrimPrefix(base, "sheet"); n != base {
		return "sheet " + n
	}
	return part
}
