package storage

import (
	"context"
	"fmt"
)

// tenure is every unit that ever had one parent, with what decides whether
// it is that parent's child on a given day: for readers, such as a series,
// that need the children at many period ends.
type tenure struct {
	parentID int64
	units    map[int64]*tenureUnit
}

type tenureUnit struct {
	code, validFrom, validTo string
	spans                    []resolvedSpan // every parent of the unit, by from
}

// tenureOf reads the tenure of the unit parentID's children.
func (db *DB) tenureOf(ctx context.Context, parentID int64) (tenure, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT up.unit_id, c.code, c.valid_from, c.valid_to, up.parent_id, up.valid_from
		FROM unit_parents up JOIN units c ON c.id = up.unit_id
		WHERE up.unit_id IN (SELECT unit_id FROM unit_parents WHERE parent_id = ?)
		ORDER BY up.unit_id, up.valid_from`, parentID)
	if err != nil {
		return tenure{}, fmt.Errorf("list children: %w", err)
	}
	defer rows.Close()
	t := tenure{parentID: parentID, units: map[int64]*tenureUnit{}}
	for rows.Next() {
		var id int64
		var u tenureUnit
		var s resolvedSpan
		if err := rows.Scan(&id, &u.code, &u.validFrom, &u.validTo, &s.id, &s.from); err != nil {
			return tenure{}, fmt.Errorf("list children: %w", err)
		}
		if t.units[id] == nil {
			t.units[id] = &u
		}
		t.units[id].spans = append(t.units[id].spans, s)
	}
	return t, rows.Err()
}

// at returns the children in force on date, by id.
func (t tenure) at(date string) map[int64]string {
	out := map[int64]string{}
	for id, u := range t.units {
		if u.validFrom != "" && u.validFrom > date || u.validTo != "" && u.validTo < date {
			continue
		}
		var parent int64
		for _, s := range u.spans {
			if s.from <= date {
				parent = s.id
			}
		}
		if parent == t.parentID {
			out[id] = u.code
		}
	}
	return out
}
