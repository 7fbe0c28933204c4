package bench

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// rawInsert is the import's lower bound: the same CSV rows read and inserted
// with one prepared statement, 10,000 rows per transaction, into the same
// schema (the figures table and its indexes, one batch row for the
// provenance), with no validation, no revision check and no derived work.
// It returns the number of rows inserted.
func rawInsert(ctx context.Context, dbPath string, files []string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+dbPath+"?_pragma=foreign_keys(0)&_pragma=journal_mode(wal)&_pragma=synchronous(normal)&_pragma=busy_timeout(10000)&_txlock=immediate")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ids := func(q string) (map[string]int64, error) {
		rows, err := db.QueryContext(ctx, q)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		m := map[string]int64{}
		for rows.Next() {
			var code string
			var id int64
			if err := rows.Scan(&id, &code); err != nil {
				return nil, err
			}
			m[code] = id
		}
		return m, rows.Err()
	}
	units, err := ids("SELECT id, code FROM units")
	if err != nil {
		return 0, err
	}
	inds, err := ids("SELECT id, code FROM indicators")
	if err != nil {
		return 0, err
	}
	res, err := db.ExecContext(ctx, `INSERT INTO batches (source, via, recorded_at) VALUES ('bench', 'raw', ?)`,
		time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return 0, err
	}
	batch, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	total := 0
	for _, f := range files {
		n, err := rawInsertFile(ctx, db, f, units, inds, batch, int64(total))
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

const rawInsertSQL = `INSERT INTO figures (unit_id, indicator_id, year, first_month, last_month, value,
	reported_at, id, packed, batch_id) VALUES (?,?,?,?,?,?,?,?,?,?)`

// rawInsertFile inserts one file's rows, numbering revisions after offset.
func rawInsertFile(ctx context.Context, db *sql.DB, path string, units, inds map[string]int64, batch, offset int64) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		return 0, err
	}
	n := 0
	// The statements run under a context that never ends, ctx being checked
	// per transaction instead: under a cancellable one the driver starts a
	// watcher goroutine per statement, which the collector's writer no
	// longer pays (it checks its context itself), and neither may the bound.
	run := context.Background()
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return n, err
		}
		stmt, err := tx.PrepareContext(run, rawInsertSQL)
		if err != nil {
			tx.Rollback()
			return n, err
		}
		inTx, done := 0, false
		for inTx < 10000 {
			rec, err := r.Read()
			if err == io.EOF {
				done = true
				break
			}
			if err != nil {
				tx.Rollback()
				return n, err
			}
			p, err := storage.ParsePeriod(rec[2])
			if err != nil {
				tx.Rollback()
				return n, err
			}
			v, err := strconv.ParseFloat(rec[3], 64)
			if err != nil {
				tx.Rollback()
				return n, fmt.Errorf("%s row %d: %w", path, n+2, err)
			}
			status := map[string]int64{"preliminary": 0, "estimate": 1, "official": 2}[rec[4]]
			packed := ((((int64(p.Year)*16+int64(p.First))*16+int64(p.Last))*2+0)*4 + status)
			if _, err := stmt.ExecContext(run, units[rec[0]], inds[rec[1]], p.Year, p.First, p.Last, v,
				rec[5], offset+int64(n)+1, packed, batch); err != nil {
				tx.Rollback()
				return n, err
			}
			inTx++
			n++
		}
		stmt.Close()
		if err := tx.Commit(); err != nil {
			return n, err
		}
		if done {
			return n, nil
		}
	}
}

// referencesHold checks, after the timed insert, that every row the raw
// insert stored (with foreign keys unenforced, like any bulk load) points
// at a stored unit, indicator and batch: a bound that stored broken rows
// would not be a bound of the import.
func referencesHold(ctx context.Context, dbPath string) error {
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `PRAGMA foreign_key_check(figures)`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return err
		}
		return fmt.Errorf("a stored figure points at no row of %s", parent)
	}
	return rows.Err()
}
