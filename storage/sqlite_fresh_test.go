package storage

import (
	"context"
	"testing"
)

// freshFixture is can-tho with two districts reporting retail sales for
// 2017-H1 and 2018-H1 (ninh-kieu 100 and 120, cai-rang 200 and 210).
func freshFixture(t *testing.T) (*DB, string) {
	t.Helper()
	db, path := openTestDB(t)
	seedSmall(t, db)
	var obs []Observation
	for _, f := range []struct {
		unit, period string
		v            float64
	}{{"ninh-kieu", "2017-H1", 100}, {"ninh-kieu", "2018-H1", 120}, {"cai-rang", "2017-H1", 200}, {"cai-rang", "2018-H1", 210}} {
		obs = append(obs, Observation{Unit: f.unit, Indicator: "retail_sales", Period: MustParsePeriod(f.period),
			Value: val(f.v), ReportStatus: StatusEstimate, ReportedAt: "2018-07-01"})
	}
	writeBatch(t, db, Batch{Observations: obs})
	return db, path
}

func compareValues(t *testing.T, db *DB, asOf string) map[string]float64 {
	t.Helper()
	c, err := db.Compare(context.Background(), CompareQuery{Indicator: "retail_sales", Parent: "can-tho",
		A: MustParsePeriod("2018-H1"), B: MustParsePeriod("2017-H1"), AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, r := range c.Rows {
		if r.ValueA != nil {
			out[r.Unit] = *r.ValueA
		}
	}
	return out
}

// A write by another process is seen at the next read, in every answer
// kept from before it, while what it did not touch stays kept; as_of on or
// after every stored date is one current answer, as_of before a revision
// still derives the figures known then.
func TestKeptAnswersFollowWritesOfAnotherProcess(t *testing.T) {
	ctx := context.Background()
	db, path := freshFixture(t)
	h1 := MustParsePeriod("2018-H1")
	for _, asOf := range []string{"2030-01-01", "2031-05-05"} {
		if got := compareValues(t, db, asOf); got["ninh-kieu"] != 120 || got["cai-rang"] != 210 {
			t.Fatalf("compare as of %s: %v, want ninh-kieu 120, cai-rang 210", asOf, got)
		}
	}
	st, err := db.ChildrenStatus(ctx, "can-tho", h1, "2030-01-01")
	if err != nil || *itemOf(t, st["ninh-kieu"].Items, "retail_sales").Value != 120 || st["ninh-kieu"].AsOf != "2030-01-01" {
		t.Fatalf("status before the revision: %+v %v", st["ninh-kieu"], err)
	}
	latest := func() float64 {
		items, err := db.Latest(ctx, -1, "2030-01-01")
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if it.Unit == "ninh-kieu" && it.Indicator == "retail_sales" {
				return *it.Value
			}
		}
		t.Fatal("no latest retail_sales of ninh-kieu")
		return 0
	}
	if v := latest(); v != 120 {
		t.Fatalf("latest %v, want 120", v)
	}
	// can-tho's own 63,135 against its districts' 120 + 210 = 330.
	childrenSum := func() float64 {
		pr, err := db.Progress(ctx, "can-tho", h1, "2030-01-01")
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range itemOf(t, pr.Items, "retail_sales").Flags {
			if fl.Code == FlagChildrenSumMismatch {
				return fl.Figures["children_sum"]
			}
		}
		t.Fatal("no children_sum_mismatch on can-tho's retail sales")
		return 0
	}
	if s := childrenSum(); s != 330 {
		t.Fatalf("children sum %v, want 330", s)
	}
	before, _ := db.sync(ctx)

	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	writeBatch(t, other, Batch{Observations: []Observation{{Unit: "ninh-kieu", Indicator: "retail_sales", Period: h1,
		Value: val(125), ReportStatus: StatusOfficial, ReportedAt: "2018-08-01"}}})

	// Every kind of kept answer sees the revision at once.
	if got := compareValues(t, db, "2031-05-05"); got["ninh-kieu"] != 125 || got["cai-rang"] != 210 {
		t.Fatalf("compare after the revision: %v, want ninh-kieu 125, cai-rang 210", got)
	}
	st, err = db.ChildrenStatus(ctx, "can-tho", h1, "2032-01-01")
	if err != nil || *itemOf(t, st["ninh-kieu"].Items, "retail_sales").Value != 125 || st["ninh-kieu"].AsOf != "2032-01-01" {
		t.Fatalf("status after the revision: %+v %v", st["ninh-kieu"], err)
	}
	if v := latest(); v != 125 {
		t.Fatalf("latest after the revision %v, want 125", v)
	}
	if s := childrenSum(); s != 335 { // 125 + 210
		t.Fatalf("children sum after the revision %v, want 335", s)
	}
	// As of a day before the revision was reported, the estimate.
	if got := compareValues(t, db, "2018-07-15"); got["ninh-kieu"] != 120 {
		t.Fatalf("compare as of 2018-07-15: %v, want ninh-kieu 120", got)
	}
	// Only the revised district and its parent were invalidated.
	ninh, cai, parent := db.unitPair(t, "ninh-kieu"), db.unitPair(t, "cai-rang"), db.unitPair(t, "can-tho")
	if db.fresh.validAt(before, []pair{ninh}) || db.fresh.validAt(before, []pair{parent}) {
		t.Fatal("answers about ninh-kieu or can-tho from before the revision still count as valid")
	}
	if !db.fresh.validAt(before, []pair{cai}) {
		t.Fatal("an answer about cai-rang was invalidated by a revision of ninh-kieu")
	}
}

// unitPair is the (unit, retail_sales) pair of a unit code.
func (db *DB) unitPair(t *testing.T, code string) pair {
	t.Helper()
	uid, err := db.unitIDOf(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	iid, err := db.indicatorIDOf(context.Background(), "retail_sales")
	if err != nil {
		t.Fatal(err)
	}
	return pair{uid, iid, false}
}

// Renaming a unit or moving it changes what every answer may say: all kept
// answers are dropped.
func TestUnitChangeInvalidatesEverything(t *testing.T) {
	ctx := context.Background()
	db, path := freshFixture(t)
	h1 := MustParsePeriod("2018-H1")
	if _, err := db.ChildrenStatus(ctx, "can-tho", h1, ""); err != nil {
		t.Fatal(err)
	}
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	writeBatch(t, other, Batch{Units: []Unit{{Code: "cai-rang", NameVI: "Quận Cái Răng", NameEN: "Cai Rang district", Parent: "can-tho"}}})
	st, err := db.ChildrenStatus(ctx, "can-tho", h1, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := st["cai-rang"].Unit.NameEN; got != "Cai Rang district" {
		t.Fatalf("status names cai-rang %q after the rename, want %q", got, "Cai Rang district")
	}
	// A unit moved under another parent leaves its old parent's children.
	writeBatch(t, other, Batch{Units: []Unit{{Code: "cai-rang", NameVI: "Quận Cái Răng", Parent: "ninh-kieu"}}})
	if got := compareValues(t, db, ""); len(got) != 1 || got["ninh-kieu"] != 120 {
		t.Fatalf("compare after moving cai-rang: %v, want only ninh-kieu 120", got)
	}
}

// A unit that took over another's territory reads the other's figures as
// its own: a revision of the predecessor invalidates the successor's own
// answers and its parent's. (The table is made here as migration 0004
// makes it, if this build does not have it yet.)
func TestPredecessorRevisionInvalidatesSuccessor(t *testing.T) {
	ctx := context.Background()
	db, _ := freshFixture(t)
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS unit_predecessors (unit_id INTEGER NOT NULL,
		predecessor_id INTEGER NOT NULL, date TEXT NOT NULL, PRIMARY KEY (unit_id, predecessor_id)) WITHOUT ROWID`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO unit_predecessors (unit_id, predecessor_id, date)
		SELECT s.id, p.id, '2019-01-01' FROM units s, units p WHERE s.code = 'cai-rang' AND p.code = 'an-binh'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `UPDATE meta SET value = value + 1 WHERE key = 'data_version'`); err != nil {
		t.Fatal(err)
	}
	before, err := db.sync(ctx)
	if err != nil {
		t.Fatal(err)
	}
	writeBatch(t, db, Batch{Observations: []Observation{{Unit: "an-binh", Indicator: "retail_sales",
		Period: MustParsePeriod("2018-H1"), Value: val(7), ReportedAt: "2018-07-02"}}})
	if _, err := db.sync(ctx); err != nil {
		t.Fatal(err)
	}
	succ := db.unitPair(t, "cai-rang")
	succ.own = true
	if db.fresh.validAt(before, []pair{succ}) {
		t.Fatal("cai-rang's own answers stay valid after a revision of its predecessor an-binh")
	}
	if db.fresh.validAt(before, []pair{db.unitPair(t, "can-tho")}) {
		t.Fatal("can-tho's answers stay valid after a revision of its child's predecessor")
	}
	other := db.unitPair(t, "ninh-kieu")
	other.own = true
	if !db.fresh.validAt(before, []pair{other}) {
		t.Fatal("ninh-kieu's own answers were invalidated by a revision of an-binh, its child")
	}
}
