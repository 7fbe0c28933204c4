package collector

import (
	"context"
	"fmt"
	"sync"
)

// A file's rows are read and checked on one goroutine while the session
// stores the rows checked before them on its own (the writer's) goroutine:
// on two cores the reading, number parsing and checking of a large file
// cost the import almost nothing beside SQLite's inserts. Still one
// transaction, still all or nothing: the rows reach the session in file
// order, and it alone counts them, records their problems and writes.

// pipeChunk is how many checked rows travel together; pipeChunks bounds
// how many chunks exist, so memory does not grow with the file.
const (
	pipeChunk  = 1024
	pipeChunks = 3
)

// chunk is a run of checked rows; the last one says how reading ended
// (err, or a panic to raise on the session's goroutine).
type chunk struct {
	rows   []checkedRow
	last   bool
	err    error
	panics any
}

// reading is one run of a reader goroutine: what it hands over, and the
// empty chunks the session hands back.
type reading struct {
	ctx  context.Context
	full chan *chunk
	free chan *chunk
	cur  *chunk
}

// emit hands one checked row on, sending its chunk when full. It reports
// false when the session has stopped listening (the reader should return).
func (rd *reading) emit(r *checkedRow) bool {
	if rd.cur == nil {
		select {
		case rd.cur = <-rd.free:
			rd.cur.rows = rd.cur.rows[:0]
		case <-rd.ctx.Done():
			return false
		}
	}
	rd.cur.rows = append(rd.cur.rows, *r)
	if len(rd.cur.rows) < pipeChunk {
		return true
	}
	return rd.send()
}

func (rd *reading) send() bool {
	c := rd.cur
	rd.cur = nil
	select {
	case rd.full <- c:
		return true
	case <-rd.ctx.Done():
		return false
	}
}

// finish sends the last rows with how reading ended.
func (rd *reading) finish(err error, panics any) {
	if rd.cur == nil {
		rd.cur = &chunk{}
	}
	rd.cur.last, rd.cur.err, rd.cur.panics = true, err, panics
	rd.send()
}

// pipe runs read on its own goroutine and stores every row it emits, in
// order, as rows of kind. read must stop (returning anything) once emit
// reports false. pipe returns read's error after storing the rows emitted
// before it, or the first error storing a row; either way the goroutine has
// ended when pipe returns.
func (s *session) pipe(ctx context.Context, kind tableKind, read func(emit func(*checkedRow) bool) error) error {
	rctx, stop := context.WithCancel(ctx)
	rd := &reading{ctx: rctx, full: make(chan *chunk, pipeChunks-1), free: make(chan *chunk, pipeChunks)}
	for i := 0; i < pipeChunks; i++ {
		rd.free <- &chunk{rows: make([]checkedRow, 0, pipeChunk)}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(rd.full)
		var err error
		defer func() { rd.finish(err, recover()) }()
		err = read(rd.emit)
		if err == nil {
			// A read that stopped because ctx ended (emit reported
			// false) may return nil: its rows are not all here, and the
			// import must fail rather than store what came through.
			err = context.Cause(ctx)
		}
	}()
	defer wg.Wait()
	defer stop()
	for {
		c, ok := <-rd.full
		if !ok { // the reader saw ctx end before it could hand its rows on
			return fmt.Errorf("reading stopped: %w", context.Cause(ctx))
		}
		for i := range c.rows {
			if err := s.count(ctx); err != nil {
				return err
			}
			if err := s.store(ctx, kind, &c.rows[i]); err != nil {
				return err
			}
		}
		switch {
		case c.panics != nil:
			panic(fmt.Sprintf("reading the import: %v", c.panics))
		case c.err != nil:
			return c.err
		case c.last:
			return nil
		}
		rd.free <- c
	}
}
