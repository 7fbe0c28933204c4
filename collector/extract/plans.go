package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// Plan is a target the text states: a yearly plan (Year) or a multi-year
// one (Term "2021-2025"), set by Authority, on Basis (value, growth,
// points; average_growth, end_level, cumulative for terms), with a single
// Target or a range. It is a proposal for review, like a Figure.
type Plan struct {
	Indicator     string            `json:"indicator"`
	Component     string            `json:"component,omitempty"` // the part indicator, when the plan is for a part
	IndicatorText string            `json:"indicator_text"`
	Year          int               `json:"year,omitempty"`
	Term          string            `json:"term,omitempty"`
	Authority     storage.Authority `json:"authority"`
	Basis         storage.PlanBasis `json:"basis"`
	Target        *float64          `json:"target,omitempty"`
	TargetLow     *float64          `json:"target_low,omitempty"`
	TargetHigh    *float64          `json:"target_high,omitempty"`
	Measure       string            `json:"measure"`
	Unit          string            `json:"unit"`
	Quote         string            `json:"quote"`
	Start         int               `json:"-"` // byte offsets of Quote in the text
	End           int               `json:"-"`
}

// planWords are the patterns of issue 16's forms.
type planWords struct {
	contribution, resolution, assigned *regexp.Regexp
	endLevel, termYears, planWord      *regexp.Regexp
	subject, average, yearWord         *regexp.Regexp
}

func newPlanWords() planWords {
	const who = `(?:trung uong|tw|hdnd(?: tinh| thanh pho)?|hoi dong nhan dan(?: tinh| thanh pho)?|thu tuong(?: chinh phu)?|chinh phu|(?:the )?central government|(?:the )?(?:provincial |city )?people'?s council|(?:the )?prime minister)`
	return planWords{
		contribution: regexp.MustCompile(`(?:dong gop|contribut\w*)[^,;]{0,30}$`),
		resolution:   regexp.MustCompile(`(?:^\s*|, |: )(?:nghi quyet|dai hoi)[^,;.0-9]{0,70}?de ra`),
		assigned:     regexp.MustCompile(who + `[^,;0-9]{0,12}(?:giao|set|assigned|approved|allocated)[^,;0-9]{0,40}$`),
		endLevel:     regexp.MustCompile(`(?:den nam|den het nam|toi nam|vao nam|by|by the end of|by end-)\s?\d{4}`),
		termYears:    regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})\s?-\s?((?:19|20)\d{2})(?:[^0-9]|$)`),
		planWord:     regexp.MustCompile(`(?:^|[^a-z])(?:ke hoach|kh|chi tieu|muc tieu|du toan|plan|target)(?:[^a-z]|$)`),
		yearWord:     regexp.MustCompile(`(?:^|[^a-z])(?:nam|year|for|in) ((?:19|20)\d{2})(?:[^0-9-]|$)`),
		average:      regexp.MustCompile(`(?:^|[^a-z])(?:binh quan|average|averaged)(?:[^a-z]|$)`),
		subject:      regexp.MustCompile(`(?:^|[^a-z])(?:du toan|ke hoach|chi tieu|muc tieu)\s*$`),
	}
}

// planSubjects marks as targets the amounts of a mention whose name
// follows a plan word ("Dự toán thu ngân sách năm 2025 … 12.350 tỷ đồng"):
// the clause states the plan, not a result.
func (d *doc) planSubjects(sg seg, ms []mention) {
	for i, m := range ms {
		if !d.x.words.subject.MatchString(d.f.s[max(sg.s, m.s-12):m.s]) {
			continue
		}
		end := sg.e
		if i+1 < len(ms) {
			end = ms[i+1].s
		}
		for j := range d.toks {
			if t := &d.toks[j]; t.s >= m.e && t.s < end && t.kind == amount && t.role == "" {
				t.role, t.reason = "target", "target"
			}
		}
	}
}

// isTarget reports whether t states a target that may become a plan.
func isTarget(t *tok) bool {
	switch t.kind {
	case amount:
		return t.role == "target"
	case percent, pointsKind:
		return t.role == trap && (strings.Contains(t.reason, "target") || strings.Contains(t.reason, "heading")) && t.was != plan
	}
	return false
}

// plans turns the targets of a segment into plans. ms are the segment's
// mentions; carry, when the segment names no indicator, the mention of
// the previous clause of the same sentence ("…; HĐND tỉnh giao 9.600 tỷ đồng").
func (d *doc) plans(sg seg, ms []mention, carry *mention, afterPlan bool) []Plan {
	if len(ms) == 0 && carry == nil {
		return nil
	}
	if len(ms) == 0 {
		ms = []mention{*carry}
	}
	fs := d.f.s
	planWord := d.x.words.planWord.MatchString(fs[sg.s:sg.e])
	var out []Plan
	prevEnd := sg.s
	for i := range d.toks {
		t := &d.toks[i]
		if t.s < sg.s || t.s >= sg.e || t.kind == kindSkip {
			continue
		}
		target := isTarget(t) || t.kind == amount && t.target != nil && planWord ||
			afterPlan && len(ms) == 0 && t.kind == amount && t.role == "" && d.x.authorityIn(fs[sg.s:t.s]) != ""
		if !target || t.used && t.target == nil {
			prevEnd = t.e
			continue
		}
		m, code, ok := d.planMention(ms, t)
		if ok {
			if p, ok := d.plan(sg, m, code, t, prevEnd); ok {
				t.used = true
				out = append(out, p)
			}
		}
		prevEnd = t.e
	}
	return out
}

// planMention picks the mention a target belongs to: the last before it
// (or the first of the segment), moving on to a later one when only that
// one's measure fits ("earn VND 6,000 billion in tourism revenue").
func (d *doc) planMention(ms []mention, t *tok) (mention, string, bool) {
	z := 0
	for j, m := range ms {
		if m.s <= t.s || m.s < t.e {
			z = j
		}
	}
	order := []int{z}
	for j := z + 1; j < len(ms); j++ {
		order = append(order, j)
	}
	for j := z - 1; j >= 0; j-- {
		order = append(order, j)
	}
	for _, j := range order {
		for _, code := range ms[j].codes {
			if code == other || code == ignored || code == "" {
				continue
			}
			if t.kind != amount || fits(&cand{code: code, ind: d.inds[code]}, t) {
				return ms[j], code, true
			}
		}
		if t.kind != amount {
			break // a percentage belongs to its own mention or to none
		}
	}
	return mention{}, "", false
}

// plan builds the plan target t states for indicator code.
func (d *doc) plan(sg seg, m mention, code string, t *tok, prevEnd int) (Plan, bool) {
	fs := d.f.s
	ind := d.inds[code]
	sentence := sentenceStart(fs, t.s)
	p := Plan{Indicator: code, Measure: ind.Measure, Unit: d.opt.Unit, IndicatorText: m.name}
	if p.IndicatorText == "" {
		p.IndicatorText = d.f.orig(d.text, m.s, m.e)
	}
	if !d.planBasis(&p, t, fs[sentence:t.s]) {
		return Plan{}, false
	}
	if p.Term == "" {
		p.Year = d.planYear(sg, t)
		if p.Year < 1900 || p.Year > 2999 {
			return Plan{}, false // no year a plan can hold (a report dated year 1)
		}
	}
	p.Authority = d.x.authorityIn(fs[prevEnd:t.s])
	if p.Authority == "" {
		p.Authority = d.x.authorityIn(rightUntilDigit(fs[t.e:sg.e]))
	}
	if p.Authority == "" && sentence < sg.s {
		p.Authority = d.x.authorityIn(fs[sentence:sg.s])
	}
	if p.Authority == "" {
		p.Authority = d.primary(code)
	}
	if whole := ind.PartOf; whole != "" {
		p.Indicator, p.Component = whole, code
	}
	qs := t.s
	if m.s >= sg.s && m.s < qs {
		qs = m.s
	}
	p.Start, p.End = d.f.pos[qs], d.f.pos[t.e]
	p.Quote = d.text[p.Start:p.End]
	return p, true
}

// rightUntilDigit cuts s before its first digit.
func rightUntilDigit(s string) string {
	for i := 0; i < len(s); i++ {
		if digit(s[i]) {
			return s[:i]
		}
	}
	return s
}

// planBasis sets the basis, term and target of p from t and the words of
// its sentence before it; false when t states nothing a plan can hold.
func (d *doc) planBasis(p *Plan, t *tok, before string) bool {
	rate := p.Measure == "percent"
	term := ""
	if ms := d.x.words.termYears.FindAllStringSubmatch(before, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if b > a && b-a <= 10 {
			term = m[1] + "-" + m[2]
		}
	}
	v, hi := t.v, (*float64)(nil)
	if t.kind == amount && t.target != nil {
		v = *t.target
	}
	if t.hi != nil {
		h := t.hi.v
		hi = &h
	}
	signed := t.kind == pointsKind || sign(t.verb) != 0
	switch {
	case t.kind == pointsKind:
		p.Basis = "points"
	case t.kind == amount && term == "":
		p.Basis = "value"
	case t.kind == amount && (d.x.words.endLevel.MatchString(before) || d.inds[p.Indicator].Kind != "flow"):
		p.Basis = "end_level"
	case t.kind == amount:
		p.Basis = "cumulative"
	case t.kind != percent:
		return false
	case rate && term == "" && signed:
		p.Basis = "points" // "giảm tỷ lệ hộ nghèo 1,5%": a rate moves in points
	case rate && term == "":
		p.Basis = "value"
	case rate:
		p.Basis = "end_level"
	case term != "":
		p.Basis = "average_growth"
	default:
		p.Basis = "growth"
	}
	if t.kind == percent && t.was == "" && sign(t.verb) == -1 && v > 0 {
		v, hi = -v, negate(hi) // a trap kept the number as written; the verb gives the sign
		if hi != nil {
			v, *hi = *hi, v
		}
	}
	p.Term = term
	if hi != nil {
		p.TargetLow, p.TargetHigh = &v, hi
	} else {
		p.Target = &v
	}
	return true
}

func negate(f *float64) *float64 {
	if f == nil {
		return nil
	}
	n := -*f
	return &n
}

// planYear is the year a target is for: its period's, else the report's.
func (d *doc) planYear(sg seg, t *tok) int {
	from := sentenceStart(d.f.s, t.s)
	for i := len(d.events) - 1; i >= 0; i-- {
		if ev := d.events[i]; ev.s >= from && ev.e <= t.s && ev.period != nil {
			return ev.period.Year
		}
	}
	if ms := d.x.words.yearWord.FindAllStringSubmatch(d.f.s[sentenceStart(d.f.s, t.s):t.s], -1); len(ms) > 0 {
		y, _ := strconv.Atoi(ms[len(ms)-1][1]) // "Mục tiêu năm 2024: …"
		return y
	}
	if per, _ := d.periodAt(sg, sg.s, sg.e, t.s); per != nil {
		return per.Year
	}
	return d.year
}

// planCarry is the mention a clause without one continues: the last of
// the previous clause of the same sentence ("…; mục tiêu năm 2022 là 92%").
func (d *doc) planCarry(sg seg, own, prev []mention) *mention {
	if len(own) > 0 || len(prev) == 0 || sg.s == 0 || d.f.s[sg.s-1] != ';' {
		return nil
	}
	m := prev[len(prev)-1]
	if m.codes[0] == other || m.codes[0] == ignored {
		return nil
	}
	if m.name == "" {
		m.name = d.f.orig(d.text, m.s, m.e)
	}
	return &m
}

// dedupePlans drops a plan that repeats an earlier one for the same
// indicator, year or term, and authority: the first statement wins.
func dedupePlans(ps []Plan) []Plan {
	var out []Plan
next:
	for _, p := range ps {
		for _, q := range out {
			if q.Indicator == p.Indicator && q.Component == p.Component && q.Year == p.Year && q.Term == p.Term && q.Authority == p.Authority {
				continue next
			}
		}
		out = append(out, p)
	}
	return out
}
