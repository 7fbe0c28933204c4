package collector

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/plantrack/plantrack/storage"
)

// decodeStrict decodes the next array element into v (a pointer to a
// struct), refusing unknown keys and, unlike encoding/json alone, keys
// written in another case ("Unit" for "unit") or given twice (the decoder
// would keep the last one silently). It returns the element's raw bytes.
func decodeStrict(dec *json.Decoder, v any) (json.RawMessage, error) {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if err := checkKeys(raw, knownKeys(reflect.TypeOf(v).Elem())); err != nil {
		return raw, err
	}
	return raw, json.Unmarshal(raw, v) // checkKeys refused unknown keys already
}

// decodeStrictNested is decodeStrict for a struct whose nested objects
// must be free of unknown keys too (a unit's parents and predecessors).
func decodeStrictNested(dec *json.Decoder, v any) (json.RawMessage, error) {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if err := checkKeys(raw, knownKeys(reflect.TypeOf(v).Elem())); err != nil {
		return raw, err
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	return raw, d.Decode(v)
}

var keyCache sync.Map // reflect.Type → map[string]bool

// knownKeys returns the JSON keys of a struct type, by its json tags.
func knownKeys(t reflect.Type) map[string]bool {
	if k, ok := keyCache.Load(t); ok {
		return k.(map[string]bool)
	}
	keys := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case name == "":
			keys[f.Name] = true
		default:
			keys[name] = true
		}
	}
	keyCache.Store(t, keys)
	return keys
}

// checkKeys walks the top-level keys of one JSON object (nested values are
// skipped) and refuses a key that is not exactly one of known, or that
// appears twice. Anything that is not an object is left to the decoder.
// It allocates nothing for a well-formed object of plain keys.
func checkKeys(raw []byte, known map[string]bool) error {
	depth := 0
	expectKey := false
	var seenBuf [24][]byte
	seen := seenBuf[:0]
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '{', '[':
			depth++
			expectKey = depth == 1 && c == '{'
		case '}', ']':
			depth--
		case ',':
			expectKey = depth == 1
		case '"':
			end := stringEnd(raw, i)
			if end < 0 {
				return nil // malformed: the decoder says so
			}
			if expectKey && depth == 1 {
				key := raw[i+1 : end]
				if bytes.IndexByte(key, '\\') >= 0 {
					k, err := strconv.Unquote(string(raw[i : end+1]))
					if err == nil {
						key = []byte(k)
					}
				}
				for _, k := range seen {
					if bytes.Equal(k, key) {
						return storage.Errorf(storage.CodeInvalid, "the key %q is given twice; give each field once", string(key))
					}
				}
				if !known[string(key)] {
					return unknownKey(string(key), known)
				}
				seen = append(seen, key)
				expectKey = false
			}
			i = end
		}
	}
	return nil
}

// unknownKey refuses a key that is not one of known, saying how to write
// it when only its case is wrong.
func unknownKey(key string, known map[string]bool) error {
	for k := range known {
		if strings.EqualFold(k, key) {
			return storage.Errorf(storage.CodeInvalid, "the key %q must be written %q, in lower case", key, k)
		}
	}
	return storage.Errorf(storage.CodeInvalid, "unknown field %q", key)
}

// stringEnd returns the index of the quote closing the JSON string that
// starts at raw[start], or -1.
func stringEnd(raw []byte, start int) int {
	for j := start + 1; j < len(raw); j++ {
		switch raw[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return -1
}
