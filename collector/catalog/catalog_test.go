package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestNestedMessagesRenderInTheReadersLanguage: a period error nests the
// reason inside the sentence; both parts are Vietnamese for a Vietnamese
// reader, and English is exactly the error's own text.
func TestNestedMessagesRenderInTheReadersLanguage(t *testing.T) {
	_, err := storage.ParsePeriod("2018-H7")
	if err == nil {
		t.Fatal("2018-H7 parsed")
	}
	vi, en := New(VI), New(EN)
	want := `kỳ "2018-H7" không hợp lệ: 6 tháng ghi là H1 hoặc H2 (ghi 2018, 2018-H1, 2018-Q3, 2018-M06 hoặc 2018-9M)`
	if got := vi.Message(err); got != want {
		t.Errorf("vi: %q\nwant %q", got, want)
	}
	if got := en.Message(err); got != err.Error() {
		t.Errorf("en: %q, want the error's own %q", got, err.Error())
	}
}

// TestDetailNamesRowFieldAndValue: a detail says where (row, the field as
// the page names it, the value) and why, in the reader's language.
func TestDetailNamesRowFieldAndValue(t *testing.T) {
	d := storage.Detail{Row: 3, Field: "value", Value: "abc"}.Says("not a number")
	if got, want := New(VI).Detail(d), `dòng 3 cột Giá trị "abc": không phải là số`; got != want {
		t.Errorf("vi %q, want %q", got, want)
	}
	if got, want := New(EN).Detail(d), `row 3 field Value "abc": not a number`; got != want {
		t.Errorf("en %q, want %q", got, want)
	}
}

// TestLocalizeKeepsTheMachineFields: the JSON form of a localised error has
// the same code, rows, fields and values; only message and reasons change.
func TestLocalizeKeepsTheMachineFields(t *testing.T) {
	e := storage.Errorf(storage.CodeValidation, "%d problem(s) in %d row(s); nothing was stored. Correct them and import the whole report again", 1, 1).
		WithDetails(storage.Detail{Row: 2, Field: "period", Value: "2018-X"}.Says("required; give a period such as 2018-H1"))
	l := New(VI).Localize(fmt.Errorf("import csv: %w", e))
	if l.Code != e.Code || len(l.Details) != 1 || l.Details[0].Row != 2 || l.Details[0].Field != "period" || l.Details[0].Value != "2018-X" {
		t.Fatalf("machine fields changed: %+v", l)
	}
	if !strings.HasPrefix(l.Message, "1 lỗi ở 1 dòng; chưa lưu gì") || !strings.HasPrefix(l.Details[0].Reason, "bắt buộc; hãy chọn kỳ") {
		t.Errorf("not Vietnamese: %q / %q", l.Message, l.Details[0].Reason)
	}
	if e.Message == l.Message || e.Details[0].Reason == l.Details[0].Reason {
		t.Error("Localize changed the original error")
	}
	b, _ := json.Marshal(l)
	if strings.Contains(string(b), `"Key"`) || strings.Contains(string(b), `"Args"`) {
		t.Errorf("the key and arguments leak into JSON: %s", b)
	}
}

// TestUnkeyedErrorsStandAsTheyAre: an error built without a key (or not a
// storage error at all) is shown as written, never blank.
func TestUnkeyedErrorsStandAsTheyAre(t *testing.T) {
	vi := New(VI)
	if got := vi.Message(&storage.Error{Code: storage.CodeInvalid, Message: "plain"}); got != "plain" {
		t.Errorf("unkeyed: %q", got)
	}
	if got := vi.Error(errors.New("disk full")); got != "disk full" {
		t.Errorf("foreign: %q", got)
	}
	if got := vi.Sprintf("a key nobody translated %d", 7); got != "a key nobody translated 7" {
		t.Errorf("missing key: %q", got)
	}
}
