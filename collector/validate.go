package collector

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/plantrack/plantrack/storage"
)

// The rules a record must meet live in storage (the Validate methods and
// rules.go); rowCheck reads a file row's cells into a record, naming the
// cell that cannot be read, and applies those rules to what it read.

// rowCheck accumulates the problems of one record.
type rowCheck struct {
	r      *record
	locale string
	bad    []storage.Detail
}

// fail records a problem with field f; key is the reason's catalog key (an
// English format) and args its arguments.
func (c *rowCheck) fail(f field, key string, args ...any) {
	c.bad = append(c.bad, c.at(f).Says(key, args...))
}

// failErr records err (a keyed *storage.Error) as the problem with field f.
func (c *rowCheck) failErr(f field, err error) {
	c.bad = append(c.bad, c.at(f).Because(err))
}

func (c *rowCheck) at(f field) storage.Detail {
	return storage.Detail{Sheet: c.r.sheet, Row: c.r.row, Field: f.String(), Value: clip(c.r.vals[f])}
}

// clip keeps a quoted cell short in an error report.
func clip(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

func (c *rowCheck) text(f field) string { return strings.TrimSpace(c.r.vals[f]) }

// utf8Text returns a free-text field, refusing bytes that are not UTF-8 (a
// file saved in a legacy code page would otherwise store mojibake).
func (c *rowCheck) utf8Text(f field) string {
	s := strings.TrimSpace(c.r.vals[f])
	if !utf8.ValidString(s) {
		c.bad = append(c.bad, storage.Detail{Sheet: c.r.sheet, Row: c.r.row, Field: f.String()}.
			Says("not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in spreadsheet programs)"))
		return ""
	}
	return s
}

func (c *rowCheck) code(f field) string {
	s := c.text(f)
	switch {
	case s == "" && f == fIndicator:
		c.fail(f, "required; give the indicator code")
	case s == "":
		c.fail(f, "required; give the unit code")
	case f == fIndicator && !storage.ValidIndicatorCode(s):
		c.fail(f, "not a valid indicator code (pattern %s)", "^"+storage.IndicatorCodePattern+"$")
	case f != fIndicator && !storage.ValidUnitCode(s):
		c.fail(f, "not a valid unit code (pattern %s)", "^"+storage.UnitCodePattern+"$")
	}
	return s
}

func (c *rowCheck) number(f field) *float64 {
	s := c.text(f)
	if s == "" {
		return nil
	}
	n, err := parseNumber(s, c.locale, c.r.canon[f])
	if err != nil {
		c.failErr(f, err)
		return nil
	}
	return &n.value
}

func (c *rowCheck) percent(f field, lo, hi float64) *storage.Percent {
	s := c.text(f)
	if s == "" {
		return nil
	}
	p, err := parsePercent(s, c.locale, c.r.canon[f], lo, hi)
	if err != nil {
		c.failErr(f, err)
		return nil
	}
	return &p
}

func (c *rowCheck) date(f field) string {
	s := c.text(f)
	if s == "" {
		return ""
	}
	d, err := parseDate(s)
	if err != nil {
		c.failErr(f, err)
	}
	return d
}

// observation validates r as an observation row.
func (c *rowCheck) observation() storage.Observation {
	o := storage.Observation{
		Unit:      c.code(fUnit),
		Indicator: c.code(fIndicator),
		Source:    c.utf8Text(fSource),
		Quote:     c.utf8Text(fQuote),
	}
	if s := c.text(fPeriod); s == "" {
		c.fail(fPeriod, "required; give a period such as 2018-H1")
	} else if p, err := storage.ParsePeriod(s); err != nil {
		c.failErr(fPeriod, err)
	} else {
		o.Period = p
	}
	o.Value = c.number(fValue)
	o.ReportedPlanPercent = c.percent(fPlanPercent, storage.PlanPercentMin, storage.PlanPercentMax)
	o.ReportedYoYPercent = c.percent(fYoYPercent, storage.YoYPercentMin, storage.YoYPercentMax)
	o.ReportedAt = c.date(fReportedAt)
	o.ReportStatus = c.status()
	o.Retracted = c.boolean(fRetracted)
	o.Synthetic = c.boolean(fSynthetic)
	for _, af := range authorityPercentFields {
		if p := c.percent(af.f, storage.PlanPercentMin, storage.PlanPercentMax); p != nil {
			o.ReportedPlanPercents = append(o.ReportedPlanPercents, storage.AuthorityPercent{Authority: af.a, Percent: *p})
		}
	}
	if !o.Retracted && c.text(fValue) == "" && c.text(fPlanPercent) == "" && c.text(fYoYPercent) == "" &&
		len(o.ReportedPlanPercents) == 0 {
		c.fail(fValue, "a row needs a value, a reported_plan_percent or a reported_yoy_percent")
	}
	return o
}

func (c *rowCheck) status() storage.ReportStatus {
	s := storage.ReportStatus(strings.ToLower(c.text(fReportStatus)))
	if s.Valid() {
		return s
	}
	c.fail(fReportStatus, "must be estimate, preliminary or official")
	return ""
}

func (c *rowCheck) boolean(f field) bool {
	switch strings.ToLower(c.text(f)) {
	case "", "false", "0", "no":
		return false
	case "true", "1", "yes":
		return true
	}
	c.fail(f, "must be true or false")
	return false
}

// plan validates r as a plan row.
func (c *rowCheck) plan() storage.Plan {
	p := storage.Plan{
		Unit:      c.code(fUnit),
		Indicator: c.code(fIndicator),
		Version:   c.utf8Text(fVersion),
		Source:    c.utf8Text(fSource),
		AdoptedOn: c.date(fAdoptedOn),
		Basis:     storage.PlanBasis(strings.ToLower(c.text(fBasis))),
		Authority: storage.Authority(strings.ToLower(c.text(fAuthority))),
		Reference: strings.ToLower(c.text(fReference)),
	}
	c.planSpan(&p)
	if p.Authority != "" && !p.Authority.Valid() {
		c.fail(fAuthority, "must be council, central, party or own")
	}
	switch p.Reference {
	case "", storage.ReferenceSamePeriodLastYear:
	case storage.ReferencePreviousDecember:
		if !p.Basis.IsChange() {
			c.fail(fReference, "only a growth or points plan has a reference")
		}
	default:
		c.fail(fReference, "must be same_period_last_year or previous_december")
	}
	if p.Version == "" {
		p.Version = "original"
	}
	before := len(c.bad)
	p.Target, p.TargetLow, p.TargetHigh = c.number(fTarget), c.number(fTargetLow), c.number(fTargetHigh)
	if len(c.bad) == before { // the numbers parsed; check how they fit together
		c.targets(p)
	}
	return p
}

// planSpan reads the plan's year or term and checks its basis fits: value,
// growth or points for a year; average_growth, end_level or cumulative
// for a term.
func (c *rowCheck) planSpan(p *storage.Plan) {
	year, term := c.text(fYear), c.text(fTerm)
	switch {
	case year != "" && term != "":
		c.fail(fTerm, "give either year or term, not both")
	case term != "":
		t, err := storage.ParseTerm(term)
		if err != nil {
			c.failErr(fTerm, err)
		}
		p.Term = t
	default:
		if y, err := strconv.Atoi(year); err != nil || !storage.ValidYear(y) {
			c.fail(fYear, "required; a four-digit year such as 2018 (or a term such as 2021-2025)")
		} else {
			p.Year = y
		}
	}
	switch {
	case p.Basis == "" && term == "":
		p.Basis = storage.BasisValue
	case term != "" && !p.Basis.IsTermBasis():
		c.fail(fBasis, "a term plan's basis must be average_growth, end_level or cumulative")
	case term != "":
	case p.Basis == storage.BasisValue, p.Basis == storage.BasisGrowth, p.Basis == storage.BasisPoints:
	case p.Basis.IsTermBasis():
		c.fail(fBasis, "average_growth, end_level and cumulative need a term such as 2021-2025 instead of a year")
	default:
		c.fail(fBasis, "must be value, growth or points (average_growth, end_level or cumulative with a term)")
	}
}

// targets records how the plan's targets fit together and with its basis
// (storage's Plan.TargetProblems), against the cells they came from.
func (c *rowCheck) targets(p storage.Plan) {
	cells := map[string]field{"target": fTarget, "target_low": fTargetLow, "target_high": fTargetHigh}
	for _, d := range p.TargetProblems() {
		f := cells[d.Field]
		c.bad = append(c.bad, c.at(f).Says(d.Key, d.Args...))
	}
}
