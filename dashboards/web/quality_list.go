package web

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/plantrack/plantrack/storage"
)

// flagsPerPage is how many flags one page of /quality lists.
const flagsPerPage = 50

// flagChip is one kind of flag with its count, linking to the list
// filtered on it.
type flagChip struct {
	Code, Word, URL string
	Count           int
	Current         bool
}

// pager is the page links of a long list.
type pager struct {
	Page, Pages      int
	PrevURL, NextURL string
	From, To         int // the rows shown, 1-based
}

// flagKinds orders the kinds of flag: the SPEC's order for the known ones,
// then any other by code.
func flagKinds() []string {
	return []string{storage.FlagPlanPercentMismatch, storage.FlagYTDDecrease, storage.FlagYoYMismatch,
		storage.FlagChildrenSumMismatch, storage.FlagOutlier, storage.FlagPartsMismatch, storage.FlagMissingPeriod,
		storage.FlagChildrenRange}
}

// addFlags counts the flags by kind (chips that filter), keeps those of
// the chosen kind, sorts them by period (newest first unless ?sort=oldest,
// then by unit and indicator) and lists one page of them.
func (v *qualityView) addFlags(q *request, flags []storage.Flag, byCode map[string]storage.Unit, inds map[string]storage.Indicator) error {
	L := v.L
	link := func(kv ...string) string {
		base := []string{"unit", v.Unit, "year", v.Year, "flag", v.Flag, "sort", v.Sort, "page", ""}
		for i := 0; i+1 < len(kv); i += 2 {
			for j := 0; j+1 < len(base); j += 2 {
				if base[j] == kv[i] {
					base[j+1] = kv[i+1]
				}
			}
		}
		return L.Link("/quality", base...)
	}
	for i := range flags {
		flags[i].Explanation = L.flagText(flags[i]) // the downloads carry the page's sentence too
	}
	v.chips(flags, link)
	for _, f := range flags {
		if v.Flag == "" || f.Code == v.Flag {
			v.all = append(v.all, f)
		}
	}
	if v.Sort != "oldest" {
		v.Sort = ""
	}
	slices.SortStableFunc(v.all, func(a, b storage.Flag) int {
		c := cmp.Compare(b.Period.EndMonth(), a.Period.EndMonth())
		if v.Sort == "oldest" {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Indicator, b.Indicator))
	})
	v.SortURL = link("sort", "oldest")
	if v.Sort == "oldest" {
		v.SortURL = link("sort", "")
	}
	v.Total = len(v.all)
	if err := v.page(q, link); err != nil {
		return err
	}
	for _, f := range v.all[v.Pager.From-1 : v.Pager.To] {
		u := byCode[f.Unit]
		v.Synthetic = v.Synthetic || u.Synthetic
		row := flagRow{Flag: f, Kind: L.TOr("flag."+f.Code, f.Code), Text: f.Explanation, UnitName: u.Name(L.Lang),
			IndName: indicatorOf(inds, f.Indicator).Name(L.Lang), Period: L.Period(f.Period),
			URL: L.Link(IndicatorPath(f.Unit, f.Indicator), "period", rawPeriod(f.Period))}
		for _, k := range sortedKeys(f.Figures) {
			row.Figures = append(row.Figures, L.figureOf(k, f.Figures[k]))
		}
		v.Rows = append(v.Rows, row)
	}
	return nil
}

// chips counts the flags by kind, each chip a link filtering on its kind.
func (v *qualityView) chips(flags []storage.Flag, link func(...string) string) {
	counts := map[string]int{}
	for _, f := range flags {
		counts[f.Code]++
	}
	codes := flagKinds()
	var other []string
	for c := range counts {
		if !slices.Contains(codes, c) {
			other = append(other, c)
		}
	}
	slices.Sort(other)
	for _, code := range append(codes, other...) {
		if counts[code] > 0 {
			v.Kinds = append(v.Kinds, flagChip{Code: code, Word: v.L.TOr("flag."+code, code), Count: counts[code],
				URL: link("flag", code, "page", ""), Current: code == v.Flag})
		}
	}
	v.AllKinds = flagChip{Word: v.L.T("quality.allkinds"), Count: len(flags), URL: link("flag", ""), Current: v.Flag == ""}
}

// page reads ?page= and sets the pager; a page beyond the last is an error.
func (v *qualityView) page(q *request, link func(...string) string) error {
	page := 1
	if s := q.query("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return badRequest("page %q is not a page number: use 1, 2, 3…", s)
		}
		page = n
	}
	pages := max(1, (v.Total+flagsPerPage-1)/flagsPerPage)
	if page > pages {
		return storage.Errorf(storage.CodeNotFound, "page %d does not exist: the list has %d pages", page, pages)
	}
	v.Pager = pager{Page: page, Pages: pages, From: (page-1)*flagsPerPage + 1, To: min(v.Total, page*flagsPerPage)}
	if v.Total == 0 {
		v.Pager.From = 1
	}
	if page > 1 {
		v.Pager.PrevURL = link("page", strconv.Itoa(page-1))
	}
	if page < pages {
		v.Pager.NextURL = link("page", strconv.Itoa(page+1))
	}
	return nil
}
