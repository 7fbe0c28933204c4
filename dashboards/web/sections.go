package web

import "github.com/plantrack/plantrack/dashboards/board"

// cardSection is one section of the shared dashboard definitions (board)
// with the overview's cards placed in it, as a printed report groups its
// indicators: economy, budget and investment, society, party work.
type cardSection struct {
	Key, Title string
	Cards      []numberedCard
}

// rowSection is one board section of a period comparison's table.
type rowSection struct {
	Title string
	Rows  []compareRow
}

// Sections splits the comparison's rows (already in the board's reading
// order) at each change of board section.
func (v comparePeriodsView) Sections() []rowSection {
	var out []rowSection
	last := ""
	for _, r := range v.Rows {
		s := v.L.board.SectionOf(r.Row.Indicator)
		if len(out) == 0 || s.Key != last {
			out = append(out, rowSection{Title: s.Title.In(v.L.Lang)})
			last = s.Key
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, r)
	}
	return out
}

// numberedCard is a card with its running number in the report.
type numberedCard struct {
	N int
	card
}

// Sections groups the cards by board section, in the board's section order
// (indicators no section lists last); inside a section the cards keep their
// order, worst-off first. Numbers run on across sections.
func (v overviewView) Sections() []cardSection {
	b := v.L.board
	order := make([]board.Section, 0, len(b.Sections)+1)
	order = append(append(order, b.Sections...), board.Other())
	bySection := map[string][]card{}
	for _, c := range v.Wholes() {
		k := b.SectionOf(c.Code).Key
		bySection[k] = append(bySection[k], c)
		for _, p := range c.Parts {
			p.IsPart = true
			bySection[k] = append(bySection[k], p) // a part's row follows its whole's
		}
	}
	var out []cardSection
	n := 0
	for _, s := range order {
		cards := bySection[s.Key]
		if len(cards) == 0 {
			continue
		}
		cs := cardSection{Key: s.Key, Title: s.Title.In(v.L.Lang)}
		for _, c := range cards {
			n++
			cs.Cards = append(cs.Cards, numberedCard{N: n, card: c})
		}
		out = append(out, cs)
	}
	return out
}
