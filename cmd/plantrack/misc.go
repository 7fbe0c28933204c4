package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/storage"
)

func asStorageError(err error) (*storage.Error, bool) {
	var e *storage.Error
	ok := errors.As(err, &e)
	return e, ok
}

func (m *Main) backupCommand() *command {
	c := newCommand("backup", "DEST", `
Writes a consistent copy of the live database to DEST (which must not
exist), even while serve or an import is writing. To restore, stop serve
and start it with --db DEST.

Example: plantrack backup /srv/backup/plantrack-2018-06-30.db`, 1, 1)
	db := c.dbFlag()
	c.run = func(ctx context.Context) error {
		d, _, err := openDB(ctx, *db)
		if err != nil {
			return err
		}
		defer d.Close()
		if err := d.Backup(ctx, c.args[0]); err != nil {
			return storage.Errorf(storage.CodeInvalid, "backup to %s: %v", c.args[0], err)
		}
		fmt.Fprintln(m.Stdout, catalog.New(m.lang).Sprintf("backed up %s to %s", *db, c.args[0]))
		return nil
	}
	return c
}

func (m *Main) versionCommand() *command {
	c := newCommand("version", "", "Prints plantrack's version and the Go version it was built with.", 0, 0)
	c.run = func(context.Context) error {
		fmt.Fprintf(m.Stdout, "plantrack %s (%s)\n", version(), runtime.Version())
		return nil
	}
	return c
}

// version is the module version and VCS revision recorded in the binary.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

// workDir is the folder relative paths are read from, for messages.
func workDir() string {
	d, err := os.Getwd()
	if err != nil {
		return "."
	}
	return d
}
