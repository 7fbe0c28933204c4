package collector

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// exCand is one indicator a mention may report, with what was attached to it.
type exCand struct {
	code           string
	ind            storage.Indicator
	value          *exTok
	plan, yoy      *exTok
	yoyDefaultRead bool // growth with no comparison stated
	toks           []*exTok
	planImplicit   bool // "đạt X%" after the value, with no plan word
	from           int  // quote start of a figure split off by a period phrase; 0: the mention's
}

// segment turns one segment's mentions and numbers into figures.
func (d *exDoc) segment(sg exSeg, ms []exMention) []Figure {
	ms = d.merge(ms)
	if len(ms) == 0 {
		return d.fallbackOther(sg)
	}
	zones := make([][]*exTok, len(ms))
	for i := range d.toks {
		t := &d.toks[i]
		if t.s < sg.s || t.s >= sg.e || t.kind == exSkip {
			continue
		}
		z := 0
		for j, m := range ms {
			if m.s <= t.s || t.s < m.s && m.s < t.e {
				z = j
			}
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
func (d *exDoc) joinFigures(fs []Figure) []Figure {
	var out []Figure
	for _, f := range fs {
		n := len(out)
		if n == 0 || out[n-1].Indicator != f.Indicator || f.Indicator == exOther {
			out = append(out, f)
			continue
		}
		p := &out[n-1]
		if p.Value != nil && f.Value != nil && d.x.component.MatchString(d.f.s[d.foldedAt(p.Start):d.foldedAt(f.Start)]) {
			continue // "…, trong đó xuất khẩu hàng hóa 800 triệu USD" is a part of the figure
		}
		if p.Value != nil && f.Value != nil || p.ReportedPlanPercent != nil && f.ReportedPlanPercent != nil ||
			p.ReportedYoYPercent != nil && f.ReportedYoYPercent != nil {
			out = append(out, f)
			continue
		}
		if p.Value == nil {
			p.Value, p.Qualifiers = f.Value, f.Qualifiers
		}
		if p.ReportedPlanPercent == nil {
			p.ReportedPlanPercent = f.ReportedPlanPercent
		}
		if p.ReportedYoYPercent == nil {
			p.ReportedYoYPercent = f.ReportedYoYPercent
		}
		if f.ReportStatus != storage.StatusPreliminary {
			p.ReportStatus = f.ReportStatus
		}
		p.Start, p.End = min(p.Start, f.Start), max(p.End, f.End)
		p.Quote = d.text[p.Start:p.End]
		p.Confidence = max(p.Confidence, f.Confidence)
	}
	return out
}

// merge joins neighbouring mentions of the same indicators with no number
// between them ("điều động, bổ nhiệm … phân công 53 cán bộ").
func (d *exDoc) merge(ms []exMention) []exMention {
	var out []exMention
	for _, m := range ms {
		if n := len(out); n > 0 && slices.Equal(out[n-1].codes, m.codes) && !d.numberIn(out[n-1].e, m.s) {
			out[n-1].e = m.e
			continue
		}
		out = append(out, m)
	}
	return out
}

func (d *exDoc) numberIn(s, e int) bool {
	for _, t := range d.toks {
		if t.kind != exSkip && t.s >= s && t.e <= e {
			return true
		}
	}
	return false
}

// exCompatible reports whether an amount of unit family fits measure.
func exCompatible(measure, family string) bool {
	switch {
	case family == "?":
		return false
	case family == "":
		return measure == "persons" || measure == "units" || measure == "visits" || measure == "cases"
	case family == "persons" && measure == "visits":
		return true
	}
	return exFamilyMeasure(family) == measure
}

// zone attaches the numbers of one mention's zone to its candidate indicators.
func (d *exDoc) zone(sg exSeg, m exMention, zs, ze int, toks []*exTok) []Figure {
	cands := make([]*exCand, 0, len(m.codes))
	if m.codes[0] == exIgnored {
		return nil
	}
	for _, c := range m.codes {
		cands = append(cands, &exCand{code: c, ind: d.inds[c]})
	}
	var owner *exCand
	seenAmount := false
	for _, t := range toks {
		switch t.kind {
		case exAmount:
			if t.role != "" {
				continue
			}
			owner = nil
			seenAmount = seenAmount || t.s >= m.s || t.family != "" && t.family != "?"
			for _, c := range cands {
				if c.value == nil && exFits(c, t) {
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
		case exPercent, exFoldKind:
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
			d.attachPercent(c, t, zs)
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

// exFits reports whether amount t can be the value of c.
func exFits(c *exCand, t *exTok) bool {
	return c.code == exOther && (t.family == "vnd" || t.family == "usd") || exCompatible(c.ind.Measure, t.family)
}

// periodSplit starts a second figure of an indicator when a period phrase
// sits between its value and amount t ("tháng 5 đạt 80 triệu USD, 5 tháng
// đạt 390 triệu USD").
func (d *exDoc) periodSplit(cands []*exCand, t *exTok) *exCand {
	for _, c := range cands {
		if c.value == nil || !exFits(c, t) {
			continue
		}
		for _, ev := range d.events {
			if ev.s >= c.value.e && ev.e <= t.s && ev.note == "" {
				n := &exCand{code: c.code, ind: c.ind, value: t, toks: []*exTok{t}, from: ev.s}
				return n
			}
		}
	}
	return nil
}

// percentSplit starts a new figure of c's indicator when c already has the
// kind of percentage t is and a period phrase sits between them ("quý I
// tăng 6,2%, quý II tăng 7,1%").
func (d *exDoc) percentSplit(c *exCand, t *exTok) *exCand {
	taken := t.role == exPlan && c.plan != nil || (t.role == exYoY || t.role == exGrowth) && c.yoy != nil
	if !taken || len(c.toks) == 0 {
		return nil
	}
	last := c.toks[len(c.toks)-1].e
	for _, ev := range d.events {
		if ev.s >= last && ev.e <= t.s && ev.note == "" {
			return &exCand{code: c.code, ind: c.ind, from: ev.s}
		}
	}
	return nil
}

// attachPercent gives a percentage to c when c has no such figure yet.
func (d *exDoc) attachPercent(c *exCand, t *exTok, zs int) {
	rate := c.ind.Measure == "percent"
	switch {
	case t.role == exPlan && c.plan == nil:
		c.plan = t
	case (t.role == exYoY || t.role == exGrowth) && !rate && c.yoy == nil:
		c.yoy, c.yoyDefaultRead = t, t.role == exGrowth
	case t.role == exPlain && rate && c.value == nil:
		c.value = t
	case t.role == exPlain && !rate && c.yoy == nil && d.x.growthWords.MatchString(d.f.s[zs:t.s]):
		c.yoy = t
	case t.role == exPlain && !rate && c.value != nil && c.plan == nil && exImplicitPlanVerb(t.verb):
		c.plan, c.planImplicit = t, true // "đạt 7.060 tỷ đồng, đạt 49,6%": % of plan by convention
	default:
		return
	}
	c.toks = append(c.toks, t)
}

// figure builds the Figure of a candidate, if anything was attached to it.
func (d *exDoc) figure(sg exSeg, m exMention, zs, ze int, c *exCand) (Figure, bool) {
	if len(c.toks) == 0 || c.code == exOther && c.value == nil && c.plan == nil && c.yoy == nil {
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
	if c.value != nil {
		v := c.value.v
		if c.ind.Measure != "percent" {
			v = exTidy(v)
		}
		f.Value = &v
		if c.code == exOther {
			f.Measure = exFamilyMeasure(c.value.family)
		}
		if c.value.target != nil {
			f.Note = "target " + strconv.FormatFloat(exTidy(*c.value.target), 'f', -1, 64)
		}
	}
	if c.plan != nil {
		f.ReportedPlanPercent = &storage.Percent{Value: c.plan.v, Decimals: c.plan.dec}
	}
	if c.yoy != nil {
		f.ReportedYoYPercent = &storage.Percent{Value: c.yoy.v, Decimals: c.yoy.dec}
	}
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
	f.Note = strings.TrimSpace(strings.Join([]string{f.Note, note}, "; "))
	f.Note = strings.Trim(f.Note, "; ")
	f.Confidence = d.confidence(c, f)
	return f, true
}

// exTidy removes float noise from unit conversions (28.478 × 1000).
func exTidy(v float64) float64 {
	r := math.Round(v*1e6) / 1e6
	if math.Abs(r) > 1e15 {
		return v
	}
	return r
}

// clauseEnd extends a quote from e to the end of its clause (the next ", "
// or the zone's end), without trailing punctuation.
func (d *exDoc) clauseEnd(e, ze int) int {
	fs := d.f.s
	if e < ze {
		if i := strings.Index(fs[e:ze], ", "); i >= 0 {
			ze = e + i
		}
		e = ze
	}
	for {
		for e > 0 && strings.IndexByte(" ,;:.(\n", fs[e-1]) >= 0 {
			e--
		}
		cut := false
		for _, w := range []string{" voi", " va", " and", " with", " trong do", " of which", " while"} {
			if strings.HasSuffix(fs[:e], w) {
				e, cut = e-len(w), true
			}
		}
		if !cut {
			return e
		}
	}
}

// status reads estimate/official from the figure's words; preliminary otherwise.
func (d *exDoc) status(words string) storage.ReportStatus {
	switch {
	case d.x.estimate.MatchString(words):
		return storage.StatusEstimate
	case d.x.official.MatchString(words):
		return storage.StatusOfficial
	}
	return storage.StatusPreliminary
}

// periodAt picks the period of a figure whose first number is at anchor:
// the last period phrase before it in its segment, else one later in its
// zone, else the last one before the segment.
func (d *exDoc) periodAt(sg exSeg, zs, ze, anchor int) (*storage.Period, string) {
	var pick *exEvent
	for i := range d.events {
		ev := &d.events[i]
		if ev.s >= sg.s && ev.e <= anchor {
			pick = ev
		}
	}
	if pick == nil {
		for i := range d.events {
			if ev := &d.events[i]; ev.s >= anchor && ev.e <= ze && ev.note == "" {
				pick = ev
				break
			}
		}
	}
	if pick == nil {
		for i := range d.events {
			if ev := &d.events[i]; ev.e <= sg.s && ev.note == "" {
				pick = ev
			}
		}
	}
	if pick == nil {
		return nil, "no period found in the text: set it before importing"
	}
	return pick.period, pick.pnote
}

// confidence scores how sure the reading is, 0–1.
func (d *exDoc) confidence(c *exCand, f Figure) float64 {
	s := 0.5
	if c.value != nil {
		s += 0.1
		if c.value.family != "" {
			s += 0.15
		}
	}
	if c.plan != nil && !c.planImplicit {
		s += 0.1
	}
	if c.yoy != nil && !c.yoyDefaultRead {
		s += 0.1
	} else if c.yoy != nil {
		s += 0.03
	}
	if c.code == exOther {
		s *= 0.6
	}
	if f.Period == nil {
		s -= 0.1
	}
	return math.Round(min(0.99, max(0.05, s))*100) / 100
}

// exStatusPatterns returns the estimate and official patterns.
func exStatusPatterns() (estimate, official, growth *regexp.Regexp) {
	return regexp.MustCompile(`(?:^|[^a-z])(?:uoc|du uoc|estimated|projected|expected)(?:[^a-z]|$)`),
		regexp.MustCompile(`(?:^|[^a-z])(?:chinh thuc|final|official(?:ly)?)(?:[^a-z]|$)`),
		regexp.MustCompile(`tang truong|toc do tang|growth|grew|grow\b`)
}

// foldedAt maps a byte offset of the original text back to the folded text.
func (d *exDoc) foldedAt(orig int) int {
	i := sort.SearchInts(d.f.pos, orig)
	return min(i, len(d.f.s))
}

// exImplicitPlanVerb lists the verbs after which a bare percentage that
// follows a value is, by convention, its % of plan.
func exImplicitPlanVerb(v string) bool {
	switch v {
	case "dat", "uoc dat", "chi dat", "hoan thanh", "reaching", "equal to", "equalling", "equivalent to", "or", "achieving":
		return true
	}
	return false
}
