package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// signalReader reports (once) when its content has been read to the end:
// the server then holds the whole upload and is importing it.
type signalReader struct {
	r    io.Reader
	once sync.Once
	read chan struct{}
}

func (s *signalReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if errors.Is(err, io.EOF) {
		s.once.Do(func() { close(s.read) })
	}
	return n, err
}

// uploadRequest builds a multipart POST of the CSV file at path to
// /api/v1/import with an admin token, and the reader that says when the
// body has been sent.
func uploadRequest(t *testing.T, base, token, path string) (*http.Request, *signalReader) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	sr := &signalReader{r: &body, read: make(chan struct{})}
	req, err := http.NewRequest(http.MethodPost, base+"/api/v1/import", sr)
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = int64(body.Len())
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	return req, sr
}

type importAnswer struct {
	status int
	New    int `json:"new"`
	err    error
	at     time.Time
}

// startUpload sends the upload in the background.
func startUpload(req *http.Request) chan importAnswer {
	ch := make(chan importAnswer, 1)
	go func() {
		resp, err := (&http.Client{Timeout: 2 * time.Minute}).Do(req)
		a := importAnswer{err: err, at: time.Now()}
		if err == nil {
			a.status = resp.StatusCode
			a.err = json.NewDecoder(resp.Body).Decode(&a)
			resp.Body.Close()
		}
		ch <- a
	}()
	return ch
}

// exitCode waits up to limit for the server process and returns its exit code.
func (s *server) exitCode(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case err := <-s.done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatalf("wait for serve: %v", err)
		}
		return 0
	case <-time.After(limit):
		t.Fatalf("serve still running %v after SIGTERM:\n%s", limit, s.logs())
	}
	return -1
}

// testSIGTERMLetsAnInFlightImportFinish sends SIGTERM to `plantrack serve`
// while it imports an uploaded CSV: the upload is answered 200 with every
// row stored, new connections are refused meanwhile, the process exits 0
// within the shutdown timeout and the database is clean.
func testSIGTERMLetsAnInFlightImportFinish(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shutdown.db")
	const rows = 30000
	units, csvPath, sum := writeBulk(t, dir, "sd-", 100, rows)
	runBin(t, bin, "import", "--db", db, units)
	token := createToken(t, bin, db, "shutdown-test")
	srv := startServer(t, bin, "--db", db, "--shutdown-timeout", "60s")

	req, sent := uploadRequest(t, srv.url, token, csvPath)
	answer := startUpload(req)
	select {
	case <-sent.read:
	case a := <-answer:
		t.Fatalf("answered before the upload was sent: %+v", a)
	case <-time.After(30 * time.Second):
		t.Fatal("upload not sent within 30 s")
	}
	srv.waitLog(t, "msg=\"import begun\"", 30*time.Second) // the server holds the upload and is storing it
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	signalled := time.Now()
	refused := false
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !refused; time.Sleep(20 * time.Millisecond) {
		resp, err := (&http.Client{Timeout: time.Second}).Get(srv.url + "/healthz")
		if err != nil {
			refused = true
		} else {
			resp.Body.Close()
		}
	}
	a := <-answer
	if a.err != nil || a.status != http.StatusOK || a.New != rows {
		t.Fatalf("in-flight import after SIGTERM: status %d, %d new, %v\n%s", a.status, a.New, a.err, srv.logs())
	}
	if !a.at.After(signalled) {
		t.Fatalf("the import was answered before SIGTERM; nothing was in flight")
	}
	if !refused {
		t.Error("new requests were still served after SIGTERM")
	}
	if code := srv.exitCode(t, 60*time.Second); code != 0 {
		t.Fatalf("exit code %d after SIGTERM, want 0:\n%s", code, srv.logs())
	}
	st := readState(t, db, "sd-")
	if st.integrity != "ok" || st.rows["sd-"] != rows || st.sums["sd-"] != sum {
		t.Fatalf("after shutdown: %+v, want %d rows summing to %v", st, rows, sum)
	}
	t.Logf("import answered %v after SIGTERM", a.at.Sub(signalled).Round(time.Millisecond))
}

// testSIGTERMPastTheDeadlineRollsBack gives serve a shutdown timeout far
// shorter than an in-flight import: the process still ends promptly, and
// the import is stored whole or (normally) not at all, never in part.
func testSIGTERMPastTheDeadlineRollsBack(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "deadline.db")
	const rows = 60000
	units, csvPath, _ := writeBulk(t, dir, "dl-", 100, rows)
	runBin(t, bin, "import", "--db", db, units)
	token := createToken(t, bin, db, "deadline-test")
	srv := startServer(t, bin, "--db", db, "--shutdown-timeout", "200ms")
	req, sent := uploadRequest(t, srv.url, token, csvPath)
	answer := startUpload(req)
	<-sent.read
	srv.waitLog(t, "msg=\"import begun\"", 30*time.Second)
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	code := srv.exitCode(t, 20*time.Second)
	a := <-answer
	st := readState(t, db, "dl-")
	if st.integrity != "ok" || (st.rows["dl-"] != 0 && st.rows["dl-"] != rows) {
		t.Fatalf("after a shutdown past its deadline: %+v", st)
	}
	if st.rows["dl-"] == rows && (a.err != nil || a.status != http.StatusOK) {
		t.Fatalf("rows stored but the client was told %d, %v", a.status, a.err)
	}
	t.Logf("exit code %d, %d rows stored, client saw status %d / %v", code, st.rows["dl-"], a.status, a.err)
}

// testSIGTERMStopsACLIImport sends SIGTERM to `plantrack import` once it
// says on stderr that the file has begun (the signal handler is installed
// first thing in main, before any work, so the signal is always handled):
// the import stops within seconds, says the file was not imported (exit 1),
// and the database holds none of the file's rows and passes
// integrity_check. Should the import win the race and finish before the
// signal is handled, it must have stored the whole file and exited 0.
func testSIGTERMStopsACLIImport(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	const rows = 50000
	units, csvPath, sum := writeBulk(t, dir, "cli-", 100, rows)
	runBin(t, bin, "import", "--db", db, units)
	cmd := exec.Command(bin, "import", "--progress", "--db", db, csvPath)
	cmd.Env = append(os.Environ(), "PLANTRACK_LANG=vi") // the Vietnamese line below, whatever the machine's LANG
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	begun, stderr := watchStderr(errPipe, "đang nhập "+csvPath) // the --progress line, Vietnamese by default
	if _, ok := <-begun; !ok {
		cmd.Wait()
		t.Fatalf("the import never said it had begun; stderr %s", stderr())
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	signalled := time.Now()
	stderr() // read to the end before Wait closes the pipe
	err = cmd.Wait()
	stopped := time.Since(signalled)
	st := readState(t, db, "cli-")
	if st.integrity != "ok" {
		t.Fatalf("integrity %q after SIGTERM", st.integrity)
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
		if st.rows["cli-"] != rows || st.sums["cli-"] != sum || !strings.Contains(stdout.String(), fmt.Sprintf(": %d mới,", rows)) {
			t.Fatalf("exit 0 after SIGTERM but %d rows (sum %v) stored, want %d (sum %v); stdout %s",
				st.rows["cli-"], st.sums["cli-"], rows, sum, stdout.String())
		}
		t.Logf("the import finished before SIGTERM was handled; all %d rows stored", rows)
	case errors.As(err, &ee) && ee.ExitCode() == 1:
		if st.rows["cli-"] != 0 || !bytes.Contains([]byte(stderr()), []byte(csvPath+": ")) {
			t.Fatalf("exit 1 after SIGTERM with %d rows stored; stderr %s", st.rows["cli-"], stderr())
		}
	default:
		t.Fatalf("import after SIGTERM: %v (the signal was not handled), %d rows stored; stderr %s", err, st.rows["cli-"], stderr())
	}
	if stopped > 10*time.Second {
		t.Fatalf("stopped %v after SIGTERM, want within 10 s", stopped)
	}
	t.Logf("exit %v, %d rows, stopped %v after SIGTERM; stderr: %q", err, st.rows["cli-"], stopped.Round(time.Millisecond), stderr())
}

// watchStderr reads a child's stderr line by line. begun receives once when
// a line contains marker, and is closed at the end of the stream (so a
// receive that is not ok means the marker never came). all waits for the
// end of the stream and returns everything read.
func watchStderr(r io.Reader, marker string) (begun <-chan struct{}, all func() string) {
	ch := make(chan struct{}, 1)
	done := make(chan struct{})
	var b bytes.Buffer
	go func() {
		defer close(done)
		defer close(ch)
		sc := bufio.NewScanner(r)
		sent := false
		for sc.Scan() {
			b.Write(sc.Bytes())
			b.WriteByte('\n')
			if !sent && strings.Contains(sc.Text(), marker) {
				ch <- struct{}{}
				sent = true
			}
		}
	}()
	return ch, func() string { <-done; return b.String() }
}
