package storage

// planSet is every plan an item is judged against: per authority the
// yearly plan in force (stored, else implied from the percents reported
// against that authority), the term plans in force covering the period,
// and which authority is primary.
type planSet struct {
	primary Authority
	yearly  []Plan                 // stored yearly plans of the period's year, every authority
	views   map[Authority]planView // the yearly plan in force per authority
	terms   []Plan                 // term plans in force covering the period, in Authorities order
	asOf    string
}

// newPlanSet chooses the plans of f. The primary authority is the
// indicator's primary_authority; else the first of council, party,
// central, own with a stored plan in force (yearly or term); else, when
// plans can only be implied, council if any figure of the year gave the
// shorthand reported_plan_percent, else the first authority a percent
// named. The shorthand percent refers to the primary plan.
func newPlanSet(f Facts, x figIndex) planSet {
	year := f.Period.Year
	ps := planSet{yearly: plansOfYear(f.Plans, year), views: map[Authority]planView{}, asOf: f.AsOf}
	ps.terms = termPlansInForce(f.Plans, year, f.AsOf)
	ps.primary = ps.choosePrimary(f.Indicator, x, year)
	named := ps.reportedAgainst(x, year)
	for _, a := range Authorities() {
		if p, ok := PlanInForce(ps.yearlyOf(a), f.AsOf); ok {
			ps.views[a] = storedView(p)
		} else if !named[a] {
			continue // no percent to imply a plan from: skip the scan
		} else if v, ok := impliedView(x, f.Indicator, year, func(o *Observation) *Percent { return ps.percentOf(o, a) }); ok {
			ps.views[a] = v
		}
	}
	return ps
}

// reportedAgainst is which authorities some figure of year reported a
// percent against (the shorthand counting for the primary).
func (ps planSet) reportedAgainst(x figIndex, year int) map[Authority]bool {
	named := map[Authority]bool{}
	for _, i := range x.byPeriod {
		o := &x.figs[i]
		if o.Period.Year != year {
			continue
		}
		if o.ReportedPlanPercent != nil {
			named[ps.primary] = true
		}
		for _, p := range o.ReportedPlanPercents {
			named[p.Authority] = true
		}
	}
	return named
}

func (ps planSet) choosePrimary(ind Indicator, x figIndex, year int) Authority {
	if ind.PrimaryAuthority != "" {
		return ind.PrimaryAuthority
	}
	for _, a := range primaryOrder {
		if _, ok := PlanInForce(ps.yearlyOf(a), ps.asOf); ok {
			return a
		}
		for _, t := range ps.terms {
			if t.Authority.OrDefault() == a {
				return a
			}
		}
	}
	named := map[Authority]bool{}
	for _, i := range x.byPeriod {
		o := &x.figs[i]
		if o.Period.Year != year {
			continue
		}
		if o.ReportedPlanPercent != nil {
			return AuthorityCouncil
		}
		for _, p := range o.ReportedPlanPercents {
			named[p.Authority] = true
		}
	}
	for _, a := range primaryOrder {
		if named[a] {
			return a
		}
	}
	return AuthorityCouncil
}

// yearlyOf returns the stored yearly plans of one authority.
func (ps planSet) yearlyOf(a Authority) []Plan { return plansOfAuthority(ps.yearly, a) }

// view returns the yearly plan in force for a, stored or implied.
func (ps planSet) view(a Authority) (planView, bool) {
	v, ok := ps.views[a]
	return v, ok
}

// percentOf is the percent of plan a figure reported against authority a:
// the one naming a, else for the primary authority the shorthand.
func (ps planSet) percentOf(o *Observation, a Authority) *Percent {
	if p, ok := o.ReportedPlanPercents.Of(a); ok {
		return &p
	}
	if a == ps.primary {
		return o.ReportedPlanPercent
	}
	return nil
}

// checkView is the plan a percent reported on reportedAt against a is
// checked against: for a stored plan, the one in force on that day (an
// adjustment adopted later cannot make an earlier report wrong; none if
// every plan came later); otherwise the implied plan.
func (ps planSet) checkView(a Authority, reportedAt string) (planView, bool) {
	v, ok := ps.views[a]
	if !ok || v.source != PlanStored {
		return v, ok
	}
	at := ps.asOf
	if reportedAt != "" && (at == "" || reportedAt < at) {
		at = reportedAt
	}
	if p, found := PlanInForce(ps.yearlyOf(a), at); found {
		return storedView(p), true
	}
	return planView{}, false
}

// termPlansInForce returns, per authority (in Authorities order) and term
// covering year, the version in force on asOf.
func termPlansInForce(plans []Plan, year int, asOf string) []Plan {
	var out []Plan
	for _, a := range Authorities() {
		groups := map[Term][]Plan{}
		var order []Term
		for _, p := range plans {
			if p.Term.Contains(year) && p.Authority.OrDefault() == a {
				if groups[p.Term] == nil {
					order = append(order, p.Term)
				}
				groups[p.Term] = append(groups[p.Term], p)
			}
		}
		for _, t := range order {
			if p, ok := PlanInForce(groups[t], asOf); ok {
				p.Authority = a
				out = append(out, p)
			}
		}
	}
	return out
}
