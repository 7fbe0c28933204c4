package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestServeThresholds: --thresholds reaches the pace the API reports.
// Boundaries of 100/99/98 put any real completion ratio (about 1 for the
// seed report's figures) at risk; the same database read with the default
// boundaries does not, so the flag, not the data, made the difference. A
// boundary order that cannot rank the statuses refuses to start.
func TestServeThresholds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "th.db")
	env := func(k string) string {
		if k == "PLANTRACK_DB" {
			return path
		}
		return ""
	}
	var usage strings.Builder
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &usage, Getenv: env}
	err := m.ParseFlags(t.Context(), []string{"serve", "--addr", "127.0.0.1:0", "--thresholds", "flow_ahead=0.9"})
	if err == nil || !strings.Contains(usage.String(), "flow_ahead > flow_on_track") {
		t.Fatalf("serve --thresholds flow_ahead=0.9: %v, %q; want a refusal naming the order", err, usage.String())
	}

	m = &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: env}
	args := []string{"serve", "--addr", "127.0.0.1:0", "--demo", "--thresholds", "flow_ahead=100,flow_on_track=99,flow_behind=98"}
	if err := m.ParseFlags(t.Context(), args); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	var got struct{ Items []progressItem }
	getJSON(t, m.URL()+"/api/v1/progress?unit=can-tho&period=2018-H1", http.StatusOK, &got)
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	paced := map[string]string{}
	for _, it := range got.Items {
		paced[it.Indicator] = it.Pace
	}
	if paced["retail_sales"] != "at_risk" || paced["exports"] != "at_risk" {
		t.Errorf("pace with boundaries 100/99/98: %v, want retail_sales and exports at_risk", paced)
	}

	ctx := context.Background()
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	def, err := db.Progress(ctx, "can-tho", storage.MustParsePeriod("2018-H1"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range def.Items {
		if (it.Indicator == "retail_sales" || it.Indicator == "exports") && (it.Pace == "at_risk" || it.Pace == "") {
			t.Errorf("%s with the default boundaries: pace %q, want a status other than at_risk", it.Indicator, it.Pace)
		}
	}
}
