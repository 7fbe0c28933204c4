package storage

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestUpgradeGivesCatalogOneRevision: a release-1 database upgraded in
// place has one revision per unit and indicator (via "upgrade"), holding
// the stored fields; a rename then adds a second with its provenance.
func TestUpgradeGivesCatalogOneRevision(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "release1.db")
	buildRelease1DB(t, path)
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h, err := db.UnitHistory(ctx, "huyen-b")
	if err != nil {
		t.Fatal(err)
	}
	var snap Unit
	if len(h) != 1 || h[0].Provenance.Via != "upgrade" || json.Unmarshal(h[0].Snapshot, &snap) != nil ||
		!sameUnit(snap, Unit{Code: "huyen-b", NameVI: "Huyện B", NameEN: "District B", Parent: "tinh-a"}) {
		t.Fatalf("history after upgrade: %+v (%s)", h, h[0].Snapshot)
	}
	ih, err := db.IndicatorHistory(ctx, "cpi")
	if err != nil || len(ih) != 1 {
		t.Fatalf("indicator history after upgrade: %+v %v", ih, err)
	}
	var ind Indicator
	if err := json.Unmarshal(ih[0].Snapshot, &ind); err != nil || ind.Kind != KindLevel || ind.Direction != DirectionDown {
		t.Fatalf("indicator snapshot %s: %v", ih[0].Snapshot, err)
	}
	w, err := db.BeginWrite(ctx, Provenance{Via: "json", TokenName: "ops", FileName: "rename.json"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.PutUnit(ctx, Unit{Code: "huyen-b", NameEN: "District B (renamed)"}); err != nil {
		t.Fatal(err)
	}
	// Unchanged: no revision.
	if _, err := w.PutUnit(ctx, Unit{Code: "huyen-c"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	h, _ = db.UnitHistory(ctx, "huyen-b")
	if len(h) != 2 || h[1].Provenance.TokenName != "ops" || h[1].Provenance.FileName != "rename.json" ||
		h[1].Revision <= h[0].Revision {
		t.Fatalf("history after a rename: %+v", h)
	}
	if err := json.Unmarshal(h[1].Snapshot, &snap); err != nil || snap.NameEN != "District B (renamed)" || snap.NameVI != "Huyện B" {
		t.Fatalf("rename snapshot %s", h[1].Snapshot)
	}
	if h, _ := db.UnitHistory(ctx, "huyen-c"); len(h) != 1 {
		t.Fatalf("an unchanged declaration added a revision: %+v", h)
	}
	if _, err := db.UnitHistory(ctx, "nowhere"); ErrorCode(err) != CodeNotFound {
		t.Fatalf("unknown unit: %v", err)
	}
}
