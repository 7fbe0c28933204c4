package dashboards

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestTextCapsAndCharacters is issue 17's eighth attack and the characters
// of its ninth: over-long codes, names, sources and quotes, and names with
// NUL, line breaks or direction overrides, are each refused with 422
// naming the field, and nothing is stored.
func TestTextCapsAndCharacters(t *testing.T) {
	f := newFixture(t, nil)
	unit := func(code, name string) map[string]any {
		return map[string]any{"units": []map[string]any{{"code": code, "name_vi": name, "parent": "can-tho"}}}
	}
	obs := func(source, quote string) map[string]any {
		return map[string]any{"observations": []map[string]any{{"unit": "can-tho", "indicator": "exports", "period": "2018-Q3",
			"value": 1, "reported_at": "2018-10-01", "source": source, "quote": quote}}}
	}
	cases := []struct {
		name  string
		batch map[string]any
		field string
	}{
		{"a 10,000-character code", unit(strings.Repeat("a", 10000), "X"), "code"},
		{"a code one over the cap", unit(strings.Repeat("a", storage.MaxCodeLen+1), "X"), "code"},
		{"a 15 MB name", unit("long", strings.Repeat("x", 15<<20)), "name_vi"},
		{"a name one over the cap", unit("long", strings.Repeat("ư", storage.MaxNameLen+1)), "name_vi"},
		{"NUL in a name", unit("nul", "a\x00b"), "name_vi"},
		{"U+202E in a name", unit("rlo", "\u202eodnoC"), "name_vi"},
		{"an isolate in a name", unit("iso", "a\u2066b\u2069"), "name_vi"},
		{"a line break in a name", unit("nl", "Quận\nKhác"), "name_vi"},
		{"an indicator name with U+202E", map[string]any{"indicators": []map[string]any{{"code": "x_ind", "name_vi": "ok",
			"name_en": "\u202eevil", "measure": "tonnes", "kind": "flow", "direction": "up"}}}, "name_en"},
		{"a source one over the cap", obs(strings.Repeat("s", storage.MaxSourceLen+1), ""), "source"},
		{"a quote one over the cap", obs("s", strings.Repeat("q", storage.MaxQuoteLen+1)), "quote"},
		{"NUL in a source", obs("a\x00b", ""), "source"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := f.count("can-tho")
			body, _ := json.Marshal(tc.batch)
			resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(string(body)),
				append([]string{"Content-Type", jsonCT}, bearer(f.admin)...)...)
			e := f.wantError(resp, b, http.StatusUnprocessableEntity, storage.CodeValidation)
			if len(e.Error.Details) == 0 || e.Error.Details[0].Field != tc.field {
				t.Fatalf("details %+v, want field %s", e.Error.Details, tc.field)
			}
			if len(b) > 4096 {
				t.Errorf("the error repeats the value: %d bytes", len(b))
			}
			if f.count("can-tho") != before {
				t.Fatal("a refused batch stored something")
			}
		})
	}
	// At the caps, and with direction controls in quoted prose, all is stored.
	ok := obs(strings.Repeat("s", storage.MaxSourceLen), strings.Repeat("q", storage.MaxQuoteLen-6)+"\u202eabc\u202c")
	body, _ := json.Marshal(ok)
	resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(string(body)),
		append([]string{"Content-Type", jsonCT}, bearer(f.admin)...)...)
	f.expect(resp, b, http.StatusOK, nil)
}
