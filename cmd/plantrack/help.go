package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/storage"
)

// usage prints the program's help in m's language.
func (m *Main) usage(w io.Writer) {
	fmt.Fprint(w, catalog.New(m.lang).Sprintf(`plantrack tracks reported figures against yearly plans.

Usage: plantrack <command> [flags] [arguments]

Commands:
  serve      run the web pages, JSON API, /metrics and the import inbox
  import     import CSV, JSON or XLSX files (whole files or nothing)
  extract    find figures in report prose and optionally import them
  export     write observations as CSV, JSON or OpenMetrics to stdout
  grafana    print the Grafana dashboard JSON
  backup     write a consistent copy of the live database
  token      create, list or revoke writer tokens
  reference  list or load shipped reference data (vn-provinces-2025)
  bench      generate a country's worth of reports and measure the hot paths
  version    print the version

Run "plantrack <command> --help" for a command's flags. Every flag can also
be set by an environment variable PLANTRACK_<FLAG>, e.g. PLANTRACK_DB.
Help and messages are in Vietnamese unless --lang en, PLANTRACK_LANG=en or
an English locale (LANG) says otherwise.
Start with: plantrack serve --demo   (then open http://127.0.0.1:8080/)
`))
}

// usage prints c's help in lang: its usage line, what it does with an
// example, and each flag with its environment variable, all through the
// catalog (the texts in the code are the English keys).
func (c *command) usage(w io.Writer, lang string) {
	cat := catalog.New(lang)
	line := cat.Sprintf("Usage: plantrack %s [flags] %s", c.name, cat.Sprintf(c.synopsis))
	fmt.Fprintf(w, "%s\n\n%s\n", strings.TrimSpace(line), strings.TrimSpace(cat.Sprintf(c.about)))
	has := false
	c.fs.VisitAll(func(*flag.Flag) { has = true })
	if !has {
		return
	}
	fmt.Fprintf(w, "\n%s\n", cat.Sprintf("Flags (each also from the environment variable named beside it):"))
	c.fs.VisitAll(func(f *flag.Flag) {
		said := *f
		said.Usage = cat.Sprintf(f.Usage)
		name, usage := flag.UnquoteUsage(&said)
		if name != "" && !strings.Contains(said.Usage, "`") {
			name = cat.T("cli.type." + name) // "duration", "int": the flag package's words
		}
		fmt.Fprintf(w, "  --%s %s  [%s]\n", f.Name, name, envName(f.Name))
		fmt.Fprintf(w, "        %s", usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprint(w, cat.Sprintf(" (default %s)", f.DefValue))
		}
		fmt.Fprintln(w)
	})
}

// flagError says a flag package parse error in cat's language. The flag
// package's errors are English sentences with the flag's name; the known
// ones are recognised by their fixed start, any other stands as written.
func flagError(cat *catalog.Catalog, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return cat.Sprintf("there is no flag %s; the flags are listed below", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return cat.Sprintf("the flag %s needs a value, e.g. %s=VALUE", name, name)
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		value, rest, _ := strings.Cut(rest, " for flag ")
		name, why, _ := strings.Cut(rest, ": ")
		return cat.Sprintf("%s is not a valid value for %s: %v", value, name, flagWhy(why))
	}
	return msg
}

// flagWhy is the flag package's own reason for refusing a number or a
// duration as a catalog message, said in the reader's language wherever it
// is printed; a flag's own reason (thresholds) stands as written.
func flagWhy(why string) error {
	switch why {
	case "parse error":
		return storage.Errorf(storage.CodeInvalid, "not written as this flag expects (a number, or a duration such as 90s or 2m)")
	case "value out of range":
		return storage.Errorf(storage.CodeInvalid, "out of range")
	}
	return errors.New(why)
}

// argCountError says what is wrong with n positional arguments: which are
// missing, or how many c takes.
func (c *command) argCountError(cat *catalog.Catalog, n int) string {
	if n < c.nargs[0] {
		return cat.Sprintf("missing %s; give it after the flags, as in the example below", cat.Sprintf(c.synopsis))
	}
	if c.nargs[1] == 0 {
		return cat.Sprintf("takes no arguments, but %d were given: %s", n, strings.Join(c.fs.Args(), " "))
	}
	return cat.Sprintf("takes at most %d argument(s) (%s), but %d were given", c.nargs[1], cat.Sprintf(c.synopsis), n)
}

// checkLangFlag refuses a --lang other than vi or en on the commands that
// got --lang for their words (extract and grafana check their own).
func (c *command) checkLangFlag() error {
	f := c.fs.Lookup("lang")
	if f == nil || !c.addedLang {
		return nil
	}
	if v := f.Value.String(); v != "" && v != catalog.VI && v != catalog.EN {
		return storage.Errorf(storage.CodeInvalid, "--lang %q: use vi or en", v)
	}
	return nil
}

// closest is the name among names nearest to word (fewest letters added,
// removed or changed) when it is near enough to be a likely typo — at most
// one letter in three differs, and at least one may; "" otherwise.
func closest(word string, names []string) string {
	best, bestD := "", max(1, len([]rune(word))/3)+1
	for _, n := range names {
		if d := editDistance(word, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
