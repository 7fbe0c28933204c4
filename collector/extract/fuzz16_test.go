package extract

import (
	"math"
	"regexp"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// FuzzPlans checks the issue-16 forms on any input: no panic or hang;
// every plan quotes the text at its offsets, has one authority of the
// four, a known basis, a year or a term, and a single target or an
// ordered range of finite numbers; a part names a catalog part of its
// whole; percents against plans name known authorities, once each.
func FuzzPlans(f *testing.F) {
	for _, s := range []string{
		"Năm 2024, tỉnh phấn đấu tốc độ tăng trưởng GRDP đạt 7–7,5%; tỷ lệ hộ nghèo giảm 1–1,5 điểm phần trăm.",
		"9 tháng, thu ngân sách đạt 5.630 tỷ đồng, đạt 78,2% dự toán Trung ương giao và 70,4% dự toán HĐND tỉnh giao.",
		"Năm 2021, GRDP tăng 5,8%; trong đó khu vực dịch vụ tăng 5,9%, thuế sản phẩm tăng 3,4%.",
		"Mục tiêu giai đoạn 2021–2025: tăng trưởng GRDP bình quân 7%/năm; đến năm 2025, thu ngân sách đạt 20.000 tỷ đồng.",
		"CPI bình quân 6 tháng tăng 2,35% so với cùng kỳ; GRDP ước tăng 6,8–7,2%.",
		"The province targets GRDP growth of 8-8.5 percent; the poverty rate fell 0.9 percentage points to 3.1 percent.",
		"Kết nạp 612/1.100 đảng viên, đạt 55,6% kế hoạch (kế hoạch 1.100 đảng viên).",
	} {
		f.Add(s, "2024-07-05")
	}
	ext := NewExtractor(nil)
	parts := map[string]string{}
	for _, p := range storage.CatalogParts() {
		parts[p.Code] = p.PartOf
	}
	term := regexp.MustCompile(`^\d{4}-\d{4}$`)
	f.Fuzz(func(t *testing.T, text, date string) {
		if len(text) > 4096 || len(date) > 32 {
			t.Skip("bounded input")
		}
		start := time.Now()
		ex := ext.Extract(text, Options{Date: date, Unit: "u"})
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("Extract took %v on %d bytes", d, len(text))
		}
		for _, p := range ex.Plans {
			checkPlan(t, text, p, term)
			if p.Component != "" && parts[p.Component] != p.Indicator {
				t.Fatalf("plan part %s of %s", p.Component, p.Indicator)
			}
		}
		for _, fg := range ex.Figures {
			checkFigure16(t, fg, parts)
		}
	})
}

func checkPlan(t *testing.T, text string, p Plan, term *regexp.Regexp) {
	t.Helper()
	if p.Start < 0 || p.Start > p.End || p.End > len(text) || text[p.Start:p.End] != p.Quote {
		t.Fatalf("plan %s: quote %q at %d:%d", p.Indicator, p.Quote, p.Start, p.End)
	}
	if !knownAuthority(p.Authority) || p.Indicator == "" {
		t.Fatalf("plan %+v", p)
	}
	switch p.Basis {
	case "value", "growth", "points":
		if p.Term != "" || p.Year < 1900 || p.Year > 2999 {
			t.Fatalf("yearly plan %+v", p)
		}
	case "average_growth", "end_level", "cumulative":
		if !term.MatchString(p.Term) || p.Year != 0 {
			t.Fatalf("term plan %+v", p)
		}
	default:
		t.Fatalf("plan basis %q", p.Basis)
	}
	finite := func(v *float64) bool { return v != nil && !math.IsNaN(*v) && !math.IsInf(*v, 0) }
	single := finite(p.Target) && p.TargetLow == nil && p.TargetHigh == nil
	ranged := p.Target == nil && finite(p.TargetLow) && finite(p.TargetHigh) && *p.TargetLow <= *p.TargetHigh
	if single == ranged {
		t.Fatalf("plan targets %+v", p)
	}
}

func checkFigure16(t *testing.T, fg Figure, parts map[string]string) {
	t.Helper()
	if fg.Component != "" && parts[fg.Component] != fg.Indicator {
		t.Fatalf("figure part %s of %s", fg.Component, fg.Indicator)
	}
	if r := fg.ReportedYoYRange; r != nil && (r[0].Value > r[1].Value || fg.ReportedYoYPercent != nil) {
		t.Fatalf("growth range %v beside %v", r, fg.ReportedYoYPercent)
	}
	seen := map[storage.Authority]bool{}
	primaryListed := fg.ReportedPlanPercent == nil
	for _, p := range fg.ReportedPlanPercents {
		if !knownAuthority(p.Authority) || seen[p.Authority] {
			t.Fatalf("percents %+v", fg.ReportedPlanPercents)
		}
		seen[p.Authority] = true
		primaryListed = primaryListed || p.Percent == *fg.ReportedPlanPercent
	}
	if !primaryListed {
		t.Fatalf("primary percent %v not among %+v", fg.ReportedPlanPercent, fg.ReportedPlanPercents)
	}
}

func knownAuthority(a storage.Authority) bool { return a.Valid() }
