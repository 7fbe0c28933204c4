package storage

import (
	"context"
	"reflect"
	"slices"
	"testing"
)

// LatestOwn answers as Latest does, item for item, except for the checks
// against the children: can-tho's own retail sales (63,135) against its
// districts' 120 + 210 = 330 raise children_sum_mismatch in Latest and
// nowhere in LatestOwn, and every other field and flag is the same.
func TestLatestOwnIsLatestWithoutChildChecks(t *testing.T) {
	ctx := context.Background()
	db, _ := freshFixture(t)
	full, err := db.Latest(ctx, -1, "2030-01-01")
	if err != nil {
		t.Fatal(err)
	}
	own, err := db.LatestOwn(ctx, -1, "2030-01-01")
	if err != nil {
		t.Fatal(err)
	}
	if len(own) != len(full) || len(full) == 0 {
		t.Fatalf("LatestOwn has %d items, Latest %d", len(own), len(full))
	}
	childCheck := func(f Flag) bool { return f.Code == FlagChildrenSumMismatch || f.Code == FlagChildrenRange }
	dropped := 0
	for i, it := range full {
		want := it
		want.Flags = slices.DeleteFunc(slices.Clone(it.Flags), childCheck)
		dropped += len(it.Flags) - len(want.Flags)
		if !reflect.DeepEqual(own[i], want) {
			t.Errorf("item %d (%s %s): LatestOwn\n%+v\nwant Latest without the child checks\n%+v", i, it.Unit, it.Indicator, own[i], want)
		}
	}
	if dropped == 0 {
		t.Fatal("Latest raised no check against children; the fixture should (can-tho's retail sales)")
	}
}
