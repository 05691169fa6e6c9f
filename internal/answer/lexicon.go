package answer

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/names"
	"github.com/engagiert/engagiert/internal/words"
)

// lexicon is domain.Lexicon made ready for reading questions: every word
// folded as question words are, phrases as word lists, sets for look-ups.
// It is built once per engine.
type lexicon struct {
	cues      map[string][]phrase
	attrs     []attrWords
	labels    map[domain.Attribute][2]string // German, English
	topics    map[domain.Attribute][]string
	countries []phraseTo[string]
	// countryEN are the countries' English names, by the base's name.
	countryEN map[string]string
	// countryText are the German names of the lexicon's countries whose
	// English differs, by their first word, longest first: to say them in
	// English in a quoted statement (englishCountries).
	countryText map[string][]string
	regions     regions
	compare     []phraseTo[Direction]
	compareAny  []phrase
	most        []phraseTo[Direction]
	measures    []phraseTo[Measure]
	placeKind   []phraseTo[string]
	fillers     map[string]bool
	// fillersEN are the English fillers: in an English question, a German
	// word of an attribute spelt like one asks nothing ("When will …?"
	// is no "will" of goals).
	fillersEN map[string]bool
	starts    [][]string // chatter, as folded words, longest first
	ends      [][]string
	closing   map[string]bool // last words of tags and closing chatter
	thanks    map[string]bool
	synonyms  map[string]string
	abbrevs   map[string]string // "ES": "Engagierte Stadt", as written
	// phraseSyns are the synonyms of more than one word ("ruhr area":
	// "ruhrgebiet"), in lower case, the longest first: expand writes them
	// as the word they stand for.
	phraseSyns []phraseTo[string]
	numbers    map[string]int
	states     []phraseTo[string]
	// vocab holds every folded word of the lexicon: such a word is never a
	// misspelt name, nor a content word of its own.
	vocab map[string]bool
	// prefixes are the one-word phrases written with "*" ("partner*"),
	// for the ends of compounds.
	prefixes []string
	// everyday holds the ordinary words of each language (german,
	// english), folded, sorted, each once: the lists as the loader gives
	// them (domain.Lexicon.Ordinary). A question looks up some 15 words,
	// by halving (among the words of the same first two letters,
	// words.SetIndex); a map of their 50,000 was the dearest part of a
	// start.
	everyday [2]*words.SetIndex
	// lang is +1 for a word of the lexicon's English lists, -1 for one of
	// its German lists (langOf adds the ordinary words).
	lang map[string]int
	// typos corrects a misspelt word of the lexicon: "wiviele".
	typos *names.Words

	// The phrase index: every phrase of the lists questions are read with
	// has an id, each list a span of ids in its order, so a loop over a
	// list's phrases visits only those whose first word is the question's
	// word (at), in the list's order.
	phrases []*phrase // by id
	// byFirst finds the phrases by their first word; byPrefix the phrases
	// of one word ending in "*" by that word, which a question word
	// begins with.
	byFirst, byPrefix                                                                        map[string][]int32
	maxPrefix                                                                                int // the longest word of byPrefix, in bytes
	maxWords                                                                                 int // the most words of a phrase
	cueSpan                                                                                  map[string]span
	questionSpans                                                                            []span // the cues that begin a question (startsQuestion)
	attrSpan, countrySpan, compareSpan, compareAnySpan, mostSpan, measureSpan, placeKindSpan span

	// startsBy and endsBy are starts by their first word and ends by
	// their last, each list in its order: cutPhrase compares only the
	// phrases that can match a question's first (last) word, not all
	// 300 at every cut (issue 17).
	startsBy, endsBy chatterIndex
	// abbrevOrder are the keys of abbrevs in the order expandAbbrevs
	// writes them out, sorted once, not for every question.
	abbrevOrder []string
	// prefixLens has bit k set where byPrefix has a word of k bytes (k <
	// 64), prefixPairs bit a<<8|b where one begins with the bytes a and b;
	// shortPrefix marks a word of byPrefix under two bytes. at looks up
	// only the beginnings of a word that byPrefix may have: most words
	// begin with none, and a look-up per length was a tenth of at.
	prefixLens  uint64
	prefixPairs [1 << 16 / 64]uint64
	shortPrefix bool
}

// span is the ids of one list of phrases, from lo up to hi.
type span struct{ lo, hi int32 }

func (s span) has(id int32) bool { return id >= s.lo && id < s.hi }

// phrase is a lexicon entry as folded words; prefix marks an entry ending
// in "*", whose last word matches every word that begins with it.
type phrase struct {
	words []string
	// lang is -1 for a German word of the lexicon, +1 for an English
	// one, 0 where the lexicon does not say.
	lang int
	// owner is the index of what the phrase says: of its cue in
	// domain.Cues, of its attribute in lexicon.attrs.
	owner  int
	id     int32 // in lexicon.phrases
	prefix bool
}

type phraseTo[T any] struct {
	phrase
	to T
}

type attrWords struct {
	attr    domain.Attribute
	phrases []phrase
}

// cueWords are the one-word phrases of a cue, folded.
func (l *lexicon) cueWords(cue string) []string {
	var out []string
	for _, p := range l.cues[cue] {
		if len(p.words) == 1 {
			out = append(out, p.words[0])
		}
	}
	return out
}

// attrWordsOf are the one-word phrases that name an attribute, folded:
// the words a statement on it is likely to use ("beitritt", "aufnahme").
func (l *lexicon) attrWordsOf(a domain.Attribute) []string {
	var out []string
	for _, aw := range l.attrs {
		if aw.attr != a {
			continue
		}
		for _, p := range aw.phrases {
			if len(p.words) == 1 && !p.prefix {
				out = append(out, p.words[0])
			}
		}
	}
	return out
}

// expand writes out what a question says in short: the synonyms of
// several words ("ruhr area" → "ruhrgebiet", any case) and the
// abbreviations in capitals ("ES mitglieder nrw" → "Engagierte Stadt
// mitglieder nrw"; a question all in capitals has none, since there "ES"
// may be the pronoun).
func (l *lexicon) expand(q string) string {
	// replaceWord lower-cases the question to look for a synonym; where
	// the question in lower case lacks it, replaceWord would change
	// nothing, so one lower-casing serves every synonym until one is
	// written out.
	lower := strings.ToLower(q)
	pairs := pairsOf(lower)
	for _, ps := range l.phraseSyns {
		if w := ps.words[0]; len(w) >= 2 && (!pairs.has(w[0], w[1]) || !pairs.has(w[len(w)-2], w[len(w)-1])) || !strings.Contains(lower, w) {
			continue
		}
		if r := replaceWord(q, ps.words[0], ps.to, true); r != q {
			q, lower = r, strings.ToLower(r)
			pairs = pairsOf(lower)
		}
	}
	return l.expandAbbrevs(q)
}

// bytePairs is a set of the pairs of bytes next to each other in a text,
// hashed into 1024 bits: a text lacks a phrase with a pair the set lacks.
// expand asks so before it looks for each of the lexicon's synonyms of
// several words in the question, most of which it has not (issue 17).
type bytePairs [16]uint64

func pairsOf(s string) bytePairs {
	var b bytePairs
	for i := 0; i+1 < len(s); i++ {
		h := pairHash(s[i], s[i+1])
		b[h>>6] |= 1 << (h & 63)
	}
	return b
}

func (b *bytePairs) has(x, y byte) bool {
	h := pairHash(x, y)
	return b[h>>6]&(1<<(h&63)) != 0
}

func pairHash(x, y byte) uint { return (uint(x)<<5 ^ uint(y)) & 1023 }

// expandAbbrevs writes out the abbreviations in capitals, in a fixed
// order (the shortest last, so that no short form cuts into a longer one).
func (l *lexicon) expandAbbrevs(q string) string {
	if len(l.abbrevs) == 0 || !strings.ContainsFunc(q, unicode.IsLower) {
		return q
	}
	for _, short := range l.abbrevOrder {
		q = replaceWord(q, short, l.abbrevs[short], false)
	}
	return q
}

// replaceWord replaces old by new in s wherever old stands as a whole
// word (no letter or digit on either side); with fold, old is matched in
// any case (old is in lower case then).
func replaceWord(s, old, new string, fold bool) string {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	var b strings.Builder
	from := 0
	for from < len(s) {
		rest := s[from:]
		i := strings.Index(rest, old)
		if fold {
			i = indexFold(rest, old)
		}
		if i < 0 {
			break
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(old):])
		b.WriteString(s[from:i])
		// A hyphen joins: "Rhein-Ruhr towns" is no "Ruhr towns".
		if (i == 0 || !isWord(before) && before != '-') && !isWord(after) {
			b.WriteString(new)
		} else {
			b.WriteString(s[i : i+len(old)])
		}
		from = i + len(old)
	}
	if from == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// indexFold is strings.Index for an old in lower case that matches s in
// any case, where s's letters keep their byte length in lower case (else
// -1: no match is better than a cut one).
func indexFold(s, old string) int {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		return -1
	}
	return strings.Index(lower, old)
}

func toPhrase(s string) phrase {
	p := phrase{prefix: strings.HasSuffix(s, "*"), words: words.Split(strings.TrimSuffix(s, "*"))}
	for i, w := range p.words {
		p.words[i] = words.Fold(w) // in the slice Split made: one allocation less
	}
	return p
}

// statedCues are the cues whose words are what statements say too: an
// office ("Referentin"), a verb of how many live somewhere ("leben"), the
// whole country ("bundesweit"). They stay words of the question, to look
// for in the statements, and are no ordinary words.
var statedCues = map[string]bool{"office": true, "populous": true, "nationwide": true, "channel": true, "receive": true, "currency": true, "give": true, "end-words": true, "among-others": true}

func newLexicon(lx *domain.Lexicon) *lexicon {
	if lx == nil {
		lx = &domain.Lexicon{}
	}
	// The words of the cues and attributes, about as many as the
	// vocabulary has: its maps are made that large, not grown to it.
	cueWords := 0
	for _, lw := range lx.Cues {
		cueWords += len(lw.DE) + len(lw.EN)
	}
	for _, a := range lx.Attributes {
		cueWords += len(a.Words.DE) + len(a.Words.EN)
	}
	l := &lexicon{cues: map[string][]phrase{}, labels: map[domain.Attribute][2]string{}, topics: map[domain.Attribute][]string{},
		fillers: make(map[string]bool, len(lx.Fillers.DE)+len(lx.Fillers.EN)), fillersEN: make(map[string]bool, len(lx.Fillers.EN)),
		thanks: map[string]bool{}, synonyms: make(map[string]string, len(lx.Synonyms)), numbers: make(map[string]int, len(lx.Numbers)),
		vocab: make(map[string]bool, cueWords), lang: make(map[string]int, cueWords),
		everyday: [2]*words.SetIndex{words.NewSetIndex(foldedSet(lx.Ordinary.DE)), words.NewSetIndex(foldedSet(lx.Ordinary.EN))}}
	addVocab := func(p phrase, lang int) {
		if p.prefix && len(p.words) == 1 && len(p.words[0]) >= 7 && !slices.Contains(l.prefixes, p.words[0]) {
			l.prefixes = append(l.prefixes, p.words[0]) // "partner*": compounds end in it
		}
		for _, w := range p.words {
			l.vocab[w] = true
			if lang != 0 {
				l.lang[w] += lang
			}
		}
	}
	for _, name := range domain.Cues {
		lw := lx.Cues[name]
		add := addVocab
		if statedCues[name] && name != "office" { // an office stays ordinary: only rare, long ones are specific
			// A word statements say stays a word to look for: no ordinary
			// word of the lexicon, nor one that tells the language.
			add = func(phrase, int) {}
		}
		ps := make([]phrase, 0, len(lw.DE)+len(lw.EN))
		for _, w := range lw.DE {
			p := toPhrase(w)
			p.lang = -1
			ps = append(ps, p)
			add(p, -1)
		}
		for _, w := range lw.EN {
			p := toPhrase(w)
			p.lang = +1
			ps = append(ps, p)
			add(p, +1)
		}
		if len(ps) > 0 {
			l.cues[name] = ps
		}
	}
	for _, a := range lx.Attributes {
		aw := attrWords{attr: a.Attribute, phrases: make([]phrase, 0, len(a.Words.DE)+len(a.Words.EN))}
		for _, w := range a.Words.DE {
			p := toPhrase(w)
			p.lang = -1
			aw.phrases = append(aw.phrases, p)
			addVocab(p, -1)
		}
		for _, w := range a.Words.EN {
			p := toPhrase(w)
			p.lang = +1
			aw.phrases = append(aw.phrases, p)
			addVocab(p, +1)
		}
		l.attrs = append(l.attrs, aw)
		l.labels[a.Attribute] = [2]string{a.Label.DE, a.Label.EN}
		for _, t := range a.Topics {
			l.topics[a.Attribute] = append(l.topics[a.Attribute], t.String())
		}
	}
	l.countryEN = map[string]string{}
	l.regions = countryRegions(lx.Countries)
	var said []string // German names of countries whose English differs
	for _, c := range lx.Countries {
		names := append([]string{c.Name}, c.Words...)
		if r, err := language.ParseRegion(c.Region); err == nil {
			// Unicode's names of the country, in German and in English.
			de, en := regionNames(r)
			names = append(names, de, en)
			l.countryEN[c.Name] = en
			if r.IsCountry() && en != "" && en != c.Name && c.Name != "Deutschland" {
				// Not Germany: "Bundesrepublik Deutschland" is a name.
				said = append(said, c.Name)
			}
			if fd, fe := words.Fold(de), words.Fold(en); fd != fe && !strings.Contains(fd, " ") && !strings.Contains(fe, " ") {
				// "the Netherlands" is English, "die Niederlande" German.
				l.lang[fe]++
				l.lang[fd]--
			}
			// CLDR writes "Bosnia & Herzegovina"; people write "and".
			names = append(names, strings.ReplaceAll(de, " & ", " und "), strings.ReplaceAll(en, " & ", " and "))
		}
		for _, n := range names {
			if n == "" {
				continue
			}
			p := toPhrase(n)
			l.countries = append(l.countries, phraseTo[string]{p, c.Name})
			addVocab(p, 0)
		}
	}
	l.otherCountries()
	// Longest first, so "Vereinigte Staaten" is not read as a shorter name.
	slices.SortFunc(said, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	l.countryText = map[string][]string{}
	for _, n := range said {
		first, _, _ := strings.Cut(n, " ")
		l.countryText[first] = append(l.countryText[first], n)
	}
	for _, dir := range []struct {
		name string
		d    Direction
	}{{"oldest", DirOldest}, {"newest", DirNewest}, {"largest", DirLargest}, {"smallest", DirSmallest}} {
		for _, w := range lx.Comparative[dir.name] {
			p := toPhrase(w)
			l.compare = append(l.compare, phraseTo[Direction]{p, dir.d})
			addVocab(p, 0)
		}
		for _, w := range lx.Superlative[dir.name] {
			p := toPhrase(w)
			l.most = append(l.most, phraseTo[Direction]{p, dir.d})
			addVocab(p, 0)
		}
	}
	for _, w := range lx.Comparative["any"] {
		p := toPhrase(w)
		l.compareAny = append(l.compareAny, p)
		addVocab(p, 0)
	}
	for name, ws := range lx.Measures {
		m, ok := parseEnum[Measure](measureNames[:], name)
		if !ok {
			continue
		}
		for _, w := range ws {
			l.measures = append(l.measures, phraseTo[Measure]{toPhrase(w), m})
		}
	}
	// The longest phrase first, so "gemeinden ohne stadtrecht" wins over
	// "gemeinden"; then by name, so the order never depends on a map.
	slices.SortStableFunc(l.measures, func(a, b phraseTo[Measure]) int {
		if len(a.words) != len(b.words) {
			return len(b.words) - len(a.words)
		}
		return strings.Compare(strings.Join(a.words, " "), strings.Join(b.words, " "))
	})
	for w, k := range lx.PlaceKinds {
		p := toPhrase(w)
		l.placeKind = append(l.placeKind, phraseTo[string]{p, k})
		addVocab(p, 0)
	}
	slices.SortStableFunc(l.placeKind, func(a, b phraseTo[string]) int {
		if len(a.words) != len(b.words) {
			return len(b.words) - len(a.words)
		}
		return strings.Compare(strings.Join(a.words, " "), strings.Join(b.words, " "))
	})
	for _, w := range lx.Fillers.DE {
		l.fillers[words.Fold(w)] = true
	}
	for _, w := range lx.Fillers.EN {
		l.fillers[words.Fold(w)] = true
		l.fillersEN[words.Fold(w)] = true
	}
	for _, s := range lx.ChatterStarts {
		l.starts = append(l.starts, phraseWords(s))
	}
	for _, s := range lx.ChatterEnds {
		l.ends = append(l.ends, phraseWords(s))
	}
	longestFirst := func(a, b []string) int { return len(b) - len(a) }
	slices.SortStableFunc(l.starts, longestFirst)
	slices.SortStableFunc(l.ends, longestFirst)
	l.startsBy, l.endsBy = indexChatter(l.starts, true), indexChatter(l.ends, false)
	for _, w := range lx.Thanks {
		l.thanks[words.Fold(w)] = true
	}
	for k, v := range lx.Synonyms {
		l.synonyms[words.Fold(k)] = v
		if strings.Contains(strings.TrimSpace(k), " ") {
			l.phraseSyns = append(l.phraseSyns, phraseTo[string]{phrase{words: []string{strings.ToLower(k)}}, v})
		}
	}
	slices.SortFunc(l.phraseSyns, func(a, b phraseTo[string]) int {
		return cmp.Or(len(b.words[0])-len(a.words[0]), strings.Compare(a.words[0], b.words[0]))
	})
	l.abbrevs = lx.Abbreviations
	l.abbrevOrder = slices.SortedFunc(maps.Keys(l.abbrevs), func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	for k, v := range lx.Numbers {
		l.numbers[words.Fold(k)] = v
		l.vocab[words.Fold(k)] = true
	}
	for _, st := range domain.States {
		for _, n := range append([]string{st}, lx.StateNames[st]...) {
			l.states = append(l.states, phraseTo[string]{toPhrase(n), st})
		}
	}
	// The list of words a typo is read as is made at the first word that
	// may be one, as the names' words are (Engine.nameWords): a process
	// that answers one question about a place never needs it.
	l.typos = names.LazyWords(func() []string {
		var single []string
		for w := range l.vocab {
			if !strings.Contains(w, " ") {
				single = append(single, w)
			}
		}
		for w := range l.fillers {
			// "insgesammt": a long filler misspelt is still a filler.
			if !strings.Contains(w, " ") && utf8.RuneCountInString(w) >= 7 && !l.vocab[w] {
				single = append(single, w)
			}
		}
		return single
	})
	l.indexPhrases()
	// The last words a tag or closing chatter can end with: a question
	// that ends otherwise has no tag, and is not tokenized to find out.
	l.closing = map[string]bool{}
	for _, c := range []string{"or", "tag"} {
		for id := l.cueSpan[c].lo; id < l.cueSpan[c].hi; id++ {
			if ws := l.phrases[id].words; len(ws) > 0 {
				l.closing[ws[len(ws)-1]] = true
			}
		}
	}
	for _, ws := range l.ends {
		if len(ws) > 0 {
			l.closing[ws[len(ws)-1]] = true
		}
	}
	return l
}

// indexPhrases numbers the phrases, list by list in the order the reading
// loops visit them, and indexes them by their first word.
func (l *lexicon) indexPhrases() {
	l.byPrefix, l.cueSpan = map[string][]int32{}, map[string]span{}
	all := len(l.countries) + len(l.compare) + len(l.compareAny) + len(l.most) + len(l.measures) + len(l.placeKind)
	for _, ps := range l.cues {
		all += len(ps)
	}
	for _, a := range l.attrs {
		all += len(a.phrases)
	}
	l.phrases = make([]*phrase, 0, all)
	first := make([]int32, 0, all) // the phrases byFirst finds, indexed once all are numbered
	add := func(p *phrase, owner int) {
		p.id, p.owner = int32(len(l.phrases)), owner
		l.phrases = append(l.phrases, p)
		l.maxWords = max(l.maxWords, len(p.words))
		switch {
		case len(p.words) == 0:
		case len(p.words) == 1 && p.prefix:
			w := p.words[0]
			l.byPrefix[w] = append(l.byPrefix[w], p.id)
			l.maxPrefix = max(l.maxPrefix, len(w))
			if len(w) < 64 {
				l.prefixLens |= 1 << len(w)
			}
			if len(w) < 2 {
				l.shortPrefix = true
			} else {
				pair := int(w[0])<<8 | int(w[1])
				l.prefixPairs[pair/64] |= 1 << (pair % 64)
			}
		default:
			first = append(first, p.id)
		}
	}
	list := func(n int, at func(int) *phrase) span {
		sp := span{lo: int32(len(l.phrases))}
		for i := range n {
			add(at(i), 0)
		}
		sp.hi = int32(len(l.phrases))
		return sp
	}
	for ci, name := range domain.Cues {
		ps := l.cues[name]
		sp := span{lo: int32(len(l.phrases))}
		for i := range ps {
			add(&ps[i], ci)
		}
		sp.hi = int32(len(l.phrases))
		l.cueSpan[name] = sp
	}
	for _, c := range []string{"question", "who", "when", "where", "which", "count", "what"} {
		l.questionSpans = append(l.questionSpans, l.cueSpan[c])
	}
	l.attrSpan.lo = int32(len(l.phrases))
	for ai := range l.attrs {
		for i := range l.attrs[ai].phrases {
			add(&l.attrs[ai].phrases[i], ai)
		}
	}
	l.attrSpan.hi = int32(len(l.phrases))
	l.countrySpan = list(len(l.countries), func(i int) *phrase { return &l.countries[i].phrase })
	l.compareSpan = list(len(l.compare), func(i int) *phrase { return &l.compare[i].phrase })
	l.compareAnySpan = list(len(l.compareAny), func(i int) *phrase { return &l.compareAny[i] })
	l.mostSpan = list(len(l.most), func(i int) *phrase { return &l.most[i].phrase })
	l.measureSpan = list(len(l.measures), func(i int) *phrase { return &l.measures[i].phrase })
	l.placeKindSpan = list(len(l.placeKind), func(i int) *phrase { return &l.placeKind[i].phrase })
	// byFirst's lists are runs of one array, each ascending: a list
	// appended to per word took a fifth of what the lexicon allocated.
	head := func(id int32) string { return l.phrases[id].words[0] }
	slices.SortFunc(first, func(a, b int32) int { return cmp.Or(strings.Compare(head(a), head(b)), cmp.Compare(a, b)) })
	heads := 0
	for i := range first {
		if i == 0 || head(first[i]) != head(first[i-1]) {
			heads++
		}
	}
	l.byFirst = make(map[string][]int32, heads)
	for i := 0; i < len(first); {
		j := i + 1
		for j < len(first) && head(first[j]) == head(first[i]) {
			j++
		}
		l.byFirst[head(first[i])] = first[i:j:j]
		i = j
	}
}

// at returns the ids of the phrases whose first word is the word at i,
// ascending: the only ones that may match there. It remembers them in the
// word until the word changes (a misspelt name or word read as spelt).
func (l *lexicon) at(toks []tok, i int) []int32 {
	if i < 0 || i >= len(toks) {
		return nil
	}
	t := &toks[i]
	if t.phrasesOK && t.phrasesOf == t.fold {
		return t.phrases
	}
	out := l.byFirst[t.fold]
	var more []int32
	if l.mayBeginPrefix(t.fold) {
		for k := 1; k <= len(t.fold) && k <= l.maxPrefix; k++ {
			if k < 64 && l.prefixLens&(1<<k) == 0 {
				continue // no word of byPrefix has k bytes
			}
			more = append(more, l.byPrefix[t.fold[:k]]...)
		}
	}
	if len(more) > 0 {
		out = append(more, out...) // a new slice: byFirst's stays as it is
		slices.Sort(out)
	}
	t.phrases, t.phrasesOf, t.phrasesOK = out, t.fold, true
	return out
}

// mayBeginPrefix reports whether a word of byPrefix may begin fold: one
// under two bytes, or one with fold's first two bytes.
func (l *lexicon) mayBeginPrefix(fold string) bool {
	if l.shortPrefix {
		return true
	}
	if len(fold) < 2 {
		return false
	}
	pair := int(fold[0])<<8 | int(fold[1])
	return l.prefixPairs[pair/64]&(1<<(pair%64)) != 0
}

// matchAt is the number of words the first phrase of sp that matches at
// i covers, or 0. Only tokens free in use count.
func (l *lexicon) matchAt(sp span, toks []tok, i int, free func(int) bool) int {
	for _, id := range l.at(toks, i) {
		if sp.has(id) {
			if n := l.phrases[id].match(toks, i, free); n > 0 {
				return n
			}
		}
	}
	return 0
}

// anyIn reports whether a phrase of sp matches anywhere in toks.
func (l *lexicon) anyIn(sp span, toks []tok) bool {
	for i := range toks {
		if l.matchAt(sp, toks, i, all) > 0 {
			return true
		}
	}
	return false
}

// all is the free function that counts every token.
func all(int) bool { return true }

// pairsIn lists where the phrases of sp match the words (free or not), in
// the order of a loop over the phrases with a loop over the words inside:
// by phrase id, then position.
func (l *lexicon) pairsIn(sp span, toks []tok) [][2]int32 {
	var out [][2]int32
	for i := range toks {
		for _, id := range l.at(toks, i) {
			if sp.has(id) && l.phrases[id].match(toks, i, all) > 0 {
				out = append(out, [2]int32{id, int32(i)})
			}
		}
	}
	slices.SortFunc(out, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	return out
}

// countriesIn are all the countries a text names, in order.
func (l *lexicon) countriesIn(toks []tok) []string {
	var out []string
	for i := range toks {
		for _, id := range l.at(toks, i) {
			if c := l.country(id); c != nil && c.match(toks, i, all) > 0 && c.to != "Deutschland" && !slices.Contains(out, c.to) {
				out = append(out, c.to)
			}
		}
	}
	return out
}

// country is the country phrase with the id, or nil.
func (l *lexicon) country(id int32) *phraseTo[string] {
	if !l.countrySpan.has(id) {
		return nil
	}
	return &l.countries[id-l.countrySpan.lo]
}

// englishCountry is a country's English name: "Poland" for Polen.
func (l *lexicon) englishCountry(c string) string {
	if en := l.countryEN[c]; en != "" {
		return en
	}
	return c
}

// englishCountries says the countries a German statement names in
// English, for an English answer: "Schwerpunktländer: Polen, Ungarn" reads
// "Poland, Hungary". A name inside a quoted title stays as written
// („Europa bei uns zuhause“), and so does a word the name only begins
// ("Polens").
func (l *lexicon) englishCountries(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsUpper(r) || i > 0 && unicode.IsLetter(before) {
			i += size
			continue
		}
		end := i + size
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !unicode.IsLetter(r) {
				break
			}
			end += n
		}
		name := ""
		for _, n := range l.countryText[s[i:end]] {
			if after, _ := utf8.DecodeRuneInString(s[i+len(n):]); strings.HasPrefix(s[i:], n) && (i+len(n) == len(s) || !unicode.IsLetter(after)) {
				name = n
				break
			}
		}
		after, _ := utf8.DecodeRuneInString(s[i+len(name):])
		if name == "" || before == '(' && after == ')' || quotedAt(s, i) || germanArticleBefore(s[:i]) {
			i = end // "Polens", "Bocholt (Belgien)", „Europa bei uns zuhause“, "in der Türkei"
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(l.countryEN[name])
		last, i = i+len(name), i+len(name)
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// quotedAt reports whether position i of s lies inside „…“.
func quotedAt(s string, i int) bool {
	return strings.LastIndex(s[:i], "„") > strings.LastIndex(s[:i], "“")
}

// germanArticleBefore reports whether the text ends in a German article
// ("in der ", "mit dem "): the country's name is bound into the German
// sentence there and stays German.
func germanArticleBefore(s string) bool { return germanArticleEnd(s) > 0 }

// germanArticleEnd is the length of the German article s ends with
// ("… der "), 0 for none.
func germanArticleEnd(s string) int {
	for _, a := range []string{"der ", "die ", "den ", "dem ", "des "} {
		if strings.HasSuffix(s, " "+a) || s == a {
			return len(a)
		}
	}
	return 0
}

// ordinary reports whether a folded word is an everyday word of either
// language, or one of the lexicon's: never a misspelt name.
func (l *lexicon) ordinary(fold string) bool {
	return l.vocab[fold] || l.fillers[fold] || l.isGermanWord(fold) || l.isEnglishWord(fold)
}

// foldedSet is a list of ordinary words as the engine looks words up in
// it: the list itself when it is a set (the loader's words.FoldedSet),
// else a folded copy (a lexicon built by hand).
func foldedSet(ws []string) []string {
	if words.IsSet(ws) {
		return ws
	}
	return words.FoldedSet(ws)
}

// ordinaryIn says which languages have the folded word as an ordinary word.
func (l *lexicon) ordinaryIn(fold string) uint8 {
	var b uint8
	if l.everyday[0].Has(fold) {
		b |= german
	}
	if l.everyday[1].Has(fold) {
		b |= english
	}
	return b
}

// everydayIn is ordinaryIn of the token's word, remembered in the token
// until the word changes (a misspelt word read as spelt).
func (l *lexicon) everydayIn(t *tok) uint8 {
	if !t.everydayOK || t.everydayOf != t.fold {
		t.everyday, t.everydayOf, t.everydayOK = l.ordinaryIn(t.fold), t.fold, true
	}
	return t.everyday
}

// ordinaryTok is ordinary of the token's word.
func (l *lexicon) ordinaryTok(t *tok) bool {
	return l.vocab[t.fold] || l.fillers[t.fold] || l.everydayIn(t) != 0
}

// The bits of lexicon.ordinaryIn.
const (
	german uint8 = 1 << iota
	english
)

// isGermanWord and isEnglishWord report whether a folded word is an ordinary
// word of the language.
func (l *lexicon) isGermanWord(fold string) bool  { return l.everyday[0].Has(fold) }
func (l *lexicon) isEnglishWord(fold string) bool { return l.everyday[1].Has(fold) }

// langOf is +1 for a word only English uses, -1 for one only German does
// (the lexicon's words as its lists say, the ordinary words as only one
// language has them), 0 where both or neither do.
func (l *lexicon) langOf(t *tok) int {
	w := l.lang[t.fold]
	switch l.everydayIn(t) {
	case english:
		w++
	case german:
		w--
	}
	return w
}

// otherCountries adds every country CLDR names that the lexicon does not
// list, by its German and English name, so that "Partnerstädte in
// Australien" asks about Australia and is answered plainly, though the base
// knows no twinning there. A name that is an ordinary English word
// ("Island", German for Iceland; "Jersey") is left out: it would turn words
// into filters. German word lists count country names as words, so only
// the English list decides.
func (l *lexicon) otherCountries() {
	known := map[string]bool{}
	for _, r := range l.regions.of {
		known[r.String()] = true
	}
	code := []byte{'A', 'A'}
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			code[0], code[1] = a, b
			r, err := language.ParseRegion(string(code))
			if err != nil || !r.IsCountry() || known[r.String()] {
				continue
			}
			known[r.String()] = true
			de, en := regionNames(r)
			if de == "" || en == "" || l.isEnglishWord(words.Fold(de)) || l.isEnglishWord(words.Fold(en)) {
				continue
			}
			if _, ok := l.regions.of[de]; ok {
				continue // an alias code ("UK" for GB) must not replace the lexicon's region
			}
			l.regions.of[de] = r
			l.countryEN[de] = en
			for _, n := range []string{de, en} {
				p := toPhrase(n)
				l.countries = append(l.countries, phraseTo[string]{p, de})
			}
		}
	}
}

// regions are the lexicon's countries and continents by their CLDR
// regions; groups names the continents and their parts, which contain
// countries.
type regions struct {
	of     map[string]language.Region
	groups []string
}

func countryRegions(cs []domain.CountryWords) regions {
	rs := regions{of: map[string]language.Region{"Deutschland": language.MustParseRegion("DE")}}
	for _, c := range cs {
		if r, err := language.ParseRegion(c.Region); err == nil {
			rs.of[c.Name] = r
			if r.IsGroup() {
				rs.groups = append(rs.groups, c.Name)
			}
		}
	}
	return rs
}

// within reports whether a country lies in a place of the filter: the
// country itself, or a continent or part of one that contains it (CLDR's
// containment: "Afrika" contains Togo).
func (rs regions) within(country, filter string) bool {
	if country == filter {
		return true
	}
	g, ok := rs.of[filter]
	if !ok || !g.IsGroup() {
		return false
	}
	c, ok := rs.of[country]
	return ok && g.Contains(c)
}

// label names an attribute in an answer.
// noLabelEN is what an English answer calls an attribute the lexicon has
// no label for: "My sources say nothing about this".
const noLabelEN = "this"

func (l *lexicon) label(a domain.Attribute, english bool) string {
	lb, ok := l.labels[a]
	switch {
	case !ok && english:
		return noLabelEN
	case !ok:
		return "dieser Frage"
	case english:
		return lb[1]
	}
	return lb[0]
}

// match finds a phrase at token i: it returns the number of tokens it
// covers, 0 when it does not start there. Only tokens free in use count.
func (p *phrase) match(toks []tok, i int, free func(int) bool) int {
	if len(p.words) == 0 || i+len(p.words) > len(toks) {
		return 0
	}
	for j, w := range p.words {
		t := &toks[i+j]
		last := j == len(p.words)-1
		if t.fold != w && !(last && p.prefix && strings.HasPrefix(t.fold, w)) {
			return 0
		}
	}
	for j := range p.words {
		if !free(i + j) {
			return 0
		}
	}
	return len(p.words)
}

// compoundTail is the longest word of the lexicon that ends a German
// compound: "forderung" of "landesforderung". The tail has seven letters
// at least and leaves three before it, so short words never split
// ("Zugspitze" is no "Spitze").
func (l *lexicon) compoundTail(fold string) (string, bool) {
	for k := 3; k+7 <= len(fold); k++ {
		if !utf8.RuneStart(fold[k]) {
			continue
		}
		tail := fold[k:]
		if l.vocab[tail] && !l.fillers[tail] {
			return tail, true
		}
		for _, p := range l.prefixes {
			if strings.HasPrefix(tail, p) {
				return tail, true // "partnerschaften" of "kommunalpartnerschaften": "partner*"
			}
		}
	}
	return "", false
}

// mostAt is the direction of a one-word superlative at i ("älteste",
// "newest"), DirNone where there is none.
func (l *lexicon) mostAt(toks []tok, i int) Direction {
	for _, id := range l.at(toks, i) {
		if l.mostSpan.has(id) {
			if c := &l.most[id-l.mostSpan.lo]; len(c.words) == 1 && c.match(toks, i, all) == 1 {
				return c.to
			}
		}
	}
	return DirNone
}

// saysMost reports whether a text's words have a superlative of the
// direction: "die erste" for the oldest, "die jüngste" for the newest.
// It only reads the words (at would remember phrases in them), so that
// they may be a statement's, tokenized once per snapshot (tokensOf)
// rather than at every look (issue 17); a phrase that matches a word is
// one at finds there.
func (l *lexicon) saysMost(toks []tok, d Direction) bool {
	for i := range toks {
		for k := range l.most {
			if c := &l.most[k]; c.to == d && c.match(toks, i, all) > 0 {
				return true
			}
		}
	}
	return false
}

// cardinal is the value of a number word that counts ("zwölf", "ten"),
// not one that orders ("zwölfte", "first") or dates ("zehnjährig"); one
// and "eins" count nothing worth a figure.
func (l *lexicon) cardinal(fold string) (int, bool) {
	n, ok := l.numbers[fold]
	if !ok || n < 2 || strings.Contains(fold, "jahr") {
		return 0, false
	}
	for _, suffix := range []string{"te", "ten", "ter", "tes", "th", "second", "third"} {
		// An ending counts only after a stem: "ten" counts, "zehnten" orders.
		if strings.HasSuffix(fold, suffix) && len(fold) >= len(suffix)+3 {
			return 0, false
		}
	}
	return n, true
}
