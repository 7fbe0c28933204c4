package extract

import "strings"

// notIndicator marks phrases that look like an indicator's name but are
// not ("the estimate assigned by": no cadre was assigned).
const notIndicator = "~"

// notIndicatorPhrases are dropped wherever they are found, so that the
// shorter phrase inside them names nothing.
func notIndicatorPhrases() []string {
	return []string{"estimate assigned", "plan assigned", "target assigned", "capital plan assigned", "assigned by", "approved by",
		"kinh te tang truong", "chi tieu giao"}
}

// partPhrases name the part indicators of the catalog unambiguously.
func partPhrases() map[string][]string {
	return map[string][]string{
		"grdp_agriculture": {"khu vuc nong, lam nghiep va thuy san", "khu vuc nong, lam nghiep, thuy san", "khu vuc nong, lam, thuy san",
			"khu vuc nong lam thuy san", "khu vuc nong nghiep", "khu vuc i",
			"agriculture, forestry and fishery sector", "agriculture, forestry and fisheries sector", "agricultural sector", "agriculture sector", "farm sector"},
		"grdp_industry_construction": {"khu vuc cong nghiep - xay dung", "khu vuc cong nghiep va xay dung", "khu vuc cong nghiep, xay dung", "khu vuc ii",
			"industry and construction sector", "industrial and construction sector", "industry-construction sector"},
		"grdp_services":      {"khu vuc dich vu", "khu vuc iii", "services sector", "service sector"},
		"grdp_product_taxes": {"thue san pham tru tro cap san pham", "thue san pham tru tro cap", "thue san pham", "product taxes less subsidies", "product taxes", "taxes on products"},
		"budget_revenue_domestic": {"thu noi dia", "thu ngan sach noi dia", "nguon thu noi dia", "domestic revenue*", "domestic revenues",
			"revenue from domestic sources", "domestic collection*"},
		"budget_revenue_import_export": {"thu tu hoat dong xuat nhap khau", "thu tu xuat nhap khau", "thu xuat nhap khau", "thu thue xuat nhap khau", "thu hai quan",
			"revenue from import and export*", "revenue from import-export*", "import and export revenue*", "import-export revenue*", "import-export duties", "customs revenue*"},
		"budget_revenue_land_use": {"thu tien su dung dat", "tien su dung dat", "land use fees", "land-use fees", "land use levies", "land use fee*",
			"revenue from land use*", "land-use levies"},
		"budget_expenditure_development": {"chi dau tu phat trien", "chi dau tu xay dung co ban", "development investment spending", "development investment expenditure*",
			"development spending", "development expenditure*", "spending on development investment"},
		"budget_expenditure_recurrent": {"chi thuong xuyen", "recurrent spending", "recurrent expenditure*", "regular spending", "regular expenditure*"},
	}
}

// weakPartPhrases name a part only beside its whole: "dịch vụ" is the
// services sector after "GRDP tăng …" but not in "bán lẻ hàng hóa và dịch vụ".
func weakPartPhrases() map[string][]string {
	return map[string][]string{
		"grdp_agriculture":           {"nong, lam nghiep va thuy san", "nong, lam nghiep, thuy san", "nong, lam, thuy san", "nong lam thuy san", "nong nghiep", "agriculture, forestry and fishery", "agriculture, forestry and fisheries", "agriculture"},
		"grdp_industry_construction": {"cong nghiep - xay dung", "cong nghiep va xay dung", "cong nghiep, xay dung", "industry and construction", "industry-construction"},
		"grdp_services":              {"dich vu", "nganh dich vu", "services"},
	}
}

// keepWeak drops the weak part mentions whose sentence names neither
// their whole nor another part of it by a strong phrase, and those joined
// by "và"/"and" to another indicator's name ("xuất khẩu và dịch vụ").
func (e *Extractor) keepWeak(fs string, ms []mention) []mention {
	out := ms[:0:0]
	for i, m := range ms {
		if !m.weak || e.besideWhole(fs, ms, i) {
			out = append(out, m)
		}
	}
	return out
}

func (e *Extractor) besideWhole(fs string, ms []mention, i int) bool {
	whole := e.inds[ms[i].codes[0]].PartOf
	if i > 0 {
		p := ms[i-1]
		gap := strings.TrimSpace(fs[p.e:ms[i].s])
		if (gap == "va" || gap == "and" || gap == "hang hoa va" || gap == "of goods and") && p.codes[0] != whole && e.inds[p.codes[0]].PartOf != whole {
			return false
		}
	}
	from := sentenceStart(fs, ms[i].s)
	to := len(fs)
	if j := strings.Index(fs[ms[i].e:], ". "); j >= 0 {
		to = ms[i].e + j
	}
	for j, o := range ms {
		if j == i || o.weak || o.s < from || o.s > to {
			continue
		}
		if c := o.codes[0]; c == whole || e.inds[c].PartOf == whole {
			return true
		}
	}
	return false
}

// sentenceStart is where the sentence holding byte at starts.
func sentenceStart(fs string, at int) int {
	if at <= 0 {
		return 0
	}
	at = min(at, len(fs))
	s := strings.LastIndex(fs[:at], "\n") + 1
	if i := strings.LastIndex(fs[:at], ". "); i >= 0 {
		s = max(s, i+2)
	}
	return s
}
