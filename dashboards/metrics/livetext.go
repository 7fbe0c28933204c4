package metrics

import (
	"math"
	"strconv"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/model"
)

// appendFamilyText appends mf in the text format 0.0.4, byte for byte as
// expfmt's text encoder writes it, and reports true; or appends nothing
// and reports false when mf is not one it writes (a name or label name
// outside the legacy character set, which the encoder escapes or quotes
// according to the negotiated scheme; a __name__ label; a sample without
// the value its type needs; an unknown type), for the caller to hand it to
// expfmt. It exists because expfmt validates the metric name of every
// sample line and escapes through a strings.Replacer: for the live
// registry (the latency histogram's lines above all) that was half of a
// scrape's CPU once the runtime collectors were sampled.
func appendFamilyText(b []byte, mf *dto.MetricFamily) ([]byte, bool) {
	if !plainFamily(mf) {
		return b, false
	}
	name := mf.GetName()
	if mf.Help != nil {
		b = append(b, "# HELP "...)
		b = append(b, name...)
		b = append(b, ' ')
		b = appendEscaped(b, mf.GetHelp(), false)
		b = append(b, '\n')
	}
	b = append(b, "# TYPE "...)
	b = append(b, name...)
	typ := mf.GetType()
	switch typ {
	case dto.MetricType_COUNTER:
		b = append(b, " counter\n"...)
	case dto.MetricType_GAUGE:
		b = append(b, " gauge\n"...)
	case dto.MetricType_UNTYPED:
		b = append(b, " untyped\n"...)
	case dto.MetricType_SUMMARY:
		b = append(b, " summary\n"...)
	case dto.MetricType_HISTOGRAM, dto.MetricType_GAUGE_HISTOGRAM:
		b = append(b, " histogram\n"...) // as expfmt: the text format has no gauge histogram
	}
	for _, m := range mf.Metric {
		switch typ {
		case dto.MetricType_COUNTER:
			b = appendSample(b, name, "", m, "", 0, m.Counter.GetValue())
		case dto.MetricType_GAUGE:
			b = appendSample(b, name, "", m, "", 0, m.Gauge.GetValue())
		case dto.MetricType_UNTYPED:
			b = appendSample(b, name, "", m, "", 0, m.Untyped.GetValue())
		case dto.MetricType_SUMMARY:
			for _, q := range m.Summary.Quantile {
				b = appendSample(b, name, "", m, model.QuantileLabel, q.GetQuantile(), q.GetValue())
			}
			b = appendSample(b, name, "_sum", m, "", 0, m.Summary.GetSampleSum())
			b = appendSample(b, name, "_count", m, "", 0, float64(m.Summary.GetSampleCount()))
		case dto.MetricType_HISTOGRAM, dto.MetricType_GAUGE_HISTOGRAM:
			h := m.Histogram
			infSeen := false
			for _, bk := range h.Bucket {
				v := bk.GetCumulativeCountFloat()
				if v == 0 {
					v = float64(bk.GetCumulativeCount())
				}
				b = appendSample(b, name, "_bucket", m, model.BucketLabel, bk.GetUpperBound(), v)
				infSeen = infSeen || math.IsInf(bk.GetUpperBound(), +1)
			}
			count := h.GetSampleCountFloat()
			if count == 0 {
				count = float64(h.GetSampleCount())
			}
			if !infSeen {
				b = appendSample(b, name, "_bucket", m, model.BucketLabel, math.Inf(+1), count)
			}
			b = appendSample(b, name, "_sum", m, "", 0, h.GetSampleSum())
			b = appendSample(b, name, "_count", m, "", 0, count)
		}
	}
	return b, true
}

// plainFamily reports whether mf needs none of what appendFamilyText
// leaves to expfmt: every name in the legacy character set, no __name__
// label, each sample carrying the value of the family's type.
func plainFamily(mf *dto.MetricFamily) bool {
	if len(mf.Metric) == 0 || !model.IsValidLegacyMetricName(mf.GetName()) {
		return false
	}
	typ := mf.GetType()
	for _, m := range mf.Metric {
		for _, lp := range m.Label {
			if n := lp.GetName(); n == model.MetricNameLabel || !model.LabelName(n).IsValidLegacy() {
				return false
			}
		}
		var ok bool
		switch typ {
		case dto.MetricType_COUNTER:
			ok = m.Counter != nil
		case dto.MetricType_GAUGE:
			ok = m.Gauge != nil
		case dto.MetricType_UNTYPED:
			ok = m.Untyped != nil
		case dto.MetricType_SUMMARY:
			ok = m.Summary != nil
		case dto.MetricType_HISTOGRAM, dto.MetricType_GAUGE_HISTOGRAM:
			ok = m.Histogram != nil
		}
		if !ok {
			return false
		}
	}
	return true
}

// appendSample appends one sample line: name and suffix, m's labels and an
// optional extra label (quantile or le) whose value is a number, the
// value, and m's timestamp when it has one.
func appendSample(b []byte, name, suffix string, m *dto.Metric, extra string, extraValue, v float64) []byte {
	b = append(b, name...)
	b = append(b, suffix...)
	sep := byte('{')
	for _, lp := range m.Label {
		b = append(b, sep)
		b = append(b, lp.GetName()...)
		b = append(b, `="`...)
		b = appendEscaped(b, lp.GetValue(), true)
		b = append(b, '"')
		sep = ','
	}
	if extra != "" {
		b = append(b, sep)
		b = append(b, extra...)
		b = append(b, `="`...)
		b = appendFloat(b, extraValue)
		b = append(b, '"')
	}
	if len(m.Label) > 0 || extra != "" {
		b = append(b, '}')
	}
	b = append(b, ' ')
	b = appendFloat(b, v)
	if m.TimestampMs != nil {
		b = append(b, ' ')
		b = strconv.AppendInt(b, m.GetTimestampMs(), 10)
	}
	return append(b, '\n')
}
