package web

import (
	"errors"
	"fmt"
	"net/http"
	"path/filepath"

	"github.com/plantrack/plantrack/collector"
)

// maxUploadMemory is how much of a multipart upload is held in memory
// before spilling to a temporary file (the server caps the body size).
const maxUploadMemory = 8 << 20

// uploadView is the data of templates/upload.html.
type uploadView struct {
	writerBase
	FileName string
	Columns  []option // the example's columns: the code a file uses, its name in the page's language
}

// uploadColumns are the columns of the upload page's example file.
func uploadColumns(L *Locale) []option {
	var out []option
	for _, c := range []string{"unit", "indicator", "period", "value", "report_status", "reported_plan_percent",
		"reported_yoy_percent", "reported_at", "source", "quote"} {
		out = append(out, option{Value: c, Label: L.cat.Field(c)})
	}
	return out
}

// Upload serves GET and POST /upload: a CSV, JSON or XLSX report imported
// whole or not at all through the collector, its errors listed row by row.
// Writers only.
func (p *Pages) Upload(w http.ResponseWriter, r *http.Request) {
	L := p.locale(w, r)
	v := uploadView{writerBase: p.newWriterBase(r, L, "/upload"), Columns: uploadColumns(L)}
	status := http.StatusOK
	if v.LoggedIn && r.Method == http.MethodPost {
		status = p.postUpload(r, &v)
	}
	p.renderWriter(w, r, L, "upload", status, v)
}

func (p *Pages) postUpload(r *http.Request, v *uploadView) int {
	if err := r.ParseMultipartForm(maxUploadMemory); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			v.Message = fmt.Sprintf(v.L.T("upload.toolarge"), mb.Limit>>20)
			return http.StatusRequestEntityTooLarge
		}
		v.Message = v.L.T("upload.nofile")
		return http.StatusBadRequest
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		v.Message = v.L.T("upload.nofile")
		return http.StatusBadRequest
	}
	defer f.Close()
	v.FileName = filepath.Base(hdr.Filename)
	format, err := collector.FormatOf(v.FileName)
	if err != nil {
		return v.outcome(collector.Report{}, err)
	}
	opt, err := p.importOptions(v.Writer, v.L, format)
	if err != nil {
		return v.outcome(collector.Report{}, err)
	}
	opt.FileName = v.FileName
	opt.DryRun = r.PostFormValue("dry_run") != ""
	if loc := r.PostFormValue("locale"); loc == "vi" || loc == "en" {
		opt.Locale = loc
	}
	rep, err := p.col.ImportReader(r.Context(), f, format, opt)
	return v.outcome(rep, err)
}
