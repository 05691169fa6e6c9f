package answer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/engagiert/engagiert/internal/words"
)

// evalQuestions are the questions of every eval file the project has (its
// own in cmd/engagiert/testdata, the pending ones and the shared sample):
// the seeds of the fuzz test and the inputs of the metamorphic tests. The
// tests below never look at what a case expects, only at how the engine
// treats the same question written differently.
func evalQuestions(t testing.TB) []string {
	t.Helper()
	root := testenv.ModuleRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "cmd", "engagiert", "testdata", "eval*", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no eval files under cmd/engagiert/testdata: %v", err)
	}
	files = append(files, filepath.Join(testenv.Shared(t, "eval"), "questions.yaml"))
	seen := map[string]bool{}
	var qs []string
	add := func(q string) {
		if q = strings.TrimSpace(q); q != "" && !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []struct {
			Q     string `yaml:"q"`
			Turns []struct {
				Q string `yaml:"q"`
			} `yaml:"turns"`
		}
		if err := yaml.Unmarshal(b, &cases); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, c := range cases {
			add(c.Q)
			for _, turn := range c.Turns {
				add(turn.Q)
			}
		}
	}
	if len(qs) < 500 {
		t.Fatalf("only %d eval questions", len(qs))
	}
	return qs
}

// A rewrite says the same question another way: chatter around it, ASCII
// for umlauts, lower case, a typo in a long name, Slack's markup. Each must
// leave the frame and the answer as they were.
type rewrite struct {
	name string
	// do rewrites q; ok=false when the rewrite does not apply to q.
	do func(e *Engine, q string) (string, bool)
}

var rewrites = []rewrite{
	{"chatter", func(_ *Engine, q string) (string, bool) {
		if isEnglishish(q) {
			return "hey, quick question: " + q + " thanks!", true
		}
		return "Hallo zusammen, kurze Frage: " + q + " Danke dir!", true
	}},
	{"no umlauts", func(_ *Engine, q string) (string, bool) {
		r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss").Replace(q)
		return r, r != q
	}},
	{"lower case", func(e *Engine, q string) (string, bool) {
		// An abbreviation is a name only in capitals ("ES", not "es"):
		// lower case changes such a question on purpose.
		if e.lex.expandAbbrevs(q) != q {
			return q, false
		}
		r := strings.ToLower(q)
		return r, r != q
	}},
	{"typo", typoInName},
	{"slack markup", func(_ *Engine, q string) (string, bool) {
		return "<@U07ENGAGE> *" + strings.TrimSpace(q) + "*", true
	}},
}

// isEnglishish tells English questions from German ones well enough to
// pick the chatter of the same language.
func isEnglishish(q string) bool {
	for _, w := range strings.Fields(strings.ToLower(q)) {
		switch strings.Trim(w, "?!.,") {
		case "the", "what", "which", "who", "how", "is", "are", "does", "when", "where":
			return true
		}
	}
	return false
}

// typoInName drops one inner letter of the longest word of the question
// that spells a whole word of a place's or network's name (ten letters at
// least, where one dropped letter cannot make another name).
func typoInName(e *Engine, q string) (string, bool) {
	best := ""
	for _, w := range words.Split(q) {
		if utf8.RuneCountInString(w) < 10 || !unicode.IsLetter([]rune(w)[0]) || !e.isNameWord(w) {
			continue
		}
		if len(w) > len(best) {
			best = w
		}
	}
	if best == "" {
		return "", false
	}
	r := []rune(best)
	mid := len(r) / 2
	typo := string(r[:mid]) + string(r[mid+1:])
	return strings.Replace(q, best, typo, 1), true
}

// isNameWord reports whether w is a word of a place's or a network's name
// or alias, and not an ordinary word as well.
func (e *Engine) isNameWord(w string) bool {
	fw := words.Fold(w)
	if e.lex.ordinary(fw) {
		return false
	}
	has := func(names ...string) bool {
		for _, n := range names {
			for _, x := range words.Split(n) {
				if words.Fold(x) == fw {
					return true
				}
			}
		}
		return false
	}
	for i := range e.base.Places {
		if pl := &e.base.Places[i]; has(append([]string{pl.Name}, pl.Aliases...)...) {
			return true
		}
	}
	for i := range e.base.Networks {
		if n := &e.base.Networks[i]; has(append([]string{n.Name, n.ShortName}, n.Aliases...)...) {
			return true
		}
	}
	return false
}

// TestMetamorphic asks every eval question as written and rewritten; the
// rewritten question must read as the same frame and get the same answer.
func TestMetamorphic(t *testing.T) {
	e := shippedEngine(t)
	ctx := context.Background()
	qs := evalQuestions(t)
	for _, rw := range rewrites {
		t.Run(rw.name, func(t *testing.T) {
			n, bad := 0, 0
			for _, q := range qs {
				r, ok := rw.do(e, q)
				f0 := e.frame(q, nil)
				if !ok || (rw.name == "chatter" && (f0.Op == OpChatter || f0.Op == OpHelp)) {
					continue // thanks around thanks are more thanks
				}
				n++
				f1 := e.frame(r, nil)
				a0, a1 := e.Ask(ctx, q), e.Ask(ctx, r)
				same := answerText(a0) == answerText(a1)
				if f0.Unknown != "" || slices.ContainsFunc(f0.Parts, func(p Frame) bool { return p.Unknown != "" }) {
					// A name the base does not know is echoed as the question
					// wrote it ("München", "Munchen"): the same but for that.
					same = words.Fold(answerText(a0)) == words.Fold(answerText(a1))
				}
				if f0.String() != f1.String() || !same {
					bad++
					if bad <= 20 {
						t.Errorf("%q\n   frame %s\n%q\n   frame %s\n--- answer\n%s\n--- rewritten answer\n%s",
							q, f0, r, f1, clip(answerText(a0), 300), clip(answerText(a1), 300))
					}
				}
			}
			if n < 50 {
				t.Errorf("rewrite applied to only %d questions", n)
			}
			if bad > 0 {
				t.Errorf("%d of %d rewritten questions read differently", bad, n)
			}
		})
	}
}

// answerText is what the asker sees, less the echo of the question.
func answerText(a domain.Answer) string {
	a.Query = ""
	return a.PlainText()
}
