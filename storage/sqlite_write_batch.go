package storage

import (
	"context"
	"database/sql/driver"
	"fmt"
)

// writerIDs are the ids a writer hands out: the batch of each source it
// stored (its provenance, once per import) and the next revision number.
type writerIDs struct {
	batches map[string]int64 // by source
	next    int64            // next revision number; 0 until read
}

// batchID returns the id of this writer's provenance with source, storing
// it once.
func (w *Writer) batchID(ctx context.Context, source string) (int64, error) {
	if id, ok := w.ids.batches[source]; ok {
		return id, nil
	}
	args := namedArgs(source, w.prov.Via, w.prov.TokenName, w.prov.FileName, w.recordedAt)
	if _, err := w.rawExec(ctx, `INSERT INTO batches (source, via, token_name, file_name, recorded_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, args); err != nil {
		return 0, w.fail(fmt.Errorf("store the provenance: %w", err))
	}
	dest := make([]driver.Value, 1)
	found, err := w.rawQueryRow(ctx, `SELECT id FROM batches WHERE source = ? AND via = ? AND token_name = ?
		AND file_name = ? AND recorded_at = ?`, args, dest)
	id, ok := dest[0].(int64)
	if err == nil && (!found || !ok) {
		err = fmt.Errorf("the stored provenance vanished")
	}
	if err != nil {
		return 0, w.fail(fmt.Errorf("store the provenance: %w", err))
	}
	if w.ids.batches == nil {
		w.ids.batches = map[string]int64{}
	}
	w.ids.batches[source] = id
	return id, nil
}

// nextRevision returns the next revision number: one more than the greatest
// stored, counted on by this writer (it holds the write lock).
func (w *Writer) nextRevision(ctx context.Context) (int64, error) {
	if w.ids.next == 0 {
		dest := make([]driver.Value, 1)
		if _, err := w.rawQueryRow(ctx, `SELECT coalesce(max(id), 0) + 1 FROM figures`, nil, dest); err != nil {
			return 0, w.fail(fmt.Errorf("number the revision: %w", err))
		}
		next, ok := dest[0].(int64)
		if !ok {
			return 0, w.fail(fmt.Errorf("number the revision: unexpected %v", dest[0]))
		}
		w.ids.next = next
	}
	w.ids.next++
	return w.ids.next - 1, nil
}
