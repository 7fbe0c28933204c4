package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// cand is one indicator a mention may report, with what was attached to it.
type cand struct {
	code           string
	ind            storage.Indicator
	value          *tok
	plan, yoy      *tok
	others         []*tok // % of plans of authorities other than the primary
	points         *tok   // a rate's change in percentage points
	yoyDefaultRead bool   // growth with no comparison stated
	toks           []*tok
	planImplicit   bool // "đạt X%" after the value, with no plan word
	from           int  // quote start of a figure split off by a period phrase; 0: the mention's
}

// segment turns one segment's mentions and numbers into figures.
func (d *doc) segment(sg seg, ms []mention) []Figure {
	ms = d.merge(ms)
	if len(ms) == 0 {
		return d.fallbackOther(sg)
	}
	zones := make([][]*tok, len(ms))
	for i := range d.toks {
		t := &d.toks[i]
		if t.s < sg.s || t.s >= sg.e || t.kind == kindSkip {
			continue
		}
		z := 0
		for j, m := range ms {
			if m.s <= t.s || t.s < m.s && m.s < t.e {
				z = j
			}
		}
		if z+1 < len(ms) && t.kind == amount && !d.fitsMention(ms[z], t) && d.fitsMention(ms[z+1], t) &&
			d.x.linkWords.MatchString(d.f.s[t.e:max(t.e, ms[z+1].s)]) {
			z++ // "earning 5.4 trillion VND in tourism revenue"
		}
		zones[z] = append(zones[z], t)
	}
	var out []Figure
	for i, m := range ms {
		zs, ze := m.s, sg.e
		if i == 0 {
			zs = sg.s
		}
		if i+1 < len(ms) {
			ze = ms[i+1].s
		}
		out = append(out, d.zone(sg, m, zs, ze, zones[i])...)
	}
	return d.joinFigures(out)
}

// joinFigures joins neighbouring figures of one indicator in a segment
// when they complement each other ("collected VND15,120 billion in budget
// revenue, surpassing the plan by 4.1%" names the indicator twice).
// merge joins neighbouring mentions of the same indicators with no number
// between them ("điều động, bổ nhiệm … phân công 53 cán bộ").
func (d *doc) merge(ms []mention) []mention {
	var out []mention
	for _, m := range ms {
		if n := len(out); n > 0 && slices.Equal(out[n-1].codes, m.codes) && !d.numberIn(out[n-1].e, m.s) {
			out[n-1].e = m.e
			continue
		}
		out = append(out, m)
	}
	return out
}

func (d *doc) numberIn(s, e int) bool {
	for _, t := range d.toks {
		if t.kind != kindSkip && t.s >= s && t.e <= e {
			return true
		}
	}
	return false
}

// compatible reports whether an amount of unit family fits measure.
func compatible(measure, family string) bool {
	switch {
	case family == "?":
		return false
	case family == "":
		return measure == "persons" || measure == "units" || measure == "visits" || measure == "cases"
	case family == "persons" && measure == "visits":
		return true
	}
	return familyMeasure(family) == measure
}

// zone attaches the numbers of one mention's zone to its candidate indicators.
func (d *doc) zone(sg seg, m mention, zs, ze int, toks []*tok) []Figure {
	cands := make([]*cand, 0, len(m.codes))
	if m.codes[0] == ignored {
		return nil
	}
	for _, c := range m.codes {
		cands = append(cands, &cand{code: c, ind: d.inds[c]})
	}
	var owner *cand
	seenAmount := false
	for _, t := range toks {
		switch t.kind {
		case amount:
			if t.role != "" {
				continue
			}
			owner = nil
			seenAmount = seenAmount || t.family != "?" && (t.s >= m.s || t.family != "")
			for _, c := range cands {
				if c.value == nil && fits(c, t) {
					c.value, owner = t, c
					c.toks = append(c.toks, t)
					break
				}
			}
			if owner == nil {
				if c := d.periodSplit(cands, t); c != nil {
					cands, owner = append(cands, c), c
				}
			}
		case percent, foldKind, pointsKind:
			c := owner
			if c == nil && !seenAmount && len(cands) == 1 {
				c = cands[0]
			}
			if c == nil {
				continue
			}
			if n := d.percentSplit(c, t); n != nil {
				cands, owner, c = append(cands, n), n, n
			}
			d.attachPercent(c, t, zs, m.e)
		}
	}
	var out []Figure
	for _, c := range cands {
		if f, ok := d.figure(sg, m, zs, ze, c); ok {
			out = append(out, f)
		}
	}
	return out
}

// fits reports whether amount t can be the value of c.
func fits(c *cand, t *tok) bool {
	return c.code == other && (t.family == "vnd" || t.family == "usd") || compatible(c.ind.Measure, t.family)
}

// periodSplit starts a second figure of an indicator when a period phrase
// sits between its value and amount t ("tháng 5 đạt 80 triệu USD, 5 tháng
// đạt 390 triệu USD").
func (d *doc) periodSplit(cands []*cand, t *tok) *cand {
	for _, c := range cands {
		if c.value == nil || !fits(c, t) {
			continue
		}
		for _, ev := range d.events {
			if ev.s >= c.value.e && ev.e <= t.s && ev.note == "" {
				n := &cand{code: c.code, ind: c.ind, value: t, toks: []*tok{t}, from: ev.s}
				return n
			}
		}
	}
	return nil
}

// percentSplit starts a new figure of c's indicator when c already has the
// kind of percentage t is and a period phrase sits between them ("quý I
// tăng 6,2%, quý II tăng 7,1%").
func (d *doc) percentSplit(c *cand, t *tok) *cand {
	taken := t.role == plan && d.planTaken(c, t) || (t.role == yoY || t.role == growth) && c.yoy != nil
	if !taken || len(c.toks) == 0 {
		return nil
	}
	last := c.toks[len(c.toks)-1].e
	for _, ev := range d.events {
		if ev.s >= last && ev.e <= t.s && ev.note == "" {
			return &cand{code: c.code, ind: c.ind, from: ev.s}
		}
	}
	return nil
}

// attachPercent gives a percentage to c when c has no such figure yet.
// Growth words are looked for from zs to the percentage or to nameEnd,
// the end of the indicator's name ("7.43-percent GRDP growth").
func (d *doc) attachPercent(c *cand, t *tok, zs, nameEnd int) {
	rate := c.ind.Measure == "percent"
	switch {
	case t.role == plan:
		if !d.addPlanPercent(c, t) {
			return
		}
	case t.kind == pointsKind && t.role == yoY && rate && c.points == nil:
		c.points = t
	case (t.role == yoY || t.role == growth) && !rate && c.yoy == nil:
		c.yoy, c.yoyDefaultRead = t, t.role == growth
	case t.role == plain && rate && c.value == nil:
		c.value = t
	case t.role == plain && !rate && c.yoy == nil && d.x.growthWords.MatchString(d.f.s[zs:min(len(d.f.s), max(t.s, nameEnd+8))]):
		c.yoy = t
	case t.role == plain && !rate && c.yoy == nil && c.ind.PartOf != "" && d.sharedGrowthVerb(t):
		c.yoy, c.yoyDefaultRead = t, true // "…, industry and construction 7.9 percent": the list's verb
	case t.role == plain && !rate && c.value != nil && c.plan == nil && implicitPlanVerb(t.verb):
		c.plan, c.planImplicit = t, true // "đạt 7.060 tỷ đồng, đạt 49,6%": % of plan by convention
	default:
		return
	}
	c.toks = append(c.toks, t)
}

// figure builds the Figure of a candidate, if anything was attached to it.
func (d *doc) figure(sg seg, m mention, zs, ze int, c *cand) (Figure, bool) {
	if len(c.toks) == 0 || c.code == other && c.value == nil && c.plan == nil && c.yoy == nil {
		return Figure{}, false
	}
	for _, t := range c.toks {
		t.used = true
	}
	qs, qe, anchor := m.s, m.e, ze
	if c.from > 0 {
		qs, qe = c.from, c.from
	}
	for _, t := range c.toks {
		qs, qe, anchor = min(qs, t.s), max(qe, t.e), min(anchor, t.s)
	}
	qe = d.clauseEnd(qe, ze)
	name := m.name
	if name == "" {
		name = d.f.orig(d.text, m.s, m.e)
	}
	f := Figure{Indicator: c.code, IndicatorText: name, Measure: c.ind.Measure, Unit: d.opt.Unit,
		Start: d.f.pos[qs], End: d.f.pos[qe], Qualifiers: []string{}}
	f.Quote = d.text[f.Start:f.End]
	fillNumbers(&f, c)
	d.fillIssue16(&f, c)
	for _, t := range c.toks {
		if t.qe > t.qs && (t == c.value || c.value == nil) {
			f.Qualifiers = append(f.Qualifiers, strings.ToLower(d.f.orig(d.text, t.qs, t.qe)))
		}
	}
	statusFrom := m.s
	if zs == sg.s {
		statusFrom = sg.s
	}
	f.ReportStatus = d.status(d.f.s[statusFrom:ze])
	var note string
	f.Period, note = d.periodAt(sg, zs, ze, anchor)
	notes := []string{f.Note, note}
	if c.planImplicit {
		notes = append(notes, "% of plan read from a bare percentage after the value")
	}
	if c.yoyDefaultRead {
		notes = append(notes, "growth read as year on year (no comparison stated)")
	}
	f.Note = strings.Trim(strings.Join(notes, "; "), "; ")
	for strings.Contains(f.Note, "; ; ") {
		f.Note = strings.ReplaceAll(f.Note, "; ; ", "; ")
	}
	f.Confidence = d.confidence(c, f)
	return f, true
}

// tidy removes float noise from unit conversions (28.478 × 1000).
// clauseEnd extends a quote from e to the end of its clause (the next ", "
// or the zone's end), without trailing punctuation.
// status reads estimate/official from the figure's words; preliminary otherwise.
// periodAt picks the period of a figure whose first number is at anchor:
// the last period phrase before it in its segment, else one later in its
// zone, else the last one before the segment.
// confidence scores how sure the reading is, 0–1.
// statusPatterns returns the estimate and official patterns.
// foldedAt maps a byte offset of the original text back to the folded text.
// implicitPlanVerb lists the verbs after which a bare percentage that
// follows a value is, by convention, its % of plan.

// fillNumbers copies the candidate's value and percentages into f.
func fillNumbers(f *Figure, c *cand) {
	if c.value != nil {
		v := c.value.v
		if c.ind.Measure != "percent" {
			v = tidy(v)
		}
		f.Value = &v
		if c.code == other {
			f.Measure = familyMeasure(c.value.family)
		}
		if c.value.target != nil {
			f.Note = "target " + strconv.FormatFloat(tidy(*c.value.target), 'f', -1, 64)
		}
	}
	if c.plan != nil {
		f.ReportedPlanPercent = &storage.Percent{Value: c.plan.v, Decimals: c.plan.dec}
	}
	if c.yoy != nil {
		f.ReportedYoYPercent = &storage.Percent{Value: c.yoy.v, Decimals: c.yoy.dec}
	}
}

// fitsMention reports whether amount t can be the value of any indicator m names.
func (d *doc) fitsMention(m mention, t *tok) bool {
	for _, code := range m.codes {
		if fits(&cand{code: code, ind: d.inds[code]}, t) {
			return true
		}
	}
	return false
}
