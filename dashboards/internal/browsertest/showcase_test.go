package browsertest

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/dashboards/assets"
)

type showcaseCard struct {
	Name, Value, Unit, Percent, YoY, DeltaClass, Pace, Word string
	Ratio                                                   float64
	Spark                                                   template.HTML
}

// TestStylesheetShowcase renders testdata/showcase.html — every app.css
// class in a realistic page, with a chart and sparklines — checks it like a
// product page, and leaves screen and A4 print renderings in ArtifactDir to
// look at. It doubles as a reference for the class names.
func TestStylesheetShowcase(t *testing.T) {
	a, err := assets.New()
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.ParseFiles(filepath.Join("testdata", "showcase.html")))
	chart, err := charts.YTD(charts.YTDInput{Options: charts.Options{ID: "chart-ytd", Title: "Doanh thu bán lẻ 2018"}, Year: 2018, Measure: "tỷ đồng",
		Points: []charts.MonthPoint{{Month: 3, Value: f(30100), Expected: f(29392)}, {Month: 6, Value: f(63135), Expected: f(58785)},
			{Month: 9, Expected: f(88177)}, {Month: 12, Expected: f(117570)}}, Plan: f(117570)})
	if err != nil {
		t.Fatal(err)
	}
	chartHTML, err := chart.HTML()
	if err != nil {
		t.Fatal(err)
	}
	trend := []*float64{f(40), f(44), f(43), f(48), f(52), f(51), f(55), f(58)}
	card := func(name, value, unit, pct string, ratio float64, yoy, pace string) showcaseCard {
		c := showcaseCard{Name: name, Value: value, Unit: unit, Percent: pct, Ratio: ratio, YoY: yoy, Pace: pace, Word: charts.PaceWord(pace, "vi"), DeltaClass: "delta-pos"}
		if yoy[0] == '-' || yoy[0] == 0xe2 {
			c.DeltaClass = "delta-neg"
		}
		c.Spark = charts.Sparkline(charts.SparklineInput{Values: trend, Title: name + ": 8 kỳ gần nhất", Pace: pace, Width: 132, Height: 36})
		return c
	}
	data := map[string]any{
		"Lang": "vi", "CSS": a.Path(assets.AppCSS), "Icon": a.Path(assets.FaviconSVG), "ECharts": a.Path(assets.EChartsJS), "App": a.Path(assets.AppJS),
		"Chart": chartHTML,
		"Cards": []showcaseCard{
			card("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "63.135", "tỷ đồng", "53,7%", 0.537, "+11,2%", charts.PaceAhead),
			card("Kim ngạch xuất khẩu", "942", "triệu USD", "52,7%", 0.527, "+4,1%", charts.PaceOnTrack),
			card("Thu ngân sách nhà nước", "7.060", "tỷ đồng", "49,6%", 0.496, "−2,3%", charts.PaceOnTrack),
			card("Kết nạp đảng viên mới", "1.452", "người", "38,0%", 0.38, "+1,0%", charts.PaceBehind),
			card("Vốn đầu tư trực tiếp nước ngoài", "12", "triệu USD", "12,0%", 0.12, "−40,0%", charts.PaceAtRisk),
			card("Tăng trưởng GRDP", "7,43", "%", "–", 0, "+7,4%", charts.PaceUnknown),
		},
	}
	mux := http.NewServeMux()
	mux.Handle("GET /assets/", a)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		if err := tmpl.Execute(w, data); err != nil {
			t.Error(err)
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	b := New(t)
	b.Check(t, srv.URL+"/", 1)
	dir := ArtifactDir(t)
	if err := b.Screenshot(filepath.Join(dir, "showcase.png")); err != nil {
		t.Fatal(err)
	}
	if err := b.PDF(filepath.Join(dir, "showcase-a4.pdf")); err != nil {
		t.Fatal(err)
	}
	// The print stylesheet hides navigation and forms.
	hidden, err := Eval[bool](b, `(function () {
		var s = Array.from(document.styleSheets).find(function (x) { return x.href && x.href.indexOf("/assets/app.css") >= 0; });
		return !!s && Array.from(s.cssRules).some(function (r) { return r.media && r.media.mediaText === "print"; });
	})()`)
	if err != nil || !hidden {
		t.Errorf("app.css has no print rules reachable by the page (err %v)", err)
	}
}
