package extract

import (
	"math"
	"regexp"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// Percent classes.
const (
	plan   = "plan"   // % of plan (already converted: "vượt 4,1%" → 104.1)
	yoY    = "yoy"    // growth on the same period last year, stated as such
	growth = "growth" // "tăng 7%" with no comparison: read as year on year
	plain  = "plain"  // a level: "đạt 90,2%" (a rate's value, or growth for growth figures)
	trap   = "trap"   // not the figure's own plan or growth; reason says why
)

// classifier holds the patterns that decide what a percentage means from
// the words around it.
type classifier struct {
	parenTarget, parenPrev, mom, share, prevGrowth, over *regexp.Regexp
	planRight, overRight, yoyRight, verbNear, verbAny    *regexp.Regexp
	target, nounAfter                                    *regexp.Regexp
}

// downNoun reports whether a noun after a percentage means a fall.
func downNoun(n string) bool {
	switch n {
	case "decrease", "decline", "drop", "fall", "reduction", "contraction", "dip":
		return true
	}
	return false
}

const verbs = `tang truong am|giam manh|giam nhe|giam|thap hon|down by|down|fell by|fell|falling|dropped by|dropped|declined by|declined|decreased by|decreased|decrease of|decline of|drop of|fall of|reduction of|lower by|` +
	`tang truong|tang manh|tang|cao hon|up by|up|rose by|rose|rising|grew by|grew|growing|increased by|increased|increase of|rise of|growth of|growth rate of|jumped|surged|expanded by|expanded|higher by|` +
	`uoc dat|chi dat|dat|bang|la|o muc|con|duoc|hoan thanh|reached|reaching|hit|at|equal to|equalling|equivalent to|or|was|were|stood at|represents|achieving|achieved|of|vuot`

func newExClassifier() classifier {
	const quals = `(?:(?:khoang|gan|tren|hon|xap xi|about|nearly|around|over|almost|approximately|more than|an estimated|only|uoc|binh quan|on average)\s*)*`
	const plans = `(?:ke hoach|kh\b|du toan|chi tieu|muc tieu|nghi quyet|nq\b|(?:the )?(?:yearly |annual |capital |investment |full[- ]year |year'?s |whole[- ]year |this year'?s |\d{4} )?(?:plan|target|estimate|goal|budget estimate|projection))`
	return classifier{
		parenTarget: regexp.MustCompile(`^\s*(?:ke hoach|kh\b|chi tieu|muc tieu|nghi quyet|nq\b|phan dau|target|plan|goal)`),
		parenPrev:   regexp.MustCompile(`^\s*(?:cung ky|same period|last year|nam truoc|a year earlier|year-earlier|ca nuoc|national|toan quoc|the country|nationwide|vung|region)`),
		mom:         regexp.MustCompile(`^\s*(?:so (?:voi )?(?:thang|quy|ky|tuan) truoc|so (?:voi )?(?:dau nam|cuoi nam|31/12|thoi diem dau nam|thang 12 nam truoc|cuoi nam truoc)|(?:month|quarter)[- ]on[- ](?:month|quarter)|m-o-m|mom\b|(?:from|over|against|compared (?:to|with)|than) (?:the )?(?:previous|preceding|last|prior) (?:month|quarter)|(?:from|since|over|compared (?:to|with)) (?:the )?(?:beginning|start|end) of (?:the|last) year)`),
		share:       regexp.MustCompile(`(?:chiem|chiem ty trong|chiem ty le|ty trong|accounting for|accounted for|account for|making up|made up|makes up|share of)\s*` + quals + `$`),
		prevGrowth:  regexp.MustCompile(`(?:cung ky(?: nam truoc)?|nam truoc|last year|a year earlier) (?:tang|giam|up|rose|grew|increased|fell|down)\s*` + quals + `$`),
		over:        regexp.MustCompile(`(?:vuot|exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|beat(?:ing)?|overfulfil\w*|outstrip\w*)\s+(?:the\s+|muc\s+)?` + plans + `(?:\s+(?:nam|de ra|giao))?\s*(?:by\s*|la\s*)?` + quals + `$`),
		planRight:   regexp.MustCompile(`^\s*(?:so voi |so |cua |of |of the |against the |over the )?` + plans),
		overRight:   regexp.MustCompile(`^\s*(?:above|over|higher than|more than|in excess of) (?:the )?(?:yearly |annual )?(?:plan|target|ke hoach)`),
		yoyRight:    regexp.MustCompile(`^\s*(?:(?:(?:so voi|so|over|from|compared (?:to|with)|against|than|on|versus|vs\.?|with)\s+)?(?:cung ky|cung thoi diem|cung thang|cung quy|nam truoc|nam ngoai|ky nam truoc|nam \d{4}|(?:the )?same (?:period|time|month|quarter)|a year (?:earlier|ago|before)|last year|(?:the )?previous year|the year before|(?:the )?(?:year )?\d{4}\b)|year[- ]on[- ]year|yoy|y-o-y|on[- ]year|annually|from a year earlier)`),
		verbNear:    regexp.MustCompile(`(?:^|[^a-z])(` + verbs + `)\s*` + quals + `$`),
		verbAny:     regexp.MustCompile(`(?:^|[^a-z])(` + verbs + `)(?:[^a-z]|$)`),
		nounAfter:   regexp.MustCompile(`^\s*(?:year[- ]on[- ]year |yoy |y-o-y |annual )?(increase|rise|growth|gain|jump|expansion|hike|decrease|decline|drop|fall|reduction|contraction|dip)\b`),
		target:      regexp.MustCompile(`(?:^|[^a-z])(?:ke hoach|kh|chi tieu|muc tieu|phan dau|target(?:ed|s)?|goal|aim(?:s|ed)?(?: for| at| to)?|plan(?:ned|s)?)\b[^,;()%]{0,30}$`),
	}
}

// sign is the direction a verb gives a percentage: +1 growth, -1 decline,
// 0 a level or ratio ("đạt", "bằng"), 2 over a plan ("vượt").
func sign(verb string) int {
	switch {
	case verb == "vuot":
		return 2
	case verb == "tang truong am":
		return -1
	case strings.HasPrefix(verb, "giam") || strings.HasPrefix(verb, "thap") || strings.HasPrefix(verb, "down") ||
		strings.HasPrefix(verb, "fell") || strings.HasPrefix(verb, "fall") || strings.HasPrefix(verb, "drop") ||
		strings.HasPrefix(verb, "decl") || strings.HasPrefix(verb, "decr") || strings.HasPrefix(verb, "lower") || strings.HasPrefix(verb, "reduc"):
		return -1
	case strings.HasPrefix(verb, "tang") || strings.HasPrefix(verb, "cao") || strings.HasPrefix(verb, "up") || strings.HasPrefix(verb, "ris") ||
		strings.HasPrefix(verb, "rose") || strings.HasPrefix(verb, "gr") || strings.HasPrefix(verb, "incr") || strings.HasPrefix(verb, "jump") ||
		strings.HasPrefix(verb, "surg") || strings.HasPrefix(verb, "expand") || strings.HasPrefix(verb, "higher"):
		return 1
	}
	return 0
}

// classify decides what the percentage t means. left and right are the
// folded text before and after it inside its clause.
func (c classifier) classify(t *tok, left, right string) (string, storage.Percent) {
	p := storage.Percent{Value: t.v, Decimals: t.dec}
	if t.kind == foldKind {
		p = round(storage.Percent{Value: (t.v - 1) * 100, Decimals: max(0, t.dec-2)})
		if c.mom.MatchString(right) {
			return trap, p
		}
		return yoY, p
	}
	if i := strings.LastIndexByte(left, '('); i >= 0 && !strings.Contains(left[i:], ")") {
		inner := left[i+1:]
		switch {
		case c.parenTarget.MatchString(inner):
			t.reason = "target in parentheses, not the result"
			return trap, p
		case c.parenPrev.MatchString(inner):
			t.reason = "earlier or wider comparison in parentheses"
			return trap, p
		}
	}
	verb := ""
	if m := c.verbNear.FindStringSubmatch(left); m != nil {
		verb = m[1]
	}
	t.verb = verb
	switch {
	case c.mom.MatchString(right):
		t.reason = "month on month or since the start of the year, not year on year"
		return trap, p
	case c.share.MatchString(left) && !c.planRight.MatchString(right):
		t.reason = "a share, not growth"
		return trap, p
	case c.prevGrowth.MatchString(left):
		t.reason = "last year's growth"
		return trap, p
	case c.over.MatchString(left), c.overRight.MatchString(right):
		return plan, round(storage.Percent{Value: 100 + t.v, Decimals: t.dec})
	case c.planRight.MatchString(right):
		return plan, planPercent(sign(verb), p)
	case c.target.MatchString(left) && !resultVerbAfterPlan(left):
		t.reason = "a target, not the result"
		return trap, p
	case c.yoyRight.MatchString(right):
		return yoY, c.yoyPercent(verb, left, p)
	}
	if m := c.nounAfter.FindStringSubmatch(right); m != nil {
		// "a 7.43% increase (year on year)": the noun after the number gives the direction.
		cls := growth
		if c.yoyRight.MatchString(right[len(m[0]):]) {
			cls = yoY
		}
		if downNoun(m[1]) {
			return cls, round(storage.Percent{Value: -p.Value, Decimals: p.Decimals})
		}
		return cls, p
	}
	switch sign(verb) {
	case 1:
		return growth, p
	case -1:
		return growth, round(storage.Percent{Value: -p.Value, Decimals: p.Decimals})
	}
	return plain, p
}

// planPercent converts "vượt/tăng X% so với kế hoạch" to 100+X and "giảm X%" to 100−X.
func planPercent(sign int, p storage.Percent) storage.Percent {
	switch sign {
	case 1, 2:
		return round(storage.Percent{Value: 100 + p.Value, Decimals: p.Decimals})
	case -1:
		return round(storage.Percent{Value: 100 - p.Value, Decimals: p.Decimals})
	}
	return p
}

// yoyPercent gives a year-on-year percentage its sign: "giảm" negative,
// "bằng/đạt X%" a ratio (X−100), no verb at all the nearest verb before.
func (c classifier) yoyPercent(verb, left string, p storage.Percent) storage.Percent {
	if verb == "" || verb == "or" || verb == "of" {
		if all := c.verbAny.FindAllStringSubmatch(left, -1); len(all) > 0 {
			verb = all[len(all)-1][1]
		}
	}
	switch sign(verb) {
	case -1:
		return round(storage.Percent{Value: -p.Value, Decimals: p.Decimals})
	case 0:
		if verb != "" && p.Value >= 20 {
			return round(storage.Percent{Value: p.Value - 100, Decimals: p.Decimals})
		}
	}
	return p
}

// round rounds p to its decimals so that 100+4.1 prints as 104.1.
func round(p storage.Percent) storage.Percent {
	k := math.Pow10(p.Decimals)
	p.Value = math.Round(p.Value*k) / k
	if p.Value == 0 {
		p.Value = 0 // no negative zero
	}
	return p
}
