// Package catalog is plantrack's one message catalog: every text a user
// reads, in Vietnamese and English — the words of the pages and the
// messages of errors — and the rendering of errors in a reader's language.
//
// Two kinds of entry share it:
//
//   - Words: page texts under dotted keys ("entry.title", "field.period"),
//     each written in both languages (words.go and the words_*.go files).
//   - Messages: what errors say. storage cannot import this package (it
//     imports no project package), so an error carries its message as a key
//     and arguments: storage.Errorf and storage.Detail.Says record the
//     English format as the key ("not a date (write %s)") and keep the
//     arguments. The English text is therefore the key itself, and the
//     catalog holds the Vietnamese format for each key (messages_*.go).
//     An argument that is itself a keyed *storage.Error is rendered in the
//     reader's language too, so messages nest.
//
// A message whose key the catalog lacks is shown in English, as written;
// tests check that every key used in the code and every word has both
// languages, so that fallback is a bug caught before release, never a
// path users rely on.
//
// The JSON API keeps its machine fields (code, field, row) unchanged and
// renders message and reason in English unless the request asks for
// Vietnamese (see dashboards); the CLI prints its help, lines and errors in
// the language of --lang (import: --locale), PLANTRACK_LANG or the locale,
// Vietnamese by default (cmd/plantrack).
package catalog

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/plantrack/plantrack/storage"
)

// Supported languages. Vietnamese is the default.
const (
	VI = "vi"
	EN = "en"
)

// Catalog says things in one language. It is immutable and safe for
// concurrent use; build one per language with New.
type Catalog struct {
	lang  string
	words map[string]string
	msgs  map[string]string // key (English format) → format in lang; nil for English
}

// New returns the catalog of lang (VI or EN); any other value is VI.
// Catalogs are immutable, so New hands out one shared catalog per language,
// built on first use: callers may call it per request (building one reads
// ~900 entries into a map and took ~5 ms of CPU, most of an API answer's
// cost when it was built each time).
func New(lang string) *Catalog {
	if lang == EN {
		return builtCatalogs()[1]
	}
	return builtCatalogs()[0]
}

// builtCatalogs is the Vietnamese and the English catalog, built once. It
// is the package's only state and never changes after it is built.
var builtCatalogs = sync.OnceValue(func() [2]*Catalog {
	return [2]*Catalog{build(VI), build(EN)}
})

// build makes the catalog of lang (VI or EN).
func build(lang string) *Catalog {
	c := &Catalog{lang: lang, words: map[string]string{}}
	i := 0
	if lang == EN {
		i = 1
	} else {
		c.msgs = messagesVI()
	}
	for _, table := range []map[string][2]string{wordTable(), fieldWords(), layoutWordTable(), loginWords(), extractWords(), unitWords(), planWordTable(),
		flagSentences(), downloadWordTable()} {
		for k, v := range table {
			c.words[k] = v[i]
		}
	}
	return c
}

// Lang is the catalog's language code.
func (c *Catalog) Lang() string { return c.lang }

// Words returns the page words of the catalog's language by key; the map
// is the caller's own copy.
func (c *Catalog) Words() map[string]string {
	out := make(map[string]string, len(c.words))
	for k, v := range c.words {
		out[k] = v
	}
	return out
}

// T returns the word for key, or key itself when there is none (so a
// missing word is visible, not blank).
func (c *Catalog) T(key string) string {
	if s, ok := c.words[key]; ok {
		return s
	}
	return key
}

// Field names an input field (a CSV column, a form field) as the reader
// knows it: "Kỳ" / "Period" for period. An unknown field keeps its name.
func (c *Catalog) Field(name string) string {
	if s, ok := c.words["field."+name]; ok {
		return s
	}
	return name
}

// Sprintf renders the message key with args in the catalog's language.
// Arguments that are keyed *storage.Error values are rendered too. Keys and
// translations are formats even without arguments: a literal percent sign
// is written %%.
func (c *Catalog) Sprintf(key string, args ...any) string {
	format := key
	if s, ok := c.msgs[key]; ok {
		format = s
	}
	local := make([]any, len(args))
	for i, a := range args {
		local[i] = a
		var e *storage.Error
		if err, ok := a.(error); ok && errors.As(err, &e) {
			local[i] = c.Message(e)
		}
	}
	return fmt.Sprintf(format, local...)
}

// Message is the text of err's *storage.Error in the catalog's language,
// without its details; for any other error it is err's own text.
func (c *Catalog) Message(err error) string {
	var e *storage.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	if e.Key == "" {
		return e.Message
	}
	return c.Sprintf(e.Key, e.Args...)
}

// Reason is the reason of d in the catalog's language.
func (c *Catalog) Reason(d storage.Detail) string {
	if d.Key == "" {
		return d.Reason
	}
	return c.Sprintf(d.Key, d.Args...)
}

// Detail says d on one line: where (sheet, row, field, value) and why.
func (c *Catalog) Detail(d storage.Detail) string {
	var where []string
	if d.Sheet != "" {
		where = append(where, c.Sprintf("sheet %s", d.Sheet))
	}
	if d.Row > 0 {
		where = append(where, c.Sprintf("row %d", d.Row))
	}
	if d.Field != "" {
		where = append(where, c.Sprintf("field %s", c.Field(d.Field)))
	}
	if d.Value != "" {
		where = append(where, fmt.Sprintf("%q", d.Value))
	}
	if len(where) == 0 {
		return c.Reason(d)
	}
	return strings.Join(where, " ") + ": " + c.Reason(d)
}

// Error says err in full in the catalog's language: its message, then each
// detail, separated by "; " (what the CLI prints).
func (c *Catalog) Error(err error) string {
	var e *storage.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	parts := []string{c.Message(e)}
	for _, d := range e.Details {
		parts = append(parts, c.Detail(d))
	}
	return strings.Join(parts, "; ")
}

// Localize returns a copy of err's *storage.Error with its message and
// every reason in the catalog's language (for the JSON API), or nil when
// err holds none.
func (c *Catalog) Localize(err error) *storage.Error {
	var e *storage.Error
	if !errors.As(err, &e) {
		return nil
	}
	out := *e
	out.Message = c.Message(e)
	out.Details = make([]storage.Detail, len(e.Details))
	for i, d := range e.Details {
		d.Reason = c.Reason(d)
		out.Details[i] = d
	}
	return &out
}

// Texts returns every text of the catalog in its language that a page or
// an API answer can show — the page words and the message formats — for
// audits such as "no English on a Vietnamese page". The CLI's own texts
// (its help, summaries and command-line errors) never reach a page and are
// left out. The order is unspecified.
func (c *Catalog) Texts() []string {
	out := make([]string, 0, len(c.words)+len(c.msgs))
	for _, w := range c.words {
		out = append(out, w)
	}
	cli := cliKeys()
	for k, m := range messagesVI() {
		switch {
		case cli[k]:
		case c.lang == EN:
			out = append(out, k) // English messages are their keys
		default:
			out = append(out, m)
		}
	}
	return out
}

// cliKeys is the set of message keys only the CLI prints.
func cliKeys() map[string]bool {
	keys := map[string]bool{}
	for _, part := range []map[string]string{cliVI(), cliHelpVI()} {
		for k := range part {
			keys[k] = true
		}
	}
	return keys
}
