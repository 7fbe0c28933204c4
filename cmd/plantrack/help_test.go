package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/collector/catalog"
)

// helpCommands is every command line whose --help a user can ask for.
var helpCommands = [][]string{{"help"}, {"serve"}, {"import"}, {"extract"}, {"export"}, {"grafana"}, {"backup"},
	{"token"}, {"token", "create"}, {"token", "list"}, {"token", "revoke"},
	{"reference"}, {"reference", "list"}, {"reference", "load"}, {"bench"}, {"version"}}

// englishWords are words of the English help that Vietnamese never uses;
// one of them in the Vietnamese help is a text the catalog did not
// translate. Flag names (after "-"), environment variables and example
// values are not words of the text and are skipped.
var englishWords = map[string]bool{"the": true, "and": true, "of": true, "to": true, "is": true, "with": true,
	"from": true, "each": true, "file": true, "files": true, "database": true, "default": true, "usage": true,
	"flags": true, "example": true, "when": true, "this": true, "that": true, "not": true, "for": true,
	"only": true, "or": true, "by": true, "an": true, "are": true, "which": true, "than": true, "after": true,
	"before": true, "without": true, "every": true, "its": true, "it": true, "be": true, "one": true,
	"duration": true, "int": true, "string": true, "value": true, "folder": true, "code": true, "name": true}

var wordRE = regexp.MustCompile(`-*[\p{L}_]+`)

// untranslated lists the English words of text.
func untranslated(text string) []string {
	var out []string
	for _, w := range wordRE.FindAllString(text, -1) {
		if !strings.HasPrefix(w, "-") && englishWords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// TestEveryHelpInBothLanguages: each command's --help, in Vietnamese and in
// English, shows no catalog key and no broken format; the Vietnamese has no
// English word left (the catalog's TestEveryMessageKeyInCodeHasVietnamese
// checks that every help text has a Vietnamese entry; this checks what is
// printed, placeholders and the fixed lines included).
func TestEveryHelpInBothLanguages(t *testing.T) {
	var covered []string
	for _, c := range helpCommands {
		covered = append(covered, c[0])
	}
	for _, name := range commandNames {
		if !slices.Contains(covered, name) {
			t.Errorf("the help of %q is not checked: add it to helpCommands", name)
		}
	}
	keys := catalog.New(catalog.VI).Words()
	for _, c := range helpCommands {
		args := append(slices.Clone(c), "--help")
		if c[0] == "help" {
			args = c
		}
		outs := map[string]string{}
		for _, lang := range []string{"vi", "en"} {
			code, out, errOut := run(t, map[string]string{"PLANTRACK_LANG": lang}, args...)
			if code != 0 || out == "" || errOut != "" {
				t.Fatalf("%v in %s: exit %d, stdout %q, stderr %q", args, lang, code, out, errOut)
			}
			outs[lang] = out
			for k := range keys {
				if strings.Contains(out, k) {
					t.Errorf("%v in %s shows the catalog key %q:\n%s", args, lang, k, out)
				}
			}
			if strings.Contains(out, "%!") {
				t.Errorf("%v in %s has a broken format:\n%s", args, lang, out)
			}
		}
		if !strings.Contains(outs["en"], "Usage: plantrack") || !strings.Contains(outs["vi"], "Cách dùng: plantrack") {
			t.Errorf("%v: no usage line in en %q or vi %q", args, outs["en"], outs["vi"])
		}
		if w := untranslated(outs["vi"]); len(w) > 0 {
			t.Errorf("%v in Vietnamese keeps the English %q:\n%s", args, w, outs["vi"])
		}
		// The scan sees English: it finds some in every English help.
		if len(untranslated(outs["en"])) == 0 {
			t.Errorf("%v: the English help has none of the English words; the check is blind", args)
		}
	}
}

// TestLanguageOrder: the command's --lang (or import's --locale) wins, then
// PLANTRACK_LANG, then the locale (LC_ALL before LC_MESSAGES before LANG; a
// Vietnamese locale is Vietnamese, any other language English, "C" none),
// then Vietnamese.
func TestLanguageOrder(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, nil, "vi"},
		{map[string]string{"LANG": "en_US.UTF-8"}, nil, "en"},
		{map[string]string{"LANG": "C.UTF-8"}, nil, "vi"}, // names no language
		{map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}, nil, "en"},
		{map[string]string{"LC_ALL": "POSIX"}, nil, "vi"},
		{map[string]string{"LANG": "vi_VN.UTF-8"}, nil, "vi"},
		{map[string]string{"LC_ALL": "vi_VN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "en_US.UTF-8"}, nil, "vi"},
		{map[string]string{"LC_MESSAGES": "en_GB.UTF-8", "LANG": "vi_VN"}, nil, "en"},
		{map[string]string{"PLANTRACK_LANG": "vi", "LANG": "en_US.UTF-8"}, nil, "vi"},
		{map[string]string{"PLANTRACK_LANG": "en", "LC_ALL": "vi_VN.UTF-8"}, nil, "en"},
		{map[string]string{"PLANTRACK_LANG": "en"}, []string{"--lang", "vi"}, "vi"},
		{map[string]string{"PLANTRACK_LANG": "vi", "LANG": "vi_VN"}, []string{"--lang=en"}, "en"},
	} {
		for _, cmd := range [][]string{{"backup"}, {"token", "list"}, {"extract"}} {
			args := append(append(slices.Clone(cmd), c.args...), "--help")
			code, out, _ := run(t, c.env, args...)
			got := "en"
			if strings.HasPrefix(out, "Cách dùng") {
				got = "vi"
			}
			if code != 0 || got != c.want {
				t.Errorf("%v with %v: exit %d, %s; want %s", args, c.env, code, got, c.want)
			}
		}
	}
	// import picks its language with --locale, which also reads its numbers.
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"PLANTRACK_LANG": "vi"}, []string{"--locale", "en"}, "Usage"},
		{map[string]string{"PLANTRACK_LANG": "en"}, []string{"--locale", "vi"}, "Cách dùng"},
		{map[string]string{"PLANTRACK_LANG": "en", "PLANTRACK_LOCALE": "vi"}, nil, "Cách dùng"},
		{map[string]string{"LANG": "en_US"}, nil, "Usage"},
	} {
		args := append(append([]string{"import"}, c.args...), "--help")
		if code, out, _ := run(t, c.env, args...); code != 0 || !strings.HasPrefix(out, c.want) {
			t.Errorf("%v with %v: exit %d, %.40q; want %q", args, c.env, code, out, c.want)
		}
	}
	// The program's own help takes --lang before or after it.
	for _, args := range [][]string{{"--lang", "en", "--help"}, {"help", "--lang", "en"}} {
		if code, out, _ := run(t, map[string]string{"PLANTRACK_LANG": "vi"}, args...); code != 0 || !strings.Contains(out, "Usage: plantrack <command>") {
			t.Errorf("%v: exit %d, %.80q", args, code, out)
		}
	}
	if code, _, errOut := run(t, nil, "backup", "--lang", "fr", "x.db"); code != 2 || !strings.Contains(errOut, `--lang "fr": hãy dùng vi hoặc en`) {
		t.Errorf("--lang fr: exit %d, %q", code, errOut)
	}
}

// TestLocaleLanguage: locales as environments write them are matched by
// language, not by their first letters: a Vietnamese one (any region,
// codeset or modifier) is Vietnamese; English and other languages are
// English; the C/POSIX locales name no language ("").
func TestLocaleLanguage(t *testing.T) {
	for locale, want := range map[string]string{
		"vi": "vi", "vi_VN": "vi", "vi_VN.UTF-8": "vi", "vi-VN": "vi", "vi_VN.UTF-8@latin": "vi",
		"en_US.UTF-8": "en", "en": "en", "C": "", "C.UTF-8": "", "POSIX": "", "": "", "fr_FR.UTF-8": "en",
		"zh_CN.UTF-8": "en", "vai_LR": "en", // Vai, not Vietnamese, though it starts with "v"
	} {
		if got := localeLanguage(locale); got != want {
			t.Errorf("localeLanguage(%q) = %s, want %s", locale, got, want)
		}
	}
}
