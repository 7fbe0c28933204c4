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

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/storage"
)

// Inbox subfolders.
const (
	inboxDone   = "done"
	inboxFailed = "failed"
)

// InboxOptions tune RunInbox.
type InboxOptions struct {
	Poll time.Duration // how often the folder is read; default 2 s
	// Quiet is how long a file's size and modification time must stay the
	// same before it is imported (0: the same at two scans in a row), so
	// that a writer pausing mid-file is not taken for done; serve's default
	// is 15 s. A writer that may pause longer should write NAME.part and
	// rename it when done.
	Quiet time.Duration
}

// fileState is what a scan saw of a file, and since when it has looked so.
type fileState struct {
	size  int64
	mod   time.Time
	since time.Time
}

func (a fileState) same(b fileState) bool { return a.size == b.size && a.mod.Equal(b.mod) }

// errFileChanged refuses to commit an inbox file that changed while it was
// imported; it is left in place and imported again once it is quiet.
var errFileChanged = errors.New("the file changed while it was imported; it will be imported again once it stays unchanged")

// RunInbox imports every file dropped in dir until ctx is done. A file is
// imported once its size and modification time have stayed the same for
// the quiet period, and committed only if they are still the same after
// the import (so a half-written file is never stored); dotfiles and names
// ending in .tmp, .part, .crdownload or ~ are ignored. After the import the
// file moves to dir/done/, or to dir/failed/ with an error report beside it
// listing every problem (up to 10,000); names too long for the folder are
// shortened. No file, name or error stops the inbox: each is recorded in
// the inbox's state (Collector.InboxState, /healthz, metrics) and the next
// scan goes on. Revisions record Via "inbox" and the file name. It returns
// an error only when dir's subfolders cannot be created.
func (c *Collector) RunInbox(ctx context.Context, dir string, opt InboxOptions) error {
	if opt.Poll <= 0 {
		opt.Poll = 2 * time.Second
	}
	st := c.startInbox(dir)
	defer st.stopped()
	for _, sub := range []string{inboxDone, inboxFailed} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			err = fmt.Errorf("inbox %s: %w", dir, err)
			st.scanned(0, err)
			return err
		}
	}
	in := &inbox{c: c, dir: dir, quiet: opt.Quiet, seen: map[string]fileState{}, st: st}
	t := time.NewTicker(opt.Poll)
	defer t.Stop()
	for {
		in.scan(ctx, time.Now())
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// inbox is one running inbox's memory between scans.
type inbox struct {
	c     *Collector
	dir   string
	quiet time.Duration
	seen  map[string]fileState // files waiting, by name
	stuck map[string]fileState // files that could not be filed, left alone until they change
	st    *inboxStatus
}

// scan imports the files that have been quiet long enough and remembers
// the others.
func (in *inbox) scan(ctx context.Context, now time.Time) {
	entries, err := os.ReadDir(in.dir)
	if err != nil {
		in.st.scanned(0, fmt.Errorf("inbox %s: %w", in.dir, err))
		return
	}
	var lastErr error
	next := map[string]fileState{}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || ignoredInboxName(name) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		cur := fileState{size: info.Size(), mod: info.ModTime(), since: now}
		if s, ok := in.stuck[name]; ok && s.same(cur) {
			continue
		}
		prev, ok := in.seen[name]
		if !ok || !prev.same(cur) || now.Sub(prev.since) < in.quiet {
			if ok && prev.same(cur) {
				cur.since = prev.since
			}
			next[name] = cur
			continue
		}
		if err := in.file(ctx, name, cur); err != nil {
			lastErr = err
		}
	}
	in.seen = next
	in.st.scanned(len(next), lastErr)
}

func ignoredInboxName(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(lower, ".tmp") || strings.HasSuffix(lower, ".part") || strings.HasSuffix(lower, ".crdownload")
}

// file imports one quiet file, committing only if it still looks as the
// scan saw it, and files it under done/ or failed/. An import cut short by
// ctx, or a file that changed, is left where it is for a later scan. An
// error means the file could not be filed; it is then left alone until it
// changes.
func (in *inbox) file(ctx context.Context, name string, saw fileState) error {
	path := filepath.Join(in.dir, name)
	opt := Options{Via: "inbox", FileName: name, detailLimit: inboxDetails,
		beforeCommit: func() error { return unchanged(path, saw) }}
	_, err := in.c.ImportFile(ctx, path, opt)
	if ctx.Err() != nil || errors.Is(err, errFileChanged) {
		return nil
	}
	if _, serr := os.Stat(path); errors.Is(serr, fs.ErrNotExist) {
		return nil // taken away while we looked at it: nothing to file
	}
	if err == nil {
		_, merr := moveUnique(path, filepath.Join(in.dir, inboxDone), name)
		in.st.filed(true)
		return in.stuckOn(name, saw, merr)
	}
	in.st.filed(false)
	dest, merr := moveUnique(path, filepath.Join(in.dir, inboxFailed), name)
	if merr != nil {
		return in.stuckOn(name, saw, merr)
	}
	if werr := writeWhole(reportPath(dest), errorReport(name, err)); werr != nil {
		return fmt.Errorf("inbox: write error report for %s: %w", name, werr)
	}
	return nil
}

// writeWhole writes text to path through a hidden temporary file in the same
// folder and a rename, so whoever watches failed/ sees the report complete
// or not at all, never half written.
func writeWhole(path, text string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".report-*.tmp")
	if err != nil {
		return err
	}
	_, werr := tmp.WriteString(text)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

// stuckOn remembers a file that could not be moved, so it is not imported
// again at every scan.
func (in *inbox) stuckOn(name string, saw fileState, err error) error {
	if err == nil {
		return nil
	}
	if in.stuck == nil {
		in.stuck = map[string]fileState{}
	}
	in.stuck[name] = saw
	return err
}

// unchanged returns errFileChanged when path no longer has the size and
// modification time saw.
func unchanged(path string, saw fileState) error {
	info, err := os.Stat(path)
	if err != nil || !saw.same(fileState{size: info.Size(), mod: info.ModTime()}) {
		return errFileChanged
	}
	return nil
}

// maxNameBytes is the longest file name most file systems take.
const maxNameBytes = 255

// fitName shortens name (keeping its extension and valid UTF-8) so that
// name plus suffix fits in maxNameBytes.
func fitName(name, suffix string) string {
	if len(name)+len(suffix) <= maxNameBytes {
		return name + suffix
	}
	ext := filepath.Ext(name)
	if len(ext) > 16 {
		ext = ""
	}
	stem := strings.TrimSuffix(name, ext)
	keep := maxNameBytes - len(suffix) - len(ext) - 1
	for keep > 0 && keep < len(stem) && !isRuneStart(stem[keep]) {
		keep--
	}
	return stem[:max(keep, 0)] + "~" + ext + suffix
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// moveUnique moves path into dir as name, or name with a time stamp when a
// file of that name is already there (shortened to fit), and returns the new
// path.
func moveUnique(path, dir, name string) (string, error) {
	dest := filepath.Join(dir, fitName(name, ""))
	if _, err := os.Lstat(dest); err == nil {
		ext := filepath.Ext(name)
		stamp := time.Now().UTC().Format("-20060102T150405.000000000")
		dest = filepath.Join(dir, fitName(strings.TrimSuffix(name, ext), stamp+ext))
	}
	if err := os.Rename(path, dest); err != nil {
		return "", fmt.Errorf("inbox: move %s: %w", name, err)
	}
	return dest, nil
}

// reportPath is the error report's path beside a failed file: NAME.error.txt,
// the name shortened to fit.
func reportPath(dest string) string {
	return filepath.Join(filepath.Dir(dest), fitName(filepath.Base(dest), ".error.txt"))
}

// errorReport is the text of NAME.error.txt: what went wrong, then one
// line per problem.
func errorReport(name string, err error) string {
	var b strings.Builder
	for i, lang := range []string{catalog.VI, catalog.EN} {
		if i > 0 {
			b.WriteString("\n----- English -----\n\n")
		}
		writeErrorReport(&b, catalog.New(lang), name, err)
	}
	return b.String()
}

// writeErrorReport writes the report of a failed file in cat's language:
// what happened, the message and every problem by row and field.
func writeErrorReport(b *strings.Builder, cat *catalog.Catalog, name string, err error) {
	b.WriteString(cat.Sprintf("%s was not imported; nothing from it was stored.", name) + "\n")
	var e *storage.Error
	if !errors.As(err, &e) {
		fmt.Fprintf(b, "\n%v\n", err)
		return
	}
	fmt.Fprintf(b, "\n%s\n", cat.Message(e))
	for _, d := range e.Details {
		fmt.Fprintf(b, "- %s\n", cat.Detail(d))
	}
	b.WriteString("\n" + cat.Sprintf("Correct the file and drop it into the inbox again.") + "\n")
}
