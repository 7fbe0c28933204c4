package collector

import (
	"context"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestJSONKeysExactAndOnce (issue 17): encoding/json alone takes "Unit"
// for "unit" and keeps the last of two "value" keys; both are refused,
// naming the element, and nothing is stored.
func TestJSONKeysExactAndOnce(t *testing.T) {
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	for _, tc := range []struct{ body, want string }{
		{`{"observations":[{"unit":"can-tho","indicator":"retail_sales","period":"2024-M01","value":1,"value":1000}]}`, `"value" is given twice`},
		{`{"observations":[{"Unit":"can-tho","indicator":"retail_sales","period":"2024-M01","value":1}]}`, `"Unit" must be written "unit"`},
		{`{"units":[{"code":"x","name_vi":"X","parent":"can-tho","PARENT":"hau-giang"}]}`, `"PARENT" must be written "parent"`},
		{`{"units":[{"code":"x","name_vi":"X","name_vi":"Y","parent":"can-tho"}]}`, `"name_vi" is given twice`},
		{`{"indicators":[{"code":"x_i","name_vi":"X","measure":"t","kind":"flow","kind":"level"}]}`, `"kind" is given twice`},
		{`{"plans":[{"unit":"can-tho","indicator":"retail_sales","year":2024,"target":1,"Target":2}]}`, `"Target" must be written "target"`},
	} {
		_, err := c.ImportReader(context.Background(), strings.NewReader(tc.body), FormatJSON, Options{})
		e := storageErr(t, err, storage.CodeInvalid)
		if !strings.Contains(e.Error(), tc.want) || !strings.Contains(e.Error(), "[1]") {
			t.Errorf("%s: %v, want %q", tc.body, err, tc.want)
		}
	}
	if snapshot(t, c, db) != before {
		t.Fatal("a refused file stored something")
	}
	// Keys in a string value or a nested object are not the element's keys.
	ok := `{"observations":[{"unit":"can-tho","indicator":"retail_sales","period":"2024-M01","value":1,"quote":"\"value\":2, \"Unit\""}]}`
	if _, err := c.ImportReader(context.Background(), strings.NewReader(ok), FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
}
