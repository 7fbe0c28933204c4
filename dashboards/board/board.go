// Package board holds the dashboard definitions that the web pages and the
// generated Grafana dashboard share: how indicators are grouped into
// sections, how each measure is labelled, formatted and shown in Grafana,
// and the colours of the pace verdicts. It is data only.
package board

import (
	"slices"

	"github.com/plantrack/plantrack/charts"
	"github.com/plantrack/plantrack/storage"
)

// Text is a label in Vietnamese and English.
type Text struct{ VI, EN string }

// In returns the text in lang ("en", else Vietnamese), falling back to the
// other language when one is empty.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" || t.VI == "" {
		return t.EN
	}
	return t.VI
}

// Section is a group of indicators shown together, in display order.
type Section struct {
	Key        string
	Title      Text
	Indicators []string // indicator codes
}

// Measure says how values in one measure are labelled and formatted.
type Measure struct {
	Code        string // storage measure code: billion_vnd, million_usd, …
	Label       Text   // unit label after a number: "tỷ đồng" / "billion VND"
	Decimals    int    // most decimals shown (the pages drop trailing zeros)
	GrafanaUnit string // Grafana unit id; custom units are "suffix:…"
}

// PaceStyle is how one pace verdict is shown.
type PaceStyle struct {
	Pace  storage.Pace
	Title Text
	Color string // CSS hex colour, also used as a Grafana threshold colour
}

// Board is the complete set of definitions.
type Board struct {
	Sections   []Section
	Measures   []Measure
	Paces      []PaceStyle // worst first: at_risk, behind, on_track, ahead, unknown
	Thresholds storage.Thresholds
	// RatioDecimals is the decimals of completion, expected and yoy when
	// shown as percentages (53.7%).
	RatioDecimals int
}

// Default returns plantrack's definitions: four sections covering the
// built-in catalog, the catalog's measures and SPEC §2's pace thresholds.
func Default() Board {
	return Board{
		Sections:      defaultSections(),
		Measures:      defaultMeasures(),
		Paces:         defaultPaces(),
		Thresholds:    storage.DefaultThresholds(),
		RatioDecimals: 1,
	}
}

func defaultSections() []Section {
	return []Section{
		{Key: "economy", Title: Text{"Kinh tế", "Economy"}, Indicators: []string{
			"grdp", "industrial_production_index", "agricultural_output", "rice_output", "retail_sales",
			"exports", "imports", "tourism_revenue", "tourist_arrivals", "new_enterprises", "cpi", "credit_outstanding"}},
		{Key: "budget_investment", Title: Text{"Ngân sách và đầu tư", "Budget and investment"}, Indicators: []string{
			"budget_revenue", "budget_expenditure", "investment", "public_investment_disbursement", "fdi"}},
		{Key: "society", Title: Text{"Văn hóa – xã hội", "Society"}, Indicators: []string{
			"jobs_created", "vocational_trainees", "poverty_rate", "health_insurance_coverage", "urbanization_rate",
			"traffic_accidents", "traffic_deaths"}},
		{Key: "party", Title: Text{"Công tác xây dựng Đảng", "Party work"}, Indicators: []string{
			"new_party_members", "cadres_assigned", "party_members_disciplined", "party_orgs_disciplined",
			"midterm_reviews_held", "party_cells_inspected"}},
	}
}

func defaultMeasures() []Measure {
	return []Measure{
		{Code: "billion_vnd", Label: Text{"tỷ đồng", "billion VND"}, Decimals: 1, GrafanaUnit: "suffix: tỷ đồng"},
		{Code: "million_usd", Label: Text{"triệu USD", "million USD"}, Decimals: 1, GrafanaUnit: "suffix: triệu USD"},
		{Code: "persons", Label: Text{"người", "persons"}, Decimals: 0, GrafanaUnit: "suffix: người"},
		{Code: "units", Label: Text{"đơn vị", "units"}, Decimals: 0, GrafanaUnit: "suffix: đơn vị"},
		{Code: "visits", Label: Text{"lượt", "visits"}, Decimals: 0, GrafanaUnit: "suffix: lượt"},
		{Code: "tonnes", Label: Text{"tấn", "tonnes"}, Decimals: 1, GrafanaUnit: "suffix: tấn"},
		{Code: "cases", Label: Text{"vụ", "cases"}, Decimals: 0, GrafanaUnit: "suffix: vụ"},
		{Code: "percent", Label: Text{"%", "%"}, Decimals: 2, GrafanaUnit: "percent"},
		{Code: "index", Label: Text{"", ""}, Decimals: 2, GrafanaUnit: "none"},
	}
}

// defaultPaces take their colours from charts.PaceColor, the palette the
// web pages draw (app.css's .pace-* classes, the charts, the sparklines), so
// a verdict has one colour in the pages and in Grafana: greens for ahead and
// on track, amber behind, red at risk, grey-blue unknown.
func defaultPaces() []PaceStyle {
	style := func(p storage.Pace, vi, en string) PaceStyle {
		return PaceStyle{Pace: p, Title: Text{vi, en}, Color: charts.PaceColor(string(p))}
	}
	return []PaceStyle{
		style(storage.PaceAtRisk, "Nguy cơ không đạt", "At risk"),
		style(storage.PaceBehind, "Chậm tiến độ", "Behind"),
		style(storage.PaceOnTrack, "Đúng tiến độ", "On track"),
		style(storage.PaceAhead, "Vượt tiến độ", "Ahead"),
		style(storage.PaceUnknown, "Chưa xác định", "Unknown"),
	}
}

// Measure returns the definition of a measure code; an unknown measure gets
// its code as label, one decimal at most and Grafana's "short" unit.
func (b Board) Measure(code string) Measure {
	if i := slices.IndexFunc(b.Measures, func(m Measure) bool { return m.Code == code }); i >= 0 {
		return b.Measures[i]
	}
	return Measure{Code: code, Label: Text{code, code}, Decimals: 1, GrafanaUnit: "short"}
}

// Pace returns the style of a pace verdict (unknown's for anything else).
func (b Board) Pace(p storage.Pace) PaceStyle {
	if i := slices.IndexFunc(b.Paces, func(s PaceStyle) bool { return s.Pace == p }); i >= 0 {
		return b.Paces[i]
	}
	return b.unknownPace()
}

// unknownPace is the board's own unknown style, or the pages' grey-blue.
func (b Board) unknownPace() PaceStyle {
	if i := slices.IndexFunc(b.Paces, func(s PaceStyle) bool { return s.Pace == storage.PaceUnknown }); i >= 0 {
		return b.Paces[i]
	}
	return PaceStyle{Pace: storage.PaceUnknown, Title: Text{"Chưa xác định", "Unknown"}, Color: charts.PaceColor(charts.PaceUnknown)}
}

// Other is the section of indicators no section lists.
func Other() Section {
	return Section{Key: "other", Title: Text{"Chỉ tiêu khác", "Other indicators"}}
}

// SectionOf returns the section that lists an indicator, or Other().
func (b Board) SectionOf(indicator string) Section {
	for _, s := range b.Sections {
		if slices.Contains(s.Indicators, indicator) {
			return s
		}
	}
	return Other()
}

// Position is an indicator's place in the board's reading order: sections
// in order, each in its own order; indicators no section lists come after
// every listed one (all at the same position, so a stable sort keeps their
// order).
func (b Board) Position(indicator string) int {
	n := 0
	for _, s := range b.Sections {
		if i := slices.Index(s.Indicators, indicator); i >= 0 {
			return n + i
		}
		n += len(s.Indicators)
	}
	return n
}

// Group sorts indicators into the board's sections, in section order and
// each section's order; indicators no section lists go to a last section
// "other" in their given order. Empty sections are left out.
func (b Board) Group(inds []storage.Indicator) []Grouped {
	byCode := make(map[string]storage.Indicator, len(inds))
	for _, i := range inds {
		byCode[i.Code] = i
	}
	placed := make(map[string]bool, len(inds))
	var out []Grouped
	for _, s := range b.Sections {
		g := Grouped{Section: s}
		for _, code := range s.Indicators {
			if i, ok := byCode[code]; ok && !placed[code] {
				g.Indicators = append(g.Indicators, i)
				placed[code] = true
			}
		}
		if len(g.Indicators) > 0 {
			out = append(out, g)
		}
	}
	other := Grouped{Section: Other()}
	for _, i := range inds {
		if !placed[i.Code] {
			other.Indicators = append(other.Indicators, i)
		}
	}
	if len(other.Indicators) > 0 {
		out = append(out, other)
	}
	return out
}

// Grouped is a section with the indicators placed in it.
type Grouped struct {
	Section    Section
	Indicators []storage.Indicator
}
