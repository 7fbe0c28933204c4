package main

import (
	"flag"
	"strings"

	"golang.org/x/text/language"

	"github.com/plantrack/plantrack/collector/catalog"
)

// The CLI speaks Vietnamese or English; Vietnamese comes first, so it is
// what an unset or unmatched choice falls back to.
var cliLanguages = language.NewMatcher([]language.Tag{language.Vietnamese, language.English})

// langFlags are the flags that pick the language of what a command prints:
// --lang, or --locale where it already does (import).
var langFlags = []string{"lang", "locale"}

// pickLanguage is the language the CLI speaks: the command's --lang or
// --locale when it names vi or en, else PLANTRACK_LANG, else the
// environment's locale (LC_ALL, LC_MESSAGES, LANG: the first one that
// names a language; a Vietnamese locale is Vietnamese, any other language
// English; "C" and "POSIX" name none and are passed over), else Vietnamese.
func pickLanguage(flagValue string, getenv func(string) string) string {
	if flagValue == catalog.VI || flagValue == catalog.EN {
		return flagValue
	}
	if getenv == nil {
		return catalog.VI
	}
	for _, name := range []string{"PLANTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if lang := localeLanguage(getenv(name)); lang != "" {
			return lang
		}
	}
	return catalog.VI
}

// localeLanguage matches a locale as the environment writes it
// ("vi_VN.UTF-8", "en-GB", "C") against the CLI's languages: Vietnamese
// when it names Vietnamese, English for any other language, and "" when it
// names no language ("", "C", "POSIX"): Vietnamese comes first, so a
// machine without a language set speaks Vietnamese.
func localeLanguage(locale string) string {
	locale, _, _ = strings.Cut(locale, ".") // the codeset
	locale, _, _ = strings.Cut(locale, "@") // a modifier
	tag, err := language.Parse(strings.ReplaceAll(locale, "_", "-"))
	if err != nil || locale == "" {
		return "" // "C", "POSIX" and other non-language locales
	}
	_, i, conf := cliLanguages.Match(tag)
	if conf == language.No || i != 0 {
		return catalog.EN
	}
	return catalog.VI
}

// langArg is the value of the first --lang or --locale in args (as
// "--lang en", "--lang=en", one dash or two), so that help printed before
// or without flag parsing (a group's usage, --help before --lang) is in
// the language asked for; "" when there is none.
func langArg(args []string) string {
	for i, a := range args {
		if a == "--" {
			return ""
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || !isLangFlag(name) {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func isLangFlag(name string) bool {
	for _, f := range langFlags {
		if name == f {
			return true
		}
	}
	return false
}

// langFlagValue is the value of c's language flag when the command line or
// its environment variable set it; "" otherwise (a default such as
// grafana's --lang vi picks the dashboard's labels, not the CLI's words).
func (c *command) langFlagValue() string {
	v := ""
	c.fs.Visit(func(f *flag.Flag) {
		if isLangFlag(f.Name) && v == "" {
			v = f.Value.String()
		}
	})
	return v
}

// addLangFlag gives a command that has no language flag of its own --lang
// (and so PLANTRACK_LANG), for its help, messages and errors.
func (c *command) addLangFlag() {
	for _, f := range langFlags {
		if c.fs.Lookup(f) != nil {
			return
		}
	}
	c.fs.String("lang", "", "language of help, messages and errors: `vi` or en (without it: PLANTRACK_LANG, then the locale in LC_ALL, LC_MESSAGES or LANG, then vi)")
	c.addedLang = true
}

// dropLeadingLang removes a --lang or --locale given before the command
// ("plantrack --lang en import …"): langArg has read it already.
func dropLeadingLang(args []string) []string {
	if len(args) == 0 || !strings.HasPrefix(args[0], "-") {
		return args
	}
	name, _, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
	switch {
	case !isLangFlag(name):
		return args
	case hasValue:
		return args[1:]
	case len(args) > 1:
		return args[2:]
	}
	return nil
}
