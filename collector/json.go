package collector

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// jsonObservation and jsonPlan are the rows of a JSON import. Every field is
// kept raw so that a number may be written as a JSON number (read exactly)
// or as a string (read like a CSV cell, with the locale), and so that a
// wrong type is reported against its row and field.
type jsonObservation struct {
	Unit                json.RawMessage `json:"unit"`
	Indicator           json.RawMessage `json:"indicator"`
	Period              json.RawMessage `json:"period"`
	Value               json.RawMessage `json:"value"`
	ReportStatus        json.RawMessage `json:"report_status"`
	ReportedPlanPercent json.RawMessage `json:"reported_plan_percent"`
	ReportedYoYPercent  json.RawMessage `json:"reported_yoy_percent"`
	ReportedAt          json.RawMessage `json:"reported_at"`
	Source              json.RawMessage `json:"source"`
	Quote               json.RawMessage `json:"quote"`
	Retracted           json.RawMessage `json:"retracted"`
	Synthetic           json.RawMessage `json:"synthetic"`
	// ReportedPlanPercents is [{"authority": "central", "percent": 103.5}, …].
	ReportedPlanPercents json.RawMessage `json:"reported_plan_percents"`
	// Reconstructed is what an export writes on a figure of a period before
	// its unit began; it follows from the unit's dates, so it is read and
	// not stored (an export re-imports as a no-op).
	Reconstructed json.RawMessage `json:"reconstructed"`
}

type jsonPlan struct {
	Unit       json.RawMessage `json:"unit"`
	Indicator  json.RawMessage `json:"indicator"`
	Year       json.RawMessage `json:"year"`
	Basis      json.RawMessage `json:"basis"`
	Target     json.RawMessage `json:"target"`
	TargetLow  json.RawMessage `json:"target_low"`
	TargetHigh json.RawMessage `json:"target_high"`
	Version    json.RawMessage `json:"version"`
	AdoptedOn  json.RawMessage `json:"adopted_on"`
	Source     json.RawMessage `json:"source"`
	Authority  json.RawMessage `json:"authority"`
	Reference  json.RawMessage `json:"reference"`
	Term       json.RawMessage `json:"term"`
}

func (j *jsonObservation) fields() [][2]any {
	return [][2]any{{fUnit, j.Unit}, {fIndicator, j.Indicator}, {fPeriod, j.Period}, {fValue, j.Value},
		{fReportStatus, j.ReportStatus}, {fPlanPercent, j.ReportedPlanPercent}, {fYoYPercent, j.ReportedYoYPercent},
		{fReportedAt, j.ReportedAt}, {fSource, j.Source}, {fQuote, j.Quote}, {fRetracted, j.Retracted},
		{fSynthetic, j.Synthetic}}
}

func (j *jsonPlan) fields() [][2]any {
	return [][2]any{{fUnit, j.Unit}, {fIndicator, j.Indicator}, {fYear, j.Year}, {fBasis, j.Basis},
		{fTarget, j.Target}, {fTargetLow, j.TargetLow}, {fTargetHigh, j.TargetHigh}, {fVersion, j.Version},
		{fAdoptedOn, j.AdoptedOn}, {fSource, j.Source}, {fAuthority, j.Authority}, {fReference, j.Reference},
		{fTerm, j.Term}}
}

// parseJSON reads {"units":[…],"indicators":[…],"observations":[…],"plans":[…]}
// (any subset, any order), decoding one array element at a time. Unknown
// keys are errors. Rows that name a unit or indicator declared further down
// the file are retried once the whole file has been read.
func parseJSON(ctx context.Context, r io.Reader, s *session) error {
	br, err := textReader(r)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(br)
	dec.DisallowUnknownFields()
	if err := expectDelim(dec, '{', storage.Errorf(storage.CodeInvalid, "the JSON file must be an object such as {\"observations\": [...]}")); err != nil {
		return err
	}
	s.deferUnknown = true
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return jsonError("", 0, err)
		}
		key, _ := tok.(string)
		if err := parseJSONKey(ctx, dec, key, s); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return jsonError("", 0, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return storage.Errorf(storage.CodeInvalid, "unexpected data after the JSON object; send one object")
	}
	return s.retryDeferred(ctx)
}

func parseJSONKey(ctx context.Context, dec *json.Decoder, key string, s *session) error {
	switch key {
	case "units":
		return eachElement(dec, key, func(i int) error {
			u, keep, err := decodeUnit(dec)
			if err != nil {
				return jsonError(key, i, err)
			}
			return s.unit(ctx, pos{key, i}, u, keep)
		})
	case "indicators":
		return eachElement(dec, key, func(i int) error {
			var ind storage.Indicator
			if _, err := decodeStrict(dec, &ind); err != nil {
				return jsonError(key, i, err)
			}
			return s.indicator(ctx, pos{key, i}, ind)
		})
	case "observations":
		var rec record
		return eachElement(dec, key, func(i int) error {
			var o jsonObservation
			if _, err := decodeStrict(dec, &o); err != nil {
				return jsonError(key, i, err)
			}
			fields, err := o.withPlanPercents(pos{key, i})
			if err != nil {
				return err
			}
			return jsonRecord(ctx, s, &rec, pos{key, i}, fields, tableObservations)
		})
	case "plans":
		var rec record
		return eachElement(dec, key, func(i int) error {
			var p jsonPlan
			if _, err := decodeStrict(dec, &p); err != nil {
				return jsonError(key, i, err)
			}
			return jsonRecord(ctx, s, &rec, pos{key, i}, p.fields(), tablePlans)
		})
	}
	return storage.Errorf(storage.CodeInvalid,
		"unknown key %q in the JSON object; use units, indicators, observations and plans", key)
}

// decodeUnit reads one unit declaration; keepSynthetic is true when it
// leaves the synthetic mark out, so that a stored mark is kept.
func decodeUnit(dec *json.Decoder) (u storage.Unit, keepSynthetic bool, err error) {
	raw, err := decodeStrictNested(dec, &u)
	if err != nil {
		return u, false, err
	}
	var mark struct {
		Synthetic *bool `json:"synthetic"`
	}
	if err := json.Unmarshal(raw, &mark); err != nil {
		return u, false, err
	}
	return u, mark.Synthetic == nil, nil
}

// jsonRecord turns a decoded row into a record and validates and stores it.
func jsonRecord(ctx context.Context, s *session, rec *record, at pos, fields [][2]any, kind tableKind) error {
	rec.reset(at.sheet, at.row)
	for _, fv := range fields {
		f, raw := fv[0].(field), fv[1].(json.RawMessage)
		text, canon, err := rawText(raw)
		if err != nil {
			return storage.Errorf(storage.CodeInvalid, "%s[%d].%s: %v", at.sheet, at.row, f, err).
				WithDetails(storage.Detail{Sheet: at.sheet, Row: at.row, Field: f.String()}.Because(err))
		}
		rec.vals[f], rec.canon[f] = text, canon
	}
	return s.record(ctx, rec, kind)
}

// rawText returns a JSON scalar as text: a string's content, a number's
// digits (canonical), true/false, or "" for null or absence.
func rawText(raw json.RawMessage) (string, bool, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", false, nil
	case raw[0] == '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, false, err
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		return string(raw), true, nil
	case string(raw) == "true" || string(raw) == "false":
		return string(raw), false, nil
	}
	return "", false, storage.Errorf(storage.CodeInvalid, "expected a string, a number or null")
}

// eachElement walks one JSON array, calling fn with 1-based indexes.
func eachElement(dec *json.Decoder, key string, fn func(i int) error) error {
	if err := expectDelim(dec, '[', storage.Errorf(storage.CodeInvalid, "%q must be an array", key)); err != nil {
		return err
	}
	for i := 1; dec.More(); i++ {
		if err := fn(i); err != nil {
			return err
		}
	}
	_, err := dec.Token() // ']'
	if err != nil {
		return jsonError(key, 0, err)
	}
	return nil
}

func expectDelim(dec *json.Decoder, d json.Delim, bad *storage.Error) error {
	tok, err := dec.Token()
	if err != nil {
		return jsonError("", 0, err)
	}
	if tok != d {
		return bad
	}
	return nil
}

// jsonError reports malformed JSON with the list and element it was in.
func jsonError(key string, i int, err error) error {
	why := storage.Errorf(storage.CodeInvalid, "%s", strings.TrimPrefix(err.Error(), "json: ")) // the decoder's words
	var own *storage.Error
	if errors.As(err, &own) {
		why = own
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		why = storage.Errorf(storage.CodeInvalid, "the JSON ends too early")
	}
	if key == "" || i <= 0 {
		return storage.Errorf(storage.CodeInvalid, "the JSON file is malformed: %s", why)
	}
	return storage.Errorf(storage.CodeInvalid, "%s[%d] is malformed: %s", key, i, why).
		WithDetails(storage.Detail{Sheet: key, Row: i}.Because(why))
}
