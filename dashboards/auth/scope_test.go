package auth

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/collector"
	"github.com/plantrack/plantrack/storage"
)

// scopeDB stores can-tho (root) with ninh-kieu and cai-rang below it,
// hau-giang (another root), a synthetic unit demo-ward below can-tho and
// the indicator retail_sales.
func scopeDB(t *testing.T) (*collector.Collector, *storage.DB) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "scope.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := collector.New(db, nil)
	_, err = c.ImportReader(ctx, strings.NewReader(`{"units":[
		{"code":"can-tho","name_vi":"Cần Thơ","name_en":"Can Tho"},
		{"code":"ninh-kieu","name_vi":"Ninh Kiều","name_en":"Ninh Kieu","parent":"can-tho"},
		{"code":"cai-rang","name_vi":"Cái Răng","name_en":"Cai Rang","parent":"can-tho"},
		{"code":"demo-ward","name_vi":"Phường mẫu","name_en":"Sample ward","parent":"can-tho","synthetic":true},
		{"code":"hau-giang","name_vi":"Hậu Giang","name_en":"Hau Giang"}],
	 "indicators":[{"code":"retail_sales","name_vi":"Bán lẻ","name_en":"Retail sales","measure":"billion_vnd","kind":"flow","direction":"up"}]}`),
		collector.FormatJSON, collector.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, db
}

// catalog is the stored units and indicators, to compare before and after.
func catalog(t *testing.T, db *storage.DB) string {
	t.Helper()
	units, err := db.Units(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	inds, err := db.Indicators(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, u := range units {
		b.WriteString(u.Code + "<" + u.Parent + " " + u.NameVI + " " + u.NameEN)
		if u.Synthetic {
			b.WriteString(" synthetic")
		}
		b.WriteString("\n")
	}
	for _, i := range inds {
		b.WriteString(i.Code + " " + string(i.Kind) + " " + i.Measure + " " + string(i.Direction) + "\n")
	}
	return b.String()
}

// TestScopeDecidesByWhatIsStored replays the takeovers of issue 17 (a
// reporter re-declaring another unit under itself, redefining a shared
// indicator, stripping the synthetic mark) and the writes a reporter must
// keep: each refused one is 403 with nothing stored, each allowed one is
// stored.
func TestScopeDecidesByWhatIsStored(t *testing.T) {
	nk := Writer{TokenName: "nk", Role: storage.RoleReporter, Unit: "ninh-kieu"}
	city := Writer{TokenName: "city", Role: storage.RoleReporter, Unit: "can-tho"}
	admin := Writer{TokenName: "ops", Role: storage.RoleAdmin}
	fig := func(unit string) string {
		return `{"unit":"` + unit + `","indicator":"retail_sales","period":"2024-M01","value":5}`
	}
	cases := []struct {
		name  string
		w     Writer
		batch string
		ok    bool
		field string // the refused detail's field
	}{
		{"take over the parent by re-declaring it below oneself", nk,
			`{"units":[{"code":"can-tho","name_vi":"Của tôi","parent":"ninh-kieu"}]}`, false, "code"},
		{"take over a sibling, then write its figures", nk,
			`{"units":[{"code":"cai-rang","name_vi":"Của tôi","parent":"ninh-kieu"}],"observations":[` + fig("cai-rang") + `]}`, false, "code"},
		{"rename a sibling in place", nk, `{"units":[{"code":"cai-rang","name_vi":"Tên khác"}]}`, false, "code"},
		{"write a parent's figures", nk, `{"observations":[` + fig("can-tho") + `]}`, false, "unit"},
		{"add a root unit", nk, `{"units":[{"code":"new-root","name_vi":"Gốc"}]}`, false, "code"},
		{"add a unit under another root", nk, `{"units":[{"code":"vi-thanh","name_vi":"Vị Thanh","parent":"hau-giang"}]}`, false, "code"},
		{"move a unit inside one's own scope", city, `{"units":[{"code":"ninh-kieu","name_vi":"Ninh Kiều","parent":"cai-rang"}]}`, false, "code"},
		{"redefine a shared indicator", nk,
			`{"indicators":[{"code":"retail_sales","name_vi":"Bán lẻ","kind":"level","measure":"persons","direction":"down"}]}`, false, "code"},
		{"strip the synthetic mark", city, `{"units":[{"code":"demo-ward","name_vi":"Phường mẫu","synthetic":false}]}`, false, "code"},
		{"set the synthetic mark", city, `{"units":[{"code":"cai-rang","name_vi":"Cái Răng","synthetic":true}]}`, false, "code"},

		{"re-declare a unit without the mark keeps it", city, `{"units":[{"code":"demo-ward","name_vi":"Phường mẫu"}]}`, true, ""},
		{"re-declare any unit unchanged", nk, `{"units":[{"code":"hau-giang","name_vi":"Hậu Giang"}]}`, true, ""},
		{"re-declare an indicator unchanged", nk, `{"indicators":[{"code":"retail_sales","name_vi":"Bán lẻ","name_en":"Retail sales","measure":"billion_vnd","kind":"flow","direction":"up"}]}`, true, ""},
		{"add an indicator", nk, `{"indicators":[{"code":"fish_tonnes","name_vi":"Cá","name_en":"Fish","measure":"tonnes","kind":"flow","direction":"up"}]}`, true, ""},
		{"rename one's own unit", nk, `{"units":[{"code":"ninh-kieu","name_en":"Ninh Kieu district"}]}`, true, ""},
		{"add units and their figures in one batch, a new unit under a new one", nk,
			`{"observations":[` + fig("an-binh") + `,` + fig("an-binh-1") + `],"units":[{"code":"an-binh","name_vi":"An Bình","parent":"ninh-kieu"},
			  {"code":"an-binh-1","name_vi":"An Bình 1","parent":"an-binh"}]}`, true, ""},
		{"an admin moves a unit", admin, `{"units":[{"code":"cai-rang","name_vi":"Cái Răng","parent":"hau-giang"}]}`, true, ""},
		{"an admin clears the synthetic mark", admin, `{"units":[{"code":"demo-ward","name_vi":"Phường mẫu","synthetic":false}]}`, true, ""},
		{"an admin redefines an indicator", admin, `{"indicators":[{"code":"retail_sales","name_vi":"Bán lẻ","name_en":"Retail sales","measure":"billion_vnd","kind":"flow","direction":"down"}]}`, true, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, db := scopeDB(t)
			before := catalog(t, db)
			allow, err := Scope(tc.w)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := c.ImportReader(context.Background(), strings.NewReader(tc.batch), collector.FormatJSON,
				collector.Options{Allow: allow, TokenName: tc.w.TokenName})
			after := catalog(t, db)
			if tc.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if want := strings.Count(tc.batch, `"period"`); rep.Result.New != want {
					t.Fatalf("%d figures stored, want %d", rep.Result.New, want)
				}
				return
			}
			var se *storage.Error
			if storage.ErrorCode(err) != storage.CodeForbidden || !errors.As(err, &se) || len(se.Details) == 0 || se.Details[0].Field != tc.field {
				t.Fatalf("got %v, want 403 naming field %s", err, tc.field)
			}
			if after != before {
				t.Fatalf("a refused write changed the catalog:\n%s---\n%s", before, after)
			}
		})
	}
	t.Run("the stored mark survives a re-declaration without it", func(t *testing.T) {
		c, db := scopeDB(t)
		allow, _ := Scope(city)
		if _, err := c.ImportReader(context.Background(), strings.NewReader(`{"units":[{"code":"demo-ward","name_vi":"Phường mẫu"}]}`),
			collector.FormatJSON, collector.Options{Allow: allow}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(catalog(t, db), "demo-ward<can-tho Phường mẫu Sample ward synthetic") {
			t.Fatalf("mark lost:\n%s", catalog(t, db))
		}
	})
}

// TestScopeRefusesRolesThatCannotWrite: a role other than admin and
// reporter, or a reporter without a unit, gets 403 before any import.
func TestScopeRefusesRolesThatCannotWrite(t *testing.T) {
	for _, w := range []Writer{{TokenName: "x", Role: "viewer"}, {TokenName: "y", Role: storage.RoleReporter}} {
		if _, err := Scope(w); storage.ErrorCode(err) != storage.CodeForbidden {
			t.Errorf("%+v: %v, want forbidden", w, err)
		}
	}
}
