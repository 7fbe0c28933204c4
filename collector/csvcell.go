package collector

import "regexp"

// plainNumber is a cell a spreadsheet reads as a number, never as a
// formula: "-12", "+3.5", "-1.234,5", "1e-3", "-7%".
var plainNumber = regexp.MustCompile(`^[-+]?[0-9][0-9.,]*([eE][-+]?[0-9]+)?%?$`)

// NeutraliseCell returns s as it must be written to any CSV file a person
// may open in a spreadsheet: a cell that a spreadsheet would run as a
// formula — one starting with =, +, -, @, a tab or a carriage return,
// unless it is a plain number — gets a leading apostrophe, which
// spreadsheets show as text. A cell starting with apostrophes before such a
// character gets one more, so that RestoreCell undoes exactly what this
// added and an export read back by the importer is unchanged. Every CSV
// writer of plantrack (export, API downloads, page downloads) calls it.
func NeutraliseCell(s string) string {
	if needsQuotePrefix(s) {
		return "'" + s
	}
	return s
}

// RestoreCell undoes NeutraliseCell: it drops a leading apostrophe exactly
// where NeutraliseCell would have added one, and leaves every other cell
// as it is. The CSV importer applies it to every cell.
func RestoreCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && needsQuotePrefix(s[1:]) {
		return s[1:]
	}
	return s
}

// needsQuotePrefix reports whether s starts, after any apostrophes, with a
// character that makes a spreadsheet read a formula.
func needsQuotePrefix(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	if i == len(s) {
		return false
	}
	switch s[i] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return !plainNumber.MatchString(s[i:])
	}
	return false
}

// NeutraliseRow applies NeutraliseCell to every cell of row in place and
// returns it.
func NeutraliseRow(row []string) []string {
	for i, c := range row {
		row[i] = NeutraliseCell(c)
	}
	return row
}
