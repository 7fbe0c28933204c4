package dashboards

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
)

// importView is the answer to a write: what was (or, on a dry run, would
// be) stored.
type importView struct {
	Format        string                `json:"format"`
	FileName      string                `json:"file_name,omitempty"`
	DryRun        bool                  `json:"dry_run"`
	Rows          int                   `json:"rows"`
	New           int                   `json:"new"`
	Unchanged     int                   `json:"unchanged"`
	UnitsNew      int                   `json:"units_new"`
	IndicatorsNew int                   `json:"indicators_new"`
	Preview       []storage.Observation `json:"preview,omitempty"`
	Warnings      []storage.Flag        `json:"warnings"`
}

func (s *Server) viewReport(r *http.Request, rep collector.Report, fileName string, dry bool) importView {
	warn := rep.Warnings
	if warn == nil {
		warn = []storage.Flag{}
	}
	s.explainFlags(r, warn)
	return importView{Format: rep.Format, FileName: fileName, DryRun: dry, Rows: rep.Rows,
		New: rep.Result.New, Unchanged: rep.Result.Unchanged, UnitsNew: rep.Result.UnitsNew,
		IndicatorsNew: rep.Result.IndicatorsNew, Preview: rep.Preview, Warnings: warn}
}

// writeOptions returns the collector options for a write by the request's
// writer: 401 without one, 403 for a role that cannot write; the writer's
// scope is auth.Scope.
func (s *Server) writeOptions(r *http.Request, via string) (collector.Options, error) {
	wr, ok := auth.WriterFrom(r.Context())
	if !ok {
		return collector.Options{}, storage.Errorf(storage.CodeUnauthorized,
			"writing needs a token: send \"Authorization: Bearer <token>\" (create one with `plantrack token create`) or sign in at /login")
	}
	allow, err := auth.Scope(wr)
	if err != nil {
		return collector.Options{}, err
	}
	opt := collector.Options{Via: via, TokenName: wr.TokenName, MaxRows: s.cfg.MaxImportRows, Allow: allow}
	return opt, nil
}

// handlePostBatch answers POST /api/v1/observations and /api/v1/plans: a
// JSON body shaped like a JSON import file ({"units","indicators",
// "observations","plans"}, any subset), stored whole or not at all.
// ?dry_run=true validates and previews without storing.
func (s *Server) handlePostBatch(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "dry_run")
	dry := p.boolean("dry_run")
	if p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	opt, err := s.writeOptions(r, "api")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, _ := mime.ParseMediaType(ct); mt != "application/json" {
			s.writeError(w, r, storage.Errorf(storage.CodeInvalid,
				"Content-Type %q: send the batch as application/json, or upload a file to /api/v1/import", ct))
			return
		}
	}
	opt.DryRun = dry
	// The whole body (within the body limit) is read before the import
	// takes the write lock, so a client sending slowly holds up no writer.
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	rep, err := s.col.ImportReader(r.Context(), bytes.NewReader(body), "json", opt)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, s.viewReport(r, rep, "", dry))
}

// handleImport answers POST /api/v1/import: a multipart upload with a
// "file" (CSV, JSON or XLSX, by extension or the "format" field) and the
// optional fields "locale" (vi or en) and "dry_run".
func (s *Server) handleImport(w http.ResponseWriter, r *http.Request) {
	opt, err := s.writeOptions(r, "")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		if _, internal := asUserError(err); internal {
			err = storage.Errorf(storage.CodeInvalid, "not a multipart/form-data upload (%v); send the file in a field named file", err)
		}
		s.writeError(w, r, err)
		return
	}
	defer r.MultipartForm.RemoveAll()
	f, hdr, err := r.FormFile("file")
	if err != nil {
		s.writeError(w, r, storage.Errorf(storage.CodeInvalid, "the upload has no field named file; attach the CSV, JSON or XLSX file as file"))
		return
	}
	defer f.Close()
	fp := newParams(r.MultipartForm.Value, "locale", "dry_run", "format")
	opt.DryRun = fp.boolean("dry_run")
	opt.Locale = fp.q.Get("locale")
	if opt.Locale != "" && opt.Locale != "vi" && opt.Locale != "en" {
		fp.reject("field locale=%q: use vi (63.135,5) or en (63,135.5), or leave it out", opt.Locale)
	}
	format := uploadFormat(fp, hdr.Filename)
	if fp.err != nil {
		s.writeError(w, r, fp.err)
		return
	}
	opt.Via, opt.FileName = format, filepath.Base(hdr.Filename)
	// The whole upload is received; the operator (and the shutdown tests,
	// which signal only once an import is in flight) can see it begin.
	s.log.Info("import begun", "file", opt.FileName, "format", format, "bytes", hdr.Size)
	rep, err := s.col.ImportReader(r.Context(), f, format, opt)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, s.viewReport(r, rep, opt.FileName, opt.DryRun))
}

// uploadFormat is the "format" field, or else the file name's extension.
func uploadFormat(p *params, name string) string {
	format := strings.ToLower(p.q.Get("format"))
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	}
	switch format {
	case "csv", "json", "xlsx":
		return format
	}
	p.reject("file %q: cannot tell its format; name it .csv, .json or .xlsx, or set the field format", name)
	return ""
}
