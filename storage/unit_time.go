package storage

import (
	"slices"
	"sort"
	"time"
)

// ParentSpan is one parent of a unit and the day it took effect; From ""
// means since the unit began.
type ParentSpan struct {
	Parent string `json:"parent"`
	From   string `json:"from,omitempty"`
}

// Predecessor is a unit whose territory a unit took over, and the day it did.
type Predecessor struct {
	Unit string `json:"unit"`
	Date string `json:"date"`
}

// ValidOn reports whether the unit exists on date (YYYY-MM-DD): on or after
// its ValidFrom and on or before its ValidTo, either open when empty.
func (u Unit) ValidOn(date string) bool {
	return (u.ValidFrom == "" || u.ValidFrom <= date) && (u.ValidTo == "" || date <= u.ValidTo)
}

// Retired reports whether the unit's last day lies before date.
func (u Unit) Retired(date string) bool { return u.ValidTo != "" && u.ValidTo < date }

// ParentOn returns the parent in force on date: the parent of the latest
// span starting on or before it ("" for none). A unit with only a plain
// Parent has it on every date.
func (u Unit) ParentOn(date string) string {
	if len(u.Parents) == 0 {
		return u.Parent
	}
	out := ""
	for _, s := range u.Parents {
		if s.From <= date {
			out = s.Parent
		}
	}
	return out
}

// spans returns the unit's parents as spans, ordered by From: Parents, or
// the plain Parent as one span since the beginning.
func (u Unit) spans() []ParentSpan {
	if len(u.Parents) > 0 {
		return u.Parents
	}
	if u.Parent != "" {
		return []ParentSpan{{Parent: u.Parent}}
	}
	return nil
}

// sameUnit reports whether two units carry the same stored attributes.
func sameUnit(a, b Unit) bool {
	return a.Code == b.Code && a.NameVI == b.NameVI && a.NameEN == b.NameEN && a.Parent == b.Parent &&
		a.Synthetic == b.Synthetic && a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo &&
		slices.Equal(a.spans(), b.spans()) && slices.Equal(a.Predecessors, b.Predecessors)
}

// normalizeUnitTime orders parents by day (predecessors keep their given
// order) and makes Parent the
// latest span's parent; Parents stays empty when a single undated span says
// no more than Parent does. The caller has validated the unit.
func normalizeUnitTime(u Unit) Unit {
	if len(u.Parents) > 0 {
		ps := slices.Clone(u.Parents)
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].From < ps[j].From })
		u.Parents = ps
		u.Parent = ps[len(ps)-1].Parent
		if len(ps) == 1 && ps[0].From == "" {
			u.Parents = nil
		}
	}
	return u
}

// validateUnitTime checks the unit's dates, parents and predecessors on
// their own (whether the units they name exist is the writer's check): every
// date is YYYY-MM-DD, valid_from is not after valid_to, parent spans start
// on distinct days (only the first may be undated) and agree with a plain
// parent, and no unit is its own parent or predecessor.
func validateUnitTime(u Unit) error {
	for _, d := range []struct{ field, v string }{{"valid_from", u.ValidFrom}, {"valid_to", u.ValidTo}} {
		if d.v != "" && !isDate(d.v) {
			return invalidField(d.field, d.v, "a date is YYYY-MM-DD")
		}
	}
	if u.ValidFrom != "" && u.ValidTo != "" && u.ValidTo < u.ValidFrom {
		return invalidField("valid_to", u.ValidTo, "valid_to is before valid_from %s", u.ValidFrom)
	}
	seen := map[string]bool{}
	for _, s := range u.Parents {
		switch {
		case s.From != "" && !isDate(s.From):
			return invalidField("parents", s.From, "a parent's from date is YYYY-MM-DD")
		case seen[s.From]:
			return invalidField("parents", s.From, "two parents take effect on the same day; keep one")
		case s.Parent == "":
			return invalidField("parents", s.From, "each entry of parents names a parent")
		case s.Parent == u.Code:
			return invalidField("parents", s.Parent, "a unit cannot be its own parent")
		}
		seen[s.From] = true
	}
	if n := len(u.Parents); n > 0 && u.Parent != "" && u.Parent != normalizeUnitTime(u).Parent {
		return invalidField("parent", u.Parent, "parent differs from the latest of parents; give one or make them agree")
	}
	preds := map[string]bool{}
	for _, p := range u.Predecessors {
		switch {
		case !isDate(p.Date):
			return invalidField("predecessors", p.Date, "each predecessor has a date YYYY-MM-DD (the day its territory passed)")
		case p.Unit == u.Code:
			return invalidField("predecessors", p.Unit, "a unit cannot be its own predecessor")
		case preds[p.Unit]:
			return invalidField("predecessors", p.Unit, "predecessor given twice; keep one")
		}
		preds[p.Unit] = true
	}
	return nil
}

func isDate(s string) bool {
	t, err := time.Parse(DateLayout, s)
	return err == nil && t.Format(DateLayout) == s
}

// periodEndDate is the last day of a period, YYYY-MM-DD: the day whose tree
// of units a comparison or a children sum of that period uses.
func periodEndDate(p Period) string {
	return time.Date(p.Year, time.Month(p.Last)+1, 0, 0, 0, 0, 0, time.UTC).Format(DateLayout)
}

// Today is the date in Vietnam, YYYY-MM-DD: the day whose tree "current"
// means.
func Today() string { return today() }

// ValidUnits returns the units valid on date, in their order.
func ValidUnits(us []Unit, date string) []Unit {
	out := make([]Unit, 0, len(us))
	for _, u := range us {
		if u.ValidOn(date) {
			out = append(out, u)
		}
	}
	return out
}
