package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/storage"
)

// command is one subcommand: its flags, what it does, and for serve how to
// wait and shut down.
type command struct {
	name      string // e.g. "token create"
	synopsis  string // arguments after the flags, e.g. "FILE..."
	about     string // what it does and an example
	nargs     [2]int // minimum and maximum positional arguments; -1: no maximum
	fs        *flag.FlagSet
	args      []string // positional arguments after parsing
	addedLang bool     // --lang was added by addLangFlag (for the words only)

	run   func(ctx context.Context) error
	wait  func(ctx context.Context) error
	close func() error
	url   func() string // serve: the address it listens on
}

// newCommand starts a command. about, and the usage of every flag defined
// on its flag set, are message keys: the English as written here, the
// Vietnamese in collector/catalog/messages_cli_help_vi.go under the same
// English text. Changing one without the other fails the catalog's
// TestEveryMessageKeyInCodeHasVietnamese.
func newCommand(name, synopsis, about string, minArgs, maxArgs int) *command {
	return &command{name: name, synopsis: synopsis, about: about, nargs: [2]int{minArgs, maxArgs},
		fs: flag.NewFlagSet("plantrack "+name, flag.ContinueOnError)}
}

// commandNames are the subcommands, in the order the help lists them.
var commandNames = []string{"serve", "import", "extract", "export", "grafana", "backup", "token", "reference", "bench", "version"}

// lookup returns the subcommand name and the arguments left for its flags.
func (m *Main) lookup(name string, rest []string) (*command, []string, error) {
	switch name {
	case "serve":
		return m.serveCommand(), rest, nil
	case "import":
		return m.importCommand(), rest, nil
	case "extract":
		return m.extractCommand(), rest, nil
	case "export":
		return m.exportCommand(), rest, nil
	case "grafana":
		return m.grafanaCommand(), rest, nil
	case "backup":
		return m.backupCommand(), rest, nil
	case "version":
		return m.versionCommand(), rest, nil
	case "bench":
		return m.benchCommand(), rest, nil
	case "token":
		return m.tokenCommand(rest)
	case "reference":
		return m.referenceCommand(rest)
	}
	m.usage(m.Stderr)
	if near := closest(name, commandNames); near != "" {
		return nil, nil, storage.Errorf(storage.CodeInvalid, "unknown command %q; did you mean %q? The commands are listed above", name, near)
	}
	return nil, nil, storage.Errorf(storage.CodeInvalid, "unknown command %q; the commands are listed above", name)
}

// subcommand is one word of a command group (token create, reference load)
// and the command it starts.
type subcommand struct {
	name string
	make func() *command
}

// pickSubcommand starts the subcommand that rest begins with; without one,
// or with a help flag, it prints the group's usage (to stdout for help), and
// an unknown word is an error that lists the known ones.
func (m *Main) pickSubcommand(rest []string, group *command, subs []subcommand) (*command, []string, error) {
	word := ""
	if len(rest) > 0 {
		word = rest[0]
	}
	names := make([]string, len(subs))
	for i, s := range subs {
		if s.name == word {
			return s.make(), rest[1:], nil
		}
		names[i] = s.name
	}
	switch word {
	case "":
		group.usage(m.Stderr, m.lang)
		return nil, nil, errUsage
	case "-h", "-help", "--help", "help":
		group.usage(m.Stdout, m.lang)
		return nil, nil, flag.ErrHelp
	}
	group.usage(m.Stderr, m.lang)
	if near := closest(word, names); near != "" {
		return nil, nil, storage.Errorf(storage.CodeInvalid, "unknown %s command %q; did you mean %q? Use %s", group.name, word, near, strings.Join(names, ", "))
	}
	return nil, nil, storage.Errorf(storage.CodeInvalid, "unknown %s command %q; use %s", group.name, word, strings.Join(names, ", "))
}

// parse parses args, fills unset flags from the environment, settles the
// language m speaks (the command's --lang or --locale, else the
// environment's) and checks the number of positional arguments.
func (c *command) parse(m *Main, args []string) error {
	c.addLangFlag()
	c.fs.SetOutput(io.Discard)
	if err := c.fs.Parse(args); err != nil {
		_ = c.fromEnv(m.Getenv) // for PLANTRACK_LOCALE, the language of the help or usage below
		m.lang = pickLanguage(cmp.Or(c.langFlagValue(), m.langArg), m.Getenv)
		if errors.Is(err, flag.ErrHelp) {
			c.usage(m.Stdout, m.lang)
			return flag.ErrHelp
		}
		fmt.Fprintf(m.Stderr, "plantrack %s: %s\n\n", c.name, flagError(catalog.New(m.lang), err))
		c.usage(m.Stderr, m.lang)
		return errUsage
	}
	err := c.fromEnv(m.Getenv)
	m.lang = pickLanguage(cmp.Or(c.langFlagValue(), m.langArg), m.Getenv)
	if err != nil {
		return err
	}
	if err := c.checkLangFlag(); err != nil {
		return err
	}
	c.args = c.fs.Args()
	if n := len(c.args); n < c.nargs[0] || (c.nargs[1] >= 0 && n > c.nargs[1]) {
		fmt.Fprintf(m.Stderr, "plantrack %s: %s\n\n", c.name, c.argCountError(catalog.New(m.lang), n))
		c.usage(m.Stderr, m.lang)
		return errUsage
	}
	return nil
}

// fromEnv sets every flag not given on the command line from
// PLANTRACK_<FLAG> (upper case, '-' as '_'), when that variable is set.
func (c *command) fromEnv(getenv func(string) string) error {
	if getenv == nil {
		return nil
	}
	given := map[string]bool{}
	c.fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	c.fs.VisitAll(func(f *flag.Flag) {
		v := getenv(envName(f.Name))
		if given[f.Name] || v == "" || err != nil {
			return
		}
		if serr := c.fs.Set(f.Name, v); serr != nil {
			err = storage.Errorf(storage.CodeInvalid, "environment variable %s=%q: %v", envName(f.Name), v, flagWhy(serr.Error()))
		}
	})
	return err
}

func envName(flagName string) string {
	return "PLANTRACK_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// dbFlag adds the --db flag every database command takes.
func (c *command) dbFlag() *string {
	return c.fs.String("db", "plantrack.db", "SQLite database `file`; works beside a running serve")
}

// isTerminal reports whether w is a terminal (progress is shown there,
// never in pipes or files).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
