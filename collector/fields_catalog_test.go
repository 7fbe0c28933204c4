package collector

import (
	"testing"

	"github.com/plantrack/plantrack/collector/catalog"
)

// TestEveryFieldHasANameInBothLanguages: an error names its field the way
// the page does, so every column a report may have needs a name in the
// catalog in Vietnamese and English (not its code).
func TestEveryFieldHasANameInBothLanguages(t *testing.T) {
	for _, lang := range []string{catalog.VI, catalog.EN} {
		c := catalog.New(lang)
		for _, name := range fieldNames {
			if name == "" {
				continue
			}
			if got := c.Field(name); got == name {
				t.Errorf("field %s has no %s name in the catalog", name, lang)
			}
		}
	}
}
