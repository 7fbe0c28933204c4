package extract

import (
	"strings"
)

// fallbackOther proposes figures outside the catalog in a segment that
// names no known indicator: a money amount followed by its % of plan or its
// growth ("vốn ODA giải ngân 300 tỷ đồng, đạt 40% kế hoạch"). The words
// before the amount become IndicatorText.
func (d *doc) fallbackOther(sg seg) []Figure {
	var out []Figure
	var toks []*tok
	for i := range d.toks {
		if t := &d.toks[i]; t.s >= sg.s && t.s < sg.e && t.kind != kindSkip {
			toks = append(toks, t)
		}
	}
	for i, t := range toks {
		if t.kind != amount || t.role != "" || (t.family != "vnd" && t.family != "usd") {
			continue
		}
		c := &cand{code: other, value: t, toks: []*tok{t}}
		for _, p := range toks[i+1:] {
			if p.kind == amount && p.role == "" {
				break
			}
			if p.kind == percent || p.kind == foldKind {
				d.attachPercent(c, p, t.e, t.e)
			}
		}
		if c.plan == nil && c.yoy == nil {
			continue
		}
		from := d.nameStart(sg, t.s)
		m := mention{s: from, e: d.nameEnd(from, t.s), codes: []string{other}}
		if m.e <= m.s {
			continue
		}
		if f, ok := d.figure(sg, m, sg.s, sg.e, c); ok {
			out = append(out, f)
		}
	}
	return out
}

// nameStart finds where the words naming the figure at amount start: after
// the last ", " and any period phrase before the amount.
func (d *doc) nameStart(sg seg, amount int) int {
	fs := d.f.s
	from := sg.s
	if i := strings.LastIndex(fs[sg.s:amount], ", "); i >= 0 {
		from = sg.s + i + 2
	}
	for _, ev := range d.events {
		if ev.s >= from && ev.e <= amount && ev.s-from < 3 {
			from = ev.e
		}
	}
	for from < amount && strings.IndexByte(" ,:", fs[from]) >= 0 {
		from++
	}
	return from
}

// nameEnd drops the verbs between the name and the amount ("ước đạt", "reached").
func (d *doc) nameEnd(from, amount int) int {
	words := strings.Fields(d.f.s[from:amount])
	verbs := map[string]bool{"uoc": true, "dat": true, "duoc": true, "la": true, "thuc": true, "hien": true, "khoang": true, "gan": true, "tren": true, "hon": true,
		"reached": true, "was": true, "were": true, "hit": true, "stood": true, "at": true, "about": true, "nearly": true, "over": true, "estimated": true, "is": true, "an": true, "of": true, "vnd": true, "usd": true}
	for len(words) > 0 && verbs[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) < 2 || len(words) > 12 {
		return from
	}
	last := words[len(words)-1]
	return from + strings.LastIndex(d.f.s[from:amount], last) + len(last)
}
