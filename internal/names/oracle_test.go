package names

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/words"
)

// deletionIndex is the name look-up as a SymSpell deletion index, which
// Index replaced for its size (every term with one or two letters
// deleted): the oracle lookup and Correct must agree with.
type deletionIndex struct {
	terms   []string
	deletes map[string][]int32
	foldsOf map[int32][]string
}

func newDeletionIndex(ix *Index) *deletionIndex {
	d := &deletionIndex{deletes: map[string][]int32{}, foldsOf: map[int32][]string{}}
	for i := range ix.terms.len() {
		d.terms = append(d.terms, ix.terms.at(i))
	}
	for i := range ix.byFold.words.len() {
		t := ix.termOfFold(int32(i))
		d.foldsOf[t] = append(d.foldsOf[t], ix.byFold.words.at(i))
	}
	index := func(w string, id int32) {
		n := utf8.RuneCountInString(w)
		if n < minFuzzy-1 {
			return
		}
		for _, x := range deletions(w, edits(n)) {
			if ids := d.deletes[x]; len(ids) == 0 || ids[len(ids)-1] != id {
				d.deletes[x] = append(ids, id)
			}
		}
	}
	for id, t := range d.terms {
		index(t, int32(id))
	}
	for id := range d.terms {
		for _, f := range d.foldsOf[int32(id)] {
			if d.terms[id] != f {
				index(f, int32(id))
			}
		}
	}
	return d
}

func deletions(s string, n int) []string {
	out := []string{s}
	level := []string{s}
	for range n {
		var next []string
		for _, w := range level {
			rs := []rune(w)
			for i := 1; i < len(rs); i++ {
				d := string(rs[:i]) + string(rs[i+1:])
				if !slices.Contains(out, d) {
					out = append(out, d)
					next = append(next, d)
				}
			}
		}
		level = next
	}
	return out
}

func (d *deletionIndex) lookup(t Token) []candidate {
	n := utf8.RuneCountInString(t.Term)
	if !t.Fuzzy || n < minFuzzy {
		return nil
	}
	k := edits(n)
	var out []candidate
	seen := map[int32]bool{}
	for _, q := range []string{t.Term, t.Fold} {
		for _, x := range deletions(q, k) {
			for _, id := range d.deletes[x] {
				if seen[id] {
					continue
				}
				term := d.terms[id]
				if firstRune(term) != firstRune(t.Term) {
					continue
				}
				dist := osa(t.Term, term, k)
				if dist < 0 {
					for _, f := range d.foldsOf[id] {
						if dd := osa(t.Fold, f, k); dd >= 0 && (dist < 0 || dd < dist) {
							dist = dd
						}
					}
				}
				if dist >= 0 {
					seen[id] = true
					out = append(out, candidate{id, int32(dist)})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b candidate) int { return int(a.term - b.term) })
	return out
}

// osa is the optimal string alignment distance of a and b, or -1 when it
// exceeds max, by its definition: the fewest substitutions, insertions,
// deletions and swaps of neighbours, no letter edited twice.
func osa(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	memo := map[[2]int]int{}
	var d func(i, j int) int
	d = func(i, j int) int {
		if i == 0 || j == 0 {
			return i + j
		}
		if v, ok := memo[[2]int{i, j}]; ok {
			return v
		}
		same := 1
		if ra[i-1] == rb[j-1] {
			same = 0
		}
		best := min(d(i-1, j)+1, d(i, j-1)+1, d(i-1, j-1)+same)
		if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
			best = min(best, d(i-2, j-2)+1)
		}
		memo[[2]int{i, j}] = best
		return best
	}
	if v := d(len(ra), len(rb)); v <= max {
		return v
	}
	return -1
}

// correct is Words.Correct through a deletion index.
func correct(ws []string) func(word string) (string, bool) {
	set := map[string]bool{}
	deletes := map[string][]string{}
	for _, x := range ws {
		if set[x] || utf8.RuneCountInString(x) < minFuzzy {
			continue
		}
		set[x] = true
		for _, d := range deletions(x, 1) {
			deletes[d] = append(deletes[d], x)
		}
	}
	return func(word string) (string, bool) { return correctWith(set, deletes, word) }
}

func correctWith(set map[string]bool, deletes map[string][]string, word string) (string, bool) {
	if set[word] || utf8.RuneCountInString(word) < minFuzzy+1 {
		return "", false
	}
	found := ""
	for _, d := range deletions(word, 1) {
		for _, x := range deletes[d] {
			if x == found || firstRune(x) != firstRune(word) || osa(word, x, 1) < 0 {
				continue
			}
			if found != "" {
				return "", false
			}
			found = x
		}
	}
	return found, found != ""
}

// typos returns w with random edits: substitutions, insertions,
// deletions, transpositions, from an alphabet with umlauts and accents.
func typos(r *rand.Rand, w string, n int) string {
	rs := []rune(w)
	alpha := []rune("abcdefghiklmnoprstuwäöüßée")
	for range n {
		if len(rs) == 0 {
			break
		}
		i := r.IntN(len(rs))
		switch r.IntN(4) {
		case 0:
			rs[i] = alpha[r.IntN(len(alpha))]
		case 1:
			rs = slices.Insert(rs, i, alpha[r.IntN(len(alpha))])
		case 2:
			rs = slices.Delete(rs, i, i+1)
		case 3:
			if i+1 < len(rs) {
				rs[i], rs[i+1] = rs[i+1], rs[i]
			}
		}
	}
	return string(rs)
}

// TestLookupMatchesDeletionIndex: the sorted lists find exactly the terms,
// at the distances, a deletion index finds, for words with up to three
// edits of names (umlauts, ß, accents, long and short words).
func TestLookupMatchesDeletionIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	syl := []string{"ber", "gel", "sen", "kir", "chen", "gü", "ters", "loh", "kö", "nigs", "win", "ter", "mül", "heim", "an", "der", "ruhr", "bie", "le", "feld", "ße", "é", "ae", "ue", "oe", "ing", "hausen", "dorf"}
	var names []string
	var entries []Entry
	for i := range 1500 {
		var w []string
		for range 1 + r.IntN(2) {
			s := ""
			for range 1 + r.IntN(5) {
				s += syl[r.IntN(len(syl))]
			}
			if r.IntN(2) == 0 {
				s = string([]rune(s)[:1]) + s[1:]
			}
			w = append(w, s)
		}
		name := fmt.Sprint(w)
		name = name[1 : len(name)-1]
		names = append(names, name)
		entries = append(entries, Entry{Kind: Place, ID: fmt.Sprint(i), Names: []string{name}})
	}
	ix := New(entries, nil)
	old := newDeletionIndex(ix)
	var vocab []string
	for _, n := range names {
		for _, w := range words.Split(n) {
			vocab = append(vocab, words.Fold(w))
		}
	}
	ws, oldCorrect := &Words{near: newWordList(vocab)}, correct(vocab)
	// LazyWords reads its words once, at the first Correct, and corrects
	// as the words indexed at once do.
	lists := 0
	lazy := LazyWords(func() []string { lists++; return vocab })
	if lists != 0 {
		t.Fatalf("LazyWords read its words before the first Correct")
	}
	checked := 0
	for range 20000 {
		n := names[r.IntN(len(names))]
		parts := words.Split(n)
		w := typos(r, parts[r.IntN(len(parts))], r.IntN(4))
		tok := Token{Fold: words.Fold(w), Term: words.Stem(words.Fold(w)), Fuzzy: true}
		if ix.IsName(tok.Term) {
			continue
		}
		checked++
		if got, want := fmt.Sprint(ix.lookup(tok)), fmt.Sprint(old.lookup(tok)); got != want {
			t.Fatalf("lookup(%q) = %s, the deletion index finds %s", w, got, want)
		}
		f := words.Fold(w)
		gw, gok := ws.Correct(f)
		ww, wok := oldCorrect(f)
		if gw != ww || gok != wok {
			t.Fatalf("Correct(%q) = %q, %v; the deletion index gives %q, %v", f, gw, gok, ww, wok)
		}
		if lw, lok := lazy.Correct(f); lw != gw || lok != gok {
			t.Fatalf("lazy Correct(%q) = %q, %v; indexed at once: %q, %v", f, lw, lok, gw, gok)
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d words checked", checked)
	}
	if lists != 1 {
		t.Fatalf("LazyWords read its words %d times, want once", lists)
	}
}

func TestOSA(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		max  int
		want int
	}{
		{"bielefeld", "bielefeld", 2, 0}, {"bilefeld", "bielefeld", 2, 1}, {"gutesrloh", "gutersloh", 1, 1},
		{"abc", "xyz", 2, -1}, {"", "ab", 2, 2}, {"paderbon", "paderborn", 1, 1},
	} {
		if got := osa(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("osa(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

// BenchmarkFuzzy100k: a fuzzy look-up (not remembered) among 100,000
// invented names, with one or two typos.
func BenchmarkFuzzy100k(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	pre := []string{"Al", "Ber", "Cor", "Dal", "Eb", "Fal", "Gor", "Hal", "Im", "Jor", "Kal", "Lor", "Mar", "Nor", "Ol", "Pal", "Ros", "Sal", "Tor", "Wal"}
	mid := []string{"a", "e", "i", "o", "u", "en", "ar", "ing", "ol", "ur", "am", "el", "is", "or", "an", "er", "il", "om", "un", "ad"}
	suf := []string{"hausen", "dorf", "berg", "feld", "heim", "bach", "burg", "hagen", "rode", "stedt", "furt", "brück", "au", "wald", "horst", "beck", "büttel", "kirchen", "ingen", "leben"}
	var entries []Entry
	var words_ []string
	for i := range 100_000 {
		n := pre[i%len(pre)] + mid[(i/len(pre))%len(mid)] + suf[(i/(len(pre)*len(mid)))%len(suf)] + []string{"", "er", "ow", "itz", "sen"}[(i/8000)%5]
		entries = append(entries, Entry{Kind: Place, ID: fmt.Sprint(i), Names: []string{n}})
		words_ = append(words_, n)
	}
	ix := New(entries, nil)
	var toks []Token
	for range 1000 {
		w := typos(r, words_[r.IntN(len(words_))], 1+r.IntN(2))
		toks = append(toks, Token{Fold: words.Fold(w), Term: words.Stem(words.Fold(w)), Fuzzy: true})
	}
	for i := 0; b.Loop(); i++ {
		t := toks[i%len(toks)]
		ix.fuzzy(t, utf8.RuneCountInString(t.Term))
	}
}
