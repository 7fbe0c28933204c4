package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// changedMax bounds how many units one Changed call names: past it (a large
// import), refreshing every touched unit ahead of readers would cost more
// than it saves, and readers derive what they ask for.
const changedMax = 256

// noteChanged records that unit's kept answers were invalidated; t.mu held.
func (t *tracker) noteChanged(unit int64) {
	if t.overflow {
		return
	}
	t.changed[unit] = true
	if len(t.changed) > changedMax {
		t.overflow, t.changed = true, map[int64]bool{}
	}
}

// Changed brings the kept answers' bookkeeping up to the database's
// current data version (seeing writes by this process or any other) and
// returns that version and the codes of the units whose kept answers the
// writes seen since the previous call invalidated: each written unit and
// every unit that reads its figures (its parent, its successors), parents
// before their children (by depth in today's tree, then by code). Each
// change is reported once, to one caller. many reports that more than
// changedMax units changed, or that a change to units or indicators
// invalidated everything; units is then empty. The first call after Open
// reports nothing: nothing was kept before it.
func (db *DB) Changed(ctx context.Context) (version int64, units []string, many bool, err error) {
	v, err := db.sync(ctx)
	if err != nil {
		return 0, nil, false, err
	}
	t := db.fresh
	t.mu.Lock()
	ids := make([]int64, 0, len(t.changed))
	for id := range t.changed {
		ids = append(ids, id)
	}
	many = t.overflow
	t.changed, t.overflow = map[int64]bool{}, false
	t.mu.Unlock()
	if len(ids) == 0 {
		return v, nil, many, nil
	}
	slices.Sort(ids)
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	// Parents first (by depth, then code): a child's report changes its
	// parent's answers, which more readers ask for (a province's overview
	// beside one commune's).
	rows, err := db.r.QueryContext(ctx, `WITH RECURSIVE up(id, top) AS (
			SELECT id, parent_id FROM units WHERE id IN (?`+strings.Repeat(",?", len(ids)-1)+`)
			UNION ALL SELECT up.id, u.parent_id FROM up JOIN units u ON u.id = up.top)
		SELECT u.code FROM up JOIN units u ON u.id = up.id GROUP BY up.id ORDER BY count(*), u.code`, args...)
	if err != nil {
		return 0, nil, false, fmt.Errorf("read changed units: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return 0, nil, false, fmt.Errorf("read changed units: %w", err)
		}
		units = append(units, code)
	}
	if err := rows.Err(); err != nil {
		return 0, nil, false, fmt.Errorf("read changed units: %w", err)
	}
	return v, units, many, nil
}

// Derivations counts the answers and pieces derived since Open rather than
// served kept: tests read it to tell a kept answer from a fresh derivation.
func (db *DB) Derivations() int64 { return db.derivations.Load() }
