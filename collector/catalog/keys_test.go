package catalog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// keyArg names the functions that take a message key, and the position of
// the key among their arguments: storage.Errorf(code, key, …),
// Detail.Says(key, …), the collector's and storage's helpers that forward
// to them.
var keyArg = map[string]int{
	"Errorf": 1, "Says": 0, "invalidField": 2, "badPeriod": 0, // storage
	"fail": 1, "refuse": 2, "invalidf": 1, "why": 0, // collector
	"badRequest": 0, "reject": 0, "Sprintf": 0, // dashboards (Sprintf: the catalog's own; fmt's is skipped)
	"newCommand": 2, // cmd/plantrack: a command's help text (its description and example)
}

// flagUsageArg names the flag.FlagSet methods that define a flag, and the
// position of its usage text: the CLI's help prints each usage through the
// catalog, so it is a message key like the others. Only calls on a flag
// set named fs (fs.String, c.fs.Bool) count.
var flagUsageArg = map[string]int{
	"String": 2, "Bool": 2, "Int": 2, "Int64": 2, "Uint": 2, "Float64": 2, "Duration": 2, "Var": 2,
	"StringVar": 3, "BoolVar": 3, "IntVar": 3, "Int64Var": 3, "UintVar": 3, "Float64Var": 3, "DurationVar": 3,
}

// usageArg is where call's message key is, when it has one: a keyArg
// function's key, or the usage text of a flag defined on a flag set.
func usageArg(call *ast.CallExpr) (int, bool) {
	var name string
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		name = fn.Sel.Name
		switch x := fn.X.(type) {
		case *ast.Ident:
			if x.Name == "fmt" {
				return 0, false // fmt.Errorf is not a message
			}
			if x.Name == "fs" {
				i, ok := flagUsageArg[name]
				return i, ok
			}
		case *ast.SelectorExpr:
			if x.Sel.Name == "fs" {
				i, ok := flagUsageArg[name]
				return i, ok
			}
		}
	}
	i, ok := keyArg[name]
	return i, ok
}

// keysInCode returns every constant message key passed to a keyArg function
// in the non-test Go files of the module, with where it is used.
func keysInCode(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	fset := token.NewFileSet()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				reasonKeys(fset, as, keys)
				return true
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			i, ok := usageArg(call)
			if !ok || i >= len(call.Args) {
				return true
			}
			if s, ok := constString(call.Args[i]); ok {
				keys[s] = fset.Position(call.Pos()).String()
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// reasonKeys records the string constants assigned to a field named reason
// (the extractor's reasons for leaving a number out, shown on the paste
// page through the catalog).
func reasonKeys(fset *token.FileSet, as *ast.AssignStmt, keys map[string]string) {
	for i, l := range as.Lhs {
		sel, ok := l.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "reason" || len(as.Rhs) != len(as.Lhs) {
			continue
		}
		if s, ok := constString(as.Rhs[i]); ok {
			keys[s] = fset.Position(as.Pos()).String()
		}
	}
}

// constString evaluates a string literal or a + of literals.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// TestEveryMessageKeyInCodeHasVietnamese: every message key the code passes
// to storage.Errorf, Detail.Says and their helpers, and every text of the
// CLI's help (a command's description, a flag's usage), has a Vietnamese
// format in the catalog. (English is the key itself.)
func TestEveryMessageKeyInCodeHasVietnamese(t *testing.T) {
	keys := keysInCode(t)
	// The scan must find the messages it is meant to check: at least the
	// ones this test was written against (worked out by counting the calls
	// in storage, collector and dashboards when the catalog was built).
	if len(keys) < 150 {
		t.Fatalf("found only %d message keys in the code; the scan is broken", len(keys))
	}
	for _, k := range []string{"not a date (write 2018-06-11 or 11/06/2018)", "unknown unit; add it to the units first",
		"SQLite database `file`; works beside a running serve", "`host:port` to listen on; port 0 picks a free port", // flag usages
		"Prints plantrack's version and the Go version it was built with.", // a command's help
		"%d problem(s) in %d row(s); nothing was stored. Correct them and import the whole report again"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("the scan misses the key %q", k)
		}
	}
	vi := messagesVI()
	var missing []string
	for k, at := range keys {
		if _, ok := vi[k]; !ok {
			missing = append(missing, at+": "+strconv.Quote(k))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no Vietnamese for the message at %s", m)
	}
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\d+|\*)?(\.\d+)?[a-zA-Z%]`)

// verbs lists the formatting verbs of a format, without explicit indexes,
// sorted (a translation may reorder its arguments with %[n]s).
func verbs(format string) []string {
	var out []string
	for _, m := range verbRE.FindAllString(format, -1) {
		if m == "%%" { // a literal percent sign takes no argument
			continue
		}
		out = append(out, regexp.MustCompile(`\[\d+\]`).ReplaceAllString(m, ""))
	}
	sort.Strings(out)
	return out
}

// TestTranslationsKeepTheirArguments: each Vietnamese format uses the same
// verbs as its English key, so no argument is lost or printed as
// %!s(MISSING); and none is empty or left in English.
func TestTranslationsKeepTheirArguments(t *testing.T) {
	for k, v := range messagesVI() {
		if !slices.Equal(verbs(k), verbs(v)) {
			t.Errorf("%q → %q: verbs %v, want %v", k, v, verbs(v), verbs(k))
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("%q has an empty translation", k)
		}
		if v == k && verbRE.ReplaceAllString(k, "") != "" && !strings.HasPrefix(k, "%") {
			t.Errorf("%q is not translated", k)
		}
	}
}

// TestEveryWordHasBothLanguages: no page word is empty in either language.
func TestEveryWordHasBothLanguages(t *testing.T) {
	for k, v := range allWords() {
		if strings.TrimSpace(v[0]) == "" || strings.TrimSpace(v[1]) == "" {
			t.Errorf("word %q: vi %q, en %q", k, v[0], v[1])
		}
	}
}

func allWords() map[string][2]string {
	all := fieldWords()
	for _, t := range []map[string][2]string{wordTable(), layoutWordTable(), loginWords(), planWordTable()} {
		for k, v := range t {
			all[k] = v
		}
	}
	return all
}

// TestEveryExtractorNoteHasVietnamese: the notes the extractor writes on a
// figure (assigned to note/pnote, appended to notes, or added to a Note)
// are all in notesVI, so the paste page can say them in Vietnamese.
func TestEveryExtractorNoteHasVietnamese(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join("..", "extract", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	vi, found := notesVI(), 0
	check := func(at token.Pos, s string) {
		s = strings.Trim(s, "; ")
		if s == "" || strings.HasPrefix(s, "target ") {
			return
		}
		found++
		if vi[s] == "" {
			t.Errorf("%s: no Vietnamese for the note %q", fset.Position(at), s)
		}
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && (sel.Sel.Name == "note" || sel.Sel.Name == "pnote") && i < len(n.Rhs) {
						if s, ok := constString(n.Rhs[i]); ok {
							check(n.Pos(), s)
						}
					}
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "append" && len(n.Args) > 1 {
					if a, ok := n.Args[0].(*ast.Ident); ok && a.Name == "notes" {
						for _, arg := range n.Args[1:] {
							if s, ok := constString(arg); ok {
								check(n.Pos(), s)
							}
						}
					}
				}
			case *ast.BinaryExpr:
				if s, ok := constString(n.Y); ok && n.Op == token.ADD && strings.HasPrefix(s, "; ") {
					check(n.Pos(), s)
				}
			}
			return true
		})
	}
	if found < 6 {
		t.Fatalf("found only %d notes; the scan is broken", found)
	}
	if got := New(VI).Note("target 16; growth read as year on year (no comparison stated); an unknown note"); got !=
		"kế hoạch 16; tăng trưởng hiểu là so cùng kỳ (văn bản không nói so với gì); an unknown note" {
		t.Errorf("Note: %q", got)
	}
}
