package collector

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

func TestTokenLifecycle(t *testing.T) {
	c, _ := newTestCollector(t)
	ctx := context.Background()
	admin, err := c.CreateToken(ctx, "ops", storage.RoleAdmin, "")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.CreateToken(ctx, "ninh-kieu-stats", storage.RoleReporter, "ninh-kieu")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(admin, "ptk_") || len(admin) < 40 || admin == rep {
		t.Fatalf("secrets %q %q", admin, rep)
	}
	for _, bad := range []struct{ name, role, unit, code string }{
		{"ops", storage.RoleAdmin, "", storage.CodeConflict},
		{"x", storage.RoleReporter, "", storage.CodeInvalid},
		{"y", storage.RoleReporter, "nowhere", storage.CodeNotFound},
		{"z", "writer", "", storage.CodeInvalid},
	} {
		_, err := c.CreateToken(ctx, bad.name, bad.role, bad.unit)
		storageErr(t, err, bad.code)
	}
	tok, err := c.Authenticate(ctx, rep)
	if err != nil || tok.Name != "ninh-kieu-stats" || tok.Role != storage.RoleReporter || tok.Unit != "ninh-kieu" {
		t.Fatalf("%+v, %v", tok, err)
	}
	for _, s := range []string{"", "ptk_wrong", admin + "x", "Bearer " + admin} {
		_, err := c.Authenticate(ctx, s)
		storageErr(t, err, storage.CodeUnauthorized)
	}
	if err := c.RevokeToken(ctx, "ninh-kieu-stats"); err != nil {
		t.Fatal(err)
	}
	_, err = c.Authenticate(ctx, rep)
	storageErr(t, err, storage.CodeUnauthorized)
	storageErr(t, c.RevokeToken(ctx, "nobody"), storage.CodeNotFound)
	list, err := c.Tokens(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "ninh-kieu-stats" || list[0].RevokedAt == nil || list[1].RevokedAt != nil {
		t.Fatalf("tokens %+v, %v", list, err)
	}
	if _, err := c.Authenticate(ctx, admin); err != nil {
		t.Fatal(err)
	}
}

// TestReporterScope: a reporter for can-tho writes can-tho and its
// districts but not hau-giang; one for ninh-kieu cannot write its parent or
// sibling; an admin writes all.
func TestReporterScope(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	city := c.ScopeFor(ctx, storage.Token{Name: "city", Role: storage.RoleReporter, Unit: "can-tho"})
	district := c.ScopeFor(ctx, storage.Token{Name: "nk", Role: storage.RoleReporter, Unit: "ninh-kieu"})
	admin := c.ScopeFor(ctx, storage.Token{Name: "ops", Role: storage.RoleAdmin})
	cases := []struct {
		scope func(string) error
		unit  string
		ok    bool
	}{
		{city, "can-tho", true}, {city, "ninh-kieu", true}, {city, "cai-rang", true}, {city, "hau-giang", false},
		{district, "ninh-kieu", true}, {district, "can-tho", false}, {district, "cai-rang", false}, {district, "unknown", false},
		{admin, "hau-giang", true}, {admin, "can-tho", true},
	}
	for i, tc := range cases {
		err := tc.scope(tc.unit)
		if tc.ok && err != nil || !tc.ok && storage.ErrorCode(err) != storage.CodeForbidden {
			t.Errorf("case %d (%s): %v", i, tc.unit, err)
		}
	}
	before := snapshot(t, c, db)
	_, err := c.ImportFile(ctx, filepath.Join("testdata", "good_observations.csv"), Options{Allow: district, TokenName: "nk"})
	e := storageErr(t, err, storage.CodeForbidden)
	if len(e.Details) != 4 || !hasDetail(e, "", 2, "unit") {
		t.Fatalf("%v", err)
	}
	if snapshot(t, c, db) != before {
		t.Fatal("a forbidden import changed the database")
	}
	if _, err := c.ImportFile(ctx, filepath.Join("testdata", "good_observations.csv"), Options{Allow: city, TokenName: "city"}); err != nil {
		t.Fatal(err)
	}
	// A reporter may declare a new unit under its own, not elsewhere.
	_, err = c.ImportBatch(ctx, storage.Batch{Units: []storage.Unit{{Code: "vi-thanh", NameVI: "Vị Thanh", Parent: "hau-giang"}}}, Options{Allow: city})
	storageErr(t, err, storage.CodeForbidden)
	if _, err := c.ImportBatch(ctx, storage.Batch{Units: []storage.Unit{{Code: "an-binh", NameVI: "An Bình", Parent: "ninh-kieu"}}}, Options{Allow: city}); err != nil {
		t.Fatal(err)
	}
}
