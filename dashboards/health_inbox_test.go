package dashboards

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/plantrack/plantrack/collector"
)

// TestHealthzReportsTheInbox: with an inbox running, /healthz shows its
// state; once the inbox cannot read its folder, /healthz answers 503
// "degraded" instead of "ok".
func TestHealthzReportsTheInbox(t *testing.T) {
	f := newFixture(t, nil)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- f.col.RunInbox(ctx, dir, collector.InboxOptions{Poll: 10 * time.Millisecond}) }()
	defer func() { cancel(); <-done }()
	health := func() (int, string, collector.InboxState) {
		resp, b := f.do(http.MethodGet, "/healthz", nil)
		var h struct {
			Status string
			Inbox  collector.InboxState
		}
		json.Unmarshal(b, &h)
		return resp.StatusCode, h.Status, h.Inbox
	}
	// Wait for events (a scan, then a failed scan), checking each answer.
	waitHealth(t, health, func(code int, status string, in collector.InboxState) bool {
		return code == http.StatusOK && status == "ok" && in.Running && !in.LastScan.IsZero()
	})
	if err := os.Rename(dir, filepath.Join(filepath.Dir(dir), "moved-away")); err != nil {
		t.Fatal(err)
	}
	waitHealth(t, health, func(code int, status string, in collector.InboxState) bool {
		return code == http.StatusServiceUnavailable && status == "degraded" && !in.OK && in.LastError != ""
	})
}

func waitHealth(t *testing.T, get func() (int, string, collector.InboxState), ok func(int, string, collector.InboxState) bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if ok(get()) {
			return
		}
	}
	code, status, in := get()
	t.Fatalf("/healthz never reached the expected state: %d %s %+v", code, status, in)
}
