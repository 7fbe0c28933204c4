package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// run runs one CLI command to completion and returns its exit code and output.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	code := m.Main(t.Context(), func() {}, args)
	return code, out.String(), errb.String()
}

type progressItem struct {
	Indicator  string   `json:"indicator"`
	Completion *float64 `json:"completion"`
	Pace       string   `json:"pace"`
	YoY        *float64 `json:"yoy"`
}

// TestServeDemoProgress starts the binary's Main on port 0 with --demo on a
// fresh database and reads the seed report's progress through the API.
func TestServeDemoProgress(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	logs := &syncBuffer{}
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs,
		Getenv: func(k string) string {
			if k == "PLANTRACK_DB" {
				return filepath.Join(t.TempDir(), "e2e.db")
			}
			return ""
		}}
	if err := m.ParseFlags(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--demo"}); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := m.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}()
	base := m.URL()
	if !strings.HasPrefix(base, "http://127.0.0.1:") || strings.HasSuffix(base, ":0") {
		t.Fatalf("URL %q", base)
	}

	var got struct {
		Unit   string         `json:"unit"`
		Period string         `json:"period"`
		Items  []progressItem `json:"items"`
	}
	getJSON(t, base+"/api/v1/progress?unit=can-tho&period=2018-H1", http.StatusOK, &got)
	if got.Unit != "can-tho" || got.Period != "2018-H1" {
		t.Fatalf("progress = %+v", got)
	}
	items := map[string]progressItem{}
	for _, it := range got.Items {
		items[it.Indicator] = it
	}
	for ind, want := range map[string]float64{"retail_sales": 0.537, "exports": 0.527,
		"budget_revenue": 0.496, "new_party_members": 0.66, "midterm_reviews_held": 0.4375} {
		c := items[ind].Completion
		if c == nil || math.Abs(*c-want) > 0.0005 {
			t.Errorf("%s completion = %v, want %v", ind, c, want)
		}
	}
	if p := items["midterm_reviews_held"].Pace; p != "unknown" {
		t.Errorf("midterm_reviews_held pace = %q, want unknown", p)
	}
	if y := items["grdp"].YoY; y == nil || math.Abs(*y-0.0743) > 1e-9 {
		t.Errorf("grdp yoy = %v, want 0.0743", y)
	}

	var e struct {
		Error struct{ Code, Message string }
	}
	getJSON(t, base+"/api/v1/progress?unit=can-tho&period=2018-H7", http.StatusBadRequest, &e)
	if !strings.Contains(e.Error.Message, "2018-H7") {
		t.Errorf("400 message %q does not name 2018-H7", e.Error.Message)
	}
	getJSON(t, base+"/api/v1/progress?unit=nowhere", http.StatusNotFound, &e)
	if e.Error.Code != "not_found" || !strings.Contains(e.Error.Message, "nowhere") {
		t.Errorf("404 = %+v", e)
	}
	var units struct {
		Units []struct {
			Code      string `json:"code"`
			Synthetic bool   `json:"synthetic"`
		} `json:"units"`
	}
	getJSON(t, base+"/api/v1/units", http.StatusOK, &units)
	synthetic := map[string]bool{}
	for _, u := range units.Units {
		synthetic[u.Code] = u.Synthetic
	}
	if len(units.Units) < 9 || synthetic["can-tho"] || !synthetic["demo-province"] {
		t.Errorf("demo units and their synthetic marks: %+v", units.Units)
	}
	for path, want := range map[string]string{
		"/": "Cần Thơ",
		// The demo ends with the merger of 1 July 2025: the seed report's
		// Cần Thơ has ended and the new city (synthetic figures) is exposed.
		"/metrics": `plantrack_indicator_value{indicator="budget_revenue",unit="can-tho-2025"} 14800`,
	} {
		body := getText(t, base+path)
		if !strings.Contains(body, want) {
			t.Errorf("%s lacks %q", path, want)
		}
		if path == "/metrics" && strings.Contains(body, `unit="can-tho"}`) {
			t.Error("/metrics exposes the retired Cần Thơ")
		}
		if path == "/metrics" && (!strings.Contains(body, "\ngo_goroutines ") || !strings.Contains(body, "\nprocess_open_fds ")) {
			t.Error("/metrics lacks the sampled Go runtime and process figures")
		}
	}
	if !strings.Contains(logs.String(), "demo data loaded") {
		t.Errorf("log lacks the demo load: %s", logs.String())
	}
}

func getJSON(t *testing.T, url string, status int, v any) {
	t.Helper()
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: %d, want %d: %s", url, resp.StatusCode, status, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v: %s", url, err, b)
	}
}

func getText(t *testing.T, url string) string {
	t.Helper()
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return string(b)
}
