package storage

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// pragmas are set through the DSN so that every pooled connection gets them.
// readersKept is how many idle reading connections a DB keeps.
const readersKept = 32

const pragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(wal)" +
	"&_pragma=busy_timeout(10000)&_pragma=synchronous(normal)"

// DB is a plantrack database: an SQLite file in WAL mode that several
// processes (a server and a CLI import) may use at once. It holds one
// writing connection, whose transactions take the write lock when they
// begin, and a pool of reading connections.
type DB struct {
	path  string
	w     *sql.DB // one connection, BEGIN IMMEDIATE
	r     *sql.DB // readers
	th    Thresholds
	memo  *memo     // derived answers and their pieces, kept while what they depend on is unchanged
	hot   *hotReads // the answers readers asked for, for RefreshRead
	fresh *tracker  // which unit × indicator changed at which data version
	// derivations counts answers and pieces computed, not served kept.
	derivations atomic.Int64
	// answers numbers the answers derived (Comparison.Derivation).
	answers atomic.Int64
	// bgCtx ends at Close, which waits for bg: background work (the first
	// scan for the latest stored date).
	bgCtx  context.Context
	bgStop context.CancelFunc
	bg     sync.WaitGroup
	// narrowCompare reads comparisons across units narrowly first (see
	// compareFigures); tests turn it off to check both paths agree.
	narrowCompare bool
	// waitNotice is called once per write that finds another process
	// writing and waits for it (see SetWaitNotice).
	waitNotice func()
	// stmts are the reading statements of constant queries asked on every
	// request or new data version (see readStmt), by query.
	stmts sync.Map
}

// readStmt returns the reading statement of query, prepared once for the
// DB's life: database/sql then prepares it once per connection and reuses
// it there, where a query string is parsed anew on every call (a tenth of
// a millisecond for the few queries of a sync). For constant queries only:
// a query with literal values would be kept for each value.
func (db *DB) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := db.stmts.Load(query); ok {
		return s.(*sql.Stmt), nil
	}
	s, err := db.r.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if kept, loaded := db.stmts.LoadOrStore(query, s); loaded {
		s.Close()
		return kept.(*sql.Stmt), nil
	}
	return s, nil
}

// txStmt is readStmt for use inside tx.
func (db *DB) txStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	s, err := db.readStmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return tx.StmtContext(ctx, s), nil
}

// SetWaitNotice sets what a write does when another process (a server
// beside a CLI import, or the reverse) holds the write lock past the busy
// timeout: BeginWrite then calls notice once and keeps waiting until the
// lock is free or its context ends, instead of failing. Call it before the
// DB is shared between goroutines.
func (db *DB) SetWaitNotice(notice func()) { db.waitNotice = notice }

// SetThresholds sets the pace and flag thresholds that Progress, Series,
// Compare, Quality and Latest derive with (zero fields take the defaults).
// Call it before the DB is shared between goroutines.
func (db *DB) SetThresholds(th Thresholds) {
	db.th = th
	db.memo.clear()
}

// Open opens (creating if needed) the database at path, applies every
// embedded migration not yet recorded in schema_migrations — each in its own
// transaction, in number order — and adds the catalog's indicators that are
// missing. It is safe to call while another process has the file open.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, Errorf(CodeInvalid, "no database path given; pass a file name such as plantrack.db")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, Errorf(CodeInvalid, "database path %q contains '?' or '#'; choose a plain file name", path)
	}
	w, err := sql.Open("sqlite", path+"?"+pragmas+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", path+"?"+pragmas)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// Keep as many idle readers as a busy server has requests in flight:
	// with fewer, the pool closes each extra connection when it is returned
	// and opens a new one for the next query, and opening one (reading the
	// schema) serialises on SQLite's global mutex — under 20 concurrent
	// readers that was 40% of the server's mutex waits. Each idle
	// connection keeps its page cache (at most 2 MB).
	r.SetMaxIdleConns(readersKept)
	r.SetConnMaxIdleTime(0)
	db := &DB{path: path, w: w, r: r, memo: newMemo(), hot: newHotReads(), fresh: newTracker(), narrowCompare: true}
	db.bgCtx, db.bgStop = context.WithCancel(context.Background())
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.seedCatalog(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Close closes every connection. Writers still open are rolled back.
func (db *DB) Close() error {
	db.bgStop()
	db.bg.Wait()
	db.stmts.Range(func(_, s any) bool {
		s.(*sql.Stmt).Close()
		return true
	})
	return errors.Join(db.r.Close(), db.w.Close())
}

type migration struct {
	version int
	name    string
}

// migrations lists the embedded migration files in number order.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, n := range names {
		base := path.Base(n)
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number: %w", base, err)
		}
		out = append(out, migration{version: v, name: base})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a number", out[i-1].name, out[i].name)
		}
	}
	return out, nil
}

func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	all, err := db.allApplied(ctx, ms)
	if err != nil {
		return err
	}
	if all {
		return nil // nothing to write: do not wait for another process's write lock
	}
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("open database %s: create schema_migrations: %w", db.path, err)
	}
	for _, m := range ms {
		if err := db.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("open database %s: migration %s: %w", db.path, m.name, err)
		}
	}
	return db.shrink(ctx)
}

// shrink gives the pages a migration freed back to the file system when
// they are more than a quarter of it (0006 rewrites every figure into a
// table a third the size): VACUUM, which cannot run inside the migration's
// transaction, holds the write lock meanwhile.
func (db *DB) shrink(ctx context.Context) error {
	var pages, free int64
	if err := db.w.QueryRowContext(ctx, `SELECT (SELECT page_count FROM pragma_page_count()),
		(SELECT freelist_count FROM pragma_freelist_count())`).Scan(&pages, &free); err != nil {
		return fmt.Errorf("open database %s: %w", db.path, err)
	}
	if free*4 <= pages {
		return nil
	}
	if _, err := db.w.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("open database %s: give freed pages back: %w", db.path, err)
	}
	return nil
}

// allApplied reports, reading only, whether every migration is recorded.
// A file that records a migration this build does not know was written by
// a newer plantrack: it is refused before anything is written to it.
func (db *DB) allApplied(ctx context.Context, ms []migration) (bool, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return false, nil // a new file: no table yet
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if rows.Scan(&v) == nil {
			done[v] = true
		}
	}
	if v := unknownMigration(done, ms); v > 0 {
		return false, Errorf(CodeConflict, "%s was made by a newer plantrack (it has migration %04d, which this build does not know); "+
			"open it with that newer plantrack, or restore a backup made with this version", db.path, v)
	}
	for _, m := range ms {
		if !done[m.version] {
			return false, nil
		}
	}
	return rows.Err() == nil, nil
}

// unknownMigration is the highest recorded migration that ms lacks, or 0.
func unknownMigration(done map[int]bool, ms []migration) int {
	known := make(map[int]bool, len(ms))
	for _, m := range ms {
		known[m.version] = true
	}
	newest := 0
	for v := range done {
		if !known[v] && v > newest {
			newest = v
		}
	}
	return newest
}

// applyMigration runs one migration in its own transaction unless it is
// already recorded; the check is inside the transaction, so two processes
// opening a new file at once apply it once.
func (db *DB) applyMigration(ctx context.Context, m migration) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := migrationFiles.ReadFile("migrations/" + m.name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// seedCatalog inserts the catalog indicators that are missing; existing
// rows, possibly edited by users, are left alone.
func (db *DB) seedCatalog(ctx context.Context) error {
	cat := append(Catalog(), CatalogParts()...)
	var present int
	args := make([]any, len(cat))
	for i, ind := range cat {
		args[i] = ind.Code
	}
	err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM indicators WHERE code IN (`+placeholders(len(cat))+`)`,
		args...).Scan(&present)
	if err == nil && present == len(cat) {
		return nil // nothing to write: do not wait for another process's write lock
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("seed indicator catalog: %w", err)
	}
	defer tx.Rollback()
	added := int64(0)
	for _, i := range cat {
		res, err := tx.ExecContext(ctx, `INSERT INTO indicators
			(code, name_vi, name_en, measure, kind, direction, pace_profile, growth_basis, index_base, primary_authority, part_of)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING`,
			i.Code, i.NameVI, i.NameEN, i.Measure, i.Kind, i.Direction, i.PaceProfile, i.GrowthBasis,
			i.IndexBase, string(i.PrimaryAuthority), i.PartOf)
		if err != nil {
			return fmt.Errorf("seed indicator %s: %w", i.Code, err)
		}
		n, _ := res.RowsAffected()
		added += n
		if n > 0 {
			snap, _ := json.Marshal(i)
			err = insertCatalogRevision(ctx, tx, "indicator", i.Code, snap, Provenance{Via: "catalog"},
				time.Now().UTC().Format(time.RFC3339Nano))
			if err != nil {
				return err
			}
		}
	}
	if added > 0 {
		if err := bumpDataVersion(ctx, tx); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// execer is a *sql.Tx or a *sql.Conn inside a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func bumpDataVersion(ctx context.Context, tx execer) error {
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = value + 1 WHERE key = 'data_version'`); err != nil {
		return fmt.Errorf("bump data version: %w", err)
	}
	return nil
}

// DataVersion returns a counter that every write transaction which changed
// something increments, in this process or another; caches of derived data
// are valid while it stays the same.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	s, err := db.readStmt(ctx, dataVersionSQL)
	if err == nil {
		err = s.QueryRowContext(ctx).Scan(&v)
	}
	if err != nil {
		return 0, fmt.Errorf("read data version: %w", err)
	}
	return v, nil
}

// dataVersionSQL reads the data version (see DataVersion).
const dataVersionSQL = `SELECT value FROM meta WHERE key = 'data_version'`

// HasObservations reports whether any observation revision is stored.
func (db *DB) HasObservations(ctx context.Context) (bool, error) {
	var ok bool
	if err := db.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM figures)`).Scan(&ok); err != nil {
		return false, fmt.Errorf("check for observations: %w", err)
	}
	return ok, nil
}

// Backup writes a consistent copy of the live database to dest with VACUUM
// INTO; dest must not exist yet. Writers may continue meanwhile.
func (db *DB) Backup(ctx context.Context, dest string) error {
	if dest == "" {
		return Errorf(CodeInvalid, "no backup file given; pass a path such as backup.db")
	}
	if _, err := os.Stat(dest); err == nil {
		return Errorf(CodeConflict, "backup file %s already exists; choose a new name or remove it first", dest)
	}
	if _, err := db.r.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("back up database to %s: %w", dest, err)
	}
	return nil
}

// today is the current date in Vietnam, the default as_of.
func today() string { return VietnamDate(time.Now()) }

// resolveAsOf returns asOf, or today when it is empty, after checking its form.
func resolveAsOf(asOf string) (string, error) {
	if asOf == "" {
		return today(), nil
	}
	if _, err := time.Parse(DateLayout, asOf); err != nil {
		return "", Errorf(CodeInvalid, "as_of %q is not a date; use YYYY-MM-DD", asOf)
	}
	return asOf, nil
}
