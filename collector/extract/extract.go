// Package extract reads report prose, Vietnamese or English, and proposes
// the figures it states — indicator, value, period, report status, % of plan
// and growth — each with the clause it came from, plus the numbers it left
// alone and why. It proposes and never stores: a person reviews the figures,
// and FiguresToBatch turns reviewed figures into a storage batch that the
// collector imports whole or not at all.
package extract

import (
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// Options guide Extract.
type Options struct {
	Unit       string              // unit code given to every figure; "" leaves it for the reviewer
	Date       string              // report date YYYY-MM-DD; gives the year when the text states none
	Indicators []storage.Indicator // user-defined indicators, matched by their names besides the catalog
	// Units, when Unit is empty, lets the text name the unit: if it names
	// exactly one of them, every figure gets that unit.
	Units []storage.Unit
}

// Figure is one figure proposed from prose, with the clause it came from.
// Value is in the indicator's measure; percentages are kept as written.
type Figure struct {
	Indicator           string               `json:"indicator"`      // catalog or user code, or "other"
	IndicatorText       string               `json:"indicator_text"` // the words that named it
	Value               *float64             `json:"value"`
	Measure             string               `json:"measure"`
	Period              *storage.Period      `json:"period"` // nil when the codes cannot express it (see Note)
	ReportStatus        storage.ReportStatus `json:"report_status"`
	ReportedPlanPercent *storage.Percent     `json:"reported_plan_percent"`
	ReportedYoYPercent  *storage.Percent     `json:"reported_yoy_percent"`
	Unit                string               `json:"unit"`
	Quote               string               `json:"quote"`
	Qualifiers          []string             `json:"qualifiers"`
	Confidence          float64              `json:"confidence"` // 0–1
	Note                string               `json:"note"`
	// Component is the part indicator's code when the figure is a part of
	// Indicator (a GRDP sector, a source of revenue); "" for the whole.
	Component string `json:"component,omitempty"`
	// ReportedPlanPercents are every % of plan the text gave, in text order,
	// each with the authority whose plan it is; ReportedPlanPercent is the
	// primary authority's among them.
	ReportedPlanPercents storage.PlanPercents `json:"reported_plan_percents,omitempty"`
	// ReportedChangePoints is a rate's change in percentage points as
	// written ("giảm 0,82 điểm phần trăm" → -0.82).
	ReportedChangePoints *storage.Percent `json:"reported_change_points,omitempty"`
	// ReportedYoYRange is a growth given as a range ("ước tăng 6,8–7,2%"):
	// low and high. No single growth is guessed from it.
	ReportedYoYRange *[2]storage.Percent `json:"reported_yoy_range,omitempty"`
	Start            int                 `json:"-"` // byte offsets of Quote in the text
	End              int                 `json:"-"`
}

// Span is a number found in the text that no figure took, so that a
// reviewer can add what the extractor missed. Reason says why it was left,
// when known (a target, last year's growth, month on month, …).
type Span struct {
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason,omitempty"`
}

// Extraction is what Extract found.
type Extraction struct {
	Figures      []Figure `json:"figures"`
	Plans        []Plan   `json:"plans"` // targets the text states; never results
	Unrecognised []Span   `json:"unrecognised,omitempty"`
}

// doc is one text being read.
type doc struct {
	text   string
	f      folded
	x      *scanner
	inds   map[string]storage.Indicator
	toks   []tok
	events []event
	opt    Options
	year   int // the report date's year; 0 when unknown
}

// Extract reads report prose in Vietnamese or English and proposes the
// figures it states, each with its quote and byte offsets. It never fails:
// what it cannot place is returned in Unrecognised, and a figure whose
// period the codes cannot express has a nil Period and a Note. It uses no
// network and is safe for concurrent use. Callers that extract often should
// build an Extractor once instead.
func Extract(text string, opt Options) Extraction {
	return NewExtractor(opt.Indicators).Extract(text, opt)
}

// Extractor holds the compiled patterns and the indicator phrases of one
// set of indicators. Build it once with NewExtractor; its Extract is safe
// for concurrent use.
type Extractor struct {
	x       *scanner
	inds    map[string]storage.Indicator
	phrases []phrase
}

// NewExtractor prepares an extractor for the catalog indicators plus the
// given user-defined ones (a catalog code given again is ignored).
func NewExtractor(indicators []storage.Indicator) *Extractor {
	e := &Extractor{x: newExScanner(), inds: map[string]storage.Indicator{}}
	inds := append(storage.Catalog(), storage.CatalogParts()...)
	for _, ind := range inds {
		e.inds[ind.Code] = ind
	}
	for _, ind := range indicators {
		if _, dup := e.inds[ind.Code]; !dup && ind.Code != "" {
			e.inds[ind.Code] = ind
			inds = append(inds, ind)
		}
	}
	e.phrases = phrasesFor(inds)
	return e
}

// Extract is the package's Extract with this extractor's indicators;
// opt.Indicators is not consulted.
func (e *Extractor) Extract(text string, opt Options) Extraction {
	d := &doc{text: text, f: fold(text), x: e.x, opt: opt, inds: e.inds}
	fs := d.f.s
	if d.opt.Unit == "" && len(opt.Units) > 0 {
		d.opt.Unit = unitFromText(fs, opt.Units)
	}
	date, hasDate := d.x.reportDate(fs, opt.Date)
	if hasDate {
		d.year = date.Year()
	}
	var spans []seg
	d.events, spans = d.x.events(fs)
	resolve(d.events, date, hasDate)
	skip := make([]bool, len(fs)+1)
	for _, ev := range spans {
		for i := ev.s; i < ev.e; i++ {
			skip[i] = true
		}
	}
	d.toks = d.x.tokens(fs, scanNumbers(fs, isVietnamese(text)), skip)
	mentions := e.keepWeak(fs, findMentions(fs, e.phrases))
	var out Extraction
	var prev []mention
	var lastPlans []Plan
	prevCount := 0
	for _, sg := range segments(fs) {
		d.classify(sg)
		d.targetsUnderHeading(sg)
		ms := inside(mentions, sg)
		if len(ms) == 0 {
			ms = d.carryOver(sg, prev)
		}
		d.planSubjects(sg, ms)
		figs := d.segment(sg, ms)
		carry := d.planCarry(sg, inside(mentions, sg), prev)
		plans := d.plans(sg, ms, carry, len(lastPlans) > 0)
		out.Plans = append(out.Plans, plans...)
		lastPlans = plans
		if d.x.component.MatchString(fs[sg.s:min(sg.e, sg.s+12)]) {
			figs = dropRepeats(figs, out.Figures, prevCount)
		}
		out.Figures = append(out.Figures, figs...)
		prev, prevCount = ms, len(figs)
	}
	out.Figures = append([]Figure{}, dedupe(out.Figures)...) // never nil: JSON says [] rather than null
	out.Plans = append([]Plan{}, dedupePlans(out.Plans)...)
	e.asParts(out.Figures)
	out.Unrecognised = d.unrecognised()
	return out
}

// dedupe drops a figure that repeats an earlier one (a headline and its
// body): same indicator, period and value, or without values the same
// growth. What the repeat adds (a % of plan, a growth) is kept.
func dedupe(figs []Figure) []Figure {
	var out []Figure
next:
	for _, f := range figs {
		for i := range out {
			p := &out[i]
			if p.Indicator != f.Indicator || p.Indicator == other || !samePeriod(p.Period, f.Period) {
				continue
			}
			sameValue := p.Value != nil && f.Value != nil && *p.Value == *f.Value
			sameGrowth := p.Value == nil && f.Value == nil && p.ReportedYoYPercent != nil && f.ReportedYoYPercent != nil &&
				*p.ReportedYoYPercent == *f.ReportedYoYPercent
			if !sameValue && !sameGrowth {
				continue
			}
			if p.ReportedPlanPercent == nil {
				p.ReportedPlanPercent = f.ReportedPlanPercent
			}
			if p.ReportedYoYPercent == nil {
				p.ReportedYoYPercent = f.ReportedYoYPercent
			}
			continue next
		}
		out = append(out, f)
	}
	return out
}

func samePeriod(a, b *storage.Period) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// seg is a sentence or a clause ended by ';'.
type seg struct{ s, e int }

// segments splits folded text at sentence ends, semicolons and line
// breaks; a dot between digits (28.478) or after an abbreviation does not end one.
func segments(fs string) []seg {
	var out []seg
	start := 0
	for i := 0; i < len(fs); i++ {
		c := fs[i]
		end := c == ';' || c == '\n' || c == '!' || c == '?'
		if c == '.' && (i+1 == len(fs) || fs[i+1] == ' ' || fs[i+1] == '\n' || fs[i+1] == '"') {
			w := fs[max(start, i-3):i]
			end = !strings.HasSuffix(w, " tp") && !strings.HasSuffix(w, " tt") && w != "tp" && !strings.HasSuffix(w, "v.v")
		}
		if end {
			if i > start {
				out = append(out, seg{start, i})
			}
			start = i + 1
		}
	}
	if start < len(fs) {
		out = append(out, seg{start, len(fs)})
	}
	return out
}

// inside returns the mentions within sg.
func inside(ms []mention, sg seg) []mention {
	var out []mention
	for _, m := range ms {
		if m.s >= sg.s && m.e <= sg.e {
			out = append(out, m)
		}
	}
	return out
}

// classify decides what each percentage of the segment means.
func (d *doc) classify(sg seg) {
	fs := d.f.s
	for i := range d.toks {
		t := &d.toks[i]
		if t.s < sg.s || t.s >= sg.e || (t.kind != percent && t.kind != foldKind && t.kind != pointsKind) {
			continue
		}
		left := fs[max(sg.s, t.s-70):t.s]
		right := fs[t.e:min(sg.e, t.e+80)]
		if t.kind == pointsKind {
			d.classifyPoints(t, fs[sg.s:t.s], right)
			continue
		}
		raw := t.v
		if t.kind == percent {
			t.qs, t.qe = t.s, t.s
			if m := d.x.qualifier.FindStringSubmatchIndex(left); m != nil {
				t.qs, t.qe = t.s-len(left)+m[2], t.s-len(left)+m[3]
			}
		}
		cls, p := d.x.classify.classify(t, left, right)
		t.role = cls
		t.v, t.dec = p.Value, p.Decimals
		if cls == plan {
			t.auth = d.planAuthority(t, sg.e)
		}
		signRange(t, raw)
		result := cls == yoY || cls == growth || cls == plain && d.x.growthWords.MatchString(fs[sg.s:t.s])
		if t.hi != nil && (!result || !d.x.estimate.MatchString(fs[sg.s:t.s])) && cls != trap {
			t.role, t.reason = trap, "range (a target, not a result)" // results are given as ranges only when estimated
			t.v, t.dec = raw, p.Decimals
		}
	}
}

// unrecognised lists the numbers no figure took.
func (d *doc) unrecognised() []Span {
	var out []Span
	for _, t := range d.toks {
		if t.used || t.kind == kindSkip && !strings.HasPrefix(t.reason, "range") {
			continue
		}
		s, e := d.f.pos[t.s], d.f.pos[t.e]
		out = append(out, Span{Text: d.text[s:e], Start: s, End: e, Reason: t.reason})
	}
	return out
}

// carryOver lets a clause that opens with a period phrase and names no
// indicator continue the previous clause's single indicator ("…; lũy kế 5
// tháng đạt 390 triệu USD").
func (d *doc) carryOver(sg seg, prev []mention) []mention {
	if len(prev) != 1 || len(prev[0].codes) != 1 || prev[0].codes[0] == other || sg.s == 0 || d.f.s[sg.s-1] != ';' {
		return nil
	}
	start := sg.s
	for start < sg.e && d.f.s[start] == ' ' {
		start++
	}
	for _, ev := range d.events {
		if ev.s == start {
			name := prev[0].name
			if name == "" {
				name = d.f.orig(d.text, prev[0].s, prev[0].e)
			}
			return []mention{{s: start, e: start, codes: prev[0].codes, name: name}}
		}
	}
	return nil
}

// dropRepeats drops, from a clause opening with "trong đó"/"of which",
// figures of indicators the previous clause already reported: they are parts.
func dropRepeats(figs, before []Figure, prevCount int) []Figure {
	var out []Figure
	for _, f := range figs {
		repeat := false
		for _, p := range before[len(before)-prevCount:] {
			repeat = repeat || p.Indicator == f.Indicator && f.Indicator != other
		}
		if !repeat {
			out = append(out, f)
		}
	}
	return out
}

// targetsUnderHeading marks every number of a clause whose sentence opens
// with a target heading ("Mục tiêu năm 2020: …; …; …", "Targets for 2020:")
// as a target: none of them is a result.
func (d *doc) targetsUnderHeading(sg seg) {
	fs := d.f.s
	upto := fs[:min(len(fs), sg.s+1)] // a segment starts at the space of ". "
	start := max(strings.LastIndex(upto, "\n"), strings.LastIndex(upto, ". "), 0)
	from := sg.e
	if d.x.targetHeading.MatchString(fs[start:sg.e]) || start < sg.s && d.intentAt(seg{start, sg.s}) >= 0 {
		from = sg.s // a later clause of a sentence that set out targets
	} else if at := d.intentAt(sg); at >= 0 {
		from = at // "tỉnh phấn đấu …, thu ngân sách 15.000 tỷ đồng": all that follows is aimed at
	}
	for i := range d.toks {
		if t := &d.toks[i]; t.s >= from && t.s < sg.e && t.kind != kindSkip {
			if t.role != "target" && t.role != trap {
				t.was = t.role
			}
			t.role, t.reason = "target", "under a target heading"
			if t.kind != amount {
				t.role = trap
			}
		}
	}
}

// intentAt returns where a statement of intent ("phấn đấu", "aims to")
// ends in sg, or -1. "Nỗ lực phấn đấu, …" and "sự phấn đấu" praise effort
// and state no target.
func (d *doc) intentAt(sg seg) int {
	fs := d.f.s
	ms := d.x.intent.FindAllStringIndex(fs[sg.s:sg.e], -1)
	if m := d.x.words.resolution.FindStringIndex(fs[sg.s:sg.e]); m != nil {
		ms = append([][]int{m}, ms...) // "Nghị quyết Đại hội … đề ra …": all that follows is a target
	}
	for _, m := range ms {
		s, e := sg.s+m[0], sg.s+m[1]
		before := fs[max(sg.s, s-8):s]
		if strings.HasSuffix(before, "no luc") || strings.HasSuffix(before, " su") || strings.HasPrefix(fs[e-1:], ",") || strings.HasPrefix(fs[e-1:min(len(fs), e+1)], " ,") {
			continue
		}
		return e
	}
	return -1
}
