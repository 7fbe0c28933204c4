package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// CatalogRevision is one stored state of a unit or an indicator: a
// snapshot of every field as that write stored it, with its provenance.
type CatalogRevision struct {
	Revision   int64           `json:"revision"` // increases with every catalog write
	Snapshot   json.RawMessage `json:"snapshot"` // the unit or indicator, as the API shows it
	Provenance Provenance      `json:"provenance"`
}

// catalogRevision records what a Put stored: kind is "unit" or
// "indicator", v the merged unit or indicator.
func (w *Writer) catalogRevision(ctx context.Context, kind, code string, v any) error {
	snap, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("snapshot %s %s: %w", kind, code, err)
	}
	return insertCatalogRevision(ctx, w.conn, kind, code, snap, w.prov, w.recordedAt)
}

func insertCatalogRevision(ctx context.Context, x execer, kind, code string, snap []byte, prov Provenance, at string) error {
	_, err := x.ExecContext(ctx, `INSERT INTO catalog_revisions (kind, code, snapshot, via, token_name, file_name, recorded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, kind, code, string(snap), prov.Via, prov.TokenName, prov.FileName, at)
	if err != nil {
		return fmt.Errorf("record revision of %s %s: %w", kind, code, err)
	}
	return nil
}

// UnitHistory returns every stored revision of a unit, oldest first, or
// CodeNotFound for an unknown unit.
func (db *DB) UnitHistory(ctx context.Context, code string) ([]CatalogRevision, error) {
	if _, err := db.Unit(ctx, code); err != nil {
		return nil, err
	}
	return db.catalogHistory(ctx, "unit", code)
}

// IndicatorHistory is UnitHistory for an indicator.
func (db *DB) IndicatorHistory(ctx context.Context, code string) ([]CatalogRevision, error) {
	if _, err := db.Indicator(ctx, code); err != nil {
		return nil, err
	}
	return db.catalogHistory(ctx, "indicator", code)
}

func (db *DB) catalogHistory(ctx context.Context, kind, code string) ([]CatalogRevision, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, snapshot, via, token_name, file_name, recorded_at
		FROM catalog_revisions WHERE kind = ? AND code = ? ORDER BY id`, kind, code)
	if err != nil {
		return nil, fmt.Errorf("read history of %s %s: %w", kind, code, err)
	}
	defer rows.Close()
	out := []CatalogRevision{}
	for rows.Next() {
		var r CatalogRevision
		var snap, at string
		if err := rows.Scan(&r.Revision, &snap, &r.Provenance.Via, &r.Provenance.TokenName,
			&r.Provenance.FileName, &at); err != nil {
			return nil, fmt.Errorf("read history of %s %s: %w", kind, code, err)
		}
		r.Snapshot = json.RawMessage(snap)
		r.Provenance.RecordedAt, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, r)
	}
	return out, rows.Err()
}
