package extract

import (
	"math"
	"regexp"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// kind says what a number in the text is.
type kind int

const (
	amount     kind = iota // a quantity: money, people, visits, a bare count
	percent                // a percentage
	foldKind               // "tăng 1,8 lần", "1.8-fold": a ratio to last year
	kindSkip               // part of a date, a year or a year range
	pointsKind             // a change in percentage points ("giảm 0,8 điểm phần trăm")
)

// tok is a number with what surrounds it.
type tok struct {
	kind    kind
	s, e    int // folded span: number, unit and currency
	v       float64
	dec     int
	family  string   // amounts: unit family ("" bare, "?" an unknown noun follows)
	target  *float64 // "7/16": the 16
	qs, qe  int      // qualifier span before the number (qs == qe: none)
	role    string   // amounts: "", "target", "change"; percents: the class (see classifier.classify)
	verb    string   // percents: the verb right before ("dat", "tang", "reaching")
	grp3    bool     // read "1,452" as a decimal; a count unit makes it 1452
	reason  string   // why the number is not a figure of its own
	used    bool
	written int               // end of the number's digits, for Unrecognised spans
	auth    storage.Authority // % of plan: the authority the words name ("" = the indicator's primary)
	hi      *tok              // a range's upper end ("6,8–7,2%": v is 6.8, hi.v 7.2)
	was     string            // percents: the class before a target heading made it a trap
}

// scanner holds the compiled patterns of one extraction.
type scanner struct {
	units     []unit
	qualifier *regexp.Regexp
	change    *regexp.Regexp
	target    *regexp.Regexp
	bare      *regexp.Regexp
	classify  classifier
	periods   []periodRule
	dateLine  *regexp.Regexp

	estimate, official, growthWords  *regexp.Regexp
	component, conversion            *regexp.Regexp
	targetHeading, intent, linkWords *regexp.Regexp
	authority                        map[storage.Authority]*regexp.Regexp
	words                            planWords // issue 16: targets, parts, points
}

func newExScanner() *scanner {
	est, off, growth := statusPatterns()
	return &scanner{
		estimate: est, official: off, growthWords: growth,
		authority: authorityPatterns(), words: newPlanWords(),
		linkWords:     regexp.MustCompile(`^\s*(?:(?:in|from|of|for|as|on|cua|tu|ve|the|its|total|tong)\s+){0,3}$`),
		intent:        regexp.MustCompile(`(?:^|[^a-z])(?:phan dau|strives? to|striving to|aims? to|aiming to|aims? for|plans? to|targets? to|is targeting|sets? a target|(?:province|city|it|government|economy) targets|(?:is|are) targeted|targeted at|(?:is|are) to reach)(?:[^a-z]|$)`),
		targetHeading: regexp.MustCompile(`^[^a-z0-9]*(?:[a-z]+ ){0,4}(?:muc tieu|chi tieu|phan dau|nhiem vu|du kien|dinh huong|ke hoach|targets?|goals?|plans?)(?: [a-z]+){0,3}(?: \d{4}(?:\s?-\s?\d{4})?)?\s*:`),
		component:     regexp.MustCompile(`(?:^|[^a-z])(?:trong do|of which|including|bao gom)(?:[^a-z]|$)`),
		conversion:    regexp.MustCompile(`(?:\(\s*|tuong duong\s*|equivalent to\s*|equal to\s*|or\s*)(?:khoang|about|approximately|around|nearly|over|some|~)?\s*$`),
		units:         units(),
		qualifier:     regexp.MustCompile(`(?:^|[^a-z0-9])(khoang|gan|tren|hon|xap xi|chung|around|about|nearly|almost|over|more than|approximately|roughly|some)\s*$`),
		change:        regexp.MustCompile(`(?:^|[^a-z])(?:tang|giam|tang them|giam di|increase of|decrease of|rise of|drop of|up by|down by)\s*$`),
		target:        regexp.MustCompile(`(?:^|[^a-z])(?:ke hoach|kh|chi tieu|muc tieu|du toan|phan dau|target(?:ed|s)?|plan(?:ned|s)?|goal|aims?|aiming|estimates?)\b[^,;()%]{0,45}$`),
		bare:          regexp.MustCompile(`^\s*(?:[,.;:)(]|$|va\b|and\b|trong do|dat\b|tang\b|giam\b|bang\b|up\b|down\b|were\b|was\b|in\b)`),
		classify:      newExClassifier(),
		periods:       periodRules(),
		dateLine:      regexp.MustCompile(`(?:^|[^0-9])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[^0-9]|$)|(\d{4})-(\d{2})-(\d{2})`),
	}
}

// tokens turns the numbers of fs into tokens. skip marks folded bytes
// already explained (period phrases, dates).
func (x *scanner) tokens(fs string, nums []num, skip []bool) []tok {
	var out []tok
	for i := 0; i < len(nums); i++ {
		n := nums[i]
		if skip[n.s] {
			continue
		}
		t, consumed := x.token(fs, nums, i)
		if t.kind != kindSkip && t.kind != percent && t.kind != pointsKind {
			x.amountRole(fs, &t)
		}
		out = append(out, t)
		i += consumed
	}
	return out
}

// token reads number i and any number it is joined to (ranges, "7/16", dates).
func (x *scanner) token(fs string, nums []num, i int) (tok, int) {
	n := nums[i]
	t := tok{kind: amount, s: n.s, e: n.e, v: n.v, dec: n.dec, written: n.e, grp3: n.grp3}
	rest := fs[n.e:min(len(fs), n.e+40)]
	var next *num
	if i+1 < len(nums) {
		next = &nums[i+1]
	}
	gap := ""
	if next != nil {
		gap = fs[n.e:next.s]
	}
	switch {
	case englishDate(fs, n):
		t.kind, t.reason = kindSkip, "date"
	case listNumber(fs, n):
		t.kind, t.reason = kindSkip, "list numbering"
	case next != nil && rangeGap(gap) && percentAfter(fs, next.e) > 0:
		t.kind, t.e, t.hi = percent, next.e+percentAfter(fs, next.e), &tok{v: next.v, dec: next.dec}
		return t, 1
	case next != nil && rangeGap(gap) && pointsAfter(fs, next.e) > 0:
		t.kind, t.e, t.hi = pointsKind, next.e+pointsAfter(fs, next.e), &tok{v: next.v, dec: next.dec}
		return t, 1
	case pointsAfter(fs, n.e) > 0:
		t.kind, t.e = pointsKind, n.e+pointsAfter(fs, n.e)
	case next != nil && (gap == ":" || gap == "h") && n.v < 24 && next.e-next.s == 2:
		t.kind, t.e, t.reason = kindSkip, next.e, "time"
		return t, 1
	case next != nil && (gap == "/" || gap == "-" || gap == ".") && dateLike(n, *next, fs):
		t.kind, t.e, t.reason = kindSkip, next.e, "date"
		if i+2 < len(nums) && (fs[next.e:nums[i+2].s] == "/" || fs[next.e:nums[i+2].s] == "-") {
			t.e = nums[i+2].e
			return t, 2
		}
		return t, 1
	case n.dec == 0 && n.e-n.s == 4 && n.v >= 1900 && n.v <= 2100 && next != nil && strings.TrimSpace(gap) == "-" && next.e-next.s == 4:
		t.kind, t.e, t.reason = kindSkip, next.e, "years"
		return t, 1
	case percentAfter(fs, n.e) > 0:
		t.kind, t.e = percent, n.e+percentAfter(fs, n.e)
		if next != nil && rangeGap(fs[t.e:next.s]) && percentAfter(fs, next.e) > 0 {
			t.e, t.hi = next.e+percentAfter(fs, next.e), &tok{v: next.v, dec: next.dec}
			return t, 1
		}
	case foldAfter(fs, n.e, rest) > 0:
		t.kind, t.e = foldKind, n.e+foldAfter(fs, n.e, rest)
	case next != nil && (strings.TrimSpace(gap) == "/" || gap == " out of ") && next.dec == 0:
		v := next.v
		t.target, t.e = &v, next.e
		x.unitAfter(fs, &t)
		return t, 1
	case n.dec == 0 && n.v >= 1900 && n.v <= 2100 && n.e-n.s == 4:
		x.unitAfter(fs, &t)
		if t.family == "" || t.family == "?" {
			t.kind, t.reason = kindSkip, "year"
		}
		return t, 0
	default:
		x.unitAfter(fs, &t)
	}
	return t, 0
}

// dateLike reports whether a/b (or a-b) is a day and month rather than "7/16".
func dateLike(a, b num, fs string) bool {
	if a.dec != 0 || b.dec != 0 || a.v < 1 || a.v > 31 || b.v < 1 || b.v > 12 {
		return b.e-b.s == 4 && a.v >= 1 && a.v <= 12 && b.v >= 1900 // "5/2023"
	}
	rest := strings.TrimLeft(fs[b.e:min(len(fs), b.e+20)], " ")
	for _, noun := range []string{"dang bo", "chi bo", "to chuc", "don vi", "xa", "huyen", "doanh nghiep", "chi tieu", "nguoi"} {
		if strings.HasPrefix(rest, noun) {
			return false
		}
	}
	return true
}

func rangeGap(g string) bool {
	g = strings.TrimSpace(g)
	return g == "-" || g == "den" || g == "to" || g == "%-" || g == "% -" || g == "% den" || g == "% to"
}

// percentAfter returns the length of a percent sign or word after a number.
func percentAfter(fs string, e int) int {
	rest := fs[e:min(len(fs), e+12)]
	for _, w := range []string{"%", " %", " phan tram", " percent", " per cent", " pct", "-percent", "-per cent"} {
		if strings.HasPrefix(rest, w) {
			return len(w)
		}
	}
	return 0
}

// foldAfter returns the length of "lần"/"-fold"/"times" after a number.
func foldAfter(fs string, e int, rest string) int {
	left := strings.TrimRight(fs[max(0, e-40):e], "0123456789., ")
	for _, w := range []string{"-fold", " fold", " lan", " times"} {
		if !strings.HasPrefix(rest, w) || len(rest) > len(w) && letter(rest[len(w)]) {
			continue
		}
		if w == " lan" && !strings.HasSuffix(left, "tang") && !strings.HasSuffix(left, "gap") && !strings.HasSuffix(left, "tang gap") {
			continue
		}
		return len(w)
	}
	return 0
}

// unitAfter reads the unit after an amount (or the currency before it).
func (x *scanner) unitAfter(fs string, t *tok) {
	n := num{s: t.s, e: t.e}
	if fam, mult, s, e, ok := prefixCurrency(fs, n); ok {
		t.family, t.v, t.s, t.e = fam, t.v*mult, s, e
		return
	}
	rest := fs[t.e:min(len(fs), t.e+48)]
	for _, u := range x.units {
		m := u.re.FindString(rest)
		if m == "" {
			continue
		}
		mult := u.mult
		if u.family != "vnd" && u.family != "usd" && u.family != "" {
			mult *= countMultiplier(m)
		}
		t.family, t.v, t.e = u.family, t.v*mult, t.e+len(m)
		if t.target != nil {
			*t.target *= mult
		}
		if t.grp3 && u.family != "vnd" && u.family != "usd" && u.family != "" && mult == 1 {
			t.v, t.dec = math.Round(t.v*1000), 0 // "1,452 đảng viên": people are not counted in fractions
		}
		if after := fs[t.e:min(len(fs), t.e+6)]; strings.HasPrefix(after, "/") && len(after) > 1 && letter(after[1]) || strings.HasPrefix(after, " per ") || strings.HasPrefix(after, " a ") {
			t.family, t.reason = "?", "per head or per unit, not a total"
			return
		}
		if u.family == "" {
			x.unitAfter(fs, t) // "1,2 triệu lượt khách" is read as 1,2 triệu + lượt khách
			if t.family == "" || t.family == "?" {
				t.family = ""
			}
		}
		return
	}
	if x.bare.MatchString(rest) {
		t.family = ""
		return
	}
	t.family = "?"
}

// amountRole finds the qualifier before an amount and whether the amount is
// a target or a change rather than a result.
func (x *scanner) amountRole(fs string, t *tok) {
	left := fs[max(0, t.s-64):t.s]
	if i := max(strings.LastIndex(left, "\n"), strings.LastIndex(left, ". "), strings.LastIndex(left, ";")); i >= 0 {
		left = left[i+1:]
	}
	if m := x.qualifier.FindStringSubmatchIndex(left); m != nil {
		t.qs, t.qe = t.s-len(left)+m[2], t.s-len(left)+m[3]
		left = left[:m[2]]
	}
	switch {
	case (t.family == "usd" || t.family == "vnd") && x.conversion.MatchString(left):
		t.role, t.reason = "conversion", "the same amount in another currency"
	case strings.HasSuffix(strings.TrimSpace(left), "/"):
		t.role, t.reason = "target", "target"
	case x.change.MatchString(left):
		t.role, t.reason = "change", "change, not a level"
	case x.target.MatchString(left) && !resultVerbAfterPlan(left), x.words.assigned.MatchString(left):
		t.role, t.reason = "target", "target"
	}
}

// resultVerbAfterPlan reports whether a result verb follows the last plan
// word ("kế hoạch năm, đạt 53,7%" is not a target).
func resultVerbAfterPlan(left string) bool {
	i := max(strings.LastIndex(left, "ke hoach"), strings.LastIndex(left, "kh "), strings.LastIndex(left, "target"), strings.LastIndex(left, "chi tieu"), strings.LastIndex(left, "du toan"), strings.LastIndex(left, "plan"))
	if i < 0 {
		return false
	}
	tail := left[i:]
	for _, v := range []string{" dat ", " duoc ", " reached ", " reaching ", " hit ", " at "} {
		if strings.Contains(tail+" ", v) {
			return true
		}
	}
	return false
}

// countMultiplier reads "nghìn"/"triệu"/"thousand"/"million" at the start
// of a counted unit ("1,2 triệu lượt khách").
func countMultiplier(unit string) float64 {
	w, _, _ := strings.Cut(strings.TrimSpace(unit), " ")
	switch w {
	case "nghin", "ngan", "thousand":
		return 1e3
	case "trieu", "million":
		return 1e6
	}
	return 1
}

// englishDate reports whether n is the day of an English date ("July 3", "3 July").
func englishDate(fs string, n num) bool {
	if n.dec != 0 || n.v < 1 || n.v > 31 || n.e-n.s > 2 {
		return false
	}
	left := fs[max(0, n.s-10):n.s]
	right := fs[n.e:min(len(fs), n.e+11)]
	for _, m := range strings.Split(monthNames, "|") {
		if strings.HasSuffix(left, m+" ") || strings.HasPrefix(right, " "+m) {
			return true
		}
	}
	return false
}

// listNumber reports whether n numbers a list item or heading ("2. Thương mại", "3) ...").
func listNumber(fs string, n num) bool {
	if n.dec != 0 || n.e-n.s > 2 || n.e+1 >= len(fs) || (fs[n.e] != '.' && fs[n.e] != ')') || fs[n.e+1] != ' ' {
		return false
	}
	i := n.s
	for i > 0 && (fs[i-1] == ' ' || fs[i-1] == '-') {
		i--
	}
	return i == 0 || fs[i-1] == '\n'
}
