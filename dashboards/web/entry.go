package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/storage"
)

// entryRows is how many figures the entry form takes at once.
const entryRows = 6

// entryFields are the form's columns, named as the CSV import's columns.
func entryFields() []string {
	return []string{"unit", "indicator", "period", "value", "report_status", "reported_plan_percent",
		"reported_yoy_percent", "reported_at", "source", "quote", "reported_plan_percent_central"}
}

// entryRow is one row of the entry form, as typed.
type entryRow struct {
	N         int
	Values    []string // in entryFields order; typed text, shown back on error
	Bad       bool
	BadFields map[string]bool // the fields an error names: outlined in red
	Period    periodField
}

// Invalid reports whether an error names field in this row (templates
// mark the input with aria-invalid, which the style outlines in red).
func (r entryRow) Invalid(field string) bool { return r.BadFields[field] }

// Get returns the typed value of a field (templates call it).
func (r entryRow) Get(field string) string {
	for i, f := range entryFields() {
		if f == field && i < len(r.Values) {
			return r.Values[i]
		}
	}
	return ""
}

// entryView is the data of templates/entry.html.
type entryView struct {
	writerBase
	Rows []entryRow
}

// Entry serves GET and POST /entry: a form for up to six figures that goes
// through the collector's form path (ImportRows: a file row's reading and
// rules, numbers in the page's language's format, no file in between) and
// shows its errors row by row. Writers only.
func (p *Pages) Entry(w http.ResponseWriter, r *http.Request) {
	L := p.locale(w, r)
	v := entryView{writerBase: p.newWriterBase(r, L, "/entry")}
	status := http.StatusOK
	if v.LoggedIn {
		if err := p.options(r.Context(), &v.writerBase); err != nil {
			p.serveError(w, r, L, err)
			return
		}
		if r.Method == http.MethodPost {
			status = p.postEntry(r, &v)
		}
	}
	for len(v.Rows) < entryRows {
		v.Rows = append(v.Rows, entryRow{N: len(v.Rows) + 1})
	}
	years := pickerYears(time.Now())
	for i := range v.Rows {
		row := &v.Rows[i]
		per, _ := storage.ParsePeriod(row.Get("period"))
		row.Period = L.periodField("period_"+itoa(row.N), L.T("col.period")+" "+itoa(row.N), per, years, row.Invalid("period"))
	}
	p.renderWriter(w, r, L, "entry", status, v)
}

// postEntry imports the filled rows through the collector's typed form
// path; problems name the form row and field.
func (p *Pages) postEntry(r *http.Request, v *entryView) int {
	if err := r.ParseForm(); err != nil {
		v.Message = v.L.T("form.unreadable")
		return http.StatusBadRequest
	}
	var rows []collector.Row
	for n := 1; n <= entryRows; n++ {
		row := entryRow{N: n}
		cells := make(map[string]string, len(entryFields()))
		filled := false
		for _, f := range entryFields() {
			val := strings.TrimSpace(r.PostFormValue(f + "_" + strconv.Itoa(n)))
			if f == "period" {
				val = pickedPeriod(r.PostFormValue, "period_"+strconv.Itoa(n))
			}
			row.Values = append(row.Values, val)
			cells[f] = val
			filled = filled || (val != "" && f != "unit" && f != "indicator" && f != "report_status")
		}
		v.Rows = append(v.Rows, row)
		if filled {
			rows = append(rows, collector.Row{N: n, Cells: cells})
		}
	}
	if len(rows) == 0 {
		v.Message = v.L.T("entry.emptyform")
		return http.StatusUnprocessableEntity
	}
	opt, err := p.importOptions(v.Writer, v.L, "form")
	if err != nil {
		return v.outcome(collector.Report{}, err)
	}
	opt.DryRun = r.PostFormValue("dry_run") != ""
	rep, err := p.col.ImportRows(r.Context(), rows, opt)
	status := v.outcome(rep, err)
	v.markProblems()
	if err == nil && !opt.DryRun {
		v.Rows = nil // stored: start a fresh form
	}
	return status
}

// markProblems outlines the field each problem names in its form row and
// links the problem to that field.
func (v *entryView) markProblems() {
	for i, pr := range v.Problems {
		if pr.Row < 1 || pr.Row > len(v.Rows) {
			continue
		}
		row := &v.Rows[pr.Row-1]
		row.Bad = true
		if pr.Field == "" {
			continue
		}
		if row.BadFields == nil {
			row.BadFields = map[string]bool{}
		}
		row.BadFields[pr.Field] = true
		v.Problems[i].Anchor = pr.Field + "_" + itoa(pr.Row)
		if pr.Field == "period" {
			v.Problems[i].Anchor = "period-" + itoa(pr.Row) + "-span"
		}
	}
}
