package storage

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"
)

// reorgBatch is a province p whose district d1 (communes c1, c2) ends on
// 2025-06-30, the communes moving up to p on 2025-07-01.
func reorgBatch() Batch {
	return Batch{Units: []Unit{
		{Code: "p", NameVI: "Tỉnh P"},
		{Code: "d1", NameVI: "Huyện D1", Parent: "p", ValidTo: "2025-06-30"},
		{Code: "c1", NameVI: "Xã C1", Parents: []ParentSpan{{Parent: "d1"}, {Parent: "p", From: "2025-07-01"}}},
		{Code: "c2", NameVI: "Xã C2", Parents: []ParentSpan{{Parent: "p", From: "2025-07-01"}, {Parent: "d1"}}},
	}}
}

func TestUnitHistoryRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	b := reorgBatch()
	b.Units = append(b.Units, Unit{Code: "n", NameVI: "Mới", ValidFrom: "2025-07-01",
		Predecessors: []Predecessor{{Unit: "p", Date: "2025-07-01"}, {Unit: "d1", Date: "2025-07-01"}}})
	writeBatch(t, db, b)
	c2, err := db.Unit(ctx, "c2")
	if err != nil {
		t.Fatal(err)
	}
	// Parents come back ordered by day; Parent is the latest one.
	want := []ParentSpan{{Parent: "d1"}, {Parent: "p", From: "2025-07-01"}}
	if c2.Parent != "p" || !reflect.DeepEqual(c2.Parents, want) || c2.Depth != 1 {
		t.Fatalf("c2 = %+v", c2)
	}
	n, _ := db.Unit(ctx, "n")
	if n.ValidFrom != "2025-07-01" || !reflect.DeepEqual(n.Predecessors, []Predecessor{{"p", "2025-07-01"}, {"d1", "2025-07-01"}}) {
		t.Fatalf("n = %+v", n)
	}
	// Writing the same again is a no-op; a plain parent equal to the
	// latest keeps the history; names alone keep everything else.
	v0, _ := db.DataVersion(ctx)
	writeBatch(t, db, b)
	if v1, _ := db.DataVersion(ctx); v1 != v0 {
		t.Fatalf("writing the same units again changed the data (version %d → %d)", v0, v1)
	}
	writeBatch(t, db, Batch{Units: []Unit{{Code: "c1", Parent: "p"}, {Code: "n", NameEN: "New"}}})
	c1, _ := db.Unit(ctx, "c1")
	if !reflect.DeepEqual(c1.Parents, want) {
		t.Fatalf("c1 after a plain parent: %+v", c1)
	}
	if n, _ := db.Unit(ctx, "n"); n.NameEN != "New" || n.ValidFrom != "2025-07-01" || len(n.Predecessors) != 2 {
		t.Fatalf("n after a new name: %+v", n)
	}
	// A different plain parent replaces the history, as before units had dates.
	writeBatch(t, db, Batch{Units: []Unit{{Code: "c1", Parent: "d1"}}})
	if c1, _ = db.Unit(ctx, "c1"); c1.Parent != "d1" || c1.Parents != nil {
		t.Fatalf("c1 after moving plainly: %+v", c1)
	}
	all, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range all {
		if u.Code == "c2" && !reflect.DeepEqual(u.Parents, want) {
			t.Fatalf("Units lost c2's history: %+v", u)
		}
	}
}

func TestUnitHistoryRefused(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	writeBatch(t, db, reorgBatch())
	before, _ := db.Units(ctx)
	for name, u := range map[string]Unit{
		"valid_to before valid_from": {Code: "x", NameVI: "X", ValidFrom: "2025-07-01", ValidTo: "2025-06-30"},
		"bad date":                   {Code: "x", NameVI: "X", ValidFrom: "2025-13-01"},
		"two parents on one day":     {Code: "x", NameVI: "X", Parents: []ParentSpan{{"p", "2025-01-01"}, {"d1", "2025-01-01"}}},
		"unknown parent":             {Code: "x", NameVI: "X", Parents: []ParentSpan{{"nowhere", "2025-01-01"}}},
		"own predecessor":            {Code: "x", NameVI: "X", Predecessors: []Predecessor{{"x", "2025-07-01"}}},
		"unknown predecessor":        {Code: "x", NameVI: "X", Predecessors: []Predecessor{{"nowhere", "2025-07-01"}}},
		"predecessor without a date": {Code: "x", NameVI: "X", Predecessors: []Predecessor{{"p", ""}}},
		"parent disagrees":           {Code: "x", NameVI: "X", Parent: "d1", Parents: []ParentSpan{{"p", "2025-01-01"}}},
		"loop through an old parent": {Code: "p", Parents: []ParentSpan{{"c1", "2020-01-01"}}},
	} {
		_, err := db.Write(ctx, Batch{Units: []Unit{u}}, testProv)
		if ErrorCode(err) != CodeValidation {
			t.Errorf("%s: %v, want a validation error", name, err)
		}
	}
	after, _ := db.Units(ctx)
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("a refused write changed the units")
	}
}

// TestReparentedCommuneChildrenSum: c1 and c2 count toward d1 before
// 2025-07-01 and toward p after. Hand-worked: 2024-H1 d1 = 120 + 180 = 300
// and p's only child then is d1 (300); 2025-H2 p's children are c1 and c2,
// 130 + 200 = 330. p reports 400 in both, so each children-sum flag names
// the sum of the right children.
func TestReparentedCommuneChildrenSum(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	b := reorgBatch()
	h1, h2 := MustParsePeriod("2024-H1"), MustParsePeriod("2025-H2")
	obs := func(u string, p Period, v float64) Observation {
		return Observation{Unit: u, Indicator: "budget_revenue", Period: p, Value: val(v), ReportedAt: "2026-01-10"}
	}
	b.Observations = []Observation{obs("c1", h1, 120), obs("c2", h1, 180), obs("d1", h1, 300), obs("p", h1, 400),
		obs("c1", h2, 130), obs("c2", h2, 200), obs("p", h2, 400)}
	writeBatch(t, db, b)
	for _, tc := range []struct {
		unit     string
		p        Period
		sum      float64
		children float64
	}{{"p", h1, 300, 1}, {"p", h2, 330, 2}} {
		pr, err := db.Progress(ctx, tc.unit, tc.p, "2026-02-01")
		if err != nil {
			t.Fatal(err)
		}
		fl := flagOf(pr.Items[0], FlagChildrenSumMismatch)
		if fl == nil || fl.Figures["children_sum"] != tc.sum || fl.Figures["children"] != tc.children {
			t.Errorf("%s %v: children-sum flag %+v, want sum %v of %v children", tc.unit, tc.p, fl, tc.sum, tc.children)
		}
	}
	// d1 sums its communes in 2024 (120 + 180 = 300, as it reported: no flag).
	pr, err := db.Progress(ctx, "d1", h1, "2026-02-01")
	if err != nil || flagOf(pr.Items[0], FlagChildrenSumMismatch) != nil {
		t.Fatalf("d1 2024-H1: %+v %v", pr.Items, err)
	}
	kids := func(date string) []string {
		us, err := db.ChildrenAt(ctx, "p", date)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range us {
			out = append(out, u.Code)
		}
		return out
	}
	if got := kids("2024-06-30"); !reflect.DeepEqual(got, []string{"d1"}) {
		t.Errorf("p's children on 2024-06-30: %v", got)
	}
	if got := kids("2025-07-01"); !reflect.DeepEqual(got, []string{"c1", "c2"}) {
		t.Errorf("p's children on 2025-07-01: %v", got)
	}
	if anc, _ := db.AncestorsAt(ctx, "c1", "2025-06-30"); !reflect.DeepEqual(anc, []string{"d1", "p"}) {
		t.Errorf("c1's ancestors on 2025-06-30: %v", anc)
	}
	// compare parent=p uses the tree at A's end; level 2 of 2024 is the communes.
	c, err := db.Compare(ctx, CompareQuery{Indicator: "budget_revenue", Parent: "p", A: h2, B: h1, AsOf: "2026-02-01"})
	if err != nil || len(c.Rows) != 2 || c.Rows[0].Unit != "c1" || !approx(c.Rows[0].ValueB, 120, 0) {
		t.Fatalf("compare children at 2025-H2: %+v %v", c.Rows, err)
	}
	c, err = db.Compare(ctx, CompareQuery{Indicator: "budget_revenue", Parent: "p", Level: 2, A: h1, B: h1, AsOf: "2026-02-01"})
	if err != nil || len(c.Rows) != 2 || c.Rows[1].Unit != "c2" || !approx(c.Rows[1].ValueA, 180, 0) {
		t.Fatalf("compare level 2 at 2024-H1: %+v %v", c.Rows, err)
	}
	st, err := db.ChildrenStatus(ctx, "p", h1, "2026-02-01")
	if _, ok := st["d1"]; err != nil || len(st) != 1 || !ok {
		t.Fatalf("children status of p in 2024-H1: %v %v", st, err)
	}
}

func flagOf(it Item, code string) *Flag {
	for i := range it.Flags {
		if it.Flags[i].Code == code {
			return &it.Flags[i]
		}
	}
	return nil
}

// TestUpgradeFromReleaseKeepsTree makes a database as the current release
// does (migrations 0001 and 0002 only), opens it, and checks that the tree
// answers as before.
func TestUpgradeFromReleaseKeepsTree(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"0001_init.sql", "0002_tokens.sql"} {
		body, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(string(body)); err != nil {
			t.Fatal(err)
		}
	}
	stmts := []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, '0001_init.sql', 'x'), (2, '0002_tokens.sql', 'x')`,
		`INSERT INTO units (id, code, name_vi, parent_id) VALUES (1, 'vn', 'Việt Nam', NULL), (2, 'b', 'B', 1), (3, 'a', 'A', 1), (4, 'a1', 'A1', 3)`,
	}
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	units, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range units {
		got = append(got, u.Code+"/"+u.Parent)
		if u.ValidFrom != "" || u.ValidTo != "" || u.Parents != nil || u.Predecessors != nil {
			t.Errorf("upgraded %s has history %+v", u.Code, u)
		}
	}
	if !reflect.DeepEqual(got, []string{"vn/", "a/vn", "a1/a", "b/vn"}) {
		t.Fatalf("units after upgrade: %v", got)
	}
	kids, err := db.Children(ctx, "vn")
	if err != nil || len(kids) != 2 || kids[0].Code != "a" || kids[1].Code != "b" {
		t.Fatalf("children after upgrade: %+v %v", kids, err)
	}
	if anc, _ := db.AncestorsAt(ctx, "a1", "1999-01-01"); !reflect.DeepEqual(anc, []string{"a", "vn"}) {
		t.Fatalf("an undated parent holds on every day: %v", anc)
	}
}
