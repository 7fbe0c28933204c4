package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// AxePath is axe-core's browser build as npm installs it at the repository
// root (package.json pins it as a devDependency; it is never served by the
// binary).
const AxePath = "node_modules/axe-core/axe.min.js"

// LoadAxe reads axe-core from root/AxePath. Without it the test is skipped,
// or failed when CI=true.
func LoadAxe(t testing.TB, root string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, AxePath))
	if err != nil {
		msg := fmt.Sprintf("axe-core not installed (npm ci at the repository root): %v", err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return string(src)
}

// AxeTimeout bounds one axe-core run: a long table page takes seconds on a
// busy machine.
const AxeTimeout = 90 * time.Second

// AxeViolation is one axe-core rule a page breaks.
type AxeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"` // minor, moderate, serious, critical
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"` // CSS targets of the offending elements
}

// Serious reports whether the violation is serious or critical.
func (v AxeViolation) Serious() bool { return v.Impact == "serious" || v.Impact == "critical" }

// Fails reports whether a page audit fails on the violation: a serious or
// critical one, or a lesser rule the pages were fixed for and are held to
// so it cannot come back: landmark-unique (several scrolling tables named
// alike, so a screen reader's list of regions cannot tell them apart).
func (v AxeViolation) Fails() bool { return v.Serious() || v.ID == "landmark-unique" }

// Axe injects axe-core (its source, from LoadAxe) into the current page once
// and runs it on the whole document, returning every violation.
func (b *Browser) Axe(source string) ([]AxeViolation, error) {
	if ok, err := Eval[bool](b, `typeof window.axe === "object"`); err != nil {
		return nil, err
	} else if !ok {
		if _, err := Eval[bool](b, source+"\n;true"); err != nil {
			return nil, fmt.Errorf("injecting axe-core: %w", err)
		}
	}
	raw, err := evalFor[string](b, AxeTimeout, `axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
		return JSON.stringify(r.violations.map(function (v) {
			return {id: v.id, impact: v.impact || "", help: v.help,
				nodes: v.nodes.map(function (n) { return n.target.join(" ") + (n.failureSummary ? " — " + n.failureSummary.replace(/\s+/g, " ") : ""); })};
		}));
	})`)
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %w", err)
	}
	var out []AxeViolation
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return nil, fmt.Errorf("reading axe-core results: %w", err)
	}
	return out, nil
}
