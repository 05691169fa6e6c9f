package answer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
)

// TestMessages: every text exists in German and English, with the same
// verbs (%s, %d) in the same order, so say never prints "%!s(MISSING)".
func TestMessages(t *testing.T) {
	verbs := func(s string) string {
		var out []string
		for i := 0; i+1 < len(s); i++ {
			if s[i] == '%' {
				out = append(out, s[i:i+2])
				i++
			}
		}
		return strings.Join(out, "")
	}
	for key, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("message %q lacks a language: %q", key, m)
		}
		if verbs(m[0]) != verbs(m[1]) {
			t.Errorf("message %q: German verbs %q, English %q", key, verbs(m[0]), verbs(m[1]))
		}
	}
	// Each kind of twinning other than the Städtepartnerschaft itself is
	// counted by name: "3 Freundschaften", "6 contacts".
	for _, k := range domain.PartnershipKinds[1:] {
		for _, key := range []string{"kind1." + k, "kindN." + k} {
			if _, ok := messages[key]; !ok {
				t.Errorf("no message %q for the twinning kind %q", key, k)
			}
		}
	}
}

// TestMessageKeys: every key the code passes to say or plural exists, so
// no answer ever shows a key ("noinfo.this") instead of its text.
func TestMessageKeys(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := call.Fun.(*ast.Ident)
			if !ok || (fn.Name != "say" && fn.Name != "plural") {
				return true
			}
			keys := call.Args[1:min(2, len(call.Args))] // say(english, key, …)
			if fn.Name == "plural" {
				keys = call.Args[2:min(4, len(call.Args))] // plural(english, n, one, many)
			}
			for _, arg := range keys {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				key, _ := strconv.Unquote(lit.Value)
				n++
				if _, ok := messages[key]; !ok {
					t.Errorf("%s: %s(…, %q): no such message", fset.Position(lit.Pos()), fn.Name, key)
				}
			}
			return true
		})
	}
	if n < 100 {
		t.Errorf("only %d message keys found in the code", n)
	}
}

func TestJoinMore(t *testing.T) {
	for _, tt := range []struct {
		en    bool
		shown []string
		total int
		want  string
	}{
		{false, []string{"A"}, 1, "A"},
		{false, []string{"A", "B", "C"}, 3, "A, B und C"},
		{false, []string{"A", "B"}, 3, "A, B und ein weiteres"},
		{false, []string{"A", "B"}, 9, "A, B und 7 weitere"},
		{true, []string{"A", "B"}, 9, "A, B and 7 more"},
		{true, []string{"A", "B"}, 2, "A and B"},
	} {
		if got := joinMore(tt.en, tt.shown, tt.total); got != tt.want {
			t.Errorf("joinMore(%v, %q, %d) = %q, want %q", tt.en, tt.shown, tt.total, got, tt.want)
		}
	}
}

// TestRankKeys: every measure in every direction has words, its own or
// the plain "comes first", so a comparison never shows a message key
// ("top.municipalities.oldest" once did).
func TestRankKeys(t *testing.T) {
	for m := range numMeasures {
		for d := range numDirections {
			for _, prefix := range []string{"top", "cmp"} {
				if k := rankKey(prefix, m, d); messages[k] == ([2]string{}) {
					t.Errorf("rankKey(%q, %v, %v) = %q, no message", prefix, m, d, k)
				}
			}
		}
	}
}
