package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
)

// writerName returns the logged-in writer's token name.
func writerName(r *http.Request) (string, bool) {
	w, ok := auth.WriterFrom(r.Context())
	return w.TokenName, ok
}

// problem is one error row shown under a writer form, in the page's
// language: Field is the field's code (to outline the input at fault),
// Label its name as the page calls it, Reason why it was refused.
type problem struct {
	Row                         int
	RowName                     string // the row as the page names it ("Kế hoạch 2"), when not its number
	Field, Label, Value, Reason string
	Anchor                      string // the id of the form field at fault, when the page has one
}

// writerBase is what every writer page shows: who is writing, the login
// link when nobody is, the outcome of the last submission.
type writerBase struct {
	L        *Locale
	Writer   auth.Writer
	LoggedIn bool
	LoginURL string
	Message  string // what went wrong, in one sentence
	Problems []problem
	Done     string // what was stored ("3 new, 1 unchanged")
	DryRun   bool
	Units    []option
	Inds     []option
	Statuses []option     // report statuses, in the page's language
	Preview  []previewRow // a dry run's figures, named in the page's language
	Warnings []flagNote   // the data-quality flags the import raised
}

// newWriterBase fills the base of a writer page for r.
func (p *Pages) newWriterBase(r *http.Request, L *Locale, path string) writerBase {
	b := writerBase{L: L, LoginURL: loginURL(r.URL, L.Lang)}
	b.Writer, b.LoggedIn = auth.WriterFrom(r.Context())
	for _, s := range []storage.ReportStatus{storage.StatusEstimate, storage.StatusPreliminary, storage.StatusOfficial} {
		b.Statuses = append(b.Statuses, option{Value: string(s), Label: L.T("status." + string(s))})
	}
	return b
}

// options loads the unit and indicator choices of the forms.
func (p *Pages) options(ctx context.Context, b *writerBase) error {
	units, err := p.db.Units(ctx)
	if err != nil {
		return err
	}
	for _, u := range units {
		b.Units = append(b.Units, option{Value: u.Code, Label: indentName(u, b.L.Lang)})
	}
	inds, err := p.db.Indicators(ctx)
	if err != nil {
		return err
	}
	for _, i := range inds {
		b.Inds = append(b.Inds, option{Value: i.Code, Label: i.Name(b.L.Lang)})
	}
	return nil
}

// importOptions are the collector options for a writer: provenance and
// the writer's scope (auth.Scope); the error refuses a role that may not
// write.
func (p *Pages) importOptions(w auth.Writer, L *Locale, via string) (collector.Options, error) {
	allow, err := auth.Scope(w)
	return collector.Options{Locale: L.Lang, Via: via, TokenName: w.TokenName, MaxRows: p.maxRows, Allow: allow}, err
}

// outcome records a collector result or error on the page; problems keep
// the rows the collector names (a form's own row numbers for ImportRows).
func (b *writerBase) outcome(rep collector.Report, err error) int {
	if err == nil {
		b.Done = b.summary(rep)
		b.DryRun = len(rep.Preview) > 0 || len(rep.Plans) > 0 // only a dry run has a preview
		b.preview(rep)
		return http.StatusOK
	}
	var se *storage.Error
	if !errors.As(err, &se) || se.Code == storage.CodeInternal {
		b.Message = b.L.T("error.internal")
		return http.StatusInternalServerError
	}
	b.Message = b.L.cat.Message(se)
	for _, d := range se.Details {
		b.Problems = append(b.Problems, problem{Row: d.Row, Field: d.Field, Label: b.L.cat.Field(d.Field),
			Value: d.Value, Reason: b.L.cat.Reason(d)})
	}
	return statusOf(err)
}

// renderWriter renders a writer page (never cached, no downloads).
func (p *Pages) renderWriter(w http.ResponseWriter, r *http.Request, L *Locale, name string, status int, data any) {
	var buf bytes.Buffer
	if err := p.tmpl[name].ExecuteTemplate(&buf, "content", data); err != nil {
		p.serveError(w, r, L, err)
		return
	}
	c := cachedPage{content: templateHTML(buf.String()),
		meta: pageMeta{Title: L.T("nav." + name), Active: name, Template: name}}
	w.Header().Set("Cache-Control", "no-store")
	p.writeLayout(w, r, L, c, status)
}

// previewRow is one figure of a dry run, as the page names it.
type previewRow struct {
	Unit, Indicator, Period, Value string
}

// flagNote is one data-quality flag an import raised: its kind in words
// and its explanation in the page's language.
type flagNote struct {
	Kind, Text string
}

// summary says what an import stored ("3 mới, 1 không đổi").
func (b *writerBase) summary(rep collector.Report) string {
	r := rep.Result
	if r.UnitsNew > 0 || r.IndicatorsNew > 0 {
		return b.L.cat.Sprintf("%d new, %d unchanged (%d units and %d indicators added)", r.New, r.Unchanged, r.UnitsNew, r.IndicatorsNew)
	}
	return b.L.cat.Sprintf("%d new, %d unchanged", r.New, r.Unchanged)
}

// preview names a report's dry-run figures and flags in the page's
// language: units and indicators by name (codes when the form has no
// choice for them), periods in words.
func (b *writerBase) preview(rep collector.Report) {
	label := func(opts []option, code string) string {
		for _, o := range opts {
			if o.Value == code {
				return strings.TrimSpace(o.Label) // without the indent of nested units
			}
		}
		return code
	}
	for _, o := range rep.Preview {
		b.Preview = append(b.Preview, previewRow{Unit: label(b.Units, o.Unit), Indicator: label(b.Inds, o.Indicator),
			Period: b.L.Period(o.Period), Value: b.L.Num(o.Value, 3)})
	}
	for _, f := range rep.Warnings {
		b.Warnings = append(b.Warnings, flagNote{Kind: b.L.T("flag." + f.Code), Text: b.L.flagText(f)})
	}
}
