package metrics

import (
	"math"
	"strconv"
	"strings"
)

// appendText appends the families in the Prometheus text format 0.0.4,
// byte for byte as expfmt writes gauges gathered from a registry.
func appendText(b []byte, fams []family) []byte {
	for _, f := range fams {
		b = append(b, "# HELP "...)
		b = append(b, f.name...)
		b = append(b, ' ')
		b = appendEscaped(b, f.help, false)
		b = append(b, "\n# TYPE "...)
		b = append(b, f.name...)
		b = append(b, " gauge\n"...)
		for _, r := range f.rows {
			b = appendSeries(b, f.name, f.labels, r.values)
			b = append(b, ' ')
			b = appendFloat(b, r.v)
			b = append(b, '\n')
		}
	}
	return b
}

// appendSeries appends name{l1="v1",…} with label values escaped.
func appendSeries(b []byte, name string, labels, values []string) []byte {
	b = append(b, name...)
	for i, l := range labels {
		if i == 0 {
			b = append(b, '{')
		} else {
			b = append(b, ',')
		}
		b = append(b, l...)
		b = append(b, `="`...)
		b = appendEscaped(b, values[i], true)
		b = append(b, '"')
	}
	if len(labels) > 0 {
		b = append(b, '}')
	}
	return b
}

// appendEscaped escapes backslash and newline (and the double quote inside
// label values), as both the text format and OpenMetrics require.
func appendEscaped(b []byte, s string, quote bool) []byte {
	if !strings.ContainsAny(s, "\\\n\"") {
		return append(b, s...)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			b = append(b, `\\`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '"' && quote:
			b = append(b, `\"`...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendFloat writes a sample value as expfmt does: shortest 'g' form, with
// NaN and ±Inf spelled the Prometheus way.
func appendFloat(b []byte, f float64) []byte {
	switch {
	case f == 1:
		return append(b, '1')
	case f == 0:
		return append(b, '0')
	case f == -1:
		return append(b, "-1"...)
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, +1):
		return append(b, "+Inf"...)
	case math.IsInf(f, -1):
		return append(b, "-Inf"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}
