package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// beginImmediate takes the write lock. SQLite waits up to the busy timeout
// (10 s) itself; while another process still holds the lock after that,
// it tells the waitNotice once and tries again until ctx ends.
func (db *DB) beginImmediate(ctx context.Context, conn *sql.Conn) error {
	noticed := false
	for {
		_, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`)
		if err == nil {
			return nil
		}
		if !isBusy(err) || ctx.Err() != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("begin write: waited for another process's write until %w", ctx.Err())
			}
			return fmt.Errorf("begin write: %w", err)
		}
		if !noticed && db.waitNotice != nil {
			db.waitNotice()
			noticed = true
		}
		select {
		case <-ctx.Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// isBusy reports whether err is SQLite's "database is locked" (SQLITE_BUSY,
// 5, with its extended codes).
func isBusy(err error) bool {
	var ce interface{ Code() int }
	if errors.As(err, &ce) {
		return ce.Code()&0xff == 5
	}
	return strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "database is locked")
}

// IsDiskFull reports whether err is SQLite's "database or disk is full"
// (SQLITE_FULL, 13), anywhere in its chain.
func IsDiskFull(err error) bool {
	var ce interface{ Code() int }
	if errors.As(err, &ce) {
		return ce.Code()&0xff == 13
	}
	return err != nil && strings.Contains(err.Error(), "database or disk is full")
}

// DiskFull is the error a write that ran out of disk returns to its writer:
// a clear sentence instead of "internal error".
func DiskFull() *Error {
	return Errorf(CodeDiskFull, "the server's disk is full, so nothing was stored; tell the administrator, who must free space, then send it again")
}
