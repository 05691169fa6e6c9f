// Package names finds the places, networks and Bundesländer a question
// names, typos included. It owns the name index: every name and alias as
// words (folded and lightly stemmed, see package words), built once per
// knowledge snapshot, with the words sorted for an edit-distance search
// of misspellings.
//
// A word is taken for a name when it spells a word of the name, or when it
// is a plausible misspelling of one: the same first letter, one edit away
// (two for long words), and a word the caller allows to be fuzzy — the
// engine allows no ordinary German or English word, so "weather" never
// becomes Werther. Which names a question means in the end (an everyday
// word like "Essen" only where the question treats it as a place) is the
// engine's decision, not this package's.
package names

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/words"
)

// Kind is what a name names.
type Kind uint8

// The kinds of named things.
const (
	Place Kind = iota + 1
	Network
	State // a Bundesland
)

func (k Kind) String() string {
	switch k {
	case Place:
		return "place"
	case Network:
		return "network"
	case State:
		return "state"
	}
	return "kind(?)"
}

// Entry is one thing with its names.
type Entry struct {
	Kind  Kind
	ID    string
	Names []string
	// Short are names of two letters or fewer ("SH", "MV") that may match:
	// other short words never name anything.
	Short []string
}

// Token is a word of a question as the index reads it.
type Token struct {
	Fold string // words.Fold of the word
	Term string // the word folded, then stemmed: words.Stem(words.Fold(w))
	Pos  int
	// Fuzzy allows the word to match a name with edits. The caller sets it
	// false for ordinary words and words of its own vocabulary.
	Fuzzy bool
	// Ordinary marks an everyday word: it names a one-word name only as
	// written, never by its stem alone ("liegen" is not Liège; "Bielefelds"
	// is Bielefeld).
	Ordinary bool
	// Clause numbers the part of the question the word is in: a name's
	// words stand in one ("Wo liegt Mettmann? Kreis?" names no "Mettmann
	// Kreis").
	Clause int
}

// Mention is one name found in a question.
type Mention struct {
	Kind Kind
	ID   string
	// Positions are the question's words the name took, in order.
	Positions []int
	// Distance is the number of edits between them and the name.
	Distance int
	// Name is the name (or alias) matched, as written in the base.
	Name string
}

// variant is one name of an entry as words.
type variant struct {
	name  string
	entry int32
	// at is where the variant's words begin in Index.words: a head (its
	// shape, see head), its terms' ids, then, for a one-word name,
	// positions in byFold of its folded spellings ("köln", "kolner"): an
	// ordinary word that only shares its stem ("liegen", "Liège") does
	// not name it. (The shape kept beside the name took a quarter more.)
	at int32
}

// head packs a variant's shape into the word before its words.
func head(nTerms, nFolds int, short bool) int32 {
	h := int32(nTerms) | int32(nFolds)<<8
	if short {
		h |= 1 << 16
	}
	return h
}

// shape reads a variant's head: how many terms and folded spellings it
// has, and whether it is a short name ("SH").
func (ix *Index) shape(v *variant) (nTerms, nFolds int, short bool) {
	h := ix.words[v.at]
	return int(h & 0xff), int(h >> 8 & 0xff), h&(1<<16) != 0
}

func (ix *Index) termsOf(v *variant) []int32 {
	n, _, _ := ix.shape(v)
	return ix.words[v.at+1 : v.at+1+int32(n)]
}

func (ix *Index) foldsOf(v *variant) []int32 {
	n, nf, _ := ix.shape(v)
	return ix.words[v.at+1+int32(n) : v.at+1+int32(n+nf)]
}

// single is the folded length of a one-word name (that of its first
// spelling), 0 otherwise: a word that shares its stem but is much shorter
// ("Geld", "Geldern") does not name it.
func (ix *Index) single(v *variant) int {
	if fs := ix.foldsOf(v); len(fs) > 0 {
		return utf8.RuneCountInString(ix.byFold.words.at(int(fs[0])))
	}
	return 0
}

// hasFold reports whether the variant is spelt f, folded.
func (ix *Index) hasFold(v *variant, f string) bool {
	for _, id := range ix.foldsOf(v) {
		if ix.byFold.words.at(int(id)) == f {
			return true
		}
	}
	return false
}

// Index is an immutable name index; safe for concurrent use.
//
// It keeps words as numbers and letters in one string (strs): at 100,000
// places a string header and an allocation per word took more than the
// letters, and the index three times what it keeps now.
type Index struct {
	// kinds are what each entry names; id gives its id (New).
	kinds    []Kind
	id       func(entry int) string
	variants []variant
	// words are the variants' words, each variant's cut from it (variant.at).
	words []int32
	// terms are the distinct name terms, sorted; a term's id is its
	// position. The variants that have the term of id i are
	// postings[postStart[i]:postStart[i+1]], in order: a sorted list and
	// one array take a third of what a map of lists takes at 100,000
	// names.
	terms     strs
	postStart []int32
	postings  []int32
	// byTerm and byFold are the name terms, and the folded name words,
	// sorted for edit-distance search: a misspelling is near the word as
	// written ("Salzufeln", "Salzuflen") even where the stems are not. A
	// folded word stands for its stem (termOfFold).
	byTerm, byFold nearList
	// near remembers the fuzzy look-ups: a long word's two-edit look-up
	// is the dearest step of reading a question, and words recur across
	// questions. Bounded: past maxNear words it only reads.
	near  sync.Map // Term+"\x00"+Fold -> []candidate
	nNear atomic.Int32
}

// maxNear bounds the remembered look-ups (about 100 bytes each).
const maxNear = 50_000

// minFuzzy is the shortest word matched with an edit; maxOneEdit the
// longest with one edit only. Shorter words match too many names by
// chance; longer ones are rarely misspelt more than twice.
const (
	minFuzzy   = 6
	maxOneEdit = 10
)

// edits is how many edits a word of n letters may be off a name.
func edits(n int) int {
	if n > maxOneEdit {
		return 2 // two substitutions meet only at two deletions on each side
	}
	return 1
}

// builder holds what New needs only while it builds: the words by
// number, numbered as they come, renumbered once sorted.
type builder struct {
	termID map[string]int32 // term -> number
	terms  []string
	foldID map[string]int32 // folded name word -> number
	folds  []string
	termOf []int32 // the term of each folded word (a folded word has one stem)
	// folded holds each name word as written, folded: names share many
	// words ("Kreis", a place's name in its aliases), each folded once.
	folded map[string]string
	words  [][]int32 // per variant: its terms, then its folds
	shapes []shape   // per variant
}

// shape is what a variant's head says while the index is built.
type shape struct {
	nTerms int
	short  bool
}

// New indexes the entries. It costs about a sort of the names' words:
// no structure grows with the typos a word may have. It keeps what the
// entries name, not their names; nor their ids when id gives the id of
// entry i (as the caller keeps them: 1.6 MB at 100,000 places), else
// it keeps those.
func New(entries []Entry, id func(entry int) string) *Index {
	ix := &Index{kinds: make([]Kind, len(entries)), id: id}
	if id == nil {
		ids := make([]string, len(entries))
		for i, e := range entries {
			ids[i] = e.ID
		}
		ix.id = func(i int) string { return ids[i] }
	}
	// Sized for as many variants, words and terms as there are names, which
	// bounds the variants and is near the words: grown by appending, the
	// builder allocated twice what it ends with (a tenth of a start).
	nNames := 0
	for _, e := range entries {
		nNames += len(e.Names) + len(e.Short)
	}
	ix.variants = make([]variant, 0, nNames)
	b := &builder{termID: make(map[string]int32, nNames), foldID: make(map[string]int32, nNames), folded: make(map[string]string, nNames),
		terms: make([]string, 0, nNames), folds: make([]string, 0, nNames), termOf: make([]int32, 0, nNames),
		words: make([][]int32, 0, nNames), shapes: make([]shape, 0, nNames)}
	for ei, e := range entries {
		ix.kinds[ei] = e.Kind
		from := len(ix.variants) // where the entry's variants begin
		for _, n := range e.Names {
			ix.add(b, ei, n, false, from)
		}
		for _, n := range e.Short {
			ix.add(b, ei, n, true, from)
		}
	}
	ix.variants = slices.Clone(ix.variants) // without the spare room of appending
	// Sort the terms and the folded words; their ids become positions.
	termRank := rank(b.terms)
	foldRank := rank(b.folds)
	ix.byFold = nearList{words: packSorted(b.folds, foldRank)}
	ix.terms = b.termsIn(ix.byFold.words, termRank, foldRank)
	ix.byTerm = nearList{words: ix.terms}
	n := 0
	for _, ws := range b.words {
		n += 1 + len(ws)
	}
	ix.words = make([]int32, 0, n)
	for vi := range ix.variants {
		v, sh := &ix.variants[vi], b.shapes[vi]
		v.at = int32(len(ix.words))
		ix.words = append(ix.words, head(sh.nTerms, len(b.words[vi])-sh.nTerms, sh.short))
		for i, id := range b.words[vi] {
			if i < sh.nTerms {
				ix.words = append(ix.words, termRank[id])
			} else {
				ix.words = append(ix.words, foldRank[id])
			}
		}
	}
	// The postings: count each term's variants (a term twice in one
	// variant once), then place them.
	nTerms := ix.terms.len()
	ix.postStart = make([]int32, nTerms+1)
	last := make([]int32, nTerms)
	each := func(f func(term, variant int32)) {
		for i := range last {
			last[i] = -1
		}
		for vi := range ix.variants {
			for _, id := range ix.termsOf(&ix.variants[vi]) {
				if last[id] != int32(vi) {
					last[id] = int32(vi)
					f(id, int32(vi))
				}
			}
		}
	}
	each(func(t, _ int32) { ix.postStart[t+1]++ })
	for i := range nTerms {
		ix.postStart[i+1] += ix.postStart[i]
	}
	ix.postings = make([]int32, ix.postStart[nTerms])
	next := slices.Clone(ix.postStart[:nTerms])
	each(func(t, v int32) { ix.postings[next[t]] = v; next[t]++ })
	return ix
}

// rank returns the position of each word in the sorted words. It sorts
// the words with their numbers, as pairs: a sort of numbers compares
// through them, out of cache (a third of the sort's time at 100,000
// places).
func rank(ws []string) []int32 {
	type pair struct {
		w string
		i int32
	}
	ps := make([]pair, len(ws))
	for i, w := range ws {
		ps[i] = pair{w, int32(i)}
	}
	slices.SortFunc(ps, func(a, b pair) int { return strings.Compare(a.w, b.w) })
	r := make([]int32, len(ws))
	for at, p := range ps {
		r[p.i] = int32(at)
	}
	return r
}

// termsIn lays the terms out in the order termRank gives them, each as
// the prefix of a folded word it is the stem of (words.Stem keeps a
// prefix), sharing folds' letters; packed apart should one not be.
func (b *builder) termsIn(folds strs, termRank, foldRank []int32) strs {
	t := strs{data: folds.data, off: make([]uint32, len(b.terms)), n: make([]uint16, len(b.terms))}
	done := make([]bool, len(b.terms))
	for f, tid := range b.termOf {
		if done[tid] {
			continue
		}
		done[tid] = true
		term, at := b.terms[tid], folds.off[foldRank[f]]
		if !strings.HasPrefix(b.folds[f], term) || len(term) > 1<<16-1 {
			return packSorted(b.terms, termRank)
		}
		t.off[termRank[tid]], t.n[termRank[tid]] = at, uint16(len(term))
	}
	return t
}

// packSorted packs the words in the order rank gives them.
func packSorted(ws []string, rank []int32) strs {
	sorted := make([]string, len(ws))
	for i, w := range ws {
		sorted[rank[i]] = w
	}
	return packStrs(sorted)
}

// add indexes one name of an entry whose variants begin at from.
func (ix *Index) add(b *builder, entry int, name string, short bool, from int) {
	ws := words.Split(name)
	if len(ws) == 0 {
		return
	}
	v := variant{entry: int32(entry), name: name}
	sh := shape{nTerms: min(len(ws), 255), short: short}
	ids := make([]int32, 0, len(ws)+1)
	var fid int32
	for _, w := range ws[:sh.nTerms] {
		f, ok := b.folded[w]
		if !ok {
			f = words.Fold(w)
			b.folded[w] = f
		}
		if fid, ok = b.foldID[f]; !ok {
			t := words.Stem(f)
			tid, ok := b.termID[t]
			if !ok {
				tid = int32(len(b.terms))
				b.termID[t] = tid
				b.terms = append(b.terms, t)
			}
			fid = int32(len(b.folds))
			b.foldID[f] = fid
			b.folds, b.termOf = append(b.folds, f), append(b.termOf, tid)
		}
		ids = append(ids, b.termOf[fid])
	}
	if len(ws) == 1 {
		ids = append(ids, fid)
	}
	for i := from; i < len(ix.variants); i++ {
		old := b.shapes[i]
		if int(ix.variants[i].entry) == entry && slices.Equal(b.words[i][:old.nTerms], ids[:sh.nTerms]) {
			// "Gütersloh" and "Guetersloh" are one variant here; "Kölner"
			// joins "Köln" as another spelling of its one word.
			if len(ws) == 1 && !slices.Contains(b.words[i][old.nTerms:], fid) && len(b.words[i]) < 255 {
				b.words[i] = append(b.words[i], fid)
			}
			return
		}
	}
	ix.variants = append(ix.variants, v)
	b.words, b.shapes = append(b.words, ids), append(b.shapes, sh)
}

// posting lists the variants that have the term of the id, in order.
func (ix *Index) posting(id int32) []int32 {
	return ix.postings[ix.postStart[id]:ix.postStart[id+1]]
}

// IsName reports whether a term is a word of some name, exactly.
func (ix *Index) IsName(term string) bool { _, ok := ix.terms.search(term); return ok }

// candidate is a name term (its id) a question word may stand for.
type candidate struct {
	term int32
	dist int32
}

// nearTo returns the name terms a token that is no name term may stand
// for: if it may be fuzzy, the terms with its first letter that are one
// edit away (two for long words), as stems or as written (the nearest
// folded word of the term counts then). Find looks the exact terms up
// itself, into one slice for all words.
func (ix *Index) nearTo(t Token) []candidate {
	n := utf8.RuneCountInString(t.Term)
	if !t.Fuzzy || n < minFuzzy {
		return nil
	}
	key := t.Term + "\x00" + t.Fold
	if c, ok := ix.near.Load(key); ok {
		return c.([]candidate)
	}
	out := ix.fuzzy(t, n)
	if ix.nNear.Load() < maxNear {
		if _, loaded := ix.near.LoadOrStore(key, out); !loaded {
			ix.nNear.Add(1)
		}
	}
	return out
}

// fuzzy returns the name terms with the word's first letter one edit from
// a word of n runes (two for long words), as stems or as written (the
// nearest folded word of the term counts then). Callers only read the
// result.
func (ix *Index) fuzzy(t Token, n int) []candidate {
	k := edits(n)
	first := firstRune(t.Term)
	byTerm := map[int32]int{}
	ix.byTerm.near([]rune(t.Term), k, func(id int32, d int) { byTerm[id] = d })
	byFold := map[int32]int{}
	if firstRune(t.Fold) == first { // Term is Fold stemmed: always so
		ix.byFold.near([]rune(t.Fold), k, func(f int32, d int) {
			id := ix.termOfFold(f)
			if old, seen := byFold[id]; !seen || d < old {
				byFold[id] = d
			}
		})
	}
	for id, d := range byFold {
		if _, ok := byTerm[id]; !ok {
			byTerm[id] = d
		}
	}
	out := make([]candidate, 0, len(byTerm))
	for _, id := range slices.Sorted(maps.Keys(byTerm)) {
		out = append(out, candidate{id, int32(byTerm[id])})
	}
	return out
}

// termOfFold is the term a folded name word (its position in byFold)
// stands for: its stem, as New took it.
func (ix *Index) termOfFold(f int32) int32 {
	id, _ := ix.terms.search(words.Stem(ix.byFold.words.at(int(f))))
	return int32(id)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// Find returns the names the tokens mention. A name counts only when all
// its words occur, in order, at most two other words between them; where
// candidates overlap, the heavier (more words, fewer gaps), then the
// closer one wins.
func (ix *Index) Find(tokens []Token) []Mention {
	// What each token may stand for, and the variants that are worth a look.
	cands := make([][]candidate, len(tokens))
	exact := make([]candidate, len(tokens)) // lookup's answer for a name term, one allocation for all (issue 17)
	var ids []int32                         // the variants, each once when sorted: a question's words have few
	for i, t := range tokens {
		if id, ok := ix.terms.search(t.Term); ok {
			exact[i] = candidate{int32(id), 0}
			cands[i] = exact[i : i+1 : i+1]
		} else {
			cands[i] = ix.nearTo(t)
		}
		if utf8.RuneCountInString(t.Fold) <= 2 && !ix.shortName(t.Term) {
			continue // "an" of "Mülheim an der Ruhr" joins a name, never starts a look at one
		}
		for _, c := range cands[i] {
			ids = append(ids, ix.posting(c.term)...)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	best := map[int32]Mention{}
	var order []int32
	for _, id := range ids {
		v := &ix.variants[id]
		m, ok := ix.match(v, tokens, cands)
		if !ok {
			continue
		}
		if old, seen := best[v.entry]; !seen || better(m, old) {
			if !seen {
				order = append(order, v.entry)
			}
			best[v.entry] = m
		}
	}
	var all []Mention
	for _, e := range order {
		all = append(all, best[e])
	}
	return resolve(all)
}

// shortName reports whether a short word is a short name: "SH".
func (ix *Index) shortName(term string) bool {
	id, ok := ix.terms.search(term)
	if !ok {
		return false
	}
	for _, v := range ix.posting(int32(id)) {
		if _, _, short := ix.shape(&ix.variants[v]); short {
			return true
		}
	}
	return false
}

// match finds the variant's words among the tokens.
func (ix *Index) match(v *variant, tokens []Token, cands [][]candidate) (Mention, bool) {
	var best Mention
	found := false
	terms := ix.termsOf(v)
	_, _, short := ix.shape(v)
	for i := range tokens {
		d, ok := distTo(cands[i], terms[0])
		if !ok || !ix.fits(v, tokens[i], d) || (utf8.RuneCountInString(tokens[i].Fold) <= 2 && !short && len(terms) == 1) {
			continue
		}
		m := Mention{Kind: ix.kinds[v.entry], ID: ix.id(int(v.entry)), Positions: []int{tokens[i].Pos}, Distance: d, Name: v.name}
		j := i
		ok = true
		for _, term := range terms[1:] {
			next := -1
			nd := 0
			for k := j + 1; k < len(tokens) && tokens[k].Pos <= tokens[j].Pos+3 && tokens[k].Clause == tokens[j].Clause; k++ {
				if dd, ok := distTo(cands[k], term); ok && (next < 0 || dd < nd) {
					next, nd = k, dd
				}
			}
			if next < 0 {
				ok = false
				break
			}
			m.Positions = append(m.Positions, tokens[next].Pos)
			m.Distance += nd
			j = next
		}
		if ok && (!found || better(m, best)) {
			best, found = m, true
		}
	}
	return best, found
}

// fits checks a one-word name against the word that took it: no shorter
// by three letters or more (the stem of "Geld" is that of "Geldern"), and
// a short name only as written.
func (ix *Index) fits(v *variant, t Token, dist int) bool {
	nTerms, _, short := ix.shape(v)
	if short {
		return dist == 0 && nTerms == 1
	}
	single := ix.single(v)
	if single > 0 && utf8.RuneCountInString(t.Fold)+3 <= single {
		return false
	}
	if single > 0 && dist == 0 && !ix.hasFold(v, t.Fold) && !ix.hasFold(v, strings.TrimSuffix(t.Fold, "s")) && ix.kinds[v.entry] == Place {
		// Only the genitive ("Bielefelds") names a one-word place by its
		// stem: "liegen" is not Liège, "Engern" not Enger. Networks are
		// named in other forms too ("bei den Regiopolen").
		return false
	}
	return true
}

func distTo(cs []candidate, term int32) (int, bool) {
	for _, c := range cs {
		if c.term == term {
			return int(c.dist), true
		}
	}
	return 0, false
}

// weight is a name's words less the gaps between them: "Engagierten Städte
// in NRW" names "Engagierte Städte" (two words, together) rather than
// "engagiert in NRW" (three words with one between).
func weight(m Mention) int { return len(m.Positions) - (span(m) - len(m.Positions)) }

func span(m Mention) int { return m.Positions[len(m.Positions)-1] - m.Positions[0] + 1 }

func better(a, b Mention) bool {
	if wa, wb := weight(a), weight(b); wa != wb {
		return wa > wb
	}
	if sa, sb := span(a), span(b); sa != sb {
		return sa < sb
	}
	return a.Distance < b.Distance
}

// resolve keeps the strongest mention for every word of the question.
func resolve(cands []Mention) []Mention {
	slices.SortStableFunc(cands, func(a, b Mention) int {
		if wa, wb := weight(a), weight(b); wa != wb {
			return wb - wa
		}
		if len(a.Positions) != len(b.Positions) {
			return len(a.Positions) - len(b.Positions) // as heavy, fewer gaps
		}
		if a.Distance != b.Distance {
			return a.Distance - b.Distance
		}
		if a.Positions[0] != b.Positions[0] {
			return a.Positions[0] - b.Positions[0]
		}
		return cmp.Compare(a.Kind, b.Kind)
	})
	used := map[int]bool{}
	var out []Mention
	for _, c := range cands {
		clash := false
		for _, p := range c.Positions {
			clash = clash || used[p]
		}
		if clash {
			continue
		}
		for _, p := range c.Positions {
			used[p] = true
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b Mention) int { return a.Positions[0] - b.Positions[0] })
	return out
}

// String is a mention for tests and logs: "place:bielefeld@2".
func (m Mention) String() string {
	var b strings.Builder
	b.WriteString(m.Kind.String() + ":" + m.ID)
	for _, p := range m.Positions {
		b.WriteString("@")
		b.WriteString(itoa(p))
	}
	return b.String()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Words is a set of words to correct typos against: the engine's own
// vocabulary, so "wiviele" reads as "wieviele". It uses the name index's
// rules: one edit, the first letter kept, words of six letters or more.
type Words struct {
	near nearList // the words, sorted
	// list, when set, gives the words at the first Correct (LazyWords).
	once sync.Once
	list func() []string
}

// LazyWords indexes the folded words list returns, called at the first
// Correct: most questions correct no typo, and a process that answers one
// question ("engagiert ask") need not build the set at all.
func LazyWords(list func() []string) *Words {
	return &Words{list: list}
}

func newWordList(ws []string) nearList {
	var list []string
	for _, x := range ws {
		if utf8.RuneCountInString(x) >= minFuzzy {
			list = append(list, x)
		}
	}
	slices.Sort(list)
	return nearList{words: packStrs(slices.Compact(list))}
}

// Correct returns the one word of the set a folded word is a typo of, or
// false when it is none or more than one.
func (w *Words) Correct(word string) (string, bool) {
	if w.list != nil {
		w.once.Do(func() { w.near = newWordList(w.list()) })
	}
	if _, known := w.near.words.search(word); known || utf8.RuneCountInString(word) < minFuzzy+1 {
		return "", false
	}
	found, n := "", 0
	w.near.near([]rune(word), 1, func(id int32, _ int) {
		found = w.near.words.at(int(id))
		n++
	})
	if n != 1 {
		return "", false // none, or two words are as close: no guess
	}
	return found, true
}

// nearList is a sorted list of words searched by edit distance: a trie
// walked in order. Each word shares the rows of its distance table with
// the word before it for their common prefix, and the words below a
// prefix no word of which can come near enough are skipped at once.
type nearList struct {
	words strs    // sorted
	ids   []int32 // what each word stands for; nil: its position
}

// strs is a list of strings kept in one: string i is
// data[off[i]:off[i+1]], or, where n is set, data[off[i]:off[i]+n[i]]
// (prefixes of another list's strings, sharing their letters). At 100,000
// names a string header (16 bytes) and an allocation per word take more
// than the words' letters.
type strs struct {
	data string
	off  []uint32
	n    []uint16
}

// packStrs packs the strings.
func packStrs(ws []string) strs {
	n := 0
	for _, w := range ws {
		n += len(w)
	}
	var b strings.Builder
	b.Grow(n)
	off := make([]uint32, 0, len(ws)+1)
	off = append(off, 0)
	for _, w := range ws {
		b.WriteString(w)
		off = append(off, uint32(b.Len()))
	}
	return strs{data: b.String(), off: off}
}

func (s strs) len() int {
	if s.n != nil || len(s.off) == 0 {
		return len(s.n)
	}
	return len(s.off) - 1
}

func (s strs) at(i int) string {
	if s.n != nil {
		return s.data[s.off[i] : s.off[i]+uint32(s.n[i])]
	}
	return s.data[s.off[i]:s.off[i+1]]
}

// search finds w in sorted strings: where it is, or would be.
func (s strs) search(w string) (int, bool) {
	n := s.len()
	i := sort.Search(n, func(i int) bool { return s.at(i) >= w })
	return i, i < n && s.at(i) == w
}

// near calls found with every word that begins with q's first letter and
// is at most k edits from q: the optimal string alignment distance
// (Levenshtein with transpositions: "Gütesrloh" is one edit from
// "Gütersloh"), in the words' order.
func (l *nearList) near(q []rune, k int, found func(id int32, dist int)) {
	if len(q) == 0 {
		return
	}
	prefix := string(q[0])
	lo, _ := l.words.search(prefix)
	hi := lo + sort.Search(l.words.len()-lo, func(i int) bool { return !strings.HasPrefix(l.words.at(lo+i), prefix) })
	m := len(q)
	// rows[d] is the table's row after the first d runes of the word at
	// hand, path[d-1] its d-th rune, ends[d] where that rune ends in it.
	rows := [][]int{make([]int, m+1)}
	for j := range rows[0] {
		rows[0][j] = j
	}
	var path []rune
	ends := []int{0}
	valid, prev := 0, "" // rows[:valid+1] are those of prev's first runes
	for i := lo; i < hi; {
		w := l.words.at(i)
		c := 0
		for c < valid && ends[c+1] <= len(w) && w[ends[c]:ends[c+1]] == prev[ends[c]:ends[c+1]] {
			c++
		}
		valid, prev = c, w
		pruned := false
		for off := ends[valid]; off < len(w); {
			r, size := utf8.DecodeRuneInString(w[off:])
			d := valid + 1
			if len(rows) <= d {
				rows = append(rows, make([]int, m+1))
				path, ends = append(path, 0), append(ends, 0)
			}
			path[d-1], ends[d] = r, off+size
			cur, up := rows[d], rows[d-1]
			cur[0] = d
			low := d
			for j := 1; j <= m; j++ {
				cost := 1
				if r == q[j-1] {
					cost = 0
				}
				v := min(up[j]+1, cur[j-1]+1, up[j-1]+cost)
				if d > 1 && j > 1 && r == q[j-2] && path[d-2] == q[j-1] {
					v = min(v, rows[d-2][j-2]+1)
				}
				cur[j] = v
				low = min(low, v)
			}
			valid, off = d, off+size
			if low > k {
				// Every row after this one is further still: no word
				// that begins so comes near.
				pre := w[:off]
				i += sort.Search(hi-i, func(x int) bool { return !strings.HasPrefix(l.words.at(i+x), pre) })
				pruned = true
				break
			}
		}
		if pruned {
			continue
		}
		if d := rows[valid][m]; d <= k {
			id := int32(i)
			if l.ids != nil {
				id = l.ids[i]
			}
			found(id, d)
		}
		i++
	}
}
