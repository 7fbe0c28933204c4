package collector

import (
	"bytes"
	"encoding/json"
	"testing"
)

// BenchmarkJSONRowDecode measures one observation row decoded as the JSON
// import does (keys checked exactly and once, then decoded strictly)
// against encoding/json alone, in the same run: the cost of refusing
// duplicate and case-variant keys.
func BenchmarkJSONRowDecode(b *testing.B) {
	row := []byte(`{"unit":"can-tho","indicator":"retail_sales","period":"2018-H1","value":63135.5,` +
		`"reported_plan_percent":53.7,"report_status":"estimate","reported_at":"2018-06-11","source":"Báo Cần Thơ (CTO), 11/06/2018"}`)
	stream := bytes.Repeat(row, 1000)
	b.Run("encoding_json", func(b *testing.B) {
		for b.Loop() {
			dec := json.NewDecoder(bytes.NewReader(stream))
			dec.DisallowUnknownFields()
			for dec.More() {
				var o jsonObservation
				if err := dec.Decode(&o); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("strict_keys", func(b *testing.B) {
		for b.Loop() {
			dec := json.NewDecoder(bytes.NewReader(stream))
			for dec.More() {
				var o jsonObservation
				if _, err := decodeStrict(dec, &o); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
