package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// TestCloseFinishesInFlightWrite starts serve, begins a write whose
// body arrives slowly, shuts down in the middle of it, and checks that the
// write completes and is stored, that Close waits for it, and that new
// connections are refused meanwhile.
func TestCloseFinishesInFlightWrite(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANTRACK_DB": filepath.Join(dir, "shutdown.db")}
	units := filepath.Join(dir, "units.json")
	os.WriteFile(units, []byte(`{"units":[{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"}]}`), 0o644)
	if code, _, errOut := run(t, env, "import", units); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	_, out, _ := run(t, env, "token", "create", "--name", "ops", "--role", "admin")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	secret := lines[len(lines)-1]

	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }}
	if err := m.ParseFlags(t.Context(), []string{"serve", "--addr", "127.0.0.1:0", "--shutdown-timeout", "20s"}); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	base := m.URL()
	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/observations", pr)
	req.Header.Set("Authorization", "Bearer "+secret)
	req.Header.Set("Content-Type", "application/json")
	// Expect: 100-continue makes the server say when its handler first
	// reads the body: the event that the write is in flight.
	req.Header.Set("Expect", "100-continue")
	inHandler := make(chan struct{})
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
		Got100Continue: func() { close(inHandler) }}))
	client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute}}
	type result struct {
		status int
		body   string
		err    error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := client.Do(req)
		if err != nil {
			done <- result{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- result{status: resp.StatusCode, body: string(b)}
	}()
	select {
	case <-inHandler:
	case r := <-done:
		t.Fatalf("answered before the handler read the body: %+v", r)
	case <-time.After(30 * time.Second):
		t.Fatal("the handler did not start reading the body within 30 s")
	}
	io.WriteString(pw, `{"observations":[{"unit":"can-tho","indicator":"exports",`)

	closed := make(chan error, 1)
	go func() { closed <- m.Close() }()
	// Wait for the event that shutdown has begun: new connections are
	// refused. Close cannot have returned, the write being in flight.
	refused := false
	for limit := time.Now().Add(30 * time.Second); !refused && time.Now().Before(limit); {
		resp, err := (&http.Client{Timeout: 2 * time.Second}).Get(base + "/healthz")
		if err != nil {
			refused = true
		} else {
			resp.Body.Close()
			runtime.Gosched()
		}
	}
	if !refused {
		t.Fatal("new requests were still served 30 s after Close began")
	}
	select {
	case err := <-closed:
		t.Fatalf("Close returned before the in-flight request finished: %v", err)
	default:
	}
	io.WriteString(pw, `"period":"2018-H1","value":942,"reported_at":"2018-06-11"}]}`)
	pw.Close()
	r := <-done
	if r.err != nil || r.status != http.StatusOK || !strings.Contains(r.body, `"new":1`) {
		t.Fatalf("in-flight write: %d %s %v", r.status, r.body, r.err)
	}
	if err := <-closed; err != nil {
		t.Fatalf("Close: %v", err)
	}
	db, err := storage.Open(context.Background(), env["PLANTRACK_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	obs, err := db.Observations(context.Background(), storage.ObservationFilter{Unit: "can-tho"})
	if err != nil || len(obs) != 1 || *obs[0].Value != 942 {
		t.Fatalf("after shutdown: %+v %v", obs, err)
	}
}
