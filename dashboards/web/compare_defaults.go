package web

import (
	"slices"

	"github.com/plantrack/plantrack/storage"
)

// A comparison opens on data: its defaults come from what the compared
// units actually report (storage.Coverage), never from the catalog's first
// indicator or a period nobody reported.

// coverage is what a set of units reports: rows of storage.Coverage.
type coverage []storage.Reported

// reports says whether any of the units has indicator ind (any indicator
// when ind is "") in period per (any period when per is zero).
func (c coverage) reports(ind string, per storage.Period) bool {
	for _, r := range c {
		if (ind == "" || r.Indicator == ind) && (per.IsZero() || r.Period == per) {
			return true
		}
	}
	return false
}

// best picks the indicator and period the most units report: restricted
// to indicator ind and to period per when they are set; among equals the
// indicator listed first in order (the catalog's order), then the latest
// period (Coverage lists periods latest first). ok is false when nothing
// matches.
func (c coverage) best(ind string, per storage.Period, order []storage.Indicator) (storage.Reported, bool) {
	pos := map[string]int{}
	for i, x := range order {
		pos[x.Code] = i
	}
	var best storage.Reported
	found := false
	for _, r := range c {
		if (ind != "" && r.Indicator != ind) || (!per.IsZero() && r.Period != per) {
			continue
		}
		if !found || r.Units > best.Units || (r.Units == best.Units && pos[r.Indicator] < pos[best.Indicator]) {
			best, found = r, true
		}
	}
	return best, found
}

// baseline is the period to compare a with: the same span a year
// earlier when it has figures, else the latest earlier year's same span
// that has some, else the same span a year earlier (which the page then
// says has no figures).
func (c coverage) baseline(a storage.Period) storage.Period {
	for _, per := range c.periods(a) {
		if per.First == a.First && per.Last == a.Last && per.Year < a.Year {
			return per
		}
	}
	return a.SameSpanIn(a.Year - 1)
}

// periods lists the distinct periods of the coverage, latest first,
// without skip.
func (c coverage) periods(skip storage.Period) []storage.Period {
	var out []storage.Period
	for _, r := range c {
		if r.Period != skip && !slices.Contains(out, r.Period) {
			out = append(out, r.Period)
		}
	}
	slices.SortStableFunc(out, func(a, b storage.Period) int {
		if a.EndMonth() != b.EndMonth() {
			return b.EndMonth() - a.EndMonth()
		}
		return b.Months() - a.Months()
	})
	return out
}

// indicatorOptions are the catalog indicators the coverage holds (in
// catalog order), plus the selected one when it holds none, for a select.
func (c coverage) indicatorOptions(list []storage.Indicator, selected, lang string) []option {
	var out []option
	for _, i := range list {
		if i.Code == selected || c.reports(i.Code, storage.Period{}) {
			out = append(out, option{Value: i.Code, Label: i.Name(lang), Selected: i.Code == selected})
		}
	}
	return out
}

// childCoverage is what the children of parent report as known on the
// request's as_of date: the children of today's tree and every unit whose
// parent is recorded as parent (so districts that a reform retired still
// count for the periods they reported).
func (p *Pages) childCoverage(q *request, parent string) (coverage, error) {
	kids, err := p.db.Children(q.ctx, parent)
	if err != nil {
		return nil, err
	}
	codes := unitCodes(kids)
	units, err := p.db.Units(q.ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		if u.Parent == parent && !slices.Contains(codes, u.Code) {
			codes = append(codes, u.Code)
		}
	}
	cov, err := p.db.Coverage(q.ctx, codes, q.query("as_of"))
	return coverage(cov), err
}

// periodLink is a period the page can switch to.
type periodLink struct{ Name, URL string }
