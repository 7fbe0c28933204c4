package storage

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// The Validate methods hold the domain's rules for a record as it stands,
// whatever brought it: a file row once parsed, an API batch, a form,
// figures reviewed from prose, or the writer itself. Each returns every
// problem, in field order, as a Detail naming the field, the value and the
// reason (a catalog key, so it reads in Vietnamese or English); nil means
// the record may be stored. Callers add the row or sheet. Empty optional
// fields are valid: they take their defaults when written.

// problems collects the Details of one record.
type problems []Detail

// refuse records a problem with field (holding value); key is the reason's
// catalog key and args its arguments.
func (ps *problems) refuse(field, value, key string, args ...any) {
	if len(value) > 80 {
		value = value[:77] + "..."
	}
	*ps = append(*ps, Detail{Field: field, Value: value}.Says(key, args...))
}

func (ps *problems) code(field, v string, ok bool, indicator bool) {
	switch {
	case v == "" && indicator:
		ps.refuse(field, v, "required; give the indicator code")
	case v == "":
		ps.refuse(field, v, "required; give the unit code")
	case !ok && indicator:
		ps.refuse(field, v, "not a valid indicator code")
	case !ok:
		ps.refuse(field, v, "not a valid unit code")
	}
}

func (ps *problems) finite(field string, v *float64) {
	if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
		ps.refuse(field, fmt.Sprint(*v), "must be a finite number")
	}
}

func (ps *problems) percent(field string, p *Percent, lo, hi float64) {
	switch {
	case p == nil:
	case math.IsNaN(p.Value) || math.IsInf(p.Value, 0) || p.Value < lo || p.Value >= hi:
		ps.refuse(field, p.String(), "not a plausible percentage (expected at least %g and below %g)", lo, hi)
	case p.Decimals < 0 || p.Decimals > 15:
		ps.refuse(field, p.String(), "a percentage must be a finite number")
	}
}

func (ps *problems) date(field, v string) {
	if v == "" {
		return
	}
	if PlainDate(v) {
		return
	}
	if _, err := time.Parse(DateLayout, v); err != nil {
		ps.refuse(field, v, "not a date; write YYYY-MM-DD")
	}
}

// PlainDate reports, without allocating, whether s is a date written
// YYYY-MM-DD with a year from 1000 on: a day that exists in its month. Any
// string it accepts, time.Parse(DateLayout, s) accepts as the same date;
// callers fall back to time.Parse for what it refuses.
func PlainDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || s[0] == '0' {
		return false
	}
	n := [3]int{}
	for i, part := range [3]string{s[:4], s[5:7], s[8:]} {
		for j := 0; j < len(part); j++ {
			if part[j] < '0' || part[j] > '9' {
				return false
			}
			n[i] = n[i]*10 + int(part[j]-'0')
		}
	}
	year, month, day := n[0], n[1], n[2]
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

// Validate checks an observation: unit and indicator codes, a period,
// finite values, plausible percentages (one per authority), a date, a
// report status, and something to store unless it is a retraction.
func (o Observation) Validate() []Detail {
	var ps problems
	ps.code("unit", o.Unit, ValidUnitCode(o.Unit), false)
	ps.code("indicator", o.Indicator, ValidIndicatorCode(o.Indicator), true)
	if !o.Period.Valid() {
		ps.refuse("period", o.Period.String(), "required; give a period such as 2018-H1")
	}
	ps.finite("value", o.Value)
	ps.percent("reported_plan_percent", o.ReportedPlanPercent, PlanPercentMin, PlanPercentMax)
	ps.percent("reported_yoy_percent", o.ReportedYoYPercent, YoYPercentMin, YoYPercentMax)
	seen := map[Authority]bool{}
	for _, ap := range o.ReportedPlanPercents {
		switch {
		case !ap.Authority.Valid():
			ps.refuse("reported_plan_percents", string(ap.Authority), "the authority is council, central, party or own")
		case seen[ap.Authority]:
			ps.refuse("reported_plan_percents", string(ap.Authority), "an authority is named twice; give one percent per plan")
		}
		seen[ap.Authority] = true
		p := ap.Percent
		ps.percent("reported_plan_percents", &p, PlanPercentMin, PlanPercentMax)
	}
	ps.date("reported_at", o.ReportedAt)
	ps.prose("source", o.Source, MaxSourceLen)
	ps.prose("quote", o.Quote, MaxQuoteLen)
	if !o.ReportStatus.Valid() {
		ps.refuse("report_status", string(o.ReportStatus), "must be estimate, preliminary or official")
	}
	if !o.Retracted && o.Value == nil && o.ReportedPlanPercent == nil && o.ReportedYoYPercent == nil &&
		len(o.ReportedPlanPercents) == 0 {
		ps.refuse("value", "", "a row needs a value, a reported_plan_percent or a reported_yoy_percent")
	}
	return ps
}

// Validate checks a plan: codes, a year or a term with a basis that fits
// it, authority and reference, finite targets given as one target or a
// low–high range, plausible change targets, and the adoption date.
func (p Plan) Validate() []Detail {
	var ps problems
	ps.code("unit", p.Unit, ValidUnitCode(p.Unit), false)
	ps.code("indicator", p.Indicator, ValidIndicatorCode(p.Indicator), true)
	p.validateSpan(&ps)
	ps.finite("target", p.Target)
	ps.finite("target_low", p.TargetLow)
	ps.finite("target_high", p.TargetHigh)
	ps.date("adopted_on", p.AdoptedOn)
	ps.prose("source", p.Source, MaxSourceLen)
	ps.name("version", p.Version, MaxVersionLen)
	return append(ps, p.TargetProblems()...)
}

// TargetProblems checks how a plan's targets fit together and with its
// basis: one target or a low–high range, low not above high, a growth
// target a percentage between -100 and 1000, a points target a change
// between -100 and 100 points. The targets must already be finite.
func (p Plan) TargetProblems() []Detail {
	var ps problems
	switch {
	case p.Target != nil && (p.TargetLow != nil || p.TargetHigh != nil):
		ps.refuse("target", "", "give either target or target_low and target_high, not both")
	case p.Target == nil && (p.TargetLow == nil || p.TargetHigh == nil):
		ps.refuse("target", "", "required; give target, or target_low and target_high for a range")
	case p.Target == nil && *p.TargetLow > *p.TargetHigh:
		ps.refuse("target_low", fmt.Sprint(*p.TargetLow), "target_low is above target_high")
	}
	fields := []string{"target", "target_low", "target_high"}
	for i, v := range []*float64{p.Target, p.TargetLow, p.TargetHigh} {
		switch {
		case v == nil:
		case (p.Basis == BasisGrowth || p.Basis == BasisAverageGrowth) && (*v < GrowthTargetMin || *v > GrowthTargetMax):
			ps.refuse(fields[i], fmt.Sprint(*v), "a growth target is a percentage between -100 and 1000")
		case p.Basis == BasisPoints && (*v < PointsTargetMin || *v > PointsTargetMax):
			ps.refuse(fields[i], fmt.Sprint(*v), "a points target is a change of a rate between -100 and 100 points")
		}
	}
	return ps
}

// validateSpan checks a plan's year or term, basis, authority and
// reference: yearly plans have basis value, growth or points (empty: value);
// term plans average_growth, end_level or cumulative; a reference belongs
// to a growth or points plan.
func (p Plan) validateSpan(ps *problems) {
	term := !p.Term.IsZero()
	switch {
	case term && p.Year != 0:
		ps.refuse("term", p.Term.String(), "give either year or term, not both")
	case term && !p.Basis.IsTermBasis():
		ps.refuse("basis", string(p.Basis), "a term plan's basis must be average_growth, end_level or cumulative")
	case term:
		if err := p.Term.validate(); err != nil {
			ps.refuse("term", p.Term.String(), "%v", err)
		}
	case !ValidYear(p.Year):
		ps.refuse("year", strconv.Itoa(p.Year), "required; a four-digit year such as 2018 (or a term such as 2021-2025)")
	case p.Basis == "", p.Basis == BasisValue, p.Basis == BasisGrowth, p.Basis == BasisPoints:
	case p.Basis.IsTermBasis():
		ps.refuse("basis", string(p.Basis), "average_growth, end_level and cumulative need a term such as 2021-2025 instead of a year")
	default:
		ps.refuse("basis", string(p.Basis), "must be value, growth or points (average_growth, end_level or cumulative with a term)")
	}
	if p.Authority != "" && !p.Authority.Valid() {
		ps.refuse("authority", string(p.Authority), "must be council, central, party or own")
	}
	switch p.Reference {
	case "", ReferenceSamePeriodLastYear:
	case ReferencePreviousDecember:
		if !p.Basis.IsChange() {
			ps.refuse("reference", p.Reference, "only a growth or points plan has a reference")
		}
	default:
		ps.refuse("reference", p.Reference, "must be same_period_last_year or previous_december")
	}
}

// Validate checks a unit: its code and its parent's, and not its own
// parent. A name is asked for by the imports (NamedUnitProblems), not by
// the writer, which keeps a stored unit's names when a write leaves them
// empty.
func (u Unit) Validate() []Detail {
	var ps problems
	ps.code("code", u.Code, ValidUnitCode(u.Code), false)
	ps.codeLen("code", u.Code)
	ps.name("name_vi", u.NameVI, MaxNameLen)
	ps.name("name_en", u.NameEN, MaxNameLen)
	if u.Parent != "" && !ValidUnitCode(u.Parent) {
		ps.refuse("parent", u.Parent, "not a valid unit code")
	}
	if u.Parent != "" && u.Parent == u.Code {
		ps.refuse("parent", u.Parent, "a unit cannot be its own parent")
	}
	// Units over time: codes and dates of its parents and predecessors, and
	// its own dates (how they fit together is validateUnitTime's).
	for _, p := range u.Parents {
		if !ValidUnitCode(p.Parent) {
			ps.refuse("parents", p.Parent, "not a valid unit code")
		}
		ps.date("parents", p.From)
	}
	for _, p := range u.Predecessors {
		if !ValidUnitCode(p.Unit) {
			ps.refuse("predecessors", p.Unit, "not a valid unit code")
		}
		if p.Date == "" {
			ps.refuse("predecessors", p.Unit, "give the date its territory passed (YYYY-MM-DD)")
		}
		ps.date("predecessors", p.Date)
	}
	ps.date("valid_from", u.ValidFrom)
	ps.date("valid_to", u.ValidTo)
	return ps
}

// NamedUnitProblems is Validate plus the imports' rule that a unit they
// declare has a name in at least one language.
func (u Unit) NamedUnitProblems() []Detail {
	ps := problems(u.Validate())
	if u.NameVI == "" && u.NameEN == "" {
		ps.refuse("name_vi", "", "give the unit a name (name_vi or name_en)")
	}
	return ps
}

// Validate checks an indicator: its code, a name, a measure, kind and
// direction, pace profile and growth basis (empty: the defaults), an index
// base only for an index and one of the known bases, and the primary
// authority.
func (i Indicator) Validate() []Detail {
	var ps problems
	ps.code("code", i.Code, ValidIndicatorCode(i.Code), true)
	ps.codeLen("code", i.Code)
	ps.name("name_vi", i.NameVI, MaxNameLen)
	ps.name("name_en", i.NameEN, MaxNameLen)
	ps.name("measure", i.Measure, MaxMeasureLen)
	if i.NameVI == "" && i.NameEN == "" {
		ps.refuse("name_vi", "", "give the indicator a name (name_vi or name_en)")
	}
	if i.Measure == "" {
		ps.refuse("measure", "", "required, e.g. billion_vnd, million_usd, persons, percent")
	}
	oneOf := func(field, v string, ok ...string) {
		for _, s := range ok {
			if v == s {
				return
			}
		}
		ps.refuse(field, v, "must be one of %v", ok)
	}
	oneOf("kind", string(i.Kind), string(KindFlow), string(KindLevel))
	oneOf("direction", string(i.Direction), string(DirectionUp), string(DirectionDown))
	oneOf("pace_profile", string(i.PaceProfile), "", string(PaceLinear), string(PaceSeasonal), string(PaceNone))
	oneOf("growth_basis", string(i.GrowthBasis), "", string(GrowthNominal), string(GrowthReal), string(GrowthIndex))
	switch {
	case i.IndexBase == "":
	case i.GrowthBasis != GrowthIndex:
		ps.refuse("index_base", i.IndexBase, "only an indicator with growth_basis index has an index_base")
	case !validIndexBase(i.IndexBase):
		ps.refuse("index_base", i.IndexBase,
			"index_base is same_period_last_year, previous_december, previous_period or base_year:YYYY")
	}
	if i.PrimaryAuthority != "" && !i.PrimaryAuthority.Valid() {
		ps.refuse("primary_authority", string(i.PrimaryAuthority), "must be council, central, party or own")
	}
	return ps
}

// invalid is the writer's error for a record with problems: the first
// names the field in the message, and every one is a detail.
func invalid(bad []Detail) error {
	d := bad[0]
	return Errorf(CodeValidation, "invalid %s %q: %s", d.Field, d.Value, Errorf(CodeValidation, d.Key, d.Args...)).
		WithDetails(bad...)
}
