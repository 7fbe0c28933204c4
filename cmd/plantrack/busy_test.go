package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// signalWriter collects output and closes seen once it contains want.
type signalWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	seen chan struct{}
	once sync.Once
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains(w.buf.String(), w.want) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

func (w *signalWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestCLIImportWaitsForAnotherWriter holds the database's write lock from
// another connection (as serve does during an import) past SQLite's busy
// timeout: `plantrack import` says it is waiting instead of failing with
// SQLITE_BUSY, and stores the file once the lock is released.
func TestCLIImportWaitsForAnotherWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out SQLite's 10 s busy timeout")
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "busy.db")
	if code, _, errs := run(t, nil, "token", "list", "--db", dbPath); code != 0 { // creates the database
		t.Fatalf("token list: %s", errs)
	}
	file := filepath.Join(dir, "r.json")
	os.WriteFile(file, []byte(`{"units":[{"code":"can-tho","name_vi":"Cần Thơ"}],"observations":[
		{"unit":"can-tho","indicator":"retail_sales","period":"2024-M01","value":5}]}`), 0o644)
	holder, err := sql.Open("sqlite", dbPath+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	stderr := &signalWriter{want: "đang chờ nó ghi xong", seen: make(chan struct{})}
	var stdout bytes.Buffer
	done := make(chan int, 1)
	go func() {
		m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: stderr, Getenv: func(string) string { return "" }}
		done <- m.Main(t.Context(), func() {}, []string{"import", "--db", dbPath, file})
	}()
	select {
	case <-stderr.seen:
	case code := <-done:
		t.Fatalf("import ended (exit %d) while another process held the lock: %s", code, stderr)
	}
	if _, err := conn.ExecContext(t.Context(), `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != 0 || !strings.Contains(stdout.String(), "1 mới") {
		t.Fatalf("after the lock was released: exit %d, %s %s", code, stdout.String(), stderr)
	}
}
