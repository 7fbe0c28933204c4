package collector

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// Inbox subfolders.
const (
	inboxDone   = "done"
	inboxFailed = "failed"
)

// fileState is what a poll saw of a file; a file whose state is the same at
// two polls in a row is taken to be completely written.
type fileState struct {
	size int64
	mod  time.Time
}

// RunInbox imports every file dropped in dir until ctx is done, checking
// every poll (default 2s). A file is imported once its size and modification
// time are the same at two polls in a row (so a half-written file waits);
// dotfiles and names ending in .tmp, .part or ~ are ignored, so a writer
// that renames when done is never seen half-way. After the import the file
// moves to dir/done/, or to dir/failed/ with NAME.error.txt beside it
// listing every problem (up to 10,000). Revisions record Via "inbox" and
// the file name.
func (c *Collector) RunInbox(ctx context.Context, dir string, poll time.Duration) error {
	if poll <= 0 {
		poll = 2 * time.Second
	}
	for _, sub := range []string{inboxDone, inboxFailed} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("inbox %s: %w", dir, err)
		}
	}
	seen := map[string]fileState{}
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		if err := c.scanInbox(ctx, dir, seen); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// scanInbox imports the files that have not changed since the last scan
// and remembers the state of the others.
func (c *Collector) scanInbox(ctx context.Context, dir string, seen map[string]fileState) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("inbox %s: %w", dir, err)
	}
	now := map[string]fileState{}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || ignoredInboxName(name) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		st := fileState{size: info.Size(), mod: info.ModTime()}
		if prev, ok := seen[name]; !ok || prev != st {
			now[name] = st
			continue
		}
		if err := c.inboxFile(ctx, dir, name); err != nil {
			return err
		}
	}
	clear(seen)
	for k, v := range now {
		seen[k] = v
	}
	return nil
}

func ignoredInboxName(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(lower, ".tmp") || strings.HasSuffix(lower, ".part") || strings.HasSuffix(lower, ".crdownload")
}

// inboxFile imports one file and files it under done/ or failed/. An import
// cut short by ctx leaves the file where it is, for the next start.
func (c *Collector) inboxFile(ctx context.Context, dir, name string) error {
	path := filepath.Join(dir, name)
	_, err := c.ImportFile(ctx, path, Options{Via: "inbox", FileName: name, detailLimit: inboxDetails})
	if ctx.Err() != nil {
		return nil
	}
	if _, serr := os.Stat(path); errors.Is(serr, fs.ErrNotExist) {
		return nil // taken away while we looked at it: nothing to file
	}
	if err == nil {
		_, err := moveUnique(path, filepath.Join(dir, inboxDone), name)
		return err
	}
	dest, merr := moveUnique(path, filepath.Join(dir, inboxFailed), name)
	if merr != nil {
		return merr
	}
	if werr := os.WriteFile(dest+".error.txt", []byte(errorReport(name, err)), 0o644); werr != nil {
		return fmt.Errorf("inbox: write error report for %s: %w", name, werr)
	}
	return nil
}

// moveUnique moves path into dir as name, or name with a time stamp when a
// file of that name is already there, and returns the new path.
func moveUnique(path, dir, name string) (string, error) {
	dest := filepath.Join(dir, name)
	if _, err := os.Lstat(dest); err == nil {
		ext := filepath.Ext(name)
		dest = filepath.Join(dir, strings.TrimSuffix(name, ext)+time.Now().UTC().Format("-20060102T150405.000000000")+ext)
	}
	if err := os.Rename(path, dest); err != nil {
		return "", fmt.Errorf("inbox: move %s: %w", name, err)
	}
	return dest, nil
}

// errorReport is the text of NAME.error.txt: what went wrong, then one
// line per problem.
func errorReport(name string, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s was not imported; nothing from it was stored.\n", name)
	var e *storage.Error
	if !errors.As(err, &e) {
		fmt.Fprintf(&b, "\n%v\n", err)
		return b.String()
	}
	fmt.Fprintf(&b, "\n%s (%s)\n", e.Message, e.Code)
	for _, d := range e.Details {
		fmt.Fprintf(&b, "- %s\n", d.String())
	}
	b.WriteString("\nCorrect the file and drop it into the inbox again.\n")
	return b.String()
}
