package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/collector/extract"
	"github.com/plantrack/plantrack/storage"
)

// maxPasteFigures bounds the editable table (and the confirm form's rows).
const maxPasteFigures = 200

// segment is a run of the pasted text, highlighted when a figure came from it.
type segment struct {
	Text  string
	Mark  bool
	N     string // the numbers of the figures found in it ("1, 2")
	Title string
}

// pasteFigure is one editable row of found figures, as text in the page's
// number format.
type pasteFigure struct {
	N                            int
	Keep, Bad                    bool
	Indicator, IndicatorText     string
	Period, Value, Status        string
	PlanPct, YoYPct, Quote, Note string
	Confidence                   string
	BadFields                    map[string]bool // the fields an error names: outlined in red
	Pick                         periodField     // the period picker of the row
	Named                        []namedPercent  // percents of other authorities' plans, carried to the import
}

// Invalid reports whether an error names field in this row.
func (f pasteFigure) Invalid(field string) bool { return f.BadFields[field] }

// pasteView is the data of templates/paste.html.
type pasteView struct {
	writerBase
	Text, Unit, Date, Source string
	Extracted                bool
	Segments                 []segment
	Figures                  []pasteFigure
	Plans                    []pastePlan // targets the text states, for review
	Unrecognised             []string
}

// Paste serves GET and POST /paste: report prose in, the figures the
// extractor finds highlighted in the text and listed in an editable table;
// confirming imports the kept rows through the collector (whole or nothing,
// errors row by row). Writers only.
func (p *Pages) Paste(w http.ResponseWriter, r *http.Request) {
	L := p.locale(w, r)
	v := pasteView{writerBase: p.newWriterBase(r, L, "/paste")}
	status := http.StatusOK
	if v.LoggedIn {
		if err := p.options(r.Context(), &v.writerBase); err != nil {
			p.serveError(w, r, L, err)
			return
		}
		if r.Method == http.MethodPost {
			status = p.postPaste(r, &v)
		}
	}
	v.pickers(time.Now())
	p.renderWriter(w, r, L, "paste", status, v)
}

func (p *Pages) postPaste(r *http.Request, v *pasteView) int {
	if err := r.ParseForm(); err != nil {
		v.Message = v.L.T("form.unreadable")
		return http.StatusBadRequest
	}
	v.Text = r.PostFormValue("text")
	v.Unit, v.Date, v.Source = r.PostFormValue("unit"), isoDate(r.PostFormValue("date")), strings.TrimSpace(r.PostFormValue("source"))
	if r.PostFormValue("step") == "confirm" {
		return p.confirmPaste(r, v)
	}
	inds, err := p.db.Indicators(r.Context())
	if err != nil {
		v.Message = v.L.T("error.internal")
		return http.StatusInternalServerError
	}
	ex := extract.Extract(v.Text, extract.Options{Unit: v.Unit, Date: v.Date, Indicators: inds})
	v.fill(ex)
	return http.StatusOK
}

// fill shows an extraction: the highlighted text and the editable rows.
func (v *pasteView) fill(ex extract.Extraction) {
	v.Extracted = true
	figs := ex.Figures
	if len(figs) > maxPasteFigures {
		figs = figs[:maxPasteFigures]
	}
	for i, f := range figs {
		row := pasteFigure{N: i + 1, Keep: f.Indicator != "" && f.Indicator != "other" && f.Value != nil && f.Period != nil,
			Indicator: f.Code(), IndicatorText: f.IndicatorText, Value: v.L.Num(f.Value, 3),
			Status: string(f.ReportStatus), Quote: f.Quote, Note: v.L.cat.Note(f.Note),
			Confidence: v.L.Pct(&f.Confidence)}
		if n := v.percentsNote(f); n != "" {
			row.Note = strings.TrimPrefix(row.Note+" · "+n, " · ")
			row.Named = v.namedPercents(f)
		}
		if f.Value == nil {
			row.Value = ""
		}
		if f.Period != nil {
			row.Period = f.Period.String()
		}
		if f.ReportedPlanPercent != nil {
			row.PlanPct = strings.TrimSuffix(v.L.Percent(f.ReportedPlanPercent), "%")
		}
		if f.ReportedYoYPercent != nil {
			row.YoYPct = strings.TrimSuffix(v.L.Percent(f.ReportedYoYPercent), "%")
		}
		v.Figures = append(v.Figures, row)
	}
	v.Segments = highlight(v.Text, figs)
	v.fillPlans(ex.Plans)
	for _, s := range ex.Unrecognised {
		item := inContext(v.Text, s)
		if s.Reason != "" {
			item += " — " + v.L.cat.Sprintf(s.Reason) // the extractor's reasons are catalog keys
		}
		v.Unrecognised = append(v.Unrecognised, item)
	}
}

// inContext shows an unrecognised number with a few words either side
// ("…Nghị quyết Trung ương «7» nghiêm túc…"), so a reader sees why it is not
// a figure; a span outside the text is shown alone.
func inContext(text string, s extract.Span) string {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End || !utf8.ValidString(text) {
		return "«" + s.Text + "»"
	}
	const words = 5
	before := strings.Fields(text[:s.Start])
	after := strings.Fields(text[s.End:])
	out := "«" + text[s.Start:s.End] + "»"
	if len(before) > 0 {
		glue := " "
		if !unicode.IsSpace(rune(text[s.Start-1])) {
			glue = "" // the number is glued to the word before it
		}
		out = strings.Join(before[max(0, len(before)-words):], " ") + glue + out
		if len(before) > words {
			out = "…" + out
		}
	}
	if len(after) > 0 {
		glue := " "
		if !unicode.IsSpace(rune(text[s.End])) {
			glue = ""
		}
		out += glue + strings.Join(after[:min(words, len(after))], " ")
		if len(after) > words {
			out += "…"
		}
	}
	return out
}

// highlight splits text into plain and marked runs: each figure's quote is
// marked with the figure numbers it holds; overlapping quotes merge.
func highlight(text string, figs []extract.Figure) []segment {
	type span struct {
		start, end int
		ns         []string
	}
	var spans []span
	for i, f := range figs {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
			continue
		}
		spans = append(spans, span{f.Start, f.End, []string{strconv.Itoa(i + 1)}})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start < merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			merged[n-1].ns = append(merged[n-1].ns, s.ns...)
			continue
		}
		merged = append(merged, s)
	}
	var out []segment
	pos := 0
	for _, s := range merged {
		if s.start > pos {
			out = append(out, segment{Text: text[pos:s.start]})
		}
		ns := strings.Join(s.ns, ", ")
		out = append(out, segment{Text: text[s.start:s.end], Mark: true, N: ns, Title: "#" + ns})
		pos = s.end
	}
	if pos < len(text) {
		out = append(out, segment{Text: text[pos:]})
	}
	return out
}

// confirmPaste imports the kept rows of the edited table as one report.
func (p *Pages) confirmPaste(r *http.Request, v *pasteView) int {
	n, _ := strconv.Atoi(r.PostFormValue("count"))
	n = min(max(n, 0), maxPasteFigures)
	var rows []collector.Row
	for i := 1; i <= n; i++ {
		k := strconv.Itoa(i)
		row := pasteFigure{N: i, Keep: r.PostFormValue("keep_"+k) != "", Indicator: r.PostFormValue("indicator_" + k),
			Period: pickedPeriod(r.PostFormValue, "period_"+k), Value: strings.TrimSpace(r.PostFormValue("value_" + k)),
			Status: r.PostFormValue("status_" + k), PlanPct: strings.TrimSpace(r.PostFormValue("plan_pct_" + k)),
			YoYPct: strings.TrimSpace(r.PostFormValue("yoy_pct_" + k)), Quote: r.PostFormValue("quote_" + k)}
		v.Figures = append(v.Figures, row)
		if !row.Keep {
			continue
		}
		cells := map[string]string{"unit": v.Unit, "indicator": row.Indicator,
			"period": row.Period, "value": row.Value, "report_status": row.Status, "reported_plan_percent": row.PlanPct,
			"reported_yoy_percent": row.YoYPct, "reported_at": v.Date, "source": v.Source, "quote": row.Quote}
		row.Named = namedFromForm(r.PostFormValue, k, cells)
		v.Figures[len(v.Figures)-1].Named = row.Named
		rows = append(rows, collector.Row{N: i, Cells: cells})
	}
	rows = append(rows, v.keptPlans(r.PostFormValue)...)
	v.Extracted = true
	v.Segments = []segment{{Text: v.Text}}
	if len(rows) == 0 {
		v.Message = v.L.T("paste.nothingkept")
		return http.StatusUnprocessableEntity
	}
	opt, err := p.importOptions(v.Writer, v.L, "text")
	if err != nil {
		return v.outcome(collector.Report{}, err)
	}
	rep, err := p.col.ImportRows(r.Context(), rows, opt)
	status := v.outcome(rep, err)
	v.markProblems()
	if err == nil {
		v.Figures, v.Plans, v.Extracted = nil, nil, false
	}
	return status
}

// markProblems outlines the field each problem names in its row (the
// confirm form names the figure's fields as the entry form does, except
// the percentages) and links the problem to it.
func (v *pasteView) markProblems() {
	inputs := map[string]string{"reported_plan_percent": "plan_pct", "reported_yoy_percent": "yoy_pct",
		"report_status": "status", "indicator": "indicator", "value": "value"}
	for i, pr := range v.Problems {
		if v.markPlanProblem(&v.Problems[i]) || pr.Row < 1 || pr.Row > len(v.Figures) {
			continue
		}
		f := &v.Figures[pr.Row-1]
		f.Bad = true
		if f.BadFields == nil {
			f.BadFields = map[string]bool{}
		}
		f.BadFields[pr.Field] = true
		if name, ok := inputs[pr.Field]; ok {
			v.Problems[i].Anchor = name + "_" + itoa(pr.Row)
		} else if pr.Field == "period" {
			v.Problems[i].Anchor = "period-" + itoa(pr.Row) + "-span"
		}
	}
}

// pickers gives each figure row its period picker.
func (v *pasteView) pickers(now time.Time) {
	years := pickerYears(now)
	for i := range v.Figures {
		f := &v.Figures[i]
		per, _ := storage.ParsePeriod(f.Period)
		f.Pick = v.L.periodField("period_"+itoa(f.N), v.L.T("col.period")+" "+itoa(f.N), per, years, f.Invalid("period"))
	}
}
