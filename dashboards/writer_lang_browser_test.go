package dashboards_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/dashboards/internal/browsertest"
)

// englishOnlyWords are the words (four letters or more) of the English
// catalog — page words and error messages — that no Vietnamese page word
// uses: any of them on a Vietnamese page is untranslated text.
func englishOnlyWords() map[string]bool {
	word := regexp.MustCompile(`[a-z]{4,}`)
	en := map[string]bool{}
	for _, s := range catalog.New(catalog.EN).Texts() {
		for _, w := range word.FindAllString(strings.ToLower(s), -1) {
			en[w] = true
		}
	}
	for _, s := range catalog.New(catalog.VI).Words() {
		for _, w := range word.FindAllString(strings.ToLower(s), -1) {
			delete(en, w) // e.g. the brand, API, CSV
		}
	}
	delete(en, "plantrack")
	return en
}

// TestBadEntryIsExplainedInVietnamese posts a bad entry on the Vietnamese
// entry page in Chromium: row 1 has a value that is not a number and an
// impossible date (31/02/2018), row 2 a value without a period. The page
// must say all of it in Vietnamese — no word of the English catalog in its
// main text — and outline exactly the three fields at fault.
func TestBadEntryIsExplainedInVietnamese(t *testing.T) {
	b := browsertest.New(t)
	base, tokens := demoServer(t)
	secret, err := tokens.Create(context.Background(), "vi-writer", "admin", "")
	if err != nil {
		t.Fatal(err)
	}
	text := postBadEntry(t, b, base, secret, "vi")
	// The messages, worked out from the catalog: 3 problems in 2 rows.
	for _, want := range []string{"Chưa lưu gì.", "3 lỗi ở 2 dòng; chưa lưu gì", "không phải là số",
		"không phải là ngày", "bắt buộc; hãy chọn kỳ", "Giá trị", "Ngày báo cáo", "Kỳ"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not say %q:\n%s", want, text)
		}
	}
	en := englishOnlyWords()
	if len(en) < 300 { // the check must have words to look for
		t.Fatalf("only %d English-only words in the catalog", len(en))
	}
	if found := wordsIn(text, en); len(found) > 0 {
		t.Errorf("English on the Vietnamese page: %v\n%s", found, text)
	}
	checkOutlined(t, b, []string{"period-2-span", "period-2-year", "reported_at_1", "value_1"})
	checkAxe(t, b)
	dir := screenshotDir(t)
	for _, width := range widths {
		if err := b.SetViewport(width, 900); err != nil {
			t.Fatal(err)
		}
		name := "entry-errors-vi.png"
		if width != 1440 {
			name = fmt.Sprintf("entry-errors-vi-%d.png", width)
		}
		if err := b.Screenshot(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
		// The filled form with its errors fits the screen: one column on a phone.
		if o, err := b.PageOverflow(); err != nil || o.Sideways() {
			t.Errorf("at %d px the entry page scrolls sideways: %+v (err %v)", width, o, err)
		}
		off, err := browsertest.Eval[[]string](b, `Array.from(document.querySelectorAll("form.entry input, form.entry select"))
			.filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth + 1; })
			.map(e => e.id || e.name)`)
		if err != nil || len(off) > 0 {
			t.Errorf("at %d px these fields sit off-screen: %v (err %v)", width, off, err)
		}
	}
	for _, e := range b.ConsoleErrors() {
		if !strings.Contains(e, "status of 422") { // the refused form's own answer
			t.Errorf("console error: %s", e)
		}
	}
	// The control: the same entry on the English page is caught by the
	// same check, so the check can fail.
	if found := wordsIn(postBadEntry(t, b, base, "", "en"), en); len(found) < 5 {
		t.Errorf("the English page shows only %v of the English-only words; the check is blind", found)
	}
}

// postBadEntry signs in (when secret is set) and posts the bad entry on
// the entry page in lang, returning the text of the page's main part.
func postBadEntry(t *testing.T, b *browsertest.Browser, base, secret, lang string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Context(), 30*time.Second)
	defer cancel()
	// Plain navigation (not b.Load, which waits for charts these pages do
	// not have): each step waits for the element it needs.
	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + "/entry?lang=" + lang)}
	if secret != "" {
		steps = []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(base + "/login?lang=" + lang + "&next=%2Fentry%3Flang%3D" + lang),
			chromedp.WaitVisible(`input[name="token"]`),
			chromedp.SetValue(`input[name="token"]`, secret), chromedp.Submit(`input[name="token"]`)}
	}
	steps = append(steps,
		chromedp.WaitVisible(`form.entry`),
		chromedp.SetValue(`#unit_1`, "can-tho"),
		chromedp.SetValue(`#indicator_1`, "retail_sales"),
		chromedp.SetValue(`#period-1-span`, "H1"),
		chromedp.SetValue(`#period-1-year`, "2018"),
		chromedp.SetValue(`#value_1`, "abc"),
		chromedp.SetValue(`#reported_at_1`, "31/02/2018"),
		chromedp.SetValue(`#value_2`, "12"),
		chromedp.Click(`form.entry button[type="submit"]`),
		chromedp.WaitVisible(`section.notice-error`))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("posting the entry (%s): %v", lang, err)
	}
	text, err := browsertest.Eval[string](b, `document.querySelector("main").innerText`)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// wordsIn lists the words of text (four letters or more) that are in set.
func wordsIn(text string, set map[string]bool) []string {
	var found []string
	for _, w := range regexp.MustCompile(`[a-z]{4,}`).FindAllString(strings.ToLower(text), -1) {
		if set[w] {
			found = append(found, w)
		}
	}
	return found
}

// checkAxe runs axe-core on the page with its errors, when it is installed
// (always under CI=true): no finding a page audit fails on
// (browsertest.AxeViolation.Fails).
func checkAxe(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	if _, err := os.Stat(filepath.Join("..", browsertest.AxePath)); err != nil && os.Getenv("CI") != "true" {
		t.Log("axe-core not installed (npm ci): the refused entry page is not audited")
		return
	}
	found, err := b.Axe(browsertest.LoadAxe(t, ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range found {
		if v.Fails() {
			t.Errorf("axe-core: %s (%s) at %v", v.ID, v.Help, v.Nodes)
		}
	}
}

// checkOutlined checks that exactly the fields want are marked invalid and
// drawn with a solid outline.
func checkOutlined(t *testing.T, b *browsertest.Browser, want []string) {
	t.Helper()
	got, err := browsertest.Eval[[]string](b, `Array.from(document.querySelectorAll('[aria-invalid="true"]'))
		.filter(e => getComputedStyle(e).outlineStyle === "solid" && parseFloat(getComputedStyle(e).outlineWidth) >= 2)
		.map(e => e.id)`)
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("outlined fields %v, want %v", got, want)
	}
}
