// Package collector turns everything that arrives — CSV, JSON and XLSX
// files, HTTP batches, files dropped in an inbox folder, figures reviewed
// from report prose — into validated observations and plans, stored in one
// transaction per report: a report is stored whole or not at all. Who may
// write which unit is decided by the caller and passed in as Options.Allow.
package collector

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// Collector imports reports into one database.
type Collector struct {
	db *storage.DB
	m  *Metrics

	inboxMu sync.Mutex
	inbox   *inboxStatus // the running inbox's state; nil without one
}

// New returns a Collector writing to db and counting into m (nil: no metrics).
func New(db *storage.DB, m *Metrics) *Collector { return &Collector{db: db, m: m} }

// Options tune one import.
type Options struct {
	// Locale decides how an ambiguous number such as 63.135 is read: "vi"
	// (63135), "en" (63.135), or "" (such a cell is an error naming it).
	Locale string
	// DryRun validates everything and stores nothing; the Report previews
	// what would be stored and counts what would be new.
	DryRun bool
	// Via, TokenName and FileName are recorded as the provenance of every
	// revision. Via defaults to the format (csv, json, xlsx) or "api".
	Via, TokenName, FileName string
	// Allow is the writer's scope: it returns an error (CodeForbidden) for
	// a change the writer may not make; nil allows every change. It is
	// asked, before anything is written, about every unit and indicator
	// declaration and once per unit whose figures or plans are written,
	// with the change described by what the import's transaction sees as
	// stored (see storage.Change).
	Allow func(storage.Change) error
	// MaxRows refuses (CodeTooLarge) a report with more rows; 0 means no cap.
	MaxRows int

	detailLimit  int          // problems listed in the error; 0 means maxDetails
	beforeCommit func() error // a last check before the commit; its error stores nothing
}

// Report says what one import did, or in a dry run would do.
type Report struct {
	Format   string                `json:"format"`
	Rows     int                   `json:"rows"` // observation and plan rows read
	Result   storage.WriteResult   `json:"result"`
	Preview  []storage.Observation `json:"preview,omitempty"` // dry run: the first previewMax observations as they would be stored
	Plans    []storage.Plan        `json:"plans_preview,omitempty"`
	Warnings []storage.Flag        `json:"warnings,omitempty"` // data-quality findings; never a reason to reject
}

// Summary is the one-line result, e.g. "12 new, 3 unchanged".
func (r Report) Summary() string {
	s := fmt.Sprintf("%d new, %d unchanged", r.Result.New, r.Result.Unchanged)
	if r.Result.UnitsNew > 0 || r.Result.IndicatorsNew > 0 {
		s += fmt.Sprintf(" (%d units and %d indicators added)", r.Result.UnitsNew, r.Result.IndicatorsNew)
	}
	return s
}

// Formats the collector reads.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
	FormatXLSX = "xlsx"
)

// FormatOf returns the import format of a file name by its extension, or
// a CodeInvalid error naming the extensions it knows.
func FormatOf(name string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".csv":
		return FormatCSV, nil
	case ".json":
		return FormatJSON, nil
	case ".xlsx":
		return FormatXLSX, nil
	default:
		return "", storage.Errorf(storage.CodeInvalid,
			"%s: unsupported file type %q; import .csv, .json or .xlsx files", filepath.Base(name), ext)
	}
}

// ImportFile imports one file, choosing the format by its extension. The
// file name (without directory) is recorded unless opt.FileName is set.
// Without opt.Locale, a name ending in .vi.csv or .en.xlsx (any format)
// gives the locale, so files dropped in the inbox can carry theirs.
func (c *Collector) ImportFile(ctx context.Context, path string, opt Options) (Report, error) {
	format, err := FormatOf(path)
	if err != nil {
		return Report{Format: format}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return Report{Format: format}, storage.Errorf(storage.CodeInvalid, "cannot open %s: %v", path, err)
	}
	defer f.Close()
	if opt.FileName == "" {
		opt.FileName = filepath.Base(path)
	}
	if opt.Locale == "" {
		opt.Locale = LocaleOf(path)
	}
	return c.ImportReader(ctx, f, format, opt)
}

// LocaleOf returns the locale a file name declares before its extension
// ("bao-cao.vi.csv" → "vi"), or "".
func LocaleOf(name string) string {
	base := strings.ToLower(filepath.Base(name))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	switch filepath.Ext(base) {
	case "." + LocaleVI:
		return LocaleVI
	case "." + LocaleEN:
		return LocaleEN
	}
	return ""
}

// ImportReader imports one report read from r in format csv, json or xlsx.
// Everything is validated; on any problem nothing is stored and the error
// is a *storage.Error listing every bad row and field (the first 100, with
// the total in its message).
func (c *Collector) ImportReader(ctx context.Context, r io.Reader, format string, opt Options) (Report, error) {
	var parse func(ctx context.Context, r io.Reader, s *session) error
	switch format {
	case FormatCSV:
		parse = parseCSV
	case FormatJSON:
		parse = parseJSON
	case FormatXLSX:
		parse = parseXLSX
	default:
		return Report{Format: format}, storage.Errorf(storage.CodeInvalid,
			"unsupported format %q; use csv, json or xlsx", format)
	}
	return c.run(ctx, format, opt, func(ctx context.Context, s *session) error { return parse(ctx, r, s) })
}

// ImportBatch validates and stores a batch that arrived already decoded (an
// API request, a form). Via defaults to "api".
func (c *Collector) ImportBatch(ctx context.Context, b storage.Batch, opt Options) (Report, error) {
	if opt.Via == "" {
		opt.Via = "api"
	}
	return c.run(ctx, "api", opt, func(ctx context.Context, s *session) error { return s.putBatch(ctx, b) })
}

// run opens a session, feeds it, and commits, rolls back or reports.
func (c *Collector) run(ctx context.Context, format string, opt Options, feed func(context.Context, *session) error) (Report, error) {
	if err := checkLocale(opt.Locale); err != nil {
		return Report{Format: format}, err
	}
	if opt.Via == "" {
		opt.Via = format
	}
	s, err := c.begin(ctx, format, opt)
	if storage.IsDiskFull(err) {
		err = storage.DiskFull()
	}
	if err != nil {
		c.m.imported(format, "error", 0)
		return Report{Format: format}, err
	}
	defer s.w.Rollback()
	err = feed(ctx, s)
	rep, err := s.finish(ctx, err)
	if storage.IsDiskFull(err) {
		err = storage.DiskFull()
	}
	c.m.observe(format, rep, err, s)
	return rep, err
}

func checkLocale(l string) error {
	switch l {
	case "", LocaleVI, LocaleEN:
		return nil
	}
	return storage.Errorf(storage.CodeInvalid, "unknown locale %q; use vi or en", l)
}

// begin starts the session's write transaction.
func (c *Collector) begin(ctx context.Context, format string, opt Options) (*session, error) {
	w, err := c.db.BeginWrite(ctx, storage.Provenance{Via: opt.Via, TokenName: opt.TokenName,
		FileName: opt.FileName, RecordedAt: time.Now()})
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", format, err)
	}
	return newSession(c, w, format, opt), nil
}
