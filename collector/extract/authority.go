package extract

import (
	"regexp"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// authorityPatterns are the folded words naming each authority.
func authorityPatterns() map[storage.Authority]*regexp.Regexp {
	return map[storage.Authority]*regexp.Regexp{
		storage.AuthorityParty:   regexp.MustCompile(`(?:^|[^a-z])(?:dang bo|nghi quyet dai hoi|dai hoi dang|dai hoi|tinh uy|thanh uy|party congress|party committee|party resolution|party'?s resolution|congress)(?:[^a-z]|$)`),
		storage.AuthorityCouncil: regexp.MustCompile(`(?:^|[^a-z])(?:hdnd|hoi dong nhan dan|people'?s council|provincial council|city council)(?:[^a-z]|$)`),
		storage.AuthorityCentral: regexp.MustCompile(`(?:^|[^a-z])(?:trung uong|tw|thu tuong|chinh phu|central government|central budget|the centre|the center|central|prime minister|the government)(?:[^a-z]|$)`),
	}
}

// authorityIn returns the authority the words name, or "". Party words are
// tried first (a congress resolution is the party's even when it names the
// province), then the council, then central.
func (x *scanner) authorityIn(words string) storage.Authority {
	for _, a := range []storage.Authority{storage.AuthorityParty, storage.AuthorityCouncil, storage.AuthorityCentral} {
		if x.authority[a].MatchString(words) {
			return a
		}
	}
	return ""
}

// planAuthority reads whose plan the % of plan t refers to from the words
// right after it, up to the next number or clause break ("84,6% dự toán
// Trung ương giao, …"); "" when none is named (the indicator's primary).
func (d *doc) planAuthority(t *tok, segEnd int) storage.Authority {
	fs := d.f.s
	end := min(segEnd, t.e+90)
	right := fs[t.e:end]
	for i := 0; i < len(right); i++ {
		if digit(right[i]) || right[i] == '(' || strings.HasPrefix(right[i:], ", ") && i > 0 && !d.x.authorityNext(right[i+2:]) {
			right = right[:i]
			break
		}
	}
	return d.x.authorityIn(right)
}

// authorityNext reports whether the words after a comma still describe the
// plan ("…the estimate assigned by the central government, …" keeps going
// only with "giao", "assigned", "approved", "set").
func (x *scanner) authorityNext(rest string) bool {
	for _, w := range []string{"giao", "assigned", "approved", "set by"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// primary returns the primary authority of an indicator: the one whose
// plan a plain "kế hoạch" means.
func (d *doc) primary(code string) storage.Authority {
	return d.inds[code].Primary(nil)
}
