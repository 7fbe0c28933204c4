package auth

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

// Tokens issues writer tokens and checks the secrets callers present. The
// tokens themselves are kept by storage (only the SHA-256 hash of each
// secret), so every process on the same database sees the same tokens.
type Tokens struct {
	db *storage.DB
}

// NewTokens returns the tokens kept in db.
func NewTokens(db *storage.DB) *Tokens { return &Tokens{db: db} }

// Create issues a writer token: role admin (every unit) or reporter
// (unit and its descendants). It returns the secret, which is shown once and
// never stored — only its SHA-256 hash is. It prints nothing.
func (tk *Tokens) Create(ctx context.Context, name, role, unit string) (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("create token %s: %w", name, err)
	}
	secret := tokenPrefix + base64.RawURLEncoding.EncodeToString(buf)
	t := storage.Token{Name: name, Role: role, Unit: unit}
	if err := tk.db.CreateToken(ctx, t, hashSecret(secret)); err != nil {
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
func (tk *Tokens) Authenticate(ctx context.Context, secret string) (storage.Token, error) {
	secret = strings.TrimSpace(secret)
	if !strings.HasPrefix(secret, tokenPrefix) || len(secret) > 200 {
		return storage.Token{}, storage.Errorf(storage.CodeUnauthorized,
			"invalid token; send Authorization: Bearer <token> with a token from `plantrack token create`")
	}
	t, err := tk.db.TokenByHash(ctx, hashSecret(secret))
	if storage.ErrorCode(err) == storage.CodeNotFound {
		return storage.Token{}, storage.Errorf(storage.CodeUnauthorized,
			"unknown or revoked token; ask an administrator for a new one")
	}
	if err != nil {
		return storage.Token{}, fmt.Errorf("authenticate: %w", err)
	}
	return t, nil
}
