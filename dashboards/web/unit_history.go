package web

import (
	"fmt"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// Wordf formats the page word under key (a format) with args.
func (l *Locale) Wordf(key string, args ...any) string { return fmt.Sprintf(l.T(key), args...) }

// unitHistory is what a unit's pages say about its place in time (SPEC §2
// "Units over time"): one line of history, a banner naming the successors
// of a retired unit, and why earlier figures are not summed, if they are not.
type unitHistory struct {
	Line           string  // "Hợp nhất từ Cần Thơ, Sóc Trăng, Hậu Giang từ 01/07/2025"
	Retired        string  // "Đơn vị này kết thúc ngày 30/06/2025." when it has ended
	Successors     []crumb // the units that took it over, linked
	SuccessorLabel string
	Why            string // why figures before the takeover are not reconstructed
	// Sources names the predecessors whose figures a reconstructed figure
	// sums ("Cần Thơ, Sóc Trăng, Hậu Giang"); Date is the takeover day.
	Sources, Date string
}

// label names figures of year summed from the predecessors: "số liệu
// 2024 cộng từ Cần Thơ, Sóc Trăng, Hậu Giang"; "" when none are.
func (h unitHistory) label(l *Locale, year int) string {
	if h.Sources == "" {
		return ""
	}
	return l.Wordf("history.reconstructed", year, h.Sources)
}

// reconstructs reports whether the unit's figures of p are its
// predecessors' summed rather than its own.
func (h unitHistory) reconstructs(p storage.Period) bool {
	return h.Sources != "" && periodEnd(p) < h.Date
}

// periodEnd is the last day of a period, YYYY-MM-DD.
func periodEnd(p storage.Period) string {
	return p.End().AddDate(0, 0, -1).Format(storage.DateLayout)
}

// history builds a unit's history from its dates, parents, predecessors
// and successors.
func (p *Pages) history(q *request, u storage.Unit) (unitHistory, error) {
	L := q.L
	var h unitHistory
	names := make([]string, 0, len(u.Predecessors))
	date := u.ValidFrom
	for _, pr := range u.Predecessors {
		pu, err := p.db.Unit(q.ctx, pr.Unit)
		if err != nil {
			return h, err
		}
		names = append(names, shortName(pu.Name(L.Lang)))
		date = max(date, pr.Date)
	}
	why, err := p.db.NotReconstructed(q.ctx, u.Code)
	if err != nil {
		return h, err
	}
	list := strings.Join(names, ", ")
	switch {
	case len(names) > 0 && why == storage.NotReconstructedSplit:
		h.Line = L.Wordf("history.split", list, L.Date(date))
		h.Why = L.Wordf("history.why.split", L.Date(date), list)
	case len(names) > 0 && why == storage.NotReconstructedPartial:
		h.Line = L.Wordf("history.part", list, L.Date(date))
		h.Why = L.Wordf("history.why.partial", L.Date(date), list)
	case len(names) > 1:
		h.Line = L.Wordf("history.merged", list, L.Date(date))
	case len(names) == 1:
		h.Line = L.Wordf("history.succeeds", list, L.Date(date))
	case u.ValidFrom != "":
		h.Line = L.Wordf("history.since", L.Date(u.ValidFrom))
	}
	if len(names) > 0 && why == "" {
		h.Sources, h.Date = list, date
	}
	if n := len(u.Parents); n > 1 && u.Parents[n-1].From != "" {
		moved := L.Wordf("history.moved", u.Parents[n-1].Parent, L.Date(u.Parents[n-1].From))
		if pu, err := p.db.Unit(q.ctx, u.Parents[n-1].Parent); err == nil {
			moved = L.Wordf("history.moved", pu.Name(L.Lang), L.Date(u.Parents[n-1].From))
		}
		h.Line = strings.TrimPrefix(h.Line+"; "+moved, "; ")
	}
	if u.ValidTo != "" && u.Retired(storage.Today()) {
		h.Retired, h.SuccessorLabel = L.Wordf("history.retired", L.Date(u.ValidTo)), L.T("history.successor")
		succ, err := p.db.Successors(q.ctx, u.Code)
		if err != nil {
			return h, err
		}
		for _, s := range succ {
			h.Successors = append(h.Successors, crumb{Name: s.Name(L.Lang), URL: L.Link(UnitPath(s.Code))})
		}
	}
	return h, nil
}

// shortName drops the administrative title and a trailing note in
// brackets from a unit's name ("Tỉnh Sóc Trăng (số liệu mô phỏng)" → "Sóc
// Trăng", "Soc Trang Province" → "Soc Trang"), for lists of names.
func shortName(name string) string {
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	for _, pre := range []string{"Thành phố ", "Tỉnh ", "Huyện ", "Quận ", "Thị xã ", "Thị trấn ", "Xã ", "Phường "} {
		name = strings.TrimPrefix(name, pre)
	}
	for _, suf := range []string{" Province", " City", " District", " Commune", " Ward", " province", " city", " district"} {
		name = strings.TrimSuffix(name, suf)
	}
	return name
}
