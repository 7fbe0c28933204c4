package extract

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestFigureJSON checks the CLI's JSON shape: exactly the documented keys,
// percentages as written numbers, the period as its code, null when absent.
func TestFigureJSON(t *testing.T) {
	ex := Extract("6 tháng đầu năm 2018, tổng mức bán lẻ hàng hóa ước đạt khoảng 63.135 tỷ đồng, đạt 53,70% kế hoạch năm.", Options{Unit: "can-tho"})
	b, err := json.Marshal(struct {
		Figures []Figure `json:"figures"`
	}{ex.Figures})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Figures []map[string]json.RawMessage }
	if err := json.Unmarshal(b, &doc); err != nil || len(doc.Figures) != 1 {
		t.Fatalf("%s: %v", b, err)
	}
	f := doc.Figures[0]
	var keys []string
	for k := range f {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"confidence", "indicator", "indicator_text", "measure", "note", "period", "qualifiers", "quote",
		"report_status", "reported_plan_percent", "reported_plan_percents", "reported_yoy_percent", "unit", "value"}
	if !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	for k, v := range map[string]string{"indicator": `"retail_sales"`, "value": "63135", "measure": `"billion_vnd"`, "period": `"2018-H1"`,
		"report_status": `"estimate"`, "reported_plan_percent": "53.70", "reported_yoy_percent": "null", "unit": `"can-tho"`,
		"qualifiers": `["khoảng"]`, "note": `""`} {
		if got := string(f[k]); got != v {
			t.Errorf("%s = %s, want %s", k, got, v)
		}
	}
	var back []Figure
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(string(b), `{"figures":`), "}")), &back); err != nil ||
		len(back) != 1 || back[0].Period == nil || back[0].Period.String() != "2018-H1" || back[0].ReportedPlanPercent.Decimals != 2 {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}

// TestExtractorConcurrent shares one Extractor between goroutines (as a
// server would) and gets the same figures as a fresh extraction.
func TestExtractorConcurrent(t *testing.T) {
	texts := []string{"6 tháng đầu năm 2019, kim ngạch xuất khẩu ước đạt 410 triệu USD, tăng 7,25% so với cùng kỳ.", "Năm 2019, thu ngân sách đạt 7.060 tỷ đồng, đạt 49,6%.", "In 2021, exports reached 2.1 bln USD, up 7.5% year on year."}
	want := make([]string, len(texts))
	for i, s := range texts {
		b, _ := json.Marshal(Extract(s, Options{}))
		want[i] = string(b)
	}
	e := NewExtractor(nil)
	errs := make(chan string, 64)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				k := (g + i) % len(texts)
				if b, _ := json.Marshal(e.Extract(texts[k], Options{})); string(b) != want[k] {
					errs <- string(b)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent extraction differs: %s", got)
	}
}
