package extract

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// num is one written number in the folded text.
type num struct {
	s, e int // folded byte span of the digits
	v    float64
	dec  int  // digits written after the decimal separator
	grp3 bool // one comma then three digits, read as a decimal ("1,452" in Vietnamese)
}

// scanNumbers finds the numbers of the folded text fs. Digits glued to
// letters (h1, covid-19, q2) are not numbers. vi says how separators are read.
func scanNumbers(fs string, vi bool) []num {
	var out []num
	for i := 0; i < len(fs); {
		if !digit(fs[i]) {
			i++
			continue
		}
		j := i
		for j < len(fs) && (digit(fs[j]) || ((fs[j] == '.' || fs[j] == ',') && j+1 < len(fs) && digit(fs[j+1]))) {
			j++
		}
		currency := strings.HasSuffix(fs[:i], "vnd") || strings.HasSuffix(fs[:i], "usd")
		glued := i > 0 && letter(fs[i-1]) && !currency || i > 1 && fs[i-1] == '-' && letter(fs[i-2]) ||
			j < len(fs) && letter(fs[j]) && !unitGlue(fs[j:])
		if !glued && j-i <= 24 {
			if v, dec, ok := parseNumber(fs[i:j], vi); ok {
				g3 := dec == 3 && strings.Count(fs[i:j], ",") == 1 && !strings.Contains(fs[i:j], ".")
				out = append(out, num{s: i, e: j, v: v, dec: dec, grp3: g3})
			}
		}
		i = j
	}
	return wordNumbers(fs, out)
}

// wordNumbers adds numbers written as words when a counted noun or "out
// of" follows ("one Party organisation", "seven out of 16", "một tổ chức
// đảng"), keeping the list in text order.
func wordNumbers(fs string, nums []num) []num {
	words := []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	vi := map[string]float64{"mot": 1, "hai": 2, "ba": 3, "bon": 4, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
	val := map[string]float64{}
	for i, w := range words {
		val[w] = float64(i + 1)
	}
	for w, v := range vi {
		val[w] = v
	}
	const nouns = " party org| party mem| party com| party cel| out of | to chuc dang| dang vien| dang bo| chi bo| doanh nghiep| enterprise| new party"
	var add []num
	for w, v := range val {
		for from := 0; ; {
			i := strings.Index(fs[from:], w)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(w)
			from = e
			if s > 0 && letter(fs[s-1]) || e < len(fs) && letter(fs[e]) || !nounFollows(fs[e:], nouns) {
				continue
			}
			add = append(add, num{s: s, e: e, v: v})
		}
	}
	if len(add) == 0 {
		return nums
	}
	nums = append(nums, add...)
	sort.Slice(nums, func(a, b int) bool { return nums[a].s < nums[b].s })
	return nums
}

func nounFollows(rest, nouns string) bool {
	for _, n := range strings.Split(nouns, "|") {
		if strings.HasPrefix(rest, n) {
			return true
		}
	}
	return false
}

// unitGlue reports whether letters glued to a number are a unit ("942m", "5bn", "1.8-fold" is not glued).
func unitGlue(rest string) bool {
	for _, u := range []string{"bn", "tn", "mn", "m ", "m,", "m.", "ty", "ti"} {
		if strings.HasPrefix(rest, u) {
			return true
		}
	}
	return rest == "m"
}

func digit(c byte) bool  { return c >= '0' && c <= '9' }
func letter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 0x80 }

// parseNumber reads a number written in Vietnamese (28.478 / 7,43) or
// English (28,478 / 7.43) style, returning its value and written decimals.
func parseNumber(t string, vi bool) (float64, int, bool) {
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	group, dec := byte(','), byte('.')
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndexByte(t, ',') > strings.LastIndexByte(t, '.') {
			group, dec = '.', ','
		}
	case dots > 1:
		group, dec = '.', ','
	case commas > 1:
		group, dec = ',', '.'
	case dots == 1:
		if vi && groupOf3(t, '.') {
			group, dec = '.', ','
		}
	case commas == 1:
		if vi || !groupOf3(t, ',') {
			group, dec = '.', ','
		}
	}
	var b strings.Builder
	decimals := -1
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == group:
			if decimals >= 0 {
				return 0, 0, false
			}
		case c == dec:
			if decimals >= 0 {
				return 0, 0, false
			}
			decimals = 0
			b.WriteByte('.')
		default:
			if decimals >= 0 {
				decimals++
			}
			b.WriteByte(c)
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, 0, false
	}
	return v, max(decimals, 0), true
}

// groupOf3 reports whether the single separator sep is followed by exactly three digits.
func groupOf3(t string, sep byte) bool {
	i := strings.IndexByte(t, sep)
	return i > 0 && len(t)-i-1 == 3
}

// unit is one way of writing a unit after (or a currency before) a number.
type unit struct {
	re     *regexp.Regexp
	family string  // vnd, usd, persons, visits, units, tonnes, cases, households, hectares; "" = a bare multiplier
	mult   float64 // into the family's measure (billion_vnd, million_usd, or a count)
}

// familyMeasure is the indicator measure each unit family converts to.
func familyMeasure(family string) string {
	switch family {
	case "vnd":
		return "billion_vnd"
	case "usd":
		return "million_usd"
	}
	return family
}

// units lists the units written after a number, longest first.
func units() []unit {
	const (
		usd   = `(?:usd|us\$|\$|do la(?: my)?|dola|us dollars|dollars)`
		vnd   = `(?:dong|vnd|vnđ|d\b)`
		bil   = `(?:t[iy]|billion|bln|bn)`
		nouns = `(?:(?:nghin|ngan|trieu|thousand|million) )?(?:new |newly[- ]established |newly[- ]registered |affiliated |grassroots |more |other |foreign |international |domestic |local )?`
	)
	rows := []struct {
		pat    string
		family string
		mult   float64
	}{
		{`(?:nghin|ngan) t[iy](?: ` + vnd + `)?`, "vnd", 1e3},
		{`(?:trillion|tn) ` + vnd, "vnd", 1e3},
		{bil + ` ` + usd, "usd", 1e3},
		{bil + ` ` + vnd, "vnd", 1},
		{`(?:trieu|million|mln|mn) ` + usd, "usd", 1},
		{`(?:trieu|million|mln) ` + vnd, "vnd", 1e-3},
		{`(?:nghin|ngan|thousand) ` + usd, "usd", 1e-3},
		{`(?:nghin|ngan) ` + vnd, "vnd", 1e-6},
		{`t[iy]\b`, "vnd", 1},
		{usd + `\b`, "usd", 1e-6},
		{`(?:dong|vnd)\b`, "vnd", 1e-9},
		{nouns + `(?:dang vien|nguoi|lao dong|can bo|hoc vien|hoc sinh|cong nhan|(?:new )?party members?|members?|people|persons?|workers?|labou?rers?|trainees?|cadres?|officials?|officers?|employees?)\b`, "persons", 1},
		{nouns + `(?:luot khach|luot nguoi|luot|khach|tourist arrivals|visitor arrivals|arrivals|visitors?|tourists?|visits|holidaymakers|guests)\b`, "visits", 1},
		{nouns + `(?:doanh nghiep|to chuc co so dang|to chuc dang|to chuc|dang bo|chi bo|co so dang|hop tac xa|du an|enterprises?|business(?:es)?|firms?|compan(?:y|ies)|party organi[sz]ations?|organi[sz]ations?|party committees?|party cells?|cells?|projects?|cooperatives?)\b`, "units", 1},
		{nouns + `(?:tan|tonnes|tons|tonne)\b`, "tonnes", 1},
		{nouns + `(?:vu|cases?|(?:traffic |road )?accidents?)\b`, "cases", 1},
		{nouns + `(?:ho|households?)\b`, "households", 1},
		{nouns + `(?:ha|hecta|hectares)\b`, "hectares", 1},
	}
	out := make([]unit, 0, len(rows)+4)
	for _, r := range rows {
		out = append(out, unit{regexp.MustCompile(`^ ?(?:` + r.pat + `)`), r.family, r.mult})
	}
	for _, m := range []struct {
		pat  string
		mult float64
	}{{`nghin|ngan|thousand`, 1e3}, {`trieu|million`, 1e6}} {
		out = append(out, unit{regexp.MustCompile(`^ ?(?:` + m.pat + `)\b`), "", m.mult})
	}
	return out
}

// prefixCurrency matches a currency written before the number (VND12,345
// billion, USD 942 million, $5m) and the multiplier after it.
func prefixCurrency(fs string, n num) (family string, mult float64, s, e int, ok bool) {
	left := strings.TrimSuffix(fs[max(0, n.s-5):n.s], " ")
	for _, c := range []struct{ cur, family string }{{"vnd", "vnd"}, {"usd", "usd"}, {"us$", "usd"}, {"$", "usd"}} {
		if strings.HasSuffix(left, c.cur) {
			family, s = c.family, n.s-(n.s-max(0, n.s-5)-len(left))-len(c.cur)
			break
		}
	}
	if family == "" || s > 0 && letter(fs[s-1]) {
		return "", 0, 0, 0, false
	}
	rest := fs[n.e:min(len(fs), n.e+12)]
	word, mult := "", 1.0
	for _, w := range []struct {
		w   string
		vnd float64
		usd float64
	}{{"trillion", 1e3, 1e6}, {"tn", 1e3, 1e6}, {"billion", 1, 1e3}, {"bln", 1, 1e3}, {"bn", 1, 1e3}, {"million", 1e-3, 1}, {"mln", 1e-3, 1}, {"mn", 1e-3, 1}, {"m", 1e-3, 1}, {"thousand", 1e-6, 1e-3}} {
		t := strings.TrimPrefix(rest, " ")
		if strings.HasPrefix(t, w.w) && (len(t) == len(w.w) || !letter(t[len(w.w)])) {
			word = rest[:len(rest)-len(t)+len(w.w)]
			mult = w.usd
			if family == "vnd" {
				mult = w.vnd
			}
			break
		}
	}
	if word == "" {
		mult = 1e-6
		if family == "vnd" {
			mult = 1e-9
		}
	}
	return family, mult, s, n.e + len(word), true
}
