package bench

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

func tinyScale() Scale {
	return Scale{Name: "tiny", Provinces: 2, CommunesPerProvince: 3, Indicators: 32, FirstYear: 2020, Years: 2, ReviseEvery: 5}
}

func TestGenerateIsDeterministicAndValid(t *testing.T) {
	s := tinyScale()
	a, err := Generate(s, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(s, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Figures {
		x, _ := os.ReadFile(a.Figures[i])
		y, _ := os.ReadFile(b.Figures[i])
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Fatalf("%s differs between runs or is empty (%d bytes)", filepath.Base(a.Figures[i]), len(x))
		}
	}
	f, err := os.Open(a.Figures[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(recs)-1, s.Observations(); got != want {
		t.Fatalf("estimate file has %d rows, want %d", got, want)
	}
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		if _, err := storage.ParsePeriod(r[2]); err != nil {
			t.Fatalf("row %v: %v", r, err)
		}
		k := r[0] + "|" + r[1] + "|" + r[2]
		if seen[k] {
			t.Fatalf("key %s twice in one file (would be an import conflict)", k)
		}
		seen[k] = true
	}
	if s.Units() != 9 || a.Rows <= s.Observations() {
		t.Fatalf("units %d, rows %d: want 9 units and some revisions", s.Units(), a.Rows)
	}
}
