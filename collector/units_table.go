package collector

import (
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// unit reads a row of a units table (CSV or a sheet named units): code,
// names, parent or parents, valid_from, valid_to, predecessors and
// synthetic. A list cell holds entries separated by spaces or commas:
// parents as "CODE" (since the beginning) or "CODE@YYYY-MM-DD" (from that
// day), predecessors as "CODE@YYYY-MM-DD" (the day its territory passed),
// e.g. parents "quan-1 ho-chi-minh@2025-07-01".
func (c *rowCheck) unit() storage.Unit {
	u := storage.Unit{
		Code:      c.code(fCode),
		NameVI:    c.utf8Text(fNameVI),
		NameEN:    c.utf8Text(fNameEN),
		ValidFrom: c.text(fValidFrom),
		ValidTo:   c.text(fValidTo),
	}
	if p := c.text(fParent); p != "" {
		if !storage.ValidUnitCode(p) {
			c.fail(fParent, "not a valid unit code")
		}
		u.Parent = p
	}
	for _, e := range c.list(fParents) {
		code, from, _ := strings.Cut(e, "@")
		u.Parents = append(u.Parents, storage.ParentSpan{Parent: code, From: from})
	}
	for _, e := range c.list(fPredecessors) {
		code, date, ok := strings.Cut(e, "@")
		if !ok {
			c.fail(fPredecessors, "write each predecessor as CODE@YYYY-MM-DD, the day its territory passed")
			continue
		}
		u.Predecessors = append(u.Predecessors, storage.Predecessor{Unit: code, Date: date})
	}
	switch strings.ToLower(c.text(fSynthetic)) {
	case "", "false", "0", "no":
	case "true", "1", "yes":
		u.Synthetic = true
	default:
		c.fail(fSynthetic, "write true or false")
	}
	if len(c.bad) == 0 { // storage's rules for units (names are the session's to ask for)
		for _, d := range u.Validate() {
			d.Sheet, d.Row = c.r.sheet, c.r.row
			c.bad = append(c.bad, d)
		}
	}
	return u
}

// list splits a list cell into its entries.
func (c *rowCheck) list(f field) []string {
	return strings.FieldsFunc(c.text(f), func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '\n' })
}
