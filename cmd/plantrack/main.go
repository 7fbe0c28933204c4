// Command plantrack collects reported plan figures into SQLite, serves the
// web pages, JSON API and /metrics, and imports, extracts and exports data.
// Run `plantrack help` for the subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/storage"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	os.Exit(m.Main(ctx, stop, os.Args[1:]))
}

// Main is the program: it parses a subcommand's flags, runs it and releases
// what it opened. Tests drive it like the binary, with their own streams
// and environment.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string // reads PLANTRACK_* settings; os.Getenv by default

	cmd     *command
	lang    string // the language everything is printed in: see pickLanguage
	langArg string // the first --lang or --locale on the command line, if any
	// refreshed, when set (tests), is called by serve's background
	// refresher with its database and the data version up to which each
	// refresh brought the kept answers.
	refreshed func(db *storage.DB, version int64)
}

// say is err as the user reads it: a plantrack error in the language of the
// command (through the message catalog), with its details; any other error
// as it stands.
func (m *Main) say(err error) string {
	return catalog.New(m.lang).Error(err)
}

// NewMain returns a Main wired to the process's streams and environment.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// errUsage means the command line was wrong; usage has been printed.
var errUsage = errors.New("usage")

// Main runs the whole program with args and returns the exit code: 0 done,
// 1 failed, 2 bad command line. For serve it waits until ctx ends (a
// signal), then calls stopSignals so a second signal kills at once, and
// shuts down gracefully.
func (m *Main) Main(ctx context.Context, stopSignals func(), args []string) int {
	if err := m.ParseFlags(ctx, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(m.Stderr, "plantrack:", m.say(err))
		}
		return 2
	}
	err := m.Run(ctx)
	if err == nil {
		err = m.Wait(ctx)
		stopSignals()
	}
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(m.Stderr, "plantrack:", m.say(err))
		return 1
	}
	return 0
}

// ParseFlags selects the subcommand named by args[0] and parses its flags,
// then fills unset flags from PLANTRACK_<FLAG> environment variables. It
// returns flag.ErrHelp after printing help, and errUsage after printing
// usage for a bad command line.
func (m *Main) ParseFlags(ctx context.Context, args []string) error {
	m.langArg = langArg(args)
	m.lang = pickLanguage(m.langArg, m.Getenv)
	args = dropLeadingLang(args)
	if len(args) == 0 {
		m.usage(m.Stderr)
		return errUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		m.usage(m.Stdout)
		return flag.ErrHelp
	}
	c, rest, err := m.lookup(args[0], args[1:])
	if err != nil {
		return err
	}
	if err := c.parse(m, rest); err != nil {
		return err
	}
	m.cmd = c
	return nil
}

// Run runs the parsed subcommand. serve starts listening and returns; the
// others do their work before returning.
func (m *Main) Run(ctx context.Context) error {
	if m.cmd == nil {
		return errors.New("Run before ParseFlags")
	}
	return m.cmd.run(ctx)
}

// Wait blocks while serve is serving, until ctx ends or the server fails;
// for other subcommands it returns at once.
func (m *Main) Wait(ctx context.Context) error {
	if m.cmd == nil || m.cmd.wait == nil {
		return nil
	}
	return m.cmd.wait(ctx)
}

// Close releases what Run opened; for serve it shuts the server down
// gracefully within the shutdown timeout. It is safe to call more than once.
func (m *Main) Close() error {
	if m.cmd == nil || m.cmd.close == nil {
		return nil
	}
	c := m.cmd.close
	m.cmd.close = nil
	return c()
}

// URL is the base URL serve listens on (e.g. http://127.0.0.1:41234), or
// "" before Run or for other subcommands.
func (m *Main) URL() string {
	if m.cmd == nil || m.cmd.url == nil || m.cmd.close == nil {
		return ""
	}
	return m.cmd.url()
}
