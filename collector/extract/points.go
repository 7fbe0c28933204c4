package extract

import (
	"strings"
)

// pointsAfter returns the length of the words after a number that make it
// a change in percentage points ("0,8 điểm phần trăm", "1.3 percentage
// points"), or 0.
func pointsAfter(fs string, e int) int {
	rest := fs[e:min(len(fs), e+24)]
	for _, w := range []string{" diem phan tram", " diem %", " diem%", "-percentage-point", " percentage points", " percentage point", " percent points", " percentage-points", " points", " point"} {
		if strings.HasPrefix(rest, w) && (len(rest) == len(w) || !letter(rest[len(w)])) {
			return len(w)
		}
	}
	return 0
}

// classifyPoints decides what a change in points means: a rate's change
// on last year (role yoY, signed by its verb), a target (trap, for the
// plans), or a sector's contribution to growth (trap).
func (d *doc) classifyPoints(t *tok, left, right string) {
	c := d.x.classify
	near := left[max(0, len(left)-70):]
	verb := ""
	if m := c.verbNear.FindStringSubmatch(near); m != nil {
		verb = m[1]
	} else if all := c.verbAny.FindAllStringSubmatch(near, -1); len(all) > 0 {
		verb = all[len(all)-1][1]
	}
	t.verb = verb
	switch {
	case d.x.words.contribution.MatchString(near):
		t.role, t.reason = trap, "a contribution to growth in points"
		return
	case c.target.MatchString(near) && !resultVerbAfterPlan(near), inParenTarget(c, left):
		t.role, t.reason = trap, "a target, not the result"
	default:
		t.role = yoY
	}
	if sign(verb) == -1 {
		t.v = -t.v
		if t.hi != nil {
			t.hi.v = -t.hi.v
		}
	}
	orderRange(t)
}

// inParenTarget reports whether left ends inside "(kế hoạch …".
func inParenTarget(c classifier, left string) bool {
	i := strings.LastIndexByte(left, '(')
	return i >= 0 && !strings.Contains(left[i:], ")") && c.parenTarget.MatchString(left[i+1:])
}

// signRange gives a range's upper end the sign the classifier gave its
// lower end ("giảm 1–1,5%" is −1.5 to −1) and orders the two. raw is the
// lower end as written.
func signRange(t *tok, raw float64) {
	if t.hi == nil {
		return
	}
	if raw != 0 && t.v == -raw {
		t.hi.v = -t.hi.v
	}
	orderRange(t)
}

// orderRange puts the lower end of a range in t and the upper in t.hi.
func orderRange(t *tok) {
	if t.hi != nil && t.hi.v < t.v {
		t.v, t.hi.v = t.hi.v, t.v
		t.dec, t.hi.dec = t.hi.dec, t.dec
	}
}
