package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/storage"
)

// openDB opens the database and a collector without metrics, for the CLI.
// When it cannot, the error says why in words and what to do next.
func openDB(ctx context.Context, path string) (*storage.DB, *collector.Collector, error) {
	db, err := storage.Open(ctx, path)
	if err != nil {
		return nil, nil, whyNotOpened(path, err)
	}
	return db, collector.New(db, nil), nil
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// whyNotOpened turns a failure to open the database at path into an error
// that names the cause and the next step, by looking at the folder and the
// file without changing either: the folder is missing or is a file, the
// file is a folder or not a database, or the folder or file cannot be
// written. Any other failure (a newer database, already explained by
// storage; a disk error) is returned as it is.
func whyNotOpened(path string, err error) error {
	if _, ok := asStorageError(err); ok {
		return err
	}
	dir := filepath.Dir(path)
	switch st, serr := os.Stat(dir); {
	case errors.Is(serr, fs.ErrNotExist):
		return storage.Errorf(storage.CodeInvalid, "cannot open the database %s: the folder %s does not exist; create it (mkdir -p %s) or choose another --db", path, dir, dir)
	case serr == nil && !st.IsDir():
		return storage.Errorf(storage.CodeInvalid, "cannot open the database %s: %s is a file, not a folder; choose another --db", path, dir)
	}
	st, serr := os.Stat(path)
	switch {
	case serr == nil && st.IsDir():
		return storage.Errorf(storage.CodeInvalid, "cannot open the database %s: it is a folder; give a file name inside it, e.g. --db %s", path, filepath.Join(path, "plantrack.db"))
	case serr == nil && !isSQLite(path):
		return storage.Errorf(storage.CodeInvalid, "%s is not a plantrack database (not an SQLite file); check --db, or choose a new file name to start an empty database", path)
	case serr == nil && !writable(path):
		return storage.Errorf(storage.CodeInvalid, "cannot write the database %s; give this user write permission on it and its folder %s, or copy it elsewhere and use that copy", path, dir)
	case errors.Is(serr, fs.ErrNotExist) && !canCreateIn(dir):
		return storage.Errorf(storage.CodeInvalid, "cannot create the database %s: the folder %s is not writable; give this user write permission on it or choose another --db", path, dir)
	}
	return err
}

// isSQLite reports whether the file at path is empty (SQLite makes a
// database of it) or starts with the SQLite header.
func isSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true // unreadable: not for this check to say
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return true
	}
	return bytes.Equal(head[:n], sqliteHeader)
}

// writable reports whether path opens for writing (opened, not written).
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// canCreateIn reports whether a file can be created in dir: it creates an
// empty probe file and removes it at once.
func canCreateIn(dir string) bool {
	f, err := os.CreateTemp(dir, ".plantrack-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
