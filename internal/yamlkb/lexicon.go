package yamlkb

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/words"
)

// The lexicon: the words questions are read with (see knowledge/lexicon).
const (
	LexiconDir  = "lexicon"
	LexiconFile = "lexicon/lexicon.yaml"
)

var (
	lexiconTop        = []string{"cues", "attributes", "countries", "comparative", "superlative", "measures", "fillers", "chatter", "synonyms", "abbreviations", "numbers", "place_kinds", "state_names", "ordinary"}
	langFields        = []string{"de", "en"}
	lexAttrFields     = []string{"name", "label", "words", "topics"}
	countryFields     = []string{"name", "region", "words"}
	chatterFields     = []string{"starts", "ends", "thanks"}
	directions        = []string{"oldest", "newest", "largest", "smallest", "any"}
	measureNames      = []string{"networks", "twinnings", "municipalities", "members", "joined", "founding", "events", "years", "countries"}
	maxOrdinaryWords  = 200000
	ordinaryLineLimit = 200
)

// seenWords finds a word listed twice in one section, where it would mean
// two things: it remembers each word's term (folded and stemmed, as the
// engine compares words) with where it was first listed.
type seenWords struct {
	l       *loader
	f       *file
	section string
	at      map[string]seenAt // term -> where it was first listed
}

type seenAt struct {
	owner, word string
	line        int
}

func (l *loader) seen(f *file, section string) *seenWords {
	return &seenWords{l: l, f: f, section: section, at: map[string]seenAt{}}
}

func (s *seenWords) add(word, owner string, line int) {
	key := lexKey(word)
	if key == "" {
		s.f.add(line, "write a word or a few words", "empty word in %s of %s", owner, s.section)
		return
	}
	prev, ok := s.at[key]
	switch {
	case !ok:
		s.at[key] = seenAt{owner, word, line}
	case prev.owner == owner:
		s.l.warn(s.f, line, fmt.Sprintf("remove it: %q (line %d) matches the same words, since words are compared folded and stemmed", prev.word, prev.line),
			"%q in %s says again what %q says", word, owner, prev.word)
	default:
		s.f.add(line, "keep it in one list: a word that means two things makes questions ambiguous",
			"%q in %s is already listed in %s (line %d)", word, owner, prev.owner, prev.line)
	}
}

// lexKey is how two lexicon entries are the same: their words folded, as
// the engine compares them (ä = ae = a), and a trailing "*" kept apart.
func lexKey(w string) string {
	star := strings.HasSuffix(w, "*")
	var terms []string
	for _, x := range words.Split(strings.TrimSuffix(w, "*")) {
		terms = append(terms, words.Fold(x))
	}
	k := strings.Join(terms, " ")
	if star && k != "" {
		k += "*"
	}
	return k
}

// loadLexicon reads lexicon/lexicon.yaml and the word lists it names. A
// knowledge directory without one has no lexicon (the base's Lexicon is
// nil); the engine then understands nothing but names.
func (l *loader) loadLexicon() {
	if !exists(l.fsys, LexiconFile) {
		return
	}
	f, root := l.read(LexiconFile)
	if root == nil {
		return
	}
	o := f.object(root, "the lexicon", lexiconTop)
	if o == nil {
		return
	}
	lex := &domain.Lexicon{Cues: map[string]domain.LangWords{}, Comparative: map[string][]string{},
		Superlative: map[string][]string{}, Measures: map[string][]string{}, Synonyms: map[string]string{}, Abbreviations: map[string]string{},
		Numbers: map[string]int{}, PlaceKinds: map[string]string{}, StateNames: map[string][]string{}}

	// A word may signal several cues ("dabei" asks about members and
	// makes a yes/no question), but stands once in each.
	if c := o.sub("cues", "cues", domain.Cues); c != nil {
		for _, name := range domain.Cues {
			if !c.has(name) {
				continue
			}
			lex.Cues[name] = l.langWords(f, c, name, "cue "+strconv.Quote(name), l.seen(f, "cue "+strconv.Quote(name)))
		}
	}

	attrs := l.seen(f, "attributes")
	seenAttr := map[domain.Attribute]int{}
	for i, it := range o.list("attributes") {
		a := f.object(it, fmt.Sprintf("attribute %d", i+1), lexAttrFields)
		if a == nil {
			continue
		}
		a.require(map[string]string{"name": "the attribute's name, one of " + strings.Join(domain.AttributeNames(), ", "),
			"label": "label: {de: …, en: …}, the attribute as answers name it"}, "name", "label")
		name := a.str("name")
		attr, ok := domain.ParseAttribute(name)
		if !ok {
			if name != "" {
				f.add(a.line("name"), oneOf(name, domain.AttributeNames(), nil), "unknown attribute %q", name)
			}
			continue
		}
		if prev, dup := seenAttr[attr]; dup {
			f.add(a.line("name"), fmt.Sprintf("it is already defined at line %d; keep one", prev), "attribute %q given twice", name)
			continue
		}
		seenAttr[attr] = a.line("name")
		aw := domain.AttributeWords{Attribute: attr}
		if lb := a.sub("label", "label", langFields); lb != nil {
			lb.require(map[string]string{"de": "the German label, in the dative: den Kosten einer Mitgliedschaft", "en": "the English label"}, "de", "en")
			aw.Label.DE, aw.Label.EN = lb.str("de"), lb.str("en")
		}
		aw.Words = l.langWords(f, a, "words", "attribute "+strconv.Quote(name), attrs)
		for _, t := range a.strs("topics") {
			ta, ok := domain.ParseAttribute(t)
			if !ok {
				f.add(a.line("topics"), oneOf(t, domain.AttributeNames(), nil), "unknown topic %q of attribute %q", t, name)
				continue
			}
			aw.Topics = append(aw.Topics, ta)
		}
		lex.Attributes = append(lex.Attributes, aw)
	}

	countries := l.seen(f, "countries")
	for i, it := range o.list("countries") {
		c := f.object(it, fmt.Sprintf("country %d", i+1), countryFields)
		if c == nil {
			continue
		}
		c.require(map[string]string{"name": "the country as the base writes it: Frankreich", "region": "its ISO 3166 code: FR"}, "name", "region")
		cw := domain.CountryWords{Name: c.str("name"), Region: c.str("region")}
		if cw.Region != "" {
			// A country by its ISO 3166 code, or a continent or part of one
			// by its UN M.49 code ("002" Afrika), which contains countries.
			r, err := language.ParseRegion(cw.Region)
			if err != nil || len(cw.Region) != 2 && !(len(cw.Region) == 3 && r.IsGroup()) {
				f.add(c.line("region"), "write the two-letter ISO 3166 code, like FR or GB, or the UN M.49 code of a continent, like 002", "unknown region %q of country %q", cw.Region, cw.Name)
			}
		}
		owner := "country " + strconv.Quote(cw.Name)
		countries.add(cw.Name, owner, c.line("name"))
		for _, w := range c.strs("words") {
			countries.add(w, owner, c.line("words"))
			cw.Words = append(cw.Words, w)
		}
		lex.Countries = append(lex.Countries, cw)
	}

	dirs := l.seen(f, "comparative and superlative")
	for _, sec := range []struct {
		key string
		to  map[string][]string
	}{{"comparative", lex.Comparative}, {"superlative", lex.Superlative}} {
		if d := o.sub(sec.key, sec.key, directions); d != nil {
			for _, dir := range directions {
				for _, w := range d.strs(dir) {
					dirs.add(w, sec.key+" "+dir, d.line(dir))
					sec.to[dir] = append(sec.to[dir], w)
				}
			}
		}
	}
	if m := o.sub("measures", "measures", measureNames); m != nil {
		ms := l.seen(f, "measures")
		for _, name := range measureNames {
			for _, w := range m.strs(name) {
				ms.add(w, "measure "+strconv.Quote(name), m.line(name))
				lex.Measures[name] = append(lex.Measures[name], w)
			}
		}
	}
	lex.Fillers = l.langWords(f, o, "fillers", "fillers", nil)
	if c := o.sub("chatter", "chatter", chatterFields); c != nil {
		lex.ChatterStarts, lex.ChatterEnds, lex.Thanks = c.strs("starts"), c.strs("ends"), c.strs("thanks")
	}
	l.stringMap(f, o, "synonyms", func(k, v string, line int) {
		if lexKey(k) == lexKey(v) {
			f.add(line, "remove it: a synonym of itself does nothing", "synonym %q maps to itself", k)
		}
		lex.Synonyms[k] = v
	})
	l.stringMap(f, o, "abbreviations", func(k, v string, line int) {
		// In capitals ("ES"), or shortened with a full stop ("Kr."): either
		// way no ordinary word is taken for the short form.
		dotted := strings.HasSuffix(k, ".") && len([]rune(k)) >= 3 && k != strings.ToLower(k)
		if k != strings.ToUpper(k) && !dotted || len([]rune(k)) < 2 || strings.ContainsAny(k, " \t") {
			f.add(line, "write the short form in capitals, one word (ES: Engagierte Stadt), or with its full stop (Kr.: Kreis)", "abbreviation %q is no word in capitals", k)
			return
		}
		lex.Abbreviations[k] = v
	})
	l.stringMap(f, o, "numbers", func(k, v string, line int) {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			f.add(line, "write a whole number: zehn: 10", "number %q is not a number: %q", k, v)
			return
		}
		lex.Numbers[k] = n
	})
	l.stringMap(f, o, "place_kinds", func(k, v string, line int) {
		if !slices.Contains(domain.PlaceKinds, v) {
			f.add(line, oneOf(v, domain.PlaceKinds, nil), "unknown kind of place %q for %q", v, k)
		}
		lex.PlaceKinds[k] = v
	})
	if sn := o.sub("state_names", "state_names", domain.States); sn != nil {
		states := l.seen(f, "state_names")
		for _, st := range domain.States {
			for _, w := range sn.strs(st) {
				states.add(w, st, sn.line(st))
				lex.StateNames[st] = append(lex.StateNames[st], w)
			}
		}
	}
	if ord := o.sub("ordinary", "ordinary", langFields); ord != nil {
		// Folded, sorted, each once (domain.Lexicon.Ordinary): the
		// engine looks question words up in them as they are.
		lex.Ordinary.DE = words.FoldedSet(l.wordList(f, ord, "de"))
		lex.Ordinary.EN = words.FoldedSet(l.wordList(f, ord, "en"))
	}
	l.lexicon = lex
}

// langWords reads {de: [...], en: [...]} under key, every word checked
// against the others of its section when seen is set.
func (l *loader) langWords(f *file, o *obj, key, owner string, seen *seenWords) domain.LangWords {
	sub := o.sub(key, owner, langFields)
	if sub == nil {
		return domain.LangWords{}
	}
	var lw domain.LangWords
	for _, lang := range langFields {
		for _, it := range sub.list(lang) {
			if it.Kind != yaml.ScalarNode || strings.TrimSpace(it.Value) == "" {
				f.add(it.Line, "each item is one word or phrase", "item of %q in %s must be a text, found %s", lang, owner, kindName(it))
				continue
			}
			w := strings.TrimSpace(it.Value)
			if seen != nil {
				seen.add(w, owner, it.Line)
			}
			if lang == "de" {
				lw.DE = append(lw.DE, w)
			} else {
				lw.EN = append(lw.EN, w)
			}
		}
	}
	return lw
}

// stringMap reads a mapping of words to values, in file order.
func (l *loader) stringMap(f *file, o *obj, key string, add func(k, v string, line int)) {
	v := o.vals[key]
	if isNull(v) {
		return
	}
	if v.Kind != yaml.MappingNode {
		f.add(v.Line, "write one \"word: value\" per line", "field %q of the lexicon must be a mapping, found %s", key, kindName(v))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], resolve(v.Content[i+1])
		if val.Kind != yaml.ScalarNode {
			f.add(val.Line, "write one \"word: value\" per line", "%s: the value of %q must be a text, found %s", key, k.Value, kindName(val))
			continue
		}
		if prev, dup := seen[lexKey(k.Value)]; dup {
			f.add(k.Line, fmt.Sprintf("it is already listed at line %d; keep one", prev), "%q is listed twice in %s", k.Value, key)
			continue
		}
		seen[lexKey(k.Value)] = k.Line
		add(strings.TrimSpace(k.Value), strings.TrimSpace(val.Value), k.Line)
	}
}

// wordList reads a file of ordinary words next to the lexicon: one word a
// line, "#" lines are comments (the source and licence).
func (l *loader) wordList(f *file, o *obj, lang string) []string {
	name := o.str(lang)
	if name == "" {
		return nil
	}
	p := path.Join(LexiconDir, name)
	if strings.Contains(name, "/") || !exists(l.fsys, p) {
		f.add(o.line(lang), "name a file in the lexicon folder, like words-de.txt", "word list %q not found", name)
		return nil
	}
	wf := &file{name: p, probs: &l.probs}
	data, ok := l.readFile(wf)
	if !ok {
		return nil
	}
	l.contents[p] = data
	// One string for the whole file, the words slices of it: a list of
	// 40,000 words is one allocation, not 40,000.
	text := string(data)
	out := make([]string, 0, strings.Count(text, "\n")+1)
	line := 0
	for raw := range strings.Lines(text) {
		line++
		w := strings.TrimSpace(raw)
		switch {
		case w == "" || strings.HasPrefix(w, "#"):
			continue
		case len(w) > ordinaryLineLimit || strings.IndexByte(w, ' ') >= 0 || strings.IndexByte(w, '\t') >= 0: // not ContainsAny: 2 ms for 40,000 words
			wf.add(line, "one word a line", "not a word: %.40q", w)
			continue
		case len(out) == maxOrdinaryWords:
			wf.add(line, "shorten the list", "more than %d words", maxOrdinaryWords)
			return out
		}
		out = append(out, w)
	}
	return out
}

// checkLexicon reports the base's countries the lexicon has no words for:
// questions could not name them.
func (l *loader) checkLexicon() {
	if l.lexicon == nil {
		return
	}
	known := map[string]bool{}
	for _, c := range l.lexicon.Countries {
		known[c.Name] = true
	}
	missing := map[string]bool{}
	for _, p := range l.places {
		if p.Country != "" && !known[p.Country] {
			missing[p.Country] = true
		}
	}
	names := make([]string, 0, len(missing))
	for c := range missing {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		l.warn(&file{name: LexiconFile}, 1, fmt.Sprintf("add it under countries: with its ISO code, so questions can name it: - {name: %s, region: XX}", c),
			"the lexicon has no country %q, which places name", c)
	}
}
