package web

import "github.com/plantrack/plantrack/storage"

// Wholes are the overview's cards with each part's card moved under its
// whole's (see nestParts).
func (v overviewView) Wholes() []card { return nestParts(v.Cards, v.inds) }

// nestParts moves the cards of part indicators (a GRDP sector, a source of
// revenue) under the card of their whole, in the order they came, so that
// a page shows "GRDP … of which: agriculture +3,05%, services +7,44%". A
// part whose whole has no card of its own keeps its card.
func nestParts(cards []card, inds map[string]storage.Indicator) []card {
	at := map[string]int{}
	for i, c := range cards {
		at[c.Code] = i
	}
	out := make([]card, 0, len(cards))
	parts := map[string][]card{}
	for _, c := range cards {
		whole := indicatorOf(inds, c.Code).PartOf
		if _, ok := at[whole]; ok && whole != "" {
			parts[whole] = append(parts[whole], c)
			continue
		}
		out = append(out, c)
	}
	for i := range out {
		out[i].Parts = parts[out[i].Code]
	}
	return out
}
