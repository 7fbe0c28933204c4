package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeInbox starts serve with --inbox and checks that a dropped file
// is imported (visible in the API) and moved to done/, and a bad one to
// failed/ with its error report.
func TestServeInbox(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	os.MkdirAll(inbox, 0o755)
	env := map[string]string{"PLANTRACK_DB": filepath.Join(dir, "inbox.db"), "PLANTRACK_INBOX": inbox}
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }}
	if err := m.ParseFlags(t.Context(), []string{"serve", "--addr", "127.0.0.1:0", "--inbox-poll", "50ms", "--inbox-quiet", "100ms"}); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	good := `{"units":[{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"}],` +
		`"observations":[{"unit":"can-tho","indicator":"exports","period":"2018-H1","value":942,"reported_at":"2018-06-11"}]}`
	os.WriteFile(filepath.Join(inbox, "good.json"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(inbox, "bad.csv"), []byte("unit,indicator,period,value\nnowhere,exports,2018-H1,1\n"), 0o644)
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, errDone := os.Stat(filepath.Join(inbox, "done", "good.json"))
		_, errFailed := os.Stat(filepath.Join(inbox, "failed", "bad.csv.error.txt"))
		if errDone == nil && errFailed == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("inbox files not processed: %v, %v", errDone, errFailed)
		}
		time.Sleep(50 * time.Millisecond)
	}
	var obs struct {
		Observations []struct {
			Value      float64
			Provenance struct {
				Via      string `json:"via"`
				FileName string `json:"file_name"`
			}
		}
	}
	getJSON(t, m.URL()+"/api/v1/observations?unit=can-tho&history=true", http.StatusOK, &obs)
	if len(obs.Observations) != 1 || obs.Observations[0].Value != 942 || obs.Observations[0].Provenance.Via != "inbox" ||
		obs.Observations[0].Provenance.FileName != "good.json" {
		t.Fatalf("after the inbox import: %+v", obs)
	}
}
