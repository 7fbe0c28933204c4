// Package reference ships named sets of reference units, such as the
// provincial units of Vietnam before and after the reorganisation of
// 1 July 2025 (National Assembly Resolution 202/2025/QH15), and stores
// them through the storage writer like any other unit.
package reference

import (
	"context"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

//go:embed data/*.csv
var files embed.FS

// Set describes one shipped set of units.
type Set struct {
	Name          string
	DescriptionVI string
	DescriptionEN string
}

// List returns the shipped sets by name.
func List() []Set {
	return []Set{{
		Name: "vn-provinces-2025",
		DescriptionVI: "63 đơn vị hành chính cấp tỉnh trước ngày 01/07/2025 và 34 đơn vị từ ngày đó " +
			"(Nghị quyết 202/2025/QH15), kèm đơn vị tiền thân",
		DescriptionEN: "The 63 provincial-level units before 1 July 2025 and the 34 from that day " +
			"(Resolution 202/2025/QH15), with their predecessors",
	}}
}

// Units returns a set's units in file order, each unit after its
// predecessors. An unknown name is CodeNotFound.
func Units(name string) ([]storage.Unit, error) {
	known := false
	for _, s := range List() {
		known = known || s.Name == name
	}
	if !known {
		return nil, storage.Errorf(storage.CodeNotFound, "no reference data named %q; `plantrack reference list` shows the names", name)
	}
	f, err := files.Open("data/" + name + ".csv")
	if err != nil {
		return nil, fmt.Errorf("reference %s: %w", name, err)
	}
	defer f.Close()
	return parse(f)
}

// parse reads code,name_vi,name_en,valid_from,valid_to,predecessors rows;
// predecessors are codes separated by spaces, each taking effect on the
// unit's valid_from.
func parse(r io.Reader) ([]storage.Unit, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil || len(rows) == 0 {
		return nil, fmt.Errorf("reference data: %v", err)
	}
	var out []storage.Unit
	for _, row := range rows[1:] {
		u := storage.Unit{Code: row[0], NameVI: row[1], NameEN: row[2], ValidFrom: row[3], ValidTo: row[4]}
		for _, p := range strings.Fields(row[5]) {
			u.Predecessors = append(u.Predecessors, storage.Predecessor{Unit: p, Date: u.ValidFrom})
		}
		out = append(out, u)
	}
	return out, nil
}

// Load stores a set in one transaction, recorded as arriving via
// "reference". A unit already stored keeps its names, parent, synthetic
// mark and figures; it gains the set's dates and predecessors. Loading a
// set twice stores nothing the second time.
func Load(ctx context.Context, db *storage.DB, name string) (storage.WriteResult, error) {
	units, err := Units(name)
	if err != nil {
		return storage.WriteResult{}, err
	}
	stored, err := db.Units(ctx)
	if err != nil {
		return storage.WriteResult{}, err
	}
	have := map[string]storage.Unit{}
	for _, u := range stored {
		have[u.Code] = u
	}
	for i, u := range units {
		if s, ok := have[u.Code]; ok {
			units[i].NameVI, units[i].NameEN, units[i].Synthetic = "", "", s.Synthetic
		}
	}
	res, err := db.Write(ctx, storage.Batch{Units: units}, storage.Provenance{Via: "reference", FileName: name})
	if err != nil {
		return res, fmt.Errorf("load reference %s: %w", name, err)
	}
	return res, nil
}
