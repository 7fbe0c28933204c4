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

// newTestTokens opens a fresh database file with a small unit tree:
// can-tho (root) with ninh-kieu and cai-rang, and hau-giang (root), and
// returns its tokens with a collector on the same database.
func newTestTokens(t testing.TB) (*Tokens, *collector.Collector, *storage.DB) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "plantrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := collector.New(db, nil)
	units := []storage.Unit{
		{Code: "can-tho", NameVI: "Thành phố Cần Thơ", NameEN: "Can Tho city"},
		{Code: "ninh-kieu", NameVI: "Quận Ninh Kiều", NameEN: "Ninh Kieu district", Parent: "can-tho"},
		{Code: "cai-rang", NameVI: "Quận Cái Răng", NameEN: "Cai Rang district", Parent: "can-tho"},
		{Code: "hau-giang", NameVI: "Tỉnh Hậu Giang", NameEN: "Hau Giang province"},
	}
	if _, err := c.ImportBatch(ctx, storage.Batch{Units: units}, collector.Options{}); err != nil {
		t.Fatal(err)
	}
	return NewTokens(db), c, db
}

// storageErr asserts err is a *storage.Error with code and returns it.
func storageErr(t testing.TB, err error, code string) *storage.Error {
	t.Helper()
	var e *storage.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *storage.Error", err, err)
	}
	if e.Code != code {
		t.Fatalf("error code %q, want %q: %v", e.Code, code, err)
	}
	return e
}

func TestTokenLifecycle(t *testing.T) {
	c, _, db := newTestTokens(t)
	ctx := context.Background()
	admin, err := c.Create(ctx, "ops", storage.RoleAdmin, "")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Create(ctx, "ninh-kieu-stats", storage.RoleReporter, "ninh-kieu")
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
		_, err := c.Create(ctx, bad.name, bad.role, bad.unit)
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
	if err := db.RevokeToken(ctx, "ninh-kieu-stats"); err != nil {
		t.Fatal(err)
	}
	_, err = c.Authenticate(ctx, rep)
	storageErr(t, err, storage.CodeUnauthorized)
	storageErr(t, db.RevokeToken(ctx, "nobody"), storage.CodeNotFound)
	list, err := db.Tokens(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "ninh-kieu-stats" || list[0].RevokedAt == nil || list[1].RevokedAt != nil {
		t.Fatalf("tokens %+v, %v", list, err)
	}
	if _, err := c.Authenticate(ctx, admin); err != nil {
		t.Fatal(err)
	}
}
