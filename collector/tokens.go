package collector

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// tokenPrefix marks plantrack secrets so they are recognisable in a config
// file or a leaked log.
const tokenPrefix = "ptk_"

// CreateToken issues a writer token: role admin (every unit) or reporter
// (unit and its descendants). It returns the secret, which is shown once and
// never stored — only its SHA-256 hash is. It prints nothing.
func (c *Collector) CreateToken(ctx context.Context, name, role, unit string) (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("create token %s: %w", name, err)
	}
	secret := tokenPrefix + base64.RawURLEncoding.EncodeToString(buf)
	t := storage.Token{Name: name, Role: role, Unit: unit}
	if err := c.db.CreateToken(ctx, t, hashSecret(secret)); err != nil {
		return "", err
	}
	return secret, nil
}

func hashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// Authenticate returns the live token whose secret is given, or a
// CodeUnauthorized error (unknown, malformed or revoked token).
func (c *Collector) Authenticate(ctx context.Context, secret string) (storage.Token, error) {
	secret = strings.TrimSpace(secret)
	if !strings.HasPrefix(secret, tokenPrefix) || len(secret) > 200 {
		return storage.Token{}, storage.Errorf(storage.CodeUnauthorized,
			"invalid token; send Authorization: Bearer <token> with a token from `plantrack token create`")
	}
	t, err := c.db.TokenByHash(ctx, hashSecret(secret))
	if storage.ErrorCode(err) == storage.CodeNotFound {
		return storage.Token{}, storage.Errorf(storage.CodeUnauthorized,
			"unknown or revoked token; ask an administrator for a new one")
	}
	if err != nil {
		return storage.Token{}, fmt.Errorf("authenticate: %w", err)
	}
	return t, nil
}

// Tokens lists every token, revoked ones included; secrets are not kept.
func (c *Collector) Tokens(ctx context.Context) ([]storage.Token, error) { return c.db.Tokens(ctx) }

// RevokeToken revokes the named token at once; CodeNotFound if unknown.
func (c *Collector) RevokeToken(ctx context.Context, name string) error {
	return c.db.RevokeToken(ctx, name)
}

// ScopeFor returns the Options.Allow function for a token: an admin may
// write every unit; a reporter its own unit and that unit's descendants,
// and gets CodeForbidden for any other (an import asks once per unit).
func (c *Collector) ScopeFor(ctx context.Context, t storage.Token) func(unit string) error {
	if t.Role == storage.RoleAdmin {
		return func(string) error { return nil }
	}
	return func(unit string) error {
		if t.Role == storage.RoleReporter && t.Unit != "" {
			if unit == t.Unit {
				return nil
			}
			anc, err := c.db.Ancestors(ctx, unit)
			if err == nil {
				for _, a := range anc {
					if a == t.Unit {
						return nil
					}
				}
			}
		}
		return storage.Errorf(storage.CodeForbidden,
			"token %s may write only %s and its subunits, not %s", t.Name, t.Unit, unit)
	}
}
