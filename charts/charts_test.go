package charts

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
)

func ytdInput(lang string) YTDInput {
	return YTDInput{
		Options: Options{ID: "ytd-retail", Lang: lang, NoAnimation: true},
		Year:    2018, Measure: "tỷ đồng",
		Points: []MonthPoint{
			{Month: 3, Value: f(30100), Expected: f(29392.5)},
			{Month: 6, Value: f(63135), Expected: f(58785)},
			{Month: 9, Expected: f(88177.5)},
		},
		Plan: f(117570), OriginalPlan: f(115000),
	}
}

func TestGoldenBuilders(t *testing.T) {
	hostile := "</script><script>alert(1)</script>"
	cases := map[string]func() (*Chart, error){
		"ytd_vi": func() (*Chart, error) { return YTD(ytdInput("vi")) },
		"ytd_en_level": func() (*Chart, error) {
			in := ytdInput("en")
			in.Level, in.OriginalPlan = true, nil
			return YTD(in)
		},
		"years_vi": func() (*Chart, error) {
			return Years(YearsInput{Options: Options{ID: "years", NoAnimation: true}, Measure: "tỷ đồng", Years: []YearValue{
				{Label: "6 tháng đầu năm 2016", Value: f(51000)},
				{Label: "6 tháng đầu năm 2017", Value: f(56800), YoY: f(0.1137)},
				{Label: "6 tháng đầu năm 2018", Value: f(63135), YoY: f(0.11153)},
			}})
		},
		"units_en_percent": func() (*Chart, error) {
			return Units(UnitsInput{Options: Options{ID: "units", Lang: "en", NoAnimation: true}, Percent: true, Units: []UnitValue{
				{Name: "Ninh Kieu", Value: f(48.2), Pace: PaceBehind},
				{Name: "Cai Rang", Value: f(57.9), Pace: PaceAhead},
				{Name: hostile, Value: f(20), Pace: PaceAtRisk},
				{Name: "Phong Dien", Pace: PaceUnknown},
			}})
		},
		"periods_vi_percent": func() (*Chart, error) {
			return Periods(PeriodsInput{Options: Options{ID: "periods", NoAnimation: true}, ALabel: "6 tháng đầu năm 2018",
				BLabel: "6 tháng đầu năm 2017", Percent: true, Rows: []PairRow{
					{Name: "Doanh thu bán lẻ", A: f(53.7), B: f(51.2)},
					{Name: "Xuất khẩu", A: f(52.7)},
				}})
		},
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := build()
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, c)
		})
	}
}

func TestYTDSeriesOrderAndGaps(t *testing.T) {
	m := option(t, mustChart(YTD(ytdInput("en"))))
	var names []string
	for _, s := range series(t, m) {
		names = append(names, s["name"].(string))
	}
	want := []string{"Year to date", "Expected pace", "Yearly plan", "Original plan"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("series = %q, want %q", names, want)
	}
	data := series(t, m)[0]["data"].([]any)
	if len(data) != 12 {
		t.Fatalf("value series has %d points, want 12 months", len(data))
	}
	if v := data[5].(map[string]any)["value"]; v != 63135.0 {
		t.Errorf("June = %v, want 63135", v)
	}
	for _, i := range []int{0, 1, 3, 8, 11} { // no figure: ECharts' missing marker, not 0
		if v := data[i].(map[string]any)["value"]; v != "-" {
			t.Errorf("month %d = %v, want the missing marker", i+1, v)
		}
	}
	if got := categories(t, m, "xAxis"); got[0] != "Jan" || got[11] != "Dec" {
		t.Errorf("months = %q", got)
	}

	in := ytdInput("vi")
	in.Plan, in.OriginalPlan = nil, nil
	in.Points = []MonthPoint{{Month: 2, Value: f(1)}}
	if got := series(t, option(t, mustChart(YTD(in)))); len(got) != 1 {
		t.Errorf("without plan or expected figures, %d series drawn; want the value line alone", len(got))
	}
	in.Points = []MonthPoint{{Month: 13, Value: f(1)}}
	if _, err := YTD(in); err == nil {
		t.Error("month 13 accepted")
	}
}

func TestUnitsSortedColouredAndNamed(t *testing.T) {
	in := UnitsInput{Options: Options{ID: "u", Lang: "en"}, Units: []UnitValue{
		{Name: "B", Value: f(10), Pace: PaceBehind},
		{Name: "None", Pace: PaceUnknown},
		{Name: "A", Value: f(30), Pace: PaceAhead},
		{Name: "C", Value: f(10), Pace: PaceAtRisk},
		{Name: "D", Value: f(20), Pace: PaceOnTrack},
	}}
	before := append([]UnitValue(nil), in.Units...)
	m := option(t, mustChart(Units(in)))
	if !reflect.DeepEqual(before, in.Units) {
		t.Error("Units reordered its input")
	}
	wantCats := []string{"A · ahead", "D · on track", "B · behind", "C · at risk", "None · unknown"}
	if got := categories(t, m, "yAxis"); !reflect.DeepEqual(got, wantCats) {
		t.Fatalf("categories = %q, want %q", got, wantCats)
	}
	wantColors := []string{PaceColor(PaceAhead), PaceColor(PaceOnTrack), PaceColor(PaceBehind), PaceColor(PaceAtRisk), PaceColor(PaceUnknown)}
	seen := map[string]bool{}
	for i, d := range series(t, m)[0]["data"].([]any) {
		got := d.(map[string]any)["itemStyle"].(map[string]any)["color"].(string)
		if got != wantColors[i] {
			t.Errorf("bar %d colour %s, want %s", i, got, wantColors[i])
		}
		seen[got] = true
	}
	if len(seen) != 5 {
		t.Errorf("five paces drawn in %d distinct colours", len(seen))
	}
	if m["xAxis"].([]any)[0].(map[string]any)["type"] != "value" {
		t.Error("bars are not horizontal: x axis is not the value axis")
	}
}

func TestPeriodsPairsInOrder(t *testing.T) {
	c := mustChart(Periods(PeriodsInput{Options: Options{ID: "p", Lang: "en"}, ALabel: "H1 2018", BLabel: "H1 2017",
		Rows: []PairRow{{Name: "Exports", A: f(942), B: f(880.5)}, {Name: "Retail", B: f(2)}}}))
	m := option(t, c)
	s := series(t, m)
	if s[0]["name"] != "H1 2018" || s[1]["name"] != "H1 2017" {
		t.Fatalf("series = %v, %v; want A then B", s[0]["name"], s[1]["name"])
	}
	if got := categories(t, m, "yAxis"); !reflect.DeepEqual(got, []string{"Exports", "Retail"}) {
		t.Errorf("rows = %q", got)
	}
	a := s[0]["data"].([]any)
	if a[1].(map[string]any)["value"] != "-" {
		t.Errorf("missing A drawn as %v", a[1])
	}
	if lbl := s[1]["data"].([]any)[0].(map[string]any)["label"].(map[string]any)["formatter"]; lbl != "880.5" {
		t.Errorf("label of B = %v, want 880.5", lbl)
	}
	if c.ValueSuffix != "" {
		t.Error("plain values carry a % suffix")
	}
}

func TestYearsYoYLabels(t *testing.T) {
	m := option(t, mustChart(Years(YearsInput{Options: Options{ID: "y"}, Years: []YearValue{
		{Label: "2016", Value: f(1), YoY: f(0.5)}, {Label: "2017", YoY: f(0.1)}, {Label: "2018", Value: f(2), YoY: f(-0.0251)},
	}})))
	data := series(t, m)[0]["data"].([]any)
	label := func(i int) any {
		l, ok := data[i].(map[string]any)["label"].(map[string]any)
		if !ok {
			return nil
		}
		return l["formatter"]
	}
	if label(0) != "+50%" || label(1) != nil || label(2) != "−2,5%" {
		t.Errorf("labels = %v, %v, %v; want +50%%, none (no bar), −2,5%%", label(0), label(1), label(2))
	}
}

func TestHostileLabelsStayInert(t *testing.T) {
	hostile := `</script><script>alert(1)</script> & "q" 'a'`
	opt := Options{ID: "h", Title: hostile}
	charts := []*Chart{
		mustChart(Units(UnitsInput{Options: opt, Measure: hostile, Units: []UnitValue{{Name: hostile, Value: f(1)}}})),
		mustChart(Periods(PeriodsInput{Options: opt, ALabel: hostile, BLabel: "b", Rows: []PairRow{{Name: hostile, A: f(1)}}})),
		mustChart(Years(YearsInput{Options: opt, Years: []YearValue{{Label: hostile, Value: f(1)}}})),
		mustChart(YTD(YTDInput{Options: opt, Measure: hostile, Points: []MonthPoint{{Month: 1, Value: f(1)}}})),
	}
	for i, c := range charts {
		raw, err := c.OptionJSON()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.ContainsAny(raw, "<>&") {
			t.Errorf("chart %d: option JSON holds a raw HTML-special character:\n%s", i, raw)
		}
		if !bytes.Contains(raw, []byte(`\u003c/script\u003e`)) {
			t.Errorf("chart %d: the hostile label is missing from the JSON (escaped as \\u003c)", i)
		}
		var back map[string]any
		if err := json.Unmarshal(raw, &back); err != nil || !strings.Contains(stringify(back), hostile) {
			t.Errorf("chart %d: the label does not decode back to the original text (err %v)", i, err)
		}
		h, err := c.HTML()
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(h), "</script>"); n != 1 {
			t.Errorf("chart %d: fragment has %d </script> tags, want exactly its own closing one:\n%s", i, n, h)
		}
		if strings.Contains(string(h), "<script>") {
			t.Errorf("chart %d: fragment holds an executable <script> element", i)
		}
	}
}

// stringify flattens every string of a decoded JSON value into one text.
func stringify(v any) string {
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			b.WriteString(x + "\n")
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

func TestFixedIDsAndLocalAssets(t *testing.T) {
	a, _ := YTD(ytdInput("vi"))
	b, _ := YTD(ytdInput("vi"))
	ja, _ := a.OptionJSON()
	jb, _ := b.OptionJSON()
	if !bytes.Equal(ja, jb) {
		t.Fatal("two builds of the same input differ")
	}
	h, _ := a.HTML()
	if !strings.Contains(string(h), `id="ytd-retail"`) || !strings.Contains(string(h), `data-chart-id="ytd-retail"`) {
		t.Errorf("fragment lacks the fixed id:\n%s", h)
	}
	if !strings.Contains(string(h), `aria-hidden="true"`) || strings.Contains(string(h), `role="img"`) {
		t.Errorf("an untitled chart should be hidden from screen readers, not an unnamed image:\n%.200s", h)
	}
	in := ytdInput("en")
	in.Title = "Retail sales & services"
	if h, _ := mustChart(YTD(in)).HTML(); !strings.Contains(string(h), `role="img" aria-label="Retail sales &amp; services"`) {
		t.Errorf("a titled chart is not an image named by its title:\n%.200s", h)
	}
	var page bytes.Buffer
	if err := a.ECharts.(interface{ Render(io.Writer) error }).Render(&page); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page.String(), "github.io") || !strings.Contains(page.String(), `src="/assets/echarts.min.js"`) {
		t.Errorf("go-echarts page does not load ECharts from /assets/:\n%.600s", page.String())
	}
	for _, id := range []string{"", "1x", "a b", `x"y`, "a<b"} {
		if _, err := YTD(YTDInput{Options: Options{ID: id}}); err == nil {
			t.Errorf("id %q accepted", id)
		}
	}
	if m := option(t, mustChart(YTD(ytdInput("vi")))); m["animation"] != false {
		t.Errorf("NoAnimation gave animation = %v", m["animation"])
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v    float64
		d    int
		lang string
		want string
	}{
		{63135, 0, "vi", "63.135"}, {63135, 0, "en", "63,135"}, {1234567.891, 2, "en", "1,234,567.89"},
		{1234567.891, 1, "vi", "1.234.567,9"}, {53.70, 2, "vi", "53,7"}, {-942, 0, "en", "−942"},
		{-0.001, 1, "en", "0"}, {100, 0, "en", "100"}, {999.96, 1, "en", "1,000"},
		{1234.5, 0, "vi", "1.235"}, {-2.25, 1, "en", "−2.3"}, {0.125, 2, "en", "0.13"},
	}
	for _, c := range cases {
		if got := FormatNumber(c.v, c.d, c.lang); got != c.want {
			t.Errorf("FormatNumber(%v, %d, %s) = %q, want %q", c.v, c.d, c.lang, got, c.want)
		}
	}
}

func mustChart(c *Chart, err error) *Chart {
	if err != nil {
		panic(err)
	}
	return c
}

func TestPercentChartsNameTheirAxis(t *testing.T) {
	u := mustChart(Units(UnitsInput{Options: Options{ID: "u", Lang: "en"}, Measure: "billion VND", Percent: true,
		Units: []UnitValue{{Name: "A", Value: f(97.25)}}}))
	m := option(t, u)
	ax := m["xAxis"].([]any)[0].(map[string]any)
	if ax["name"] != "% of plan" || ax["axisLabel"].(map[string]any)["formatter"] != "{value}%" || u.ValueSuffix != "%" {
		t.Errorf("completion axis = %v, suffix %q", ax, u.ValueSuffix)
	}
	if lbl := series(t, m)[0]["data"].([]any)[0].(map[string]any)["label"].(map[string]any)["formatter"]; lbl != "97.3%" {
		t.Errorf("bar label = %v, want 97.3%%", lbl)
	}
	v := mustChart(Units(UnitsInput{Options: Options{ID: "v"}, Measure: "tỷ đồng", Units: []UnitValue{{Name: "A", Value: f(1234.5)}}}))
	m = option(t, v)
	if ax := m["xAxis"].([]any)[0].(map[string]any); ax["name"] != "tỷ đồng" || v.ValueSuffix != "" {
		t.Errorf("value axis = %v", ax)
	}
	if lbl := series(t, m)[0]["data"].([]any)[0].(map[string]any)["label"].(map[string]any)["formatter"]; lbl != "1.235" {
		t.Errorf("bar label = %v, want 1.235 (Vietnamese grouping, no decimals above 1000)", lbl)
	}
}

// TestWrapName: category names above horizontal bars break at a space
// within labelWrap (34) characters, keep "· pace" together, and are cut
// with "…" beyond two lines.
func TestWrapName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Xuất khẩu", "Xuất khẩu"},
		{"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Tổng mức bán lẻ hàng hóa và doanh\nthu dịch vụ tiêu dùng"},
		{"Thu ngân sách nhà nước trên địa bàn · chậm tiến độ", "Thu ngân sách nhà nước trên địa\nbàn · chậm tiến độ"},
		{"Thu ngân sách nhà nước trên đị · chậm tiến độ", "Thu ngân sách nhà nước trên đị\n· chậm tiến độ"},
		{strings.Repeat("a ", 40), strings.TrimSpace(strings.Repeat("a ", 17)) + "\n" + strings.Repeat("a ", 16) + "a…"},
	} {
		if got := wrapName(c.in); got != c.want {
			t.Errorf("wrapName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
