// Package charts builds plantrack's charts: typed figures in, a go-echarts
// chart out. Builders never fetch or invent data — every number drawn comes
// from the input — and their output is deterministic (fixed chart IDs,
// sorted JSON keys, a configurable assets host that is never the public
// CDN), so it can be golden-tested and cached per data version.
//
// Pages carry a chart as its ECharts option JSON in a data block that the
// one static script /assets/app.js initialises (no inline script):
//
//	<div class="chart" id="ID" data-height="360" role="img" aria-label="…"></div>
//	<script type="application/json" class="echarts-data" data-chart-id="ID">{…}</script>
//
// Chart.HTML writes exactly that fragment; Chart.OptionJSON gives the JSON
// alone. Small per-indicator trends are drawn as inline SVG by Sparkline,
// since dozens of ECharts instances per page cannot be fast.
//
// This package imports no other plantrack package: callers convert their
// domain values into the plain input types declared here.
package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"regexp"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// DefaultAssetsHost is where go-echarts is told the ECharts files live: the
// binary's own /assets/ path, never the public CDN go-echarts defaults to.
const DefaultAssetsHost = "/assets/"

// Options are the settings every builder takes.
type Options struct {
	// ID is the chart's fixed DOM id; required, [A-Za-z][A-Za-z0-9_-]*.
	ID string
	// Lang selects the words and number format: "en", or Vietnamese for
	// anything else.
	Lang string
	// Title, when set, is drawn above the chart and used as its accessible
	// name.
	Title string
	// Height in pixels; 0 picks a height suited to the chart and its data.
	Height int
	// NoAnimation turns ECharts' animation off (tests, screenshots, print).
	NoAnimation bool
	// AssetsHost overrides DefaultAssetsHost.
	AssetsHost string
}

// Renderable is the part of a go-echarts chart this package relies on;
// *echarts.Line and *echarts.Bar satisfy it.
type Renderable interface {
	Validate()
	JSON() map[string]interface{}
}

// Chart is a built chart: the go-echarts chart and what a page needs to
// place it.
type Chart struct {
	ID     string
	Title  string
	Height int // pixels
	// ValueSuffix is appended to values in tooltips ("%" for completion
	// charts); app.js reads it from the data block.
	ValueSuffix string
	// ECharts is the underlying *echarts.Line or *echarts.Bar.
	ECharts Renderable
}

var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// validate checks the options every builder needs.
func (o Options) validate() error {
	if !idPattern.MatchString(o.ID) {
		return fmt.Errorf("charts: chart id %q is not a valid id: use letters, digits, '-' and '_', starting with a letter", o.ID)
	}
	return nil
}

// initOpts are the go-echarts initialisation settings shared by builders.
func (o Options) initOpts(height int) opts.Initialization {
	host := o.AssetsHost
	if host == "" {
		host = DefaultAssetsHost
	}
	return opts.Initialization{
		ChartID:    o.ID,
		AssetsHost: host,
		Width:      "100%",
		Height:     fmt.Sprintf("%dpx", height),
		PageTitle:  o.Title,
		Theme:      "white",
	}
}

// legendPlace says where a chart's legend goes.
type legendPlace int

const (
	legendNone legendPlace = iota
	legendTop
	legendBottom
)

// space returns the extra height a title takes inside the canvas: none,
// since Chart.HTML prints the title as text above the chart, where it wraps
// on a narrow screen instead of running off the canvas.
func (o Options) space() int { return 0 }

// layout places a chart's legend, and keeps room right of the plot (for
// bar end labels) and below it (for a value axis named underneath).
type layout struct {
	legend        legendPlace
	right         int
	axisNameBelow bool
}

// globalOpts are the options common to every chart: ID, assets host,
// animation, title, tooltip, and a legend and grid laid out around the
// title so that nothing overlaps.
func (o Options) globalOpts(height int, l layout) []echarts.GlobalOpts {
	top, bottom := o.space()+24, 8 // 24: room for a value axis name above the plot
	if l.axisNameBelow {
		top, bottom = o.space()+8, 32
	}
	lg := opts.Legend{Show: opts.Bool(l.legend != legendNone)}
	switch l.legend {
	case legendTop:
		lg.Top = fmt.Sprint(o.space())
		top += 28
	case legendBottom:
		lg.Bottom = "0"
		bottom += 28
	}
	g := []echarts.GlobalOpts{
		echarts.WithInitializationOpts(o.initOpts(height)),
		echarts.WithAnimation(!o.NoAnimation),
		echarts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		echarts.WithLegendOpts(lg),
		echarts.WithGridOpts(opts.Grid{Left: "8", Right: fmt.Sprint(l.right), Top: fmt.Sprint(top), Bottom: fmt.Sprint(bottom), ContainLabel: opts.Bool(true)}),
	}
	return g
}

// OptionJSON returns the chart's ECharts option as JSON. encoding/json
// escapes '<', '>' and '&' (and U+2028/U+2029), so the result can sit
// inside a <script type="application/json"> element: no label can close it.
func (c *Chart) OptionJSON() ([]byte, error) { return OptionJSON(c.ECharts) }

// OptionJSON returns any go-echarts chart's option as HTML-safe JSON (see
// Chart.OptionJSON).
func OptionJSON(c Renderable) ([]byte, error) {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, fmt.Errorf("charts: encoding chart option: %w", err)
	}
	return b, nil
}

var fragment = template.Must(template.New("chart").Parse(
	`{{if .Title}}<p class="chart-title" aria-hidden="true">{{.Title}}</p>{{end}}` +
		`<div class="chart" id="{{.ID}}" data-height="{{.Height}}"{{if .Title}} role="img" aria-label="{{.Title}}"{{else}} aria-hidden="true"{{end}}></div>` +
		`<script type="application/json" class="echarts-data" data-chart-id="{{.ID}}"` +
		`{{if .ValueSuffix}} data-value-suffix="{{.ValueSuffix}}"{{end}}>{{.Option}}</script>`))

// HTML returns the chart's page fragment: the container element and its
// data block (see the package comment). It contains no executable script.
// With a title, the title is printed above the chart (as text, so it wraps
// on a phone) and the element is an image named by it; without one it is
// hidden from assistive technology, which reads the table beside it.
func (c *Chart) HTML() (template.HTML, error) {
	b, err := c.OptionJSON()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	err = fragment.Execute(&buf, struct {
		ID, Title, ValueSuffix string
		Height                 int
		Option                 template.JS // already HTML-safe JSON
	}{c.ID, c.Title, c.ValueSuffix, c.Height, template.JS(b)})
	if err != nil {
		return "", fmt.Errorf("charts: writing chart fragment: %w", err)
	}
	return template.HTML(buf.String()), nil
}

// missing is ECharts' marker for a value that is absent: the line breaks
// there and no bar is drawn.
const missing = "-"

// value returns v for a data item, or ECharts' missing marker.
func value(v *float64) interface{} {
	if v == nil {
		return missing
	}
	return *v
}
