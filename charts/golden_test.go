package charts

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// checkGolden compares a chart's option JSON (indented for readable diffs)
// with testdata/<name>.golden.json, or rewrites the file under -update.
func checkGolden(t *testing.T, name string, c *Chart) {
	t.Helper()
	raw, err := c.OptionJSON()
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := json.Indent(&got, raw, "", "  "); err != nil {
		t.Fatalf("option is not valid JSON: %v", err)
	}
	got.WriteByte('\n')
	path := filepath.Join("testdata", name+".golden.json")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./charts -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%s differs from the golden file; if the change is intended run go test ./charts -update\n got: %s", path, got.String())
	}
}

func f(v float64) *float64 { return &v }

// option decodes a chart's option JSON into a generic map for assertions.
func option(t *testing.T, c *Chart) map[string]any {
	t.Helper()
	raw, err := c.OptionJSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("option JSON does not decode: %v\n%s", err, raw)
	}
	return m
}

// series returns the option's series list.
func series(t *testing.T, m map[string]any) []map[string]any {
	t.Helper()
	list, ok := m["series"].([]any)
	if !ok {
		t.Fatalf("option has no series list: %v", m["series"])
	}
	out := make([]map[string]any, len(list))
	for i, s := range list {
		out[i] = s.(map[string]any)
	}
	return out
}

// categories returns the category axis data (x for vertical charts, y for
// horizontal ones).
func categories(t *testing.T, m map[string]any, axis string) []string {
	t.Helper()
	ax := m[axis].([]any)[0].(map[string]any)
	data, ok := ax["data"].([]any)
	if !ok {
		t.Fatalf("%s has no category data: %v", axis, ax)
	}
	out := make([]string, len(data))
	for i, d := range data {
		out[i] = d.(string)
	}
	return out
}
