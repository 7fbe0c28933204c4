package extract

import (
	"sort"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// other is the indicator code of a figure outside the catalog.
const other = "other"

// catalogPhrases lists, per catalog indicator, the folded Vietnamese and
// English phrases that name it in prose (besides its catalog names). A
// phrase ending in '*' matches any word it begins.
func catalogPhrases() map[string][]string {
	return map[string][]string{
		"grdp": {"tong san pham tren dia ban", "tong san pham dia phuong", "tong san pham trong tinh", "tong gia tri san pham", "tong san pham",
			"grdp", "gross regional domestic product", "tang truong kinh te", "toc do tang truong kinh te", "economic growth", "gdp", "regional gdp", "economy", "nen kinh te", "quy mo nen kinh te", "quy mo kinh te"},
		"industrial_production_index": {"chi so san xuat cong nghiep", "chi so san xuat toan nganh cong nghiep", "chi so phat trien cong nghiep",
			"chi so iip", "iip", "san xuat cong nghiep", "industrial production index", "index of industrial production", "industrial production", "industrial output"},
		"retail_sales": {"tong muc ban le hang hoa va doanh thu dich vu tieu dung", "tong muc ban le hang hoa va doanh thu dich vu",
			"tong muc ban le", "ban le hang hoa", "tong muc luu chuyen hang hoa ban le", "retail sales", "total retail", "retail revenue", "retail and service revenue"},
		"exports": {"kim ngach xuat khau", "gia tri xuat khau", "xuat khau hang hoa", "xuat khau", "export turnover", "export value", "export revenue", "exports", "export"},
		"imports": {"kim ngach nhap khau", "gia tri nhap khau", "nhap khau", "import turnover", "import value", "imports", "import"},
		"budget_revenue": {"thu ngan sach", "thu nsnn", "thu ngan sach nha nuoc", "budget revenue*", "state budget revenue*", "budget collection*",
			"revenue collection*", "state budget collection*", "state revenue*", "collected"},
		"budget_expenditure": {"chi ngan sach", "chi nsdp", "chi nsnn", "budget expenditure*", "budget spending", "state budget spending", "spending", "spent"},
		"investment": {"tong von dau tu toan xa hoi", "von dau tu toan xa hoi", "von dau tu phat trien toan xa hoi", "tong von dau tu phat trien",
			"von dau tu phat trien", "von dau tu thuc hien tren dia ban", "tong von dau tu tren dia ban", "tong von dau tu thuc hien", "total social investment", "total investment capital", "social investment", "total investment", "development investment"},
		"public_investment_disbursement": {"giai ngan von dau tu cong", "giai ngan dau tu cong", "giai ngan ke hoach von dau tu cong", "giai ngan",
			"public investment disbursement", "disbursement of public investment", "public investment disbursed", "disbursed", "disbursement", "public investment"},
		"fdi": {"von dau tu truc tiep nuoc ngoai", "dau tu truc tiep nuoc ngoai", "dau tu nuoc ngoai", "fdi", "foreign direct investment", "foreign investment"},
		"tourism_revenue": {"doanh thu du lich", "doanh thu tu du lich", "tong thu tu du lich", "tong thu du lich", "thu tu du lich", "doanh thu tu hoat dong du lich", "tong thu tu khach du lich", "doanh thu tu khach du lich",
			"tourism revenue*", "revenue from tourism", "tourism receipts", "tourism earnings", "tourism income"},
		"tourist_arrivals": {"luong khach", "khach tham quan", "du khach", "luot du khach", "luot khach du lich", "khach du lich", "tong luot khach", "luot khach", "tourist arrivals", "tourists", "visitors", "visitor arrivals", "arrivals", "holidaymakers"},
		"agricultural_output": {"gia tri san xuat nong, lam, thuy san", "gia tri san xuat nong, lam nghiep va thuy san", "gia tri san xuat nong lam thuy san",
			"gia tri san xuat nong nghiep", "gia tri san xuat nganh nong nghiep", "gia tri san xuat nong, lam nghiep, thuy san",
			"agriculture, forestry and fishery output", "agricultural, forestry and fishery output", "agricultural output", "agricultural production value", "farm output"},
		"rice_output":         {"san luong lua", "san luong thoc", "rice output", "rice production", "paddy output"},
		"new_enterprises":     {"doanh nghiep thanh lap moi", "doanh nghiep dang ky thanh lap moi", "doanh nghiep moi", "thanh lap moi", "dang ky thanh lap", "newly established enterprises", "newly-established enterprises", "new enterprises", "new businesses", "newly registered enterprises", "new firms", "newly established", "newly registered"},
		"jobs_created":        {"giai quyet viec lam", "tao viec lam", "viec lam moi", "jobs created", "new jobs", "created jobs", "jobs", "employment for"},
		"vocational_trainees": {"dao tao nghe", "vocational training", "vocational trainees", "vocationally trained"},
		"cpi":                 {"chi so gia tieu dung", "cpi", "consumer price index", "consumer prices"},
		"poverty_rate":        {"ty le ho ngheo", "ty le ngheo", "poverty rate", "rate of poor households", "poor household rate", "ho ngheo"},
		"health_insurance_coverage": {"ty le bao phu bao hiem y te", "bao phu bao hiem y te", "ty le tham gia bao hiem y te", "ty le nguoi dan tham gia bao hiem y te",
			"bao hiem y te", "bhyt", "health insurance coverage", "health insurance"},
		"urbanization_rate":  {"ty le do thi hoa", "do thi hoa", "urbanisation rate", "urbanization rate", "urbanisation", "urbanization"},
		"credit_outstanding": {"du no tin dung", "tong du no", "du no cho vay", "outstanding credit", "outstanding loans", "credit outstanding", "total outstanding"},
		"traffic_accidents":  {"tai nan giao thong", "vu tai nan", "traffic accidents", "road accidents", "traffic accident"},
		"traffic_deaths":     {"lam chet", "nguoi chet", "so nguoi chet", "chet", "tu vong", "lam tu vong", "killing", "killed", "deaths", "fatalities", "died"},
		"new_party_members":  {"ket nap dang vien moi", "ket nap moi", "ket nap", "dang vien moi", "new party members", "new members", "admitted", "admission of", "admitting", "admit"},
		"cadres_assigned": {"dieu dong, bo nhiem, bo nhiem lai, phan cong", "dieu dong", "bo nhiem lai", "bo nhiem", "phan cong", "luan chuyen",
			"appointed", "reappointed", "transferred", "assigned", "rotated", "appointment*"},
		"midterm_reviews_held":  {"so ket giua nhiem ky", "hoi nghi so ket giua nhiem ky", "so ket giua ky", "mid-term review*", "midterm review*"},
		"party_cells_inspected": {"kiem tra, giam sat", "kiem tra", "giam sat", "inspected", "inspection*", "supervised"},
	}
}

// sharedPhrases name several indicators at once; the unit of the number
// decides which ("kỷ luật 1 tổ chức đảng và 50 đảng viên").
func sharedPhrases() map[string][]string {
	return map[string][]string{
		"thi hanh ky luat": {"party_members_disciplined", "party_orgs_disciplined"},
		"ky luat":          {"party_members_disciplined", "party_orgs_disciplined"},
		"disciplin*":       {"party_members_disciplined", "party_orgs_disciplined"},
	}
}

// otherPhrases name figures outside the catalog that sit next to catalog
// ones and must not be read as them.
func otherPhrases() []string {
	return []string{"gia tri san xuat cong nghiep", "gia tri san xuat toan nganh cong nghiep", "kim ngach xuat nhap khau", "tong kim ngach xuat nhap khau", "xuat nhap khau",
		"thu tu dau tho", "von dang ky", "tong von dang ky", "von dieu le", "xuat khau lao dong", "giai ngan von oda", "von oda",
		"gia tri san xuat", "san luong thuy san", "doanh thu", "tong doanh thu", "industrial production value", "industrial output value", "registered capital",
		"trade turnover", "import-export", "export-import", "total trade", "labour export", "labor export", "san luong", "von dau tu",
		"investment capital"}
}

// ignored marks phrases whose numbers are never figures: per-head
// averages, incomes.
const ignored = "-"

// ignoredPhrases name averages per head, whose amounts are not totals.
func ignoredPhrases() []string {
	return []string{"binh quan dau nguoi", "thu nhap binh quan", "average income", "gdp per capita", "grdp per capita", "grdp binh quan dau nguoi",
		"gdp binh quan dau nguoi", "per capita", "income per capita", "thu nhap dau nguoi",
		"gdp ca nuoc", "gdp cua ca nuoc", "tang truong kinh te ca nuoc", "national gdp", "the country's gdp", "vietnam's gdp", "viet nam's gdp",
		"kinh te tu nhan", "kinh te so", "digital economy", "private economy", "private sector", "state economy", "kinh te nha nuoc"}
}

// phrase is one phrase to find and the indicators it names.
type phrase struct {
	text   string
	codes  []string
	prefix bool
	weak   bool // names a part only beside its whole (see keepWeak)
}

// mention is a phrase found in the text.
type mention struct {
	s, e  int
	codes []string // one code, several (decided by the unit), or {"other"}
	name  string   // set when the indicator is carried over from the previous clause
	weak  bool     // from a weak phrase: kept only beside the whole it is a part of
}

// phrasesFor builds the phrase list: the catalog's extra phrases, every
// indicator's own names (catalog and user-defined), shared and other phrases.
func phrasesFor(inds []storage.Indicator) []phrase {
	var out []phrase
	add := func(p string, codes ...string) {
		if aSCII(p) {
			p = strings.TrimSpace(strings.ToLower(p))
		} else {
			p = strings.TrimSpace(fold(p).s)
		}
		if len(p) < 2 {
			return
		}
		out = append(out, phrase{text: strings.TrimSuffix(p, "*"), codes: codes, prefix: strings.HasSuffix(p, "*")})
	}
	extra := catalogPhrases()
	for code, ps := range partPhrases() {
		extra[code] = ps
	}
	for _, ind := range inds {
		for _, p := range extra[ind.Code] {
			add(p, ind.Code)
		}
		for _, name := range []string{ind.NameVI, ind.NameEN} {
			base, abbr, _ := strings.Cut(name, "(")
			add(base, ind.Code)
			if abbr = strings.TrimSuffix(strings.TrimSpace(abbr), ")"); len(abbr) >= 3 && !strings.Contains(abbr, " ") {
				add(abbr, ind.Code)
			}
		}
	}
	for p, codes := range sharedPhrases() {
		add(p, codes...)
	}
	for _, p := range otherPhrases() {
		add(p, other)
	}
	for _, p := range ignoredPhrases() {
		add(p, ignored)
	}
	for _, p := range notIndicatorPhrases() {
		add(p, notIndicator)
	}
	for code, ps := range weakPartPhrases() {
		for _, p := range ps {
			add(p, code)
			out[len(out)-1].weak = true
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].text) > len(out[j].text) })
	return out
}

// findMentions finds the phrases in fs at word boundaries; of overlapping
// matches the earliest, then the longest, wins.
func findMentions(fs string, phrases []phrase) []mention {
	var all []mention
	for _, p := range phrases {
		for from := 0; from < len(fs); {
			i := strings.Index(fs[from:], p.text)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(p.text)
			from = s + 1
			if p.prefix {
				for e < len(fs) && letter(fs[e]) {
					e++
				}
			}
			if s > 0 && (letter(fs[s-1]) || digit(fs[s-1])) || e < len(fs) && (letter(fs[e]) || digit(fs[e])) {
				continue
			}
			all = append(all, mention{s: s, e: e, codes: p.codes, weak: p.weak})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s < all[j].s
		}
		return all[i].e > all[j].e
	})
	var out []mention
	end := -1
	for _, m := range all {
		if m.s >= end {
			end = m.e
			if m.codes[0] != notIndicator {
				out = append(out, m)
			}
		}
	}
	return out
}

func aSCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
