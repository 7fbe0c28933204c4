package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Token is a writer's credential as stored: its name, role and (for a
// reporter) unit. The secret itself is never stored, only its hash.
type Token struct {
	Name      string     `json:"name"`
	Role      string     `json:"role"`
	Unit      string     `json:"unit,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// CreateToken stores t with the hash of its secret. The name must be new
// (CodeConflict otherwise, even if the old token was revoked); a reporter
// needs an existing unit, an admin none.
func (db *DB) CreateToken(ctx context.Context, t Token, hash []byte) error {
	if err := checkToken(t, hash); err != nil {
		return err
	}
	if t.Role == RoleReporter {
		if _, err := db.Unit(ctx, t.Unit); err != nil {
			return err
		}
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now()
	}
	_, err := db.w.ExecContext(ctx, `INSERT INTO tokens (name, role, unit, hash, created_at) VALUES (?, ?, ?, ?, ?)`,
		t.Name, t.Role, t.Unit, hash, t.CreatedAt.UTC().Format(time.RFC3339Nano))
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return Errorf(CodeConflict, "a token named %q already exists; choose another name", t.Name)
	}
	if err != nil {
		return fmt.Errorf("create token %s: %w", t.Name, err)
	}
	return nil
}

func checkToken(t Token, hash []byte) error {
	switch {
	case t.Name == "" || strings.TrimSpace(t.Name) != t.Name || len(t.Name) > 64:
		return Errorf(CodeInvalid, "token name %q: give a name of 1–64 characters without surrounding spaces", t.Name)
	case len(hash) < 16:
		return Errorf(CodeInvalid, "token %s: the hash is too short", t.Name)
	case t.Role == RoleAdmin && t.Unit != "":
		return Errorf(CodeInvalid, "an admin token writes every unit; do not give it a unit")
	case t.Role == RoleReporter && t.Unit == "":
		return Errorf(CodeInvalid, "a reporter token needs the unit it reports for")
	case !ValidRole(t.Role):
		return Errorf(CodeInvalid, "token role %q: use admin or reporter", t.Role)
	}
	return nil
}

const tokenSelect = `SELECT name, role, unit, created_at, revoked_at FROM tokens`

// TokenByHash returns the live token whose secret hashes to hash, or
// CodeNotFound if there is none or it was revoked.
func (db *DB) TokenByHash(ctx context.Context, hash []byte) (Token, error) {
	rows, err := db.r.QueryContext(ctx, tokenSelect+` WHERE hash = ? AND revoked_at IS NULL`, hash)
	if err != nil {
		return Token{}, fmt.Errorf("look up token: %w", err)
	}
	ts, err := scanTokens(rows)
	if err != nil {
		return Token{}, err
	}
	if len(ts) == 0 {
		return Token{}, Errorf(CodeNotFound, "no such token, or it was revoked")
	}
	return ts[0], nil
}

// Tokens lists every token, revoked ones included, by name; never nil.
func (db *DB) Tokens(ctx context.Context) ([]Token, error) {
	rows, err := db.r.QueryContext(ctx, tokenSelect+` ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	return scanTokens(rows)
}

// RevokeToken marks the named token revoked from now on; revoking it again
// changes nothing. An unknown name is CodeNotFound.
func (db *DB) RevokeToken(ctx context.Context, name string) error {
	res, err := db.w.ExecContext(ctx, `UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE name = ?`,
		time.Now().UTC().Format(time.RFC3339Nano), name)
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(CodeNotFound, "no token named %q; list them with `plantrack token list`", name)
	}
	return nil
}

func scanTokens(rows *sql.Rows) ([]Token, error) {
	defer rows.Close()
	out := []Token{}
	for rows.Next() {
		var t Token
		var created string
		var revoked sql.NullString
		if err := rows.Scan(&t.Name, &t.Role, &t.Unit, &created, &revoked); err != nil {
			return nil, fmt.Errorf("read tokens: %w", err)
		}
		t.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		if revoked.Valid {
			r, err := time.Parse(time.RFC3339Nano, revoked.String)
			if err != nil {
				return nil, fmt.Errorf("read tokens: revoked_at %q: %w", revoked.String, err)
			}
			t.RevokedAt = &r
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read tokens: %w", err)
	}
	return out, nil
}
