package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/dashboards/auth"
	"github.com/plantrack/plantrack/storage"
)

// tokenCommand picks token create, list or revoke.
func (m *Main) tokenCommand(rest []string) (*command, []string, error) {
	return m.pickSubcommand(rest, newCommand("token", "create|list|revoke", `
Manages writer tokens. Writes over HTTP need one, sent as
"Authorization: Bearer <token>" or entered on the /login page.
  plantrack token create --name NAME --role admin|reporter [--unit CODE]
  plantrack token list
  plantrack token revoke NAME`, 0, 0), []subcommand{
		{"create", m.tokenCreate}, {"list", m.tokenList}, {"revoke", m.tokenRevoke},
	})
}

func (m *Main) tokenCreate() *command {
	c := newCommand("token create", "", `
Creates a writer token and prints it once, alone on the last line of
stdout; only its hash is stored. An admin writes every unit; a reporter
writes only --unit and the units under it.

Example: plantrack token create --name ninh-kieu-stats --role reporter --unit ninh-kieu`, 0, 0)
	db := c.dbFlag()
	name := c.fs.String("name", "", "the token's `name`, shown in the audit trail (required)")
	role := c.fs.String("role", "", "`admin` or reporter (required)")
	unit := c.fs.String("unit", "", "reporter's unit `code`")
	c.run = func(ctx context.Context) error {
		if *name == "" || !storage.ValidRole(*role) {
			return storage.Errorf(storage.CodeInvalid, "token create needs --name NAME and --role admin|reporter")
		}
		if *role == storage.RoleReporter && *unit == "" {
			return storage.Errorf(storage.CodeInvalid, "a reporter token needs --unit CODE: the unit it may write")
		}
		d, _, err := openDB(ctx, *db)
		if err != nil {
			return err
		}
		defer d.Close()
		secret, err := auth.NewTokens(d).Create(ctx, *name, *role, *unit)
		if err != nil {
			return storage.Errorf(storage.CodeInvalid, "create token %q: %v", *name, err)
		}
		fmt.Fprintln(m.Stdout, catalog.New(m.lang).Sprintf("created %s token %q; it is shown only now, so store it safely:", *role, *name))
		fmt.Fprintln(m.Stdout, secret)
		return nil
	}
	return c
}

func (m *Main) tokenList() *command {
	c := newCommand("token list", "", "Lists every token: name, role, unit, created and revoked times (never the secrets).", 0, 0)
	db := c.dbFlag()
	c.run = func(ctx context.Context) error {
		d, _, err := openDB(ctx, *db)
		if err != nil {
			return err
		}
		defer d.Close()
		toks, err := d.Tokens(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, catalog.New(m.lang).Sprintf("NAME\tROLE\tUNIT\tCREATED\tREVOKED"))
		for _, t := range toks {
			revoked := "-"
			if t.RevokedAt != nil {
				revoked = t.RevokedAt.UTC().Format(time.RFC3339)
			}
			unit := t.Unit
			if unit == "" {
				unit = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Name, t.Role, unit, t.CreatedAt.UTC().Format(time.RFC3339), revoked)
		}
		return tw.Flush()
	}
	return c
}

func (m *Main) tokenRevoke() *command {
	c := newCommand("token revoke", "NAME", "Revokes a token at once; its sessions end at their next request.", 1, 1)
	db := c.dbFlag()
	c.run = func(ctx context.Context) error {
		d, _, err := openDB(ctx, *db)
		if err != nil {
			return err
		}
		defer d.Close()
		if err := d.RevokeToken(ctx, c.args[0]); err != nil {
			return storage.Errorf(storage.CodeInvalid, "revoke token %q: %v", c.args[0], err)
		}
		fmt.Fprintln(m.Stdout, catalog.New(m.lang).Sprintf("revoked token %q", c.args[0]))
		return nil
	}
	return c
}
