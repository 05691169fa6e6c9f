package main

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/testenv"
)

// The docs that stay true: ARCHITECTURE.md's table of packages names every
// package and what it really imports, every package says in its doc comment
// what it owns, and no doc comment stands detached from its declaration
// (go doc would show nothing).

const modulePath = "github.com/engagiert/engagiert"

// goPackage is one package of the module, as the build sees it.
type goPackage struct {
	rel string // path in the repository: "internal/domain"
	*build.Package
}

// modulePackages lists the packages of the module, testdata left out.
func modulePackages(t *testing.T) []goPackage {
	t.Helper()
	root := testenv.ModuleRoot(t)
	var out []goPackage
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		pkg, err := build.Default.ImportDir(p, 0)
		if err != nil {
			return nil // no Go files here
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, goPackage{filepath.ToSlash(rel), pkg})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// modules names the modules the table speaks of, by import path prefix.
var modules = []struct{ prefix, label string }{
	{"github.com/blevesearch/bleve/", "bleve"},
	{"github.com/blevesearch/bleve_index_api", "bleve"},      // Bleve's index interfaces, a module of its own
	{"github.com/blevesearch/upsidedown_store_api", "bleve"}, // and its upside-down index's store interfaces
	{"github.com/slack-go/slack", "slack-go"},
	{"github.com/redis/go-redis/", "go-redis"},
	{"github.com/prometheus/client_golang/", "prometheus"},
	{"github.com/fsnotify/fsnotify", "fsnotify"},
	{"github.com/gorilla/websocket", "websocket"},
	{"golang.org/x/text/", "x/text"},
	{"go.yaml.in/yaml/", "yaml"},
}

// importsOf is the table's imports column for p: the module's packages it
// imports (internal/ left out), then the other modules, by their labels;
// "standard library only" for none.
func importsOf(p goPackage) string {
	var own, other []string
	for _, imp := range p.Imports {
		switch {
		case strings.HasPrefix(imp, modulePath+"/"):
			own = append(own, strings.TrimPrefix(strings.TrimPrefix(imp, modulePath+"/"), "internal/"))
		case !strings.Contains(strings.Split(imp, "/")[0], "."):
			// the standard library
		default:
			label := imp
			for _, m := range modules {
				if strings.HasPrefix(imp, m.prefix) {
					label = m.label
				}
			}
			other = append(other, label)
		}
	}
	slices.Sort(own)
	slices.Sort(other)
	all := append(slices.Compact(own), slices.Compact(other)...)
	if len(all) == 0 {
		return "standard library only"
	}
	return strings.Join(all, ", ")
}

// TestArchitecturePackages keeps ARCHITECTURE.md's table of packages true:
// a row for every package and none for a package that is gone, each with
// what the package imports. go test ./cmd/engagiert -run
// TestArchitecturePackages -update rewrites the imports column; a new
// package needs its row, with its role, written by hand.
func TestArchitecturePackages(t *testing.T) {
	t.Parallel()
	const head = "| package | role | imports |\n|---|---|---|\n"
	file := filepath.Join(testenv.ModuleRoot(t), "ARCHITECTURE.md")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	i := strings.Index(doc, head)
	if i < 0 {
		t.Fatalf("ARCHITECTURE.md has no table starting %q", head)
	}
	start := i + len(head)
	end := start + strings.Index(doc[start:], "\n\n") + 1
	pkgs := map[string]goPackage{}
	for _, p := range modulePackages(t) {
		pkgs[p.rel] = p
	}
	var rows []string
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(doc[start:end], "\n"), "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != 3 {
			t.Fatalf("ARCHITECTURE.md: row %q does not have three cells", line)
		}
		name := strings.Trim(cells[0], "`")
		p, ok := pkgs[name]
		if !ok {
			t.Errorf("ARCHITECTURE.md lists %s, which is not a package of the module", name)
			continue
		}
		seen[name] = true
		if want := importsOf(p); cells[2] != want {
			if !*updateREADME {
				t.Errorf("ARCHITECTURE.md: %s imports %q, the table says %q (-update rewrites it)", name, want, cells[2])
			}
			cells[2] = want
		}
		rows = append(rows, "| "+strings.Join(cells, " | ")+" |")
	}
	for name := range pkgs {
		if !seen[name] {
			t.Errorf("ARCHITECTURE.md's table of packages lacks %s (imports: %s); add its row with what it owns", name, importsOf(pkgs[name]))
		}
	}
	if *updateREADME {
		doc = doc[:start] + strings.Join(rows, "\n") + "\n" + doc[end:]
		if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPackageDocs: every package says what it owns in a doc comment that
// begins "Package NAME" ("Command NAME" for a command).
func TestPackageDocs(t *testing.T) {
	t.Parallel()
	for _, p := range modulePackages(t) {
		want := "Package " + p.Name + " "
		if p.Name == "main" {
			want = "Command " + filepath.Base(p.Dir) + " "
		}
		if !strings.HasPrefix(p.Doc, want) {
			t.Errorf("%s: package doc %q, want a sentence beginning %q", p.rel, p.Doc, want)
		}
	}
}

// detachedDocsPending are packages whose detached doc comments their owner
// fixes in a rewrite under way; remove a package once it passes.
var detachedDocsPending = map[string]bool{}

// TestNoDetachedDocs: a comment meant for an exported declaration stands
// directly above it. One with a blank line between is not its doc comment:
// go doc shows nothing for the declaration.
func TestNoDetachedDocs(t *testing.T) {
	t.Parallel()
	for _, p := range modulePackages(t) {
		if detachedDocsPending[p.rel] {
			continue
		}
		for _, name := range p.GoFiles {
			src, err := os.ReadFile(filepath.Join(p.Dir, name))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(src), "\n")
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			endsAt := map[int]bool{}
			for _, cg := range f.Comments {
				endsAt[fset.Position(cg.End()).Line] = true
			}
			check := func(decl string, pos token.Pos, doc *ast.CommentGroup) {
				line := fset.Position(pos).Line // 1-based: lines[line-2] is the line above
				if ast.IsExported(decl) && doc == nil && line > 2 && strings.TrimSpace(lines[line-2]) == "" && endsAt[line-2] {
					t.Errorf("%s/%s:%d: the comment above %s is detached by a blank line; go doc shows nothing for it", p.rel, name, line, decl)
				}
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					check(d.Name.Name, d.Pos(), d.Doc)
				case *ast.GenDecl:
					if len(d.Specs) != 1 || d.Lparen.IsValid() {
						continue // a group: its specs' comments are their own
					}
					switch s := d.Specs[0].(type) {
					case *ast.TypeSpec:
						check(s.Name.Name, d.Pos(), d.Doc)
					case *ast.ValueSpec:
						check(s.Names[0].Name, d.Pos(), d.Doc)
					}
				}
			}
		}
	}
}
