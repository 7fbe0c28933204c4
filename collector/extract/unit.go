package extract

import (
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// unitFromText returns the code of the one unit of units the text names
// ("Cần Thơ", "thành phố Cần Thơ", "Can Tho"), or "" when it names none or
// several, so that the reviewer decides.
func unitFromText(fs string, units []storage.Unit) string {
	found := ""
	for _, u := range units {
		for _, name := range []string{u.NameVI, u.NameEN} {
			n := unitCore(name)
			if len(n) < 3 || !hasWord(fs, n) {
				continue
			}
			if found != "" && found != u.Code {
				return ""
			}
			found = u.Code
		}
	}
	return found
}

// unitCore folds a unit name and drops its administrative prefix
// ("tỉnh", "thành phố", "huyện", "province", "city").
func unitCore(name string) string {
	n := strings.TrimSpace(fold(name).s)
	for _, p := range []string{"thanh pho ", "tp. ", "tp ", "tinh ", "huyen ", "quan ", "thi xa ", "xa ", "phuong ", "dang bo ", "city of ", "province of "} {
		n = strings.TrimPrefix(n, p)
	}
	for _, s := range []string{" province", " city", " district"} {
		n = strings.TrimSuffix(n, s)
	}
	return n
}

// hasWord reports whether phrase occurs in fs at word boundaries.
func hasWord(fs, phrase string) bool {
	for from := 0; from < len(fs); {
		i := strings.Index(fs[from:], phrase)
		if i < 0 {
			return false
		}
		s, e := from+i, from+i+len(phrase)
		if (s == 0 || !letter(fs[s-1])) && (e == len(fs) || !letter(fs[e])) {
			return true
		}
		from = s + 1
	}
	return false
}
