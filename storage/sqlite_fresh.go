package storage

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"slices"
	"sync"
)

// pair is one unit × indicator by id; indicator 0 stands for every
// indicator of the unit. With own set it stands for the unit's own figures
// and plans only; without, for those and its children's figures too (what
// a flow's children-sum check reads).
type pair struct {
	unit, ind int64
	own       bool
}

// tracker knows, per unit × indicator, the data version at which what its
// derived figures depend on last changed, so that kept answers survive
// writes that did not touch them (see memo). Observations and plans are
// append-only, so the rows with ids above the last ones seen are exactly
// what the writes since then added — in this process or another: the
// tables are their own change log, and neither an import nor the file pays
// for tracking. Units, indicators and any other table that shapes
// derivation are checked on each new version through the catalog
// revisions' greatest id (see shapeOf); a change there invalidates
// everything.
type tracker struct {
	mu       sync.Mutex
	synced   int64 // the data version the stamps below reflect
	started  bool
	obsMark  int64  // greatest observation id seen
	planMark int64  // greatest plan id seen
	shape    uint64 // hash of units, indicators and the other shaping tables
	// quick says whether syncQuick may find the changes: the shape is the
	// catalog revision and the table names alone (no table is hashed),
	// and schemaVer and catalogRev are what it was computed from.
	quick                 bool
	schemaVer, catalogRev int64
	readers               map[int64][]reader // see readersOf
	// stamps hold the version of the last change of each pair; a child's
	// change stamps its parent's pairs without own too (flows are checked
	// against the sum of children), and every pair of a unit stamps
	// (unit, 0).
	stamps map[pair]int64
	all    int64 // version of the last change that invalidates everything
	// horizon is the greatest reported_at or adopted_on stored: an answer
	// as of any date on or after it is the current answer. Known once the
	// first scan ran (horizonOK); rows added since are folded in as seen.
	horizon   string
	horizonOK bool
	scanning  bool
	// changed are the units whose kept answers the writes since the last
	// Changed call invalidated (see Changed); overflow when more than
	// changedMax were, or everything was.
	changed  map[int64]bool
	overflow bool
}

func newTracker() *tracker {
	return &tracker{stamps: map[pair]int64{}, readers: map[int64][]reader{}, changed: map[int64]bool{}}
}

// validAt reports whether an answer computed at version at, depending on
// deps, is still the answer at the synced version.
func (t *tracker) validAt(at int64, deps []pair) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if at < t.all {
		return false
	}
	for _, d := range deps {
		if t.stamps[d] > at {
			return false
		}
	}
	return true
}

// version is the data version the stamps reflect: a piece computed from
// reads that start after it is kept under it (see memoized).
func (t *tracker) version() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.synced
}

// current returns the date key under which an answer as of asOf is kept:
// "" (the current answer) when asOf is on or after every stored date.
func (t *tracker) current(asOf string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.horizonOK && asOf >= t.horizon {
		return ""
	}
	return asOf
}

// sync brings the stamps up to the database's current data version and
// returns it. Writes are found in one snapshot — one statement
// (syncQuick) or, when the schema or the catalog changed, one read
// transaction — so the version and the rows seen belong together.
func (db *DB) sync(ctx context.Context) (int64, error) {
	t := db.fresh
	v, err := db.DataVersion(ctx)
	if err != nil {
		return 0, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.started && v == t.synced {
		return v, nil
	}
	if t.started && t.quick {
		v, done, err := db.syncQuick(ctx)
		if err != nil || done {
			return v, err
		}
	}
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, fmt.Errorf("read changes: %w", err)
	}
	defer tx.Rollback()
	meta, err := db.txStmt(ctx, tx, dataVersionSQL)
	if err == nil {
		err = meta.QueryRowContext(ctx).Scan(&v)
	}
	if err != nil {
		return 0, fmt.Errorf("read changes: %w", err)
	}
	if t.started && v == t.synced {
		return v, nil
	}
	shape, tables, rev, err := db.shapeOf(ctx, tx)
	if err != nil {
		return 0, err
	}
	var schemaVer int64
	if err := tx.QueryRowContext(ctx, `PRAGMA schema_version`).Scan(&schemaVer); err != nil {
		return 0, fmt.Errorf("read changes: %w", err)
	}
	t.quick, t.schemaVer, t.catalogRev = !slices.ContainsFunc(tables, hashed), schemaVer, rev
	var readers map[int64][]reader
	if !t.started || shape != t.shape {
		if readers, err = readersOf(ctx, tx, tables); err != nil {
			return 0, err
		}
	}
	if !t.started {
		err = tx.QueryRowContext(ctx, `SELECT coalesce((SELECT max(id) FROM figures), 0),
			coalesce((SELECT max(id) FROM plans), 0)`).Scan(&t.obsMark, &t.planMark)
		if err != nil {
			return 0, fmt.Errorf("read changes: %w", err)
		}
		t.started, t.synced, t.shape, t.readers, t.all = true, v, shape, readers, v
		if t.obsMark < horizonScanInline {
			t.horizon, err = scanHorizon(ctx, tx, t.obsMark, t.planMark)
			t.horizonOK = err == nil
		} else {
			db.scanHorizonLater(t.obsMark, t.planMark)
		}
		return v, nil
	}
	if shape != t.shape {
		t.shape, t.readers, t.all = shape, readers, v
		t.overflow = true
	}
	for _, c := range []struct {
		query string
		mark  *int64
	}{
		{`SELECT unit_id, indicator_id, id, reported_at FROM figures WHERE id > ?`, &t.obsMark},
		{`SELECT unit_id, indicator_id, id, adopted_on FROM plans NOT INDEXED WHERE id > ?`, &t.planMark},
	} {
		s, err := db.txStmt(ctx, tx, c.query)
		if err != nil {
			return 0, fmt.Errorf("read changes: %w", err)
		}
		if err := t.touch(ctx, s, v, c.mark); err != nil {
			return 0, err
		}
	}
	t.synced = v
	return v, nil
}

// horizonScanInline is the number of observations below which the first
// sync finds the horizon itself (a few milliseconds); above it a
// background scan does, and answers are kept by as_of until it is done.
const horizonScanInline = 200000

// scanHorizon returns the greatest reported_at and adopted_on of the rows
// up to the given ids.
func scanHorizon(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, obsMark, planMark int64) (string, error) {
	var h string
	err := q.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(reported_at) FROM figures WHERE id <= ?), ''),
		coalesce((SELECT max(adopted_on) FROM plans WHERE id <= ?), ''))`, obsMark, planMark).Scan(&h)
	if err != nil {
		return "", fmt.Errorf("find the latest stored date: %w", err)
	}
	return h, nil
}

// scanHorizonLater finds the horizon of a large file in the background;
// Close stops it.
func (db *DB) scanHorizonLater(obsMark, planMark int64) {
	t := db.fresh
	if t.scanning {
		return
	}
	t.scanning = true
	db.bg.Add(1)
	go func() {
		defer db.bg.Done()
		h, err := scanHorizon(db.bgCtx, db.r, obsMark, planMark)
		t.mu.Lock()
		defer t.mu.Unlock()
		t.scanning = false
		if err == nil {
			t.horizon, t.horizonOK = max(t.horizon, h), true
		}
	}()
}

// touch stamps, at version v, every pair with rows above *mark (and its
// parent's pair), and moves *mark and the horizon past them. Figures are
// found by figures_id, plans by rowid (NOT INDEXED: plans_key would be
// scanned whole).
func (t *tracker) touch(ctx context.Context, s *sql.Stmt, v int64, mark *int64) error {
	rows, err := s.QueryContext(ctx, *mark)
	if err != nil {
		return fmt.Errorf("read changes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.unit, &c.ind, &c.id, &c.date); err != nil {
			return fmt.Errorf("read changes: %w", err)
		}
		t.apply(c, v, mark)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read changes: %w", err)
	}
	return nil
}

// change is a figure or plan row added since the last sync.
type change struct {
	unit, ind, id int64
	date          string
}

// apply stamps, at version v, the pairs that read c's unit and indicator
// (see touch) and moves *mark and the horizon past it.
func (t *tracker) apply(c change, v int64, mark *int64) {
	*mark = max(*mark, c.id)
	if c.date > t.horizon {
		t.horizon = c.date
	}
	t.stamp(reader{c.unit, true}, c.ind, v)
	for _, r := range t.readers[c.unit] {
		t.stamp(r, c.ind, v)
	}
}

// syncQuickSQL reads, in one statement and so from one snapshot,
// everything a sync needs when the shape is the catalog revision and the
// table names: the data version, the schema version and the greatest
// catalog revision (kind 1), and the figure (2) and plan (3) rows added
// since the marks.
const syncQuickSQL = `SELECT 0, value, 0, 0, '' FROM meta WHERE key = 'data_version'
	UNION ALL SELECT 1, (SELECT schema_version FROM pragma_schema_version),
		(SELECT coalesce(max(id), 0) FROM catalog_revisions), 0, ''
	UNION ALL SELECT 2, unit_id, indicator_id, id, reported_at FROM figures WHERE id > ?
	UNION ALL SELECT 3, unit_id, indicator_id, id, adopted_on FROM plans NOT INDEXED WHERE id > ?`

// syncQuick is sync's usual case, with t.mu held: one prepared statement
// instead of a read transaction of five queries (a third of the first
// request's time after a report). It reports done=false, having changed
// nothing, when the schema or the catalog changed since: sync's full
// path then recomputes the shape and the readers.
func (db *DB) syncQuick(ctx context.Context) (v int64, done bool, err error) {
	t := db.fresh
	s, err := db.readStmt(ctx, syncQuickSQL)
	if err != nil {
		return 0, false, fmt.Errorf("read changes: %w", err)
	}
	rows, err := s.QueryContext(ctx, t.obsMark, t.planMark)
	if err != nil {
		return 0, false, fmt.Errorf("read changes: %w", err)
	}
	defer rows.Close()
	var figs, plans []change
	var schemaVer, rev int64
	for rows.Next() {
		var kind int
		var c change
		if err := rows.Scan(&kind, &c.unit, &c.ind, &c.id, &c.date); err != nil {
			return 0, false, fmt.Errorf("read changes: %w", err)
		}
		switch kind {
		case 0:
			v = c.unit
		case 1:
			schemaVer, rev = c.unit, c.ind
		case 2:
			figs = append(figs, c)
		case 3:
			plans = append(plans, c)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, false, fmt.Errorf("read changes: %w", err)
	}
	if schemaVer != t.schemaVer || rev != t.catalogRev {
		return 0, false, nil
	}
	if v == t.synced {
		return v, true, nil
	}
	for _, c := range figs {
		t.apply(c, v, &t.obsMark)
	}
	for _, c := range plans {
		t.apply(c, v, &t.planMark)
	}
	t.synced = v
	return v, true, nil
}

// stamp records that what r derives from indicator ind (and from all its
// indicators, 0) changed at version v: its pairs without own always, with
// own when r reads the figures as its own.
func (t *tracker) stamp(r reader, ind, v int64) {
	t.noteChanged(r.id)
	t.stamps[pair{r.id, ind, false}] = v
	t.stamps[pair{r.id, 0, false}] = v
	if r.own {
		t.stamps[pair{r.id, ind, true}] = v
		t.stamps[pair{r.id, 0, true}] = v
	}
}

// hashed reports whether shapeOf hashes table whole (neither append-only
// nor revisioned).
func hashed(table string) bool { return !appendOnly[table] && !revisioned[table] }

// appendOnly are the tables whose changes are found by id (figures,
// plans) or that no derivation reads.
var appendOnly = map[string]bool{"observations": true, "figures": true, "plans": true, "meta": true,
	"schema_migrations": true, "tokens": true, "batches": true, "catalog_revisions": true}

// revisioned are the tables that shape derivation whose every write records
// a catalog revision in the same transaction (Writer.PutUnit and
// PutIndicator, and Open's catalog seeding, insert into catalog_revisions
// beside each change of a unit's row, parents or predecessors and of an
// indicator's row). catalog_revisions is append-only, so its greatest id
// moves exactly when one of these tables changed, in this process or
// another: a change counter the writer bumps, read in O(log n) instead of
// hashing the tables whole.
var revisioned = map[string]bool{"units": true, "indicators": true, "unit_parents": true, "unit_predecessors": true}

// shapeOf returns a key that changes whenever a table that shapes
// derivation other than observations and plans changes — units and
// indicators and their links through the catalog revisions' greatest id,
// whatever later migrations add (not in revisioned nor appendOnly) by
// hashing it whole — and those tables' names (see readersOf), and the
// greatest catalog revision id.
func (db *DB) shapeOf(ctx context.Context, tx *sql.Tx) (uint64, []string, int64, error) {
	names, err := db.txStmt(ctx, tx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return 0, nil, 0, fmt.Errorf("read changes: %w", err)
	}
	rows, err := names.QueryContext(ctx)
	if err != nil {
		return 0, nil, 0, fmt.Errorf("read changes: %w", err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return 0, nil, 0, fmt.Errorf("read changes: %w", err)
		}
		if !appendOnly[n] {
			tables = append(tables, n)
		}
	}
	rows.Close()
	var rev int64
	revs, err := db.txStmt(ctx, tx, `SELECT coalesce(max(id), 0) FROM catalog_revisions`)
	if err == nil {
		err = revs.QueryRowContext(ctx).Scan(&rev)
	}
	if err != nil {
		return 0, nil, 0, fmt.Errorf("read changes: %w", err)
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "catalog revision %d\x00", rev)
	for _, n := range tables {
		fmt.Fprintf(h, "\x00table %s\x00", n)
		if revisioned[n] {
			continue
		}
		if err := hashTable(ctx, tx, n, h); err != nil {
			return 0, nil, 0, err
		}
	}
	return h.Sum64(), tables, rev, nil
}

// readersQueries list, for each unit, the other units whose derived
// figures read its figures: its parent (the children-sum check), every
// parent it had over time, and the units that took over its territory
// (their figures before the succession are reconstructed from it) with
// their parents. A query whose table a database lacks is skipped.
// A successor reads them as its own figures (own), a parent only for sums.
var readersQueries = []struct {
	table, query string
	own          bool
}{
	{"units", `SELECT id, parent_id FROM units WHERE parent_id IS NOT NULL`, false},
	{"unit_parents", `SELECT unit_id, parent_id FROM unit_parents`, false},
	{"unit_predecessors", `SELECT predecessor_id, unit_id FROM unit_predecessors`, true},
	{"unit_predecessors", `SELECT p.predecessor_id, u.parent_id FROM unit_predecessors p JOIN units u ON u.id = p.unit_id
		WHERE u.parent_id IS NOT NULL`, false},
}

// reader is a unit whose derived figures read another's figures; own when
// it reads them as its own.
type reader struct {
	id  int64
	own bool
}

// readersOf returns, by unit id, the units whose derived figures read its
// figures (see readersQueries).
func readersOf(ctx context.Context, tx *sql.Tx, tables []string) (map[int64][]reader, error) {
	out := map[int64][]reader{}
	for _, q := range readersQueries {
		if !slices.Contains(tables, q.table) {
			continue
		}
		rows, err := tx.QueryContext(ctx, q.query)
		if err != nil {
			return nil, fmt.Errorf("read changes: %w", err)
		}
		for rows.Next() {
			var id int64
			r := reader{own: q.own}
			if err := rows.Scan(&id, &r.id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read changes: %w", err)
			}
			if !slices.Contains(out[id], r) {
				out[id] = append(out[id], r)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read changes: %w", err)
		}
	}
	return out, nil
}

// hashTable writes every row of table (a name from sqlite_master) to h.
func hashTable(ctx context.Context, tx *sql.Tx, table string, h interface{ Write([]byte) (int, error) }) error {
	rows, err := tx.QueryContext(ctx, `SELECT * FROM "`+table+`" ORDER BY rowid`)
	if err != nil {
		// WITHOUT ROWID tables have no rowid: their primary key orders them.
		rows, err = tx.QueryContext(ctx, `SELECT * FROM "`+table+`"`)
	}
	if err != nil {
		return fmt.Errorf("read changes of %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("read changes of %s: %w", table, err)
		}
		fmt.Fprintf(h, "%v\x1f", vals)
	}
	return rows.Err()
}
