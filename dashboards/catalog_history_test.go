package dashboards

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestCatalogHistoryShowsEveryRevision: a unit renamed by its reporter and
// moved by an admin, and an indicator redefined by an admin, keep every
// revision with its provenance; ?history=true shows them oldest first.
func TestCatalogHistoryShowsEveryRevision(t *testing.T) {
	f := newFixture(t, nil)
	post := func(tok, body string) {
		t.Helper()
		resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(body),
			append([]string{"Content-Type", jsonCT}, bearer(tok)...)...)
		f.expect(resp, b, http.StatusOK, nil)
	}
	post(f.reporter, `{"units":[{"code":"ninh-kieu","name_vi":"Quận Ninh Kiều (mới)"}]}`)
	post(f.admin, `{"units":[{"code":"ninh-kieu","name_vi":"Quận Ninh Kiều (mới)","parent":"cai-rang"}]}`)
	var got struct {
		Unit    unitView
		History []storage.CatalogRevision
	}
	f.get("/api/v1/units/ninh-kieu?history=true", http.StatusOK, &got)
	if len(got.History) != 3 {
		t.Fatalf("history: %+v, want the fixture's revision and two more", got.History)
	}
	wantBy := []string{"", "nk-reporter", "admin-1"}
	wantParent := []string{"can-tho", "can-tho", "cai-rang"}
	for i, h := range got.History {
		var u storage.Unit
		if err := json.Unmarshal(h.Snapshot, &u); err != nil {
			t.Fatal(err)
		}
		if h.Provenance.TokenName != wantBy[i] || u.Parent != wantParent[i] || h.Provenance.RecordedAt.IsZero() {
			t.Errorf("revision %d: by %q, parent %q; want %q, %q", i, h.Provenance.TokenName, u.Parent, wantBy[i], wantParent[i])
		}
	}
	post(f.admin, `{"indicators":[{"code":"exports","name_vi":"Kim ngạch xuất khẩu","name_en":"Export turnover",
		"measure":"million_usd","kind":"flow","direction":"down"}]}`)
	var ind struct{ History []storage.CatalogRevision }
	f.get("/api/v1/indicators/exports?history=true", http.StatusOK, &ind)
	if n := len(ind.History); n < 2 || !strings.Contains(string(ind.History[n-1].Snapshot), `"direction":"down"`) ||
		ind.History[n-1].Provenance.TokenName != "admin-1" {
		t.Fatalf("indicator history: %+v", ind.History)
	}
	// Fields other issues added (a unit's validity dates, an index
	// indicator's base) are in the snapshots too.
	post(f.admin, `{"units":[{"code":"new-ward","name_vi":"Phường mới","parent":"can-tho","valid_from":"2025-07-01"}],
		"indicators":[{"code":"cpi_index","name_vi":"CPI","name_en":"CPI","measure":"index","kind":"level","direction":"down",
		"growth_basis":"index","index_base":"previous_december"}]}`)
	var ward, cpi struct{ History []storage.CatalogRevision }
	f.get("/api/v1/units/new-ward?history=true", http.StatusOK, &ward)
	f.get("/api/v1/indicators/cpi_index?history=true", http.StatusOK, &cpi)
	if len(ward.History) != 1 || !strings.Contains(string(ward.History[0].Snapshot), `"valid_from":"2025-07-01"`) ||
		len(cpi.History) != 1 || !strings.Contains(string(cpi.History[0].Snapshot), `"index_base":"previous_december"`) {
		t.Fatalf("snapshots without the new fields: %+v %+v", ward.History, cpi.History)
	}
	// Without history=true the answer is as before.
	var plain map[string]json.RawMessage
	f.get("/api/v1/units/ninh-kieu", http.StatusOK, &plain)
	if _, ok := plain["history"]; ok {
		t.Error("history shown without history=true")
	}
	resp, b := f.do(http.MethodGet, "/api/v1/units/ninh-kieu?history=maybe", nil)
	f.wantError(resp, b, http.StatusBadRequest, storage.CodeInvalid, "history")
}
