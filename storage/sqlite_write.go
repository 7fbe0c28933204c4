package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"time"
)

// Outcome says what a Put did.
type Outcome int

const (
	OutcomeNew       Outcome = iota + 1 // a new row (unit, indicator, revision or plan version)
	OutcomeUnchanged                    // identical to what is stored: nothing written
	OutcomeUpdated                      // a unit's or indicator's names or attributes changed
)

// String names the outcome: "new", "unchanged" or "updated".
func (o Outcome) String() string {
	switch o {
	case OutcomeNew:
		return "new"
	case OutcomeUnchanged:
		return "unchanged"
	case OutcomeUpdated:
		return "updated"
	}
	return "none"
}

// WriteResult counts what a write stored. New and Unchanged count
// observations and plans; UnitsNew and IndicatorsNew count inserted units
// and indicators.
type WriteResult struct {
	New           int `json:"new"`
	Unchanged     int `json:"unchanged"`
	UnitsNew      int `json:"units_new"`
	IndicatorsNew int `json:"indicators_new"`
}

// Batch is everything one report carries; Write stores it all or nothing.
type Batch struct {
	Units        []Unit        `json:"units,omitempty"`
	Indicators   []Indicator   `json:"indicators,omitempty"`
	Observations []Observation `json:"observations,omitempty"`
	Plans        []Plan        `json:"plans,omitempty"`
}

// obsKey identifies one figure: unit × indicator × period. It is kept
// small (12 bytes): a writer remembers every figure it saw, a million in a
// large import.
type obsKey struct {
	unit, indicator int32
	year            int16
	first, last     int8
}

type planKey struct {
	unit, indicator int64
	year            int // 0 for a term plan
	term            Term
	authority       Authority
	version         string
}

// Writer is one write transaction: everything Put through it is committed
// together or not at all. It holds the database's write lock until Commit or
// Rollback; use it from one goroutine.
type Writer struct {
	db         *DB
	conn       *sql.Conn // the writing connection, inside BEGIN IMMEDIATE
	prov       Provenance
	recordedAt string // RFC 3339, UTC
	defDate    string // Vietnam date of RecordedAt: the default reported_at
	defSource  string // description of prov.Via: the default source

	unitIDs, indicatorIDs map[string]int64
	putUnits              map[string]Unit
	putIndicators         map[string]Indicator
	pairs                 map[[2]int32]*pairState // figures this writer saw, by unit × indicator
	last                  *pairState              // the pair of the previous PutObservation
	seenPlans             map[planKey]int64
	stmts                 map[string]*sql.Stmt
	raw                   map[string]driver.Stmt // hot statements, prepared on the driver connection
	insArgs               []driver.NamedValue    // insertObservationSQL's arguments, refilled per row
	ids                   writerIDs
	refs                  writtenRefs // what Commit checks, enforcement being off (see sqlite_write_refs.go)

	res     WriteResult
	changed bool
	failed  error // a database error: the transaction can only be rolled back
	done    bool
}

// BeginWrite starts a write transaction recorded with prov (RecordedAt zero
// means now). It waits for another process's write to finish, for as long as
// ctx allows (see SetWaitNotice).
func (db *DB) BeginWrite(ctx context.Context, prov Provenance) (*Writer, error) {
	if prov.RecordedAt.IsZero() {
		prov.RecordedAt = time.Now()
	}
	// A connection and an explicit BEGIN IMMEDIATE rather than a *sql.Tx:
	// the per-row statements then run on the driver connection directly
	// (see rawQueryRow), which makes imports markedly faster.
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin write: %w", err)
	}
	if _, err := conn.ExecContext(ctx, enforcement(false)); err != nil {
		conn.Close()
		return nil, fmt.Errorf("begin write: %w", err)
	}
	if err := db.beginImmediate(ctx, conn); err != nil {
		release(conn)
		return nil, err
	}
	return &Writer{
		db: db, conn: conn, prov: prov,
		recordedAt:    prov.RecordedAt.UTC().Format(time.RFC3339Nano),
		defDate:       VietnamDate(prov.RecordedAt),
		defSource:     viaSource(prov.Via),
		unitIDs:       map[string]int64{},
		indicatorIDs:  map[string]int64{},
		putUnits:      map[string]Unit{},
		putIndicators: map[string]Indicator{},
		pairs:         map[[2]int32]*pairState{},
		seenPlans:     map[planKey]int64{},
		stmts:         map[string]*sql.Stmt{},
		raw:           map[string]driver.Stmt{},
	}, nil
}

// viaSource describes how a figure arrived, the default source.
func viaSource(via string) string {
	switch via {
	case "":
		return "recorded without a source"
	case "csv", "json", "xlsx":
		return via + " import"
	case "api":
		return "API request"
	case "inbox":
		return "inbox file"
	case "form":
		return "data entry form"
	case "text":
		return "extracted from report text"
	case "demo":
		return "demo data"
	}
	return via
}

// Write stores a batch in one transaction — units, then indicators,
// observations and plans — and returns what it stored; on any error nothing
// is stored.
func (db *DB) Write(ctx context.Context, b Batch, prov Provenance) (WriteResult, error) {
	w, err := db.BeginWrite(ctx, prov)
	if err != nil {
		return WriteResult{}, err
	}
	defer w.Rollback()
	for _, u := range b.Units {
		if _, err := w.PutUnit(ctx, u); err != nil {
			return WriteResult{}, err
		}
	}
	for _, i := range b.Indicators {
		if _, err := w.PutIndicator(ctx, i); err != nil {
			return WriteResult{}, err
		}
	}
	for _, o := range b.Observations {
		if _, err := w.PutObservation(ctx, o); err != nil {
			return WriteResult{}, err
		}
	}
	for _, p := range b.Plans {
		if _, err := w.PutPlan(ctx, p); err != nil {
			return WriteResult{}, err
		}
	}
	return w.Commit()
}

// Commit stores everything Put so far, bumping DataVersion if anything
// changed, and returns the counts.
func (w *Writer) Commit() (WriteResult, error) {
	if w.done {
		return WriteResult{}, Errorf(CodeInternal, "write already committed or rolled back")
	}
	if w.failed != nil {
		w.Rollback()
		return WriteResult{}, fmt.Errorf("commit after a failed write: %w", w.failed)
	}
	ctx := context.Background()
	if err := w.checkReferences(ctx); err != nil {
		w.Rollback()
		return WriteResult{}, err
	}
	if w.changed {
		if err := bumpDataVersion(ctx, w.conn); err != nil {
			w.Rollback()
			return WriteResult{}, err
		}
	}
	w.closeStmts()
	if _, err := w.conn.ExecContext(ctx, `COMMIT`); err != nil {
		w.Rollback()
		return WriteResult{}, fmt.Errorf("commit write: %w", err)
	}
	w.done = true
	release(w.conn)
	return w.res, nil
}

// release hands the writing connection back to the pool with foreign-key
// enforcement on again; a connection that cannot turn it on is discarded.
func release(conn *sql.Conn) {
	if _, err := conn.ExecContext(context.Background(), enforcement(true)); err != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	conn.Close()
}

// Rollback discards everything Put so far. It is safe to call after Commit
// (then it does nothing), so `defer w.Rollback()` is the idiom.
func (w *Writer) Rollback() error {
	if w.done {
		return nil
	}
	w.done = true
	w.closeStmts()
	_, err := w.conn.ExecContext(context.Background(), `ROLLBACK`)
	if err != nil {
		// Never hand a connection that may still be inside a transaction
		// back to the pool.
		w.conn.Raw(func(any) error { return driver.ErrBadConn })
		w.conn.Close()
		return fmt.Errorf("roll back write: %w", err)
	}
	release(w.conn)
	return nil
}

// Result returns the counts so far.
func (w *Writer) Result() WriteResult { return w.res }

func (w *Writer) closeStmts() {
	for _, s := range w.stmts {
		s.Close()
	}
	w.stmts = nil
	if len(w.raw) > 0 {
		w.conn.Raw(func(any) error {
			for _, s := range w.raw {
				s.Close()
			}
			return nil
		})
	}
	w.raw = nil
}

// usable refuses Puts after the writer ended or a database error.
func (w *Writer) usable() error {
	switch {
	case w.done:
		return Errorf(CodeInternal, "write already committed or rolled back")
	case w.failed != nil:
		return fmt.Errorf("write aborted by an earlier error: %w", w.failed)
	}
	return nil
}

// fail records a database error; the writer can then only be rolled back.
func (w *Writer) fail(err error) error {
	if w.failed == nil {
		w.failed = err
	}
	return err
}

// stmt returns the writer's prepared statement for query, preparing it once.
func (w *Writer) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := w.stmts[query]; ok {
		return s, nil
	}
	s, err := w.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, w.fail(fmt.Errorf("prepare statement: %w", err))
	}
	w.stmts[query] = s
	return s, nil
}
