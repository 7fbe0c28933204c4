package storage

import (
	"strconv"
	"strings"
)

// Authority says who set a plan (SPEC §2 Plan): the people's council
// (HĐND), the central government, the Party committee or the agency itself.
// Several plans are in force at once, one per authority.
type Authority string

const (
	AuthorityCouncil Authority = "council" // HĐND: the socio-economic resolution, the local budget estimate
	AuthorityCentral Authority = "central" // Trung ương / Thủ tướng: "dự toán Trung ương giao"
	AuthorityParty   Authority = "party"   // the Party committee's or congress's resolution
	AuthorityOwn     Authority = "own"     // the agency's own plan
)

// Authorities lists every authority in the order SPEC §2 names them, the
// order of the CSV columns reported_plan_percent_<authority>.
func Authorities() []Authority {
	return []Authority{AuthorityCouncil, AuthorityCentral, AuthorityParty, AuthorityOwn}
}

// primaryOrder is the order in which an indicator without a
// primary_authority falls back on the plans present.
var primaryOrder = [...]Authority{AuthorityCouncil, AuthorityParty, AuthorityCentral, AuthorityOwn}

// Valid reports whether a is one of the four authorities.
func (a Authority) Valid() bool {
	switch a {
	case AuthorityCouncil, AuthorityCentral, AuthorityParty, AuthorityOwn:
		return true
	}
	return false
}

// OrDefault returns a, or council when a is empty.
func (a Authority) OrDefault() Authority {
	if a == "" {
		return AuthorityCouncil
	}
	return a
}

// rank orders authorities as Authorities lists them; unknown ones last.
func (a Authority) rank() int {
	for i, b := range Authorities() {
		if a == b {
			return i
		}
	}
	return len(Authorities())
}

// AuthorityPercent is a percent of plan as a report wrote it, naming the
// plan it refers to ("đạt 61,2% dự toán Trung ương giao").
type AuthorityPercent struct {
	Authority Authority `json:"authority"`
	Percent   Percent   `json:"percent"`
}

// PlanPercents is an observation's reported_plan_percents. The stored and
// compared form is canonical: one entry per authority, in Authorities order.
type PlanPercents []AuthorityPercent

// Of returns the percent reported against authority a, if any.
func (ps PlanPercents) Of(a Authority) (Percent, bool) {
	for _, p := range ps {
		if p.Authority == a {
			return p.Percent, true
		}
	}
	return Percent{}, false
}

// canonical returns ps sorted by authority (a fresh slice; nil when empty).
func (ps PlanPercents) canonical() PlanPercents {
	if len(ps) == 0 {
		return nil
	}
	out := make(PlanPercents, len(ps))
	copy(out, ps)
	for i := 1; i < len(out); i++ { // insertion sort: at most four entries
		for j := i; j > 0 && out[j].Authority.rank() < out[j-1].Authority.rank(); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// String writes the canonical stored form, "central:103.5;council:57.4"
// in Authorities order, each percent with its written decimals; "" when
// empty.
func (ps PlanPercents) String() string {
	var b strings.Builder
	for i, p := range ps.canonical() {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(string(p.Authority))
		b.WriteByte(':')
		b.WriteString(p.Percent.String())
	}
	return b.String()
}

// ParsePlanPercents reads the stored form String writes.
func ParsePlanPercents(s string) (PlanPercents, error) {
	if s == "" {
		return nil, nil
	}
	var out PlanPercents
	for _, part := range strings.Split(s, ";") {
		a, v, ok := strings.Cut(part, ":")
		if !ok {
			return nil, Errorf(CodeInvalid, "reported_plan_percents %q: expected authority:percent", s)
		}
		p, err := ParsePercent(v)
		if err != nil {
			return nil, err
		}
		out = append(out, AuthorityPercent{Authority: Authority(a), Percent: p})
	}
	return out, nil
}

// samePlanPercents compares two lists in canonical form.
func samePlanPercents(a, b PlanPercents) bool { return a.String() == b.String() }

// Term is a multi-year plan's span of calendar years, "2021-2025".
type Term struct {
	First, Last int
}

// IsZero reports whether t is no term (a yearly plan).
func (t Term) IsZero() bool { return t == Term{} }

// Years is how many calendar years t spans.
func (t Term) Years() int { return t.Last - t.First + 1 }

// Contains reports whether year lies within t.
func (t Term) Contains(year int) bool { return !t.IsZero() && year >= t.First && year <= t.Last }

// String writes "2021-2025".
func (t Term) String() string {
	if t.IsZero() {
		return ""
	}
	return strconv.Itoa(t.First) + "-" + strconv.Itoa(t.Last)
}

// ParseTerm reads "2021-2025" (also with an en dash): two four-digit years,
// the second after the first, at most 10 years apart.
func ParseTerm(s string) (Term, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "–", "-")
	a, b, ok := strings.Cut(s, "-")
	first, err1 := strconv.Atoi(a)
	last, err2 := strconv.Atoi(b)
	if !ok || len(a) != 4 || len(b) != 4 || err1 != nil || err2 != nil {
		return Term{}, Errorf(CodeInvalid, "invalid term %q: write two years such as 2021-2025", s)
	}
	t := Term{First: first, Last: last}
	if err := t.validate(); err != nil {
		return Term{}, err
	}
	return t, nil
}

func (t Term) validate() error {
	if !ValidYear(t.First) || !ValidYear(t.Last) || t.Last <= t.First || t.Last-t.First > 10 {
		return Errorf(CodeInvalid, "invalid term %d-%d: the second year must follow the first by 1 to 10 years, within 1900–2999", t.First, t.Last)
	}
	return nil
}

// MarshalText writes the term as String does.
func (t Term) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads a term as ParseTerm does; empty text is no term.
func (t *Term) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = Term{}
		return nil
	}
	v, err := ParseTerm(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
