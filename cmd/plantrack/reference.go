package main

import (
	"context"
	"fmt"

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/collector/reference"
)

// referenceCommand picks reference list or load.
func (m *Main) referenceCommand(rest []string) (*command, []string, error) {
	return m.pickSubcommand(rest, newCommand("reference", "list|load", `
Shipped reference data: named sets of units with their dates and
successions.
  plantrack reference list
  plantrack reference load NAME`, 0, 0), []subcommand{
		{"list", m.referenceList}, {"load", m.referenceLoad},
	})
}

func (m *Main) referenceList() *command {
	c := newCommand("reference list", "", `
Lists the shipped reference data sets, one a line: its name, then what it
holds in Vietnamese and in English.`, 0, 0)
	c.run = func(context.Context) error {
		for _, s := range reference.List() {
			fmt.Fprintf(m.Stdout, "%s\t%s\n\t%s\n", s.Name, s.DescriptionVI, s.DescriptionEN)
		}
		return nil
	}
	return c
}

func (m *Main) referenceLoad() *command {
	c := newCommand("reference load", "NAME", `
Stores a reference data set's units. Units already in the database keep
their names, parents and figures and gain the set's dates and
predecessors; loading a set again stores nothing.

Example: plantrack reference load vn-provinces-2025`, 1, 1)
	db := c.dbFlag()
	c.run = func(ctx context.Context) error {
		d, _, err := openDB(ctx, *db)
		if err != nil {
			return err
		}
		defer d.Close()
		res, err := reference.Load(ctx, d, c.args[0])
		if err != nil {
			return err
		}
		units, err := reference.Units(c.args[0])
		if err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, catalog.New(m.lang).Sprintf("%s: %d units, %d new, %d already stored", c.args[0], len(units), res.UnitsNew, len(units)-res.UnitsNew))
		return nil
	}
	return c
}
