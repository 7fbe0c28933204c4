package dashboards

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestHostileTextRoundTripsAsData posts names, sources and quotes made of
// markup, SQL fragments and direction overrides through the API: they come
// back byte for byte as data, JSON answers never carry a raw "<", and the
// database keeps answering.
func TestHostileTextRoundTripsAsData(t *testing.T) {
	f := newFixture(t, nil)
	hostile := []string{
		`<script>alert(1)</script>`,
		`</script><img src=x onerror=alert(1)>`,
		`'; DROP TABLE observations; --`,
		`" OR 1=1 --`,
		strings.Repeat("Ω", storage.MaxNameLen), // as long as a name may be
	}
	for i, h := range hostile {
		batch := map[string]any{
			"units": []map[string]any{{"code": "hostile", "name_vi": h, "name_en": h, "parent": "can-tho"}},
			"observations": []map[string]any{{"unit": "hostile", "indicator": "exports", "period": "2018-H1",
				"value": 100 + i, "reported_at": "2018-07-01", "source": h, "quote": h}},
		}
		body, _ := json.Marshal(batch)
		resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(string(body)),
			append([]string{"Content-Type", jsonCT}, bearer(f.admin)...)...)
		f.expect(resp, b, http.StatusOK, nil)

		var got struct{ Observations []storage.Observation }
		raw := f.get("/api/v1/observations?unit=hostile", http.StatusOK, &got)
		if len(got.Observations) != 1 || got.Observations[0].Source != h || got.Observations[0].Quote != h {
			t.Fatalf("case %d: stored %+v", i, got.Observations)
		}
		var unit struct{ Unit unitView }
		raw2 := f.get("/api/v1/units/hostile", http.StatusOK, &unit)
		if unit.Unit.NameVI != h {
			t.Fatalf("case %d: unit name %q", i, unit.Unit.NameVI)
		}
		for _, r := range [][]byte{raw, raw2} {
			if strings.ContainsAny(string(r), "<>") {
				t.Errorf("case %d: JSON answer carries raw markup: %.200s", i, r)
			}
		}
	}
	// The schema is intact: every endpoint still answers.
	f.get("/api/v1/progress?unit=can-tho&period=2018-H1", http.StatusOK, nil)
	var obs struct{ Observations []storage.Observation }
	f.get("/api/v1/observations?unit=can-tho", http.StatusOK, &obs)
	if len(obs.Observations) != 4 {
		t.Errorf("can-tho observations = %d, want 4", len(obs.Observations))
	}
}
