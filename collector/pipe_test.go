package collector

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// pipeCSV is a CSV file of n good rows for can-tho (row k, counted from 1,
// is on line k+1), with row bad (if > 0) holding value instead.
func pipeCSV(n, bad int, value string) string {
	var b strings.Builder
	b.WriteString("unit,indicator,period,value\n")
	for k := 1; k <= n; k++ {
		v := fmt.Sprint(k)
		if k == bad {
			v = value
		}
		fmt.Fprintf(&b, "can-tho,retail_sales,%d-M%02d,%s\n", 1901+(k-1)/12, (k-1)%12+1, v)
	}
	return b.String()
}

// TestPipeFailsMidFileStoresNothing: a bad cell several chunks into a file
// is found while earlier chunks are being stored; the import stores
// nothing and names the row (line 5002 holds row 5001), field and reason.
func TestPipeFailsMidFileStoresNothing(t *testing.T) {
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	_, err := c.ImportReader(context.Background(), strings.NewReader(pipeCSV(6000, 5001, "12x")), FormatCSV, Options{})
	e := storageErr(t, err, storage.CodeValidation)
	if len(e.Details) != 1 || !hasDetail(e, "", 5002, "value") || e.Details[0].Value != "12x" || e.Details[0].Reason == "" {
		t.Fatalf("details %+v, want one naming line 5002, value 12x, with a reason", e.Details)
	}
	if snapshot(t, c, db) != before {
		t.Fatal("a file with a bad row stored something")
	}
}

// TestPipeMalformedMidFileStoresNothing: a broken quote on line 4001 ends
// reading; the rows before it, already stored in the transaction, are
// rolled back, and the error names the line.
func TestPipeMalformedMidFileStoresNothing(t *testing.T) {
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	lines := strings.SplitAfter(pipeCSV(5000, 0, ""), "\n")
	lines[4000] = "can-tho,retail_sales,\"2240-M01,7\n"
	_, err := c.ImportReader(context.Background(), strings.NewReader(strings.Join(lines, "")), FormatCSV, Options{})
	e := storageErr(t, err, storage.CodeInvalid)
	if len(e.Details) != 1 || e.Details[0].Row != 4001 {
		t.Fatalf("details %+v, want line 4001", e.Details)
	}
	if snapshot(t, c, db) != before {
		t.Fatal("a malformed file stored something")
	}
}

// TestPipeRowCapStopsReader: the session refuses the 1501st row while the
// reader goroutine is still reading; the import is refused whole and the
// file is not read to its end.
func TestPipeRowCapStopsReader(t *testing.T) {
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	data := pipeCSV(50000, 0, "")
	r := &countingReader{r: strings.NewReader(data)}
	_, err := c.ImportReader(context.Background(), r, FormatCSV, Options{MaxRows: 1500})
	storageErr(t, err, storage.CodeTooLarge)
	if snapshot(t, c, db) != before {
		t.Fatal("a refused import stored something")
	}
	// The reader holds at most pipeChunks chunks ahead, plus its buffer.
	if r.n >= len(data) {
		t.Fatalf("read %d of %d bytes: the reader went on after the session stopped", r.n, len(data))
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += k
	return k, err
}

// cancellingReader cancels the import's context once half the file has
// been read, as an interrupt (Ctrl-C) in the middle of an import would.
type cancellingReader struct {
	r      io.Reader
	cancel context.CancelFunc
	n      int
	half   int
}

func (c *cancellingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += k
	if c.n >= c.half {
		c.cancel()
	}
	return k, err
}

// TestPipeCancelledMidFile: an import whose context ends mid-file stops,
// says it was interrupted, and stores nothing.
func TestPipeCancelledMidFile(t *testing.T) {
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	data := pipeCSV(20000, 0, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := &cancellingReader{r: strings.NewReader(data), cancel: cancel, half: len(data) / 2}
	_, err := c.ImportReader(ctx, r, FormatCSV, Options{})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "nothing was stored") {
		t.Fatalf("error %v, want an interruption that stored nothing", err)
	}
	if snapshot(t, c, db) != before {
		t.Fatal("an interrupted import stored something")
	}
}

// pipeSession is a session on a fresh database, for pipe's own tests.
func pipeSession(t *testing.T) *session {
	t.Helper()
	c, _ := newTestCollector(t)
	s, err := c.begin(context.Background(), FormatCSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.w.Rollback() })
	return s
}

// TestPipeLeavesNoGoroutine: however pipe ends — the reader's error, the
// session's error while the reader is blocked handing rows on, a context
// ended mid-read, or a panic in the reader — the reader has returned by
// the time pipe returns.
func TestPipeLeavesNoGoroutine(t *testing.T) {
	good := func(k int) checkedRow {
		return checkedRow{at: pos{"", k + 1}, obs: storage.Observation{Unit: "can-tho", Indicator: "retail_sales",
			Period: storage.Period{Year: 1901 + k/12, First: k%12 + 1, Last: k%12 + 1}, Value: fptr(float64(k))}}
	}
	readErr := errors.New("disk gone")
	cases := []struct {
		name  string
		rows  int   // rows the reader offers
		fail  error // what the reader returns after them
		cap   int   // Options.MaxRows
		ctx   bool  // cancel the context after 2000 rows
		panic bool
		want  func(error) bool
	}{
		{name: "reader error", rows: 3000, fail: readErr, want: func(err error) bool { return errors.Is(err, readErr) }},
		{name: "session error", rows: 100000, cap: 1500, want: func(err error) bool {
			var e *storage.Error
			return errors.As(err, &e) && e.Code == storage.CodeTooLarge
		}},
		{name: "context ended", rows: 100000, ctx: true, want: func(err error) bool { return errors.Is(err, context.Canceled) }},
		{name: "panic", rows: 10, panic: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := pipeSession(t)
			s.opt.MaxRows = tc.cap
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			returned := make(chan struct{})
			read := func(emit func(*checkedRow) bool) error {
				defer close(returned)
				for k := 0; k < tc.rows; k++ {
					if tc.ctx && k == 2000 {
						cancel()
					}
					r := good(k)
					if !emit(&r) {
						return nil
					}
				}
				if tc.panic {
					panic("checking went wrong")
				}
				return tc.fail
			}
			var err error
			panicked := func() (p any) {
				defer func() { p = recover() }()
				err = s.pipe(ctx, tableObservations, read)
				return nil
			}()
			select {
			case <-returned:
			default:
				t.Fatal("pipe returned while its reader goroutine was still running")
			}
			if tc.panic {
				if panicked == nil || !strings.Contains(fmt.Sprint(panicked), "checking went wrong") {
					t.Fatalf("panic %v, want the reader's panic raised by pipe", panicked)
				}
				return
			}
			if panicked != nil || !tc.want(err) {
				t.Fatalf("pipe: %v (panic %v)", err, panicked)
			}
		})
	}
}

// TestPipeCancelledBeforeTheFirstChunk: a SIGTERM that lands before the
// reader hands on its first rows makes emit report false, and a reader may
// then return nil. Pipe must still fail (the file was not read whole): it
// once ended as a successful import of "0 new" and the CLI exited 0 with
// nothing stored (seen in TestBinaryReliability/sigterm_cli_import). Which
// of the reader's selects wins is up to the runtime, so run it many times.
func TestPipeCancelledBeforeTheFirstChunk(t *testing.T) {
	for i := 0; i < 200; i++ {
		s := pipeSession(t)
		ctx, cancel := context.WithCancel(context.Background())
		err := s.pipe(ctx, tableObservations, func(emit func(*checkedRow) bool) error {
			cancel()
			return nil // as a reader that saw emit report false may
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("run %d: pipe returned %v after the context ended mid-read, want context.Canceled", i, err)
		}
	}
}
