package storage

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

// The writer's per-row statements — the lookup of the revision in force
// and the insert — run on the driver connection directly: database/sql's
// argument conversion, row objects and context watchers cost about as much
// as SQLite's own work for these one-row statements. For the same reason
// the context is checked before each statement rather than watched during
// it: the driver watches a cancellable context with a goroutine per
// statement, and these statements take microseconds (the writer already
// holds the write lock, so none waits for one).

// unwatched is the context a one-row statement runs under once ctx has
// been checked: it never ends, so the driver starts no watcher.
func unwatched(ctx context.Context) (context.Context, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return context.Background(), nil
}

// rawStmt returns the driver statement for query, preparing it once. Call
// it only inside w.conn.Raw.
func (w *Writer) rawStmt(ctx context.Context, dc any, query string) (driver.Stmt, error) {
	if s, ok := w.raw[query]; ok {
		return s, nil
	}
	p, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, errors.New("the SQLite driver cannot prepare statements directly")
	}
	s, err := p.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	w.raw[query] = s
	return s, nil
}

// rawQueryRow runs query and copies its first row into dest; it reports
// whether there was a row.
func (w *Writer) rawQueryRow(ctx context.Context, query string, args []driver.NamedValue, dest []driver.Value) (bool, error) {
	found := false
	err := w.rawQueryEach(ctx, query, args, dest, func() (bool, error) {
		found = true
		return false, nil
	})
	return found, err
}

// rawQueryEach runs query and calls each with every row copied into dest,
// until each reports false or an error.
func (w *Writer) rawQueryEach(ctx context.Context, query string, args []driver.NamedValue, dest []driver.Value, each func() (bool, error)) error {
	ctx, err := unwatched(ctx)
	if err != nil {
		return err
	}
	return w.conn.Raw(func(dc any) error {
		s, err := w.rawStmt(ctx, dc, query)
		if err != nil {
			return err
		}
		q, ok := s.(driver.StmtQueryContext)
		if !ok {
			return errors.New("the SQLite driver cannot query directly")
		}
		rows, err := q.QueryContext(ctx, args)
		if err != nil {
			return err
		}
		defer rows.Close()
		for {
			switch err := rows.Next(dest); {
			case errors.Is(err, io.EOF):
				return nil
			case err != nil:
				return err
			}
			if more, err := each(); err != nil || !more {
				return err
			}
		}
	})
}

// rawExec runs an insert and returns the new row's id.
func (w *Writer) rawExec(ctx context.Context, query string, args []driver.NamedValue) (int64, error) {
	var id int64
	ctx, err := unwatched(ctx)
	if err != nil {
		return 0, err
	}
	err = w.conn.Raw(func(dc any) error {
		s, err := w.rawStmt(ctx, dc, query)
		if err != nil {
			return err
		}
		e, ok := s.(driver.StmtExecContext)
		if !ok {
			return errors.New("the SQLite driver cannot execute directly")
		}
		res, err := e.ExecContext(ctx, args)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// namedArgs numbers args for the driver.
func namedArgs(args ...any) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case int:
			a = int64(v)
		case int32:
			a = int64(v)
		case int16:
			a = int64(v)
		case int8:
			a = int64(v)
		case ReportStatus:
			a = string(v)
		}
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}

// revisionFrom reads the obsColumns of a driver row.
func revisionFrom(v []driver.Value) (Observation, error) {
	var o Observation
	var ok [6]bool
	o.Revision, ok[0] = v[0].(int64)
	switch x := v[1].(type) {
	case float64:
		o.Value = &x
	case int64:
		f := float64(x)
		o.Value = &f
	}
	var status string
	status, ok[1] = v[2].(string)
	o.ReportStatus = ReportStatus(status)
	if s, isText := v[3].(string); isText {
		o.ReportedPlanPercent = percentOf(s)
	}
	if s, isText := v[4].(string); isText {
		o.ReportedYoYPercent = percentOf(s)
	}
	o.ReportedAt, ok[2] = v[5].(string)
	o.Source, ok[3] = v[6].(string)
	o.Quote, ok[4] = v[7].(string)
	var r int64
	r, ok[5] = v[8].(int64)
	o.Retracted = r != 0
	if s, isText := v[9].(string); isText {
		o.ReportedPlanPercents = planPercentsOf(s)
	}
	if len(v) > 10 {
		syn, _ := v[10].(int64)
		o.Synthetic = syn != 0
	}
	for _, good := range ok {
		if !good {
			return o, fmt.Errorf("unexpected revision row %v", v)
		}
	}
	return o, nil
}

func percentOf(s string) *Percent {
	p, err := ParsePercent(s)
	if err != nil {
		return nil
	}
	return &p
}
