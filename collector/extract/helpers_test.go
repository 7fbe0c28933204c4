package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// testCase is one table case: a sentence of our own and the exact figures it must give.
type testCase struct {
	name  string
	text  string
	date  string
	want  []string // line of every figure, in order
	quote []string // optional: the exact quote of each figure, in order
	unrec []string // optional: the exact unrecognised numbers
}

// line renders a figure compactly for exact comparison.
func line(f Figure) string {
	v := "-"
	if f.Value != nil {
		v = strconv.FormatFloat(*f.Value, 'f', -1, 64)
	}
	per := "nil"
	if f.Period != nil {
		per = f.Period.String()
	}
	pct := func(p interface{ String() string }, isNil bool) string {
		if isNil {
			return "-"
		}
		return p.String()
	}
	s := fmt.Sprintf("%s %s %s %s plan=%s yoy=%s", f.Indicator, v, per, f.ReportStatus,
		pct(f.ReportedPlanPercent, f.ReportedPlanPercent == nil), pct(f.ReportedYoYPercent, f.ReportedYoYPercent == nil))
	if len(f.Qualifiers) > 0 {
		s += " q=" + strings.Join(f.Qualifiers, ",")
	}
	if f.Indicator == other {
		s += " text=" + f.IndicatorText + " measure=" + f.Measure
	}
	return s
}

// runExCases checks every case exactly, and that each quote is the text at its offsets.
func runExCases(t *testing.T, cases []testCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := Extract(c.text, Options{Date: c.date, Unit: "u"})
			var got []string
			for _, f := range ex.Figures {
				got = append(got, line(f))
				if c.text[f.Start:f.End] != f.Quote || f.Unit != "u" || f.Confidence <= 0 || f.Confidence > 1 {
					t.Errorf("figure %s: quote %q at %d:%d, unit %q, confidence %v", f.Indicator, f.Quote, f.Start, f.End, f.Unit, f.Confidence)
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("text: %s\ngot:\n  %s\nwant:\n  %s", c.text, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
			for i, q := range c.quote {
				if i < len(ex.Figures) && ex.Figures[i].Quote != q {
					t.Errorf("figure %d quote %q, want %q", i, ex.Figures[i].Quote, q)
				}
			}
			if c.unrec != nil {
				var spans []string
				for _, s := range ex.Unrecognised {
					spans = append(spans, s.Text)
				}
				if strings.Join(spans, "|") != strings.Join(c.unrec, "|") {
					t.Errorf("unrecognised %q, want %q", spans, c.unrec)
				}
			}
		})
	}
}

// repoRoot finds the module root (the directory holding go.mod).
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}
