package answer

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

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
	countryEN  map[string]string
	compare    []phraseTo[Direction]
	compareAny []phrase
	most       []phraseTo[Direction]
	measures   []phraseTo[Measure]
	placeKind  []phraseTo[string]
	fillers    map[string]bool
	starts     [][]string // chatter, as folded words, longest first
	ends       [][]string
	thanks     map[string]bool
	synonyms   map[string]string
	numbers    map[string]int
	states     []phraseTo[string]
	// vocab holds every folded word of the lexicon: such a word is never a
	// misspelt name, nor a content word of its own.
	vocab map[string]bool
	// prefixes are the one-word phrases written with "*" ("partner*"),
	// for the ends of compounds.
	prefixes []string
	// german and english are the ordinary words of each language, folded.
	german, english map[string]bool
	// lang is +1 for a word only English uses, -1 for one only German does.
	lang map[string]int
	// typos corrects a misspelt word of the lexicon: "wiviele".
	typos *names.Words
}

// phrase is a lexicon entry as folded words; prefix marks an entry ending
// in "*", whose last word matches every word that begins with it.
type phrase struct {
	words  []string
	prefix bool
	// lang is -1 for a German word of the lexicon, +1 for an English
	// one, 0 where the lexicon does not say.
	lang int
}

type phraseTo[T any] struct {
	phrase
	to T
}

type attrWords struct {
	attr    domain.Attribute
	phrases []phrase
}

func toPhrase(s string) phrase {
	p := phrase{prefix: strings.HasSuffix(s, "*")}
	for _, w := range words.Split(strings.TrimSuffix(s, "*")) {
		p.words = append(p.words, words.Fold(w))
	}
	return p
}

func newLexicon(lx *domain.Lexicon) *lexicon {
	if lx == nil {
		lx = &domain.Lexicon{}
	}
	l := &lexicon{cues: map[string][]phrase{}, labels: map[domain.Attribute][2]string{}, topics: map[domain.Attribute][]string{},
		fillers: map[string]bool{}, thanks: map[string]bool{}, synonyms: map[string]string{}, numbers: map[string]int{},
		vocab: map[string]bool{}, german: map[string]bool{}, english: map[string]bool{}, lang: map[string]int{}}
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
		for _, w := range lw.DE {
			p := toPhrase(w)
			p.lang = -1
			l.cues[name] = append(l.cues[name], p)
			addVocab(p, -1)
		}
		for _, w := range lw.EN {
			p := toPhrase(w)
			p.lang = +1
			l.cues[name] = append(l.cues[name], p)
			addVocab(p, +1)
		}
	}
	for _, a := range lx.Attributes {
		aw := attrWords{attr: a.Attribute}
		for _, w := range a.Words.DE {
			p := toPhrase(w)
			aw.phrases = append(aw.phrases, p)
			addVocab(p, -1)
		}
		for _, w := range a.Words.EN {
			p := toPhrase(w)
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
	for _, c := range lx.Countries {
		names := append([]string{c.Name}, c.Words...)
		if r, err := language.ParseRegion(c.Region); err == nil {
			// Unicode's names of the country, in German and in English.
			names = append(names, display.German.Regions().Name(r), display.English.Regions().Name(r))
			l.countryEN[c.Name] = display.English.Regions().Name(r)
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
	for _, dir := range []struct {
		name string
		d    Direction
	}{{"oldest", DirOldest}, {"newest", DirNewest}, {"largest", DirLargest}, {"smallest", DirSmallest}} {
		for _, w := range lx.Comparative[dir.name] {
			l.compare = append(l.compare, phraseTo[Direction]{toPhrase(w), dir.d})
			addVocab(toPhrase(w), 0)
		}
		for _, w := range lx.Superlative[dir.name] {
			l.most = append(l.most, phraseTo[Direction]{toPhrase(w), dir.d})
			addVocab(toPhrase(w), 0)
		}
	}
	for _, w := range lx.Comparative["any"] {
		l.compareAny = append(l.compareAny, toPhrase(w))
		addVocab(toPhrase(w), 0)
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
		l.placeKind = append(l.placeKind, phraseTo[string]{toPhrase(w), k})
		addVocab(toPhrase(w), 0)
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
	for _, w := range lx.Thanks {
		l.thanks[words.Fold(w)] = true
	}
	for k, v := range lx.Synonyms {
		l.synonyms[words.Fold(k)] = v
	}
	for k, v := range lx.Numbers {
		l.numbers[words.Fold(k)] = v
		l.vocab[words.Fold(k)] = true
	}
	for _, st := range domain.States {
		for _, n := range append([]string{st}, lx.StateNames[st]...) {
			l.states = append(l.states, phraseTo[string]{toPhrase(n), st})
		}
	}
	for _, w := range lx.Ordinary.DE {
		l.german[words.Fold(w)] = true
	}
	for _, w := range lx.Ordinary.EN {
		l.english[words.Fold(w)] = true
	}
	var single []string
	for w := range l.vocab {
		if !strings.Contains(w, " ") {
			single = append(single, w)
		}
	}
	slices.Sort(single)
	l.typos = names.NewWords(single)
	for w := range l.english {
		if !l.german[w] {
			l.lang[w]++
		}
	}
	for w := range l.german {
		if !l.english[w] {
			l.lang[w]--
		}
	}
	return l
}

// countriesIn are all the countries a text names, in order.
func (l *lexicon) countriesIn(toks []tok) []string {
	all := func(int) bool { return true }
	var out []string
	for i := range toks {
		for _, c := range l.countries {
			if c.match(toks, i, all) > 0 && c.to != "Deutschland" && !slices.Contains(out, c.to) {
				out = append(out, c.to)
			}
		}
	}
	return out
}

// englishCountry is a country's English name: "Poland" for Polen.
func (l *lexicon) englishCountry(c string) string {
	if en := l.countryEN[c]; en != "" {
		return en
	}
	return c
}

// ordinary reports whether a folded word is an everyday word of either
// language, or one of the lexicon's: never a misspelt name.
func (l *lexicon) ordinary(fold string) bool {
	return l.german[fold] || l.english[fold] || l.vocab[fold] || l.fillers[fold]
}

// label names an attribute in an answer.
func (l *lexicon) label(a domain.Attribute, english bool) string {
	lb, ok := l.labels[a]
	switch {
	case !ok && english:
		return "this"
	case !ok:
		return "dieser Frage"
	case english:
		return lb[1]
	}
	return lb[0]
}

// match finds a phrase at token i: it returns the number of tokens it
// covers, 0 when it does not start there. Only tokens free in use count.
func (p phrase) match(toks []tok, i int, free func(int) bool) int {
	if len(p.words) == 0 || i+len(p.words) > len(toks) {
		return 0
	}
	for j, w := range p.words {
		t := toks[i+j]
		if !free(i + j) {
			return 0
		}
		last := j == len(p.words)-1
		if t.fold != w && !(last && p.prefix && strings.HasPrefix(t.fold, w)) {
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
