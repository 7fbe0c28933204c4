package bench

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

// server is a plantrack serve process started for measuring.
type server struct {
	cmd  *exec.Cmd
	base string
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startServer starts binary serve on db and waits until /healthz answers,
// returning how long that took.
func startServer(ctx context.Context, binary, db string, depth int) (*server, time.Duration, error) {
	port, err := freePort()
	if err != nil {
		return nil, 0, err
	}
	s := &server{base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	s.cmd = exec.CommandContext(ctx, binary, "serve", "--db", db, "--addr", fmt.Sprintf("127.0.0.1:%d", port),
		"--metrics-depth", strconv.Itoa(depth))
	s.cmd.Stderr = io.Discard
	start := time.Now()
	if err := s.cmd.Start(); err != nil {
		return nil, 0, fmt.Errorf("start %s serve: %w", binary, err)
	}
	deadline := start.Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, time.Since(start), nil
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	s.stop()
	return nil, 0, fmt.Errorf("%s serve did not answer /healthz within 2 minutes", binary)
}

func (s *server) stop() {
	if s.cmd.Process != nil {
		s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			s.cmd.Process.Kill()
		}
	}
}

// peakRSS reads the process's high-water resident set from /proc.
func (s *server) peakRSS() int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// sample runs fn up to reps times within budget and returns the sorted durations.
func sample(reps int, budget time.Duration, fn func() error) ([]time.Duration, error) {
	if err := fn(); err != nil { // warm-up, and a check that it works at all
		return nil, err
	}
	var ds []time.Duration
	end := time.Now().Add(budget)
	for i := 0; i < reps && (i < 5 || time.Now().Before(end)); i++ {
		t := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		ds = append(ds, time.Since(t))
	}
	slices.Sort(ds)
	return ds, nil
}

func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := int(q * float64(len(ds)-1))
	return ds[i]
}

// fetch returns a function that GETs url, checks the status and reads the body.
func fetch(client *http.Client, url string, gzip bool) func() error {
	return func() error {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		if gzip {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		return nil
	}
}

// query returns a function that runs a bare SQL query and reads every row.
func query(db *sql.DB, q string, args ...any) func() error {
	return func() error {
		rows, err := db.Query(q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		for i := range vals {
			vals[i] = new(any)
		}
		for rows.Next() {
			if err := rows.Scan(vals...); err != nil {
				return err
			}
		}
		return rows.Err()
	}
}

// body fetches url once and returns its body bytes and content encoding.
func body(client *http.Client, url string, gzip bool) ([]byte, string, error) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if gzip {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return b, resp.Header.Get("Content-Encoding"), err
}

// bufferServer serves one precomputed body: the lower bound for /metrics.
func bufferServer(b []byte, encoding string) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		if encoding != "" {
			w.Header().Set("Content-Encoding", encoding)
		}
		io.Copy(w, bytes.NewReader(b))
	})}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String() + "/metrics", nil
}
