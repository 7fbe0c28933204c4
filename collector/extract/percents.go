package extract

import (
	"sort"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// authOf is the authority of the % of plan t for candidate c: the one its
// words name, else c's indicator's primary.
func (d *doc) authOf(c *cand, t *tok) storage.Authority {
	if t.auth != "" {
		return t.auth
	}
	return d.primary(c.code)
}

// planTaken reports whether c already has a % of plan of t's authority.
func (d *doc) planTaken(c *cand, t *tok) bool {
	a := d.authOf(c, t)
	if a == d.primary(c.code) {
		return c.plan != nil
	}
	for _, o := range c.others {
		if d.authOf(c, o) == a {
			return true
		}
	}
	return false
}

// addPlanPercent gives c the % of plan t unless c has one of t's
// authority already: the primary authority's becomes c.plan, the others
// are kept beside it ("đạt 84,6% dự toán Trung ương giao, đạt 71,3% dự
// toán HĐND tỉnh giao").
func (d *doc) addPlanPercent(c *cand, t *tok) bool {
	if d.planTaken(c, t) {
		return false
	}
	if d.authOf(c, t) == d.primary(c.code) {
		c.plan = t
	} else {
		c.others = append(c.others, t)
	}
	return true
}

// fillIssue16 copies into f what issue 16 added to a candidate: every %
// of plan with its authority, the change in points, a growth range, and
// the part the figure is.
func (d *doc) fillIssue16(f *Figure, c *cand) {
	ps := append([]*tok{}, c.others...)
	if c.plan != nil {
		ps = append(ps, c.plan)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].s < ps[j].s })
	for _, t := range ps {
		f.ReportedPlanPercents = append(f.ReportedPlanPercents, storage.AuthorityPercent{Authority: d.authOf(c, t),
			Percent: storage.Percent{Value: t.v, Decimals: t.dec}})
	}
	if c.points != nil {
		f.ReportedChangePoints = &storage.Percent{Value: c.points.v, Decimals: c.points.dec}
	}
	if c.yoy != nil && c.yoy.hi != nil {
		f.ReportedYoYPercent = nil
		f.ReportedYoYRange = &[2]storage.Percent{{Value: c.yoy.v, Decimals: c.yoy.dec}, {Value: c.yoy.hi.v, Decimals: c.yoy.hi.dec}}
	}
	if c.ind.Measure == "index" && c.value == nil && c.yoy != nil && c.yoy.hi == nil && c.yoy.kind == percent {
		from := d.foldedAt(f.Start)
		if d.x.words.average.MatchString(d.f.s[max(sentenceStart(d.f.s, from), from-16):c.yoy.s]) {
			v := tidy(100 + c.yoy.v)
			f.Value = &v // SPEC §2: an index averaged over a span against the same months a year earlier
			f.Note = strings.Trim(f.Note+"; average index over the span: 100 + growth", "; ")
		}
	}
}

// asParts gives every figure of a part indicator its whole's code, the
// part going to Component. It runs last: joining and deduplicating
// figures compare the part's own code.
func (e *Extractor) asParts(figs []Figure) {
	for i := range figs {
		if whole := e.inds[figs[i].Indicator].PartOf; whole != "" {
			figs[i].Indicator, figs[i].Component = whole, figs[i].Indicator
		}
	}
}

// sharedGrowthVerb reports whether the last verb before t in its sentence
// is a rise, which a list of parts shares ("grew 3.1 percent, industry
// and construction 7.9 percent").
func (d *doc) sharedGrowthVerb(t *tok) bool {
	all := d.x.classify.verbAny.FindAllStringSubmatch(d.f.s[sentenceStart(d.f.s, t.s):t.s], -1)
	return len(all) > 0 && sign(all[len(all)-1][1]) == 1
}
