package collector

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// The check* functions validate records that arrived already decoded (an
// API batch, a form, extracted figures) with the same rules as file rows.

type detailList struct {
	at  pos
	bad []storage.Detail
}

// refuse records a problem with field (holding value); key is the reason's
// catalog key and args its arguments.
func (l *detailList) refuse(field, value, key string, args ...any) {
	l.bad = append(l.bad, storage.Detail{Sheet: l.at.sheet, Row: l.at.row, Field: field, Value: clip(value)}.Says(key, args...))
}

func (l *detailList) code(field, v string, ok bool, indicator bool) {
	switch {
	case v == "" && indicator:
		l.refuse(field, v, "required; give the indicator code")
	case v == "":
		l.refuse(field, v, "required; give the unit code")
	case !ok && indicator:
		l.refuse(field, v, "not a valid indicator code")
	case !ok:
		l.refuse(field, v, "not a valid unit code")
	}
}

func (l *detailList) finite(field string, v *float64) {
	if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
		l.refuse(field, fmt.Sprint(*v), "must be a finite number")
	}
}

func (l *detailList) percent(field string, p *storage.Percent, lo, hi float64) {
	if p == nil {
		return
	}
	if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) || !plausible(p.Value, lo, hi) {
		l.refuse(field, p.String(), "not a plausible percentage (expected at least %g and below %g)", lo, hi)
	}
}

func (l *detailList) date(field, v string) {
	if v == "" {
		return
	}
	if _, err := time.Parse(storage.DateLayout, v); err != nil {
		l.refuse(field, v, "not a date; write YYYY-MM-DD")
	}
}

func checkObservation(at pos, o storage.Observation) []storage.Detail {
	l := detailList{at: at}
	l.code("unit", o.Unit, unitCodeRE.MatchString(o.Unit), false)
	l.code("indicator", o.Indicator, indicatorCodeRE.MatchString(o.Indicator), true)
	if _, err := storage.NewPeriod(o.Period.Year, o.Period.First, o.Period.Last); err != nil {
		l.refuse("period", o.Period.String(), "required; give a period such as 2018-H1")
	}
	l.finite("value", o.Value)
	l.percent("reported_plan_percent", o.ReportedPlanPercent, planPercentMin, planPercentMax)
	l.percent("reported_yoy_percent", o.ReportedYoYPercent, yoyPercentMin, yoyPercentMax)
	seen := map[storage.Authority]bool{}
	for _, ap := range o.ReportedPlanPercents {
		switch {
		case !ap.Authority.Valid():
			l.refuse("reported_plan_percents", string(ap.Authority), "the authority is council, central, party or own")
		case seen[ap.Authority]:
			l.refuse("reported_plan_percents", string(ap.Authority), "an authority is named twice; give one percent per plan")
		}
		seen[ap.Authority] = true
		p := ap.Percent
		l.percent("reported_plan_percents", &p, planPercentMin, planPercentMax)
	}
	l.date("reported_at", o.ReportedAt)
	switch o.ReportStatus {
	case "", storage.StatusEstimate, storage.StatusPreliminary, storage.StatusOfficial:
	default:
		l.refuse("report_status", string(o.ReportStatus), "must be estimate, preliminary or official")
	}
	if !o.Retracted && o.Value == nil && o.ReportedPlanPercent == nil && o.ReportedYoYPercent == nil &&
		len(o.ReportedPlanPercents) == 0 {
		l.refuse("value", "", "a row needs a value, a reported_plan_percent or a reported_yoy_percent")
	}
	return l.bad
}

func checkPlan(at pos, p storage.Plan) []storage.Detail {
	l := detailList{at: at}
	l.code("unit", p.Unit, unitCodeRE.MatchString(p.Unit), false)
	l.code("indicator", p.Indicator, indicatorCodeRE.MatchString(p.Indicator), true)
	checkPlanSpan(&l, p)
	l.finite("target", p.Target)
	l.finite("target_low", p.TargetLow)
	l.finite("target_high", p.TargetHigh)
	l.date("adopted_on", p.AdoptedOn)
	switch {
	case p.Target != nil && (p.TargetLow != nil || p.TargetHigh != nil):
		l.refuse("target", "", "give either target or target_low and target_high, not both")
	case p.Target == nil && (p.TargetLow == nil || p.TargetHigh == nil):
		l.refuse("target", "", "required; give target, or target_low and target_high for a range")
	case p.Target == nil && *p.TargetLow > *p.TargetHigh:
		l.refuse("target_low", fmt.Sprint(*p.TargetLow), "target_low is above target_high")
	}
	if lo, hi, what, ok := targetRange(p.Basis); ok {
		for i, v := range []*float64{p.Target, p.TargetLow, p.TargetHigh} {
			if v != nil && (*v < lo || *v > hi) {
				l.refuse([]string{"target", "target_low", "target_high"}[i], fmt.Sprint(*v), "%v", what)
			}
		}
	}
	return l.bad
}

// checkPlanSpan checks a decoded plan's year or term, basis, authority and
// reference, as rowCheck.planSpan does for file rows.
func checkPlanSpan(l *detailList, p storage.Plan) {
	term := !p.Term.IsZero()
	switch {
	case term && p.Year != 0:
		l.refuse("term", p.Term.String(), "give either year or term, not both")
	case term && !p.Basis.IsTermBasis():
		l.refuse("basis", string(p.Basis), "a term plan's basis must be average_growth, end_level or cumulative")
	case term:
		if _, err := storage.ParseTerm(p.Term.String()); err != nil {
			l.refuse("term", p.Term.String(), "%v", err)
		}
	case p.Year < 1900 || p.Year > 2999:
		l.refuse("year", strconv.Itoa(p.Year), "required; a four-digit year such as 2018 (or a term such as 2021-2025)")
	case p.Basis == "", p.Basis == storage.BasisValue, p.Basis == storage.BasisGrowth, p.Basis == storage.BasisPoints:
	default:
		l.refuse("basis", string(p.Basis), "must be value, growth or points (average_growth, end_level or cumulative with a term)")
	}
	if p.Authority != "" && !p.Authority.Valid() {
		l.refuse("authority", string(p.Authority), "must be council, central, party or own")
	}
	switch p.Reference {
	case "", storage.ReferenceSamePeriodLastYear:
	case storage.ReferencePreviousDecember:
		if !p.Basis.IsChange() {
			l.refuse("reference", p.Reference, "only a growth or points plan has a reference")
		}
	default:
		l.refuse("reference", p.Reference, "must be same_period_last_year or previous_december")
	}
}

func checkUnit(at pos, u storage.Unit) []storage.Detail {
	l := detailList{at: at}
	l.code("code", u.Code, unitCodeRE.MatchString(u.Code), false)
	if u.Parent != "" && !unitCodeRE.MatchString(u.Parent) {
		l.refuse("parent", u.Parent, "not a valid unit code")
	}
	if u.Parent != "" && u.Parent == u.Code {
		l.refuse("parent", u.Parent, "a unit cannot be its own parent")
	}
	if u.NameVI == "" && u.NameEN == "" {
		l.refuse("name_vi", "", "give the unit a name (name_vi or name_en)")
	}
	return l.bad
}

func checkIndicator(at pos, i storage.Indicator) []storage.Detail {
	l := detailList{at: at}
	l.code("code", i.Code, indicatorCodeRE.MatchString(i.Code), true)
	if i.NameVI == "" && i.NameEN == "" {
		l.refuse("name_vi", "", "give the indicator a name (name_vi or name_en)")
	}
	if i.Measure == "" {
		l.refuse("measure", "", "required, e.g. billion_vnd, million_usd, persons, percent")
	}
	oneOf := func(field, v string, ok ...string) {
		for _, s := range ok {
			if v == s {
				return
			}
		}
		l.refuse(field, v, "must be one of %v", ok)
	}
	oneOf("kind", string(i.Kind), string(storage.KindFlow), string(storage.KindLevel))
	oneOf("direction", string(i.Direction), string(storage.DirectionUp), string(storage.DirectionDown))
	oneOf("pace_profile", string(i.PaceProfile), "", string(storage.PaceLinear), string(storage.PaceSeasonal), string(storage.PaceNone))
	oneOf("growth_basis", string(i.GrowthBasis), "", string(storage.GrowthNominal), string(storage.GrowthReal),
		string(storage.GrowthIndex))
	if i.PrimaryAuthority != "" && !i.PrimaryAuthority.Valid() {
		l.refuse("primary_authority", string(i.PrimaryAuthority), "must be council, central, party or own")
	}
	return l.bad
}
