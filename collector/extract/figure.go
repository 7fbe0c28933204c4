package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

func (d *doc) joinFigures(fs []Figure) []Figure {
	var out []Figure
	for _, f := range fs {
		n := len(out)
		if n == 0 || out[n-1].Indicator != f.Indicator || f.Indicator == other {
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

func tidy(v float64) float64 {
	r := math.Round(v*1e6) / 1e6
	if math.Abs(r) > 1e15 {
		return v
	}
	return r
}

func (d *doc) clauseEnd(e, ze int) int {
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

func (d *doc) status(words string) storage.ReportStatus {
	switch {
	case d.x.estimate.MatchString(words):
		return storage.StatusEstimate
	case d.x.official.MatchString(words):
		return storage.StatusOfficial
	}
	return storage.StatusPreliminary
}

func (d *doc) periodAt(sg seg, zs, ze, anchor int) (*storage.Period, string) {
	var pick *event
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

func (d *doc) confidence(c *cand, f Figure) float64 {
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
	if c.code == other {
		s *= 0.6
	}
	if f.Period == nil {
		s -= 0.1
	}
	return math.Round(min(0.99, max(0.05, s))*100) / 100
}

func statusPatterns() (estimate, official, growth *regexp.Regexp) {
	return regexp.MustCompile(`(?:^|[^a-z])(?:uoc|du uoc|du kien|estimated|projected|expected)(?:[^a-z]|$)`),
		regexp.MustCompile(`(?:^|[^a-z])(?:chinh thuc|final|official(?:ly)?)(?:[^a-z]|$)`),
		regexp.MustCompile(`tang truong|toc do tang|growth|grew|grow\b`)
}

func (d *doc) foldedAt(orig int) int {
	i := sort.SearchInts(d.f.pos, orig)
	return min(i, len(d.f.s))
}

func implicitPlanVerb(v string) bool {
	switch v {
	case "dat", "uoc dat", "chi dat", "hoan thanh", "reaching", "equal to", "equalling", "equivalent to", "or", "achieving":
		return true
	}
	return false
}
