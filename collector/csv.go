package collector

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/plantrack/plantrack/storage"
)

// parseCSV streams a CSV file (observations or plans, told apart by the
// header) into the session, reading and checking rows on one goroutine
// while the session stores them on its own (see pipe): memory does not
// grow with the file.
func parseCSV(ctx context.Context, r io.Reader, s *session) error {
	br, err := textReader(r)
	if err != nil {
		return err
	}
	cr := csv.NewReader(br)
	cr.Comma = sniffDelimiter(br)
	cr.FieldsPerRecord = -1 // a short or long row is a row problem, not the end of the file
	cr.ReuseRecord = true
	names, err := cr.Read()
	switch {
	case errors.Is(err, io.EOF):
		return storage.Errorf(storage.CodeInvalid, "the CSV file is empty; it needs a header row and data rows")
	case err != nil:
		return csvError(err)
	}
	h, err := parseHeader(names, "")
	if err != nil {
		return err
	}
	return s.pipe(ctx, h.kind, func(emit func(*checkedRow) bool) error {
		return readCSVRows(cr, h, rowCheck{locale: s.opt.Locale}, emit)
	})
}

// readCSVRows reads and checks the rows after the header, handing each on
// to emit until the file ends or emit reports false. It runs on the
// pipe's reader goroutine and shares nothing with the session.
func readCSVRows(cr *csv.Reader, h header, check rowCheck, emit func(*checkedRow) bool) error {
	var rec record
	var row checkedRow
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if blank(fields) {
			continue
		}
		rec.reset("", line)
		if len(fields) != len(h.cols) {
			row = checkedRow{at: pos{"", line}, bad: []storage.Detail{storage.Detail{Row: line}.
				Says("the row has %d fields but the header has %d columns", len(fields), len(h.cols))}}
		} else {
			for i, f := range fields {
				rec.vals[h.cols[i]] = RestoreCell(f)
			}
			row = checkedRow{}
			check.row(&rec, h.kind, &row)
		}
		if !emit(&row) {
			return nil
		}
	}
}

// textReader skips a UTF-8 byte-order mark and decodes UTF-16 text (as
// some spreadsheet programs save "Unicode text") to UTF-8.
func textReader(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(3)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, storage.Errorf(storage.CodeInvalid, "cannot read the file: %v", err)
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	return br, nil
}

// sniffDelimiter picks ',', ';' or tab by which occurs most in the first
// line: spreadsheets set to Vietnamese write ';' because ',' is their
// decimal mark.
func sniffDelimiter(br *bufio.Reader) rune {
	head, _ := br.Peek(4096)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	best, n := ',', bytes.Count(head, []byte{','})
	for _, d := range []rune{';', '\t'} {
		if c := bytes.Count(head, []byte(string(d))); c > n {
			best, n = d, c
		}
	}
	return best
}

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvError reports a malformed CSV file with its line.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return storage.Errorf(storage.CodeInvalid, "the CSV file is malformed at line %d: %v; check its quotes", pe.StartLine, pe.Err).
			WithDetails(storage.Detail{Row: pe.StartLine}.Because(pe.Err))
	}
	return storage.Errorf(storage.CodeInvalid, "cannot read the CSV file: %v", err)
}
