// Package answer turns a question into a domain.Answer. It reads the
// question once into a Frame (understand.go), routes the frame through
// one table of kinds of question (kinds.go), and builds the answer from
// the knowledge base only. When nothing fits it says so instead of
// offering an unrelated best match.
//
// The words it understands are data (the lexicon, knowledge/lexicon), the
// names it knows come from the base (package names); it imports no
// technology: the Bleve index of statements is behind domain.Searcher.
package answer

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/lang"
	"github.com/engagiert/engagiert/internal/memo"
	"github.com/engagiert/engagiert/internal/names"
	"github.com/engagiert/engagiert/internal/recovery"
	"github.com/engagiert/engagiert/internal/words"
)

// maxListed bounds the names one list shows; the rest is counted.
const maxListed = 60

// Engine answers questions from one knowledge base. It is immutable once
// built and safe for concurrent use; a reload builds a new one.
type Engine struct {
	base   *domain.Base
	search domain.Searcher
	lex    *lexicon
	names  *names.Index
	// nameWords are the words of all names, to read a misspelt one as its
	// spelling where the name is named already ("Netzwerkstelle …
	// Städteparterschaften").
	nameWords *names.Words
	// longWords are the long words of the statements, to read a misspelt
	// one as its spelling ("Auslandsgesellschft").
	longWords *names.Words
	log       *slog.Logger
	// statementWord holds the words (folded, and stemmed) of the base's
	// statements: such a word is a topic, never a misspelt or unknown name.
	statementWord map[string]bool
	// statementSorted are statementWord's words in order, to tell the
	// first part of a compound ("Kuratorium" of "Kuratoriumsvorsitzenden").
	statementSorted func() []string
	// placeByKey finds a place by its Amtlicher Gemeindeschlüssel; built
	// at the first question that gives one.
	placeByKey func() map[domain.AGS]string
	// twinWords lists, for each word (folded or stemmed) of a twinning's
	// note or statements, the twinnings (positions in base.Partnerships)
	// that have it: "die erste deutsch-deutsche" looks at those only.
	twinWords func() map[string][]int32
	// titles are the names the statements quote („Europa bei uns
	// zuhause“, „Who is who“), as folded words, by their first word: a
	// country inside one is no country asked about.
	titles map[string][][]string
	// statementPlaces lists the places each network fact names, by its
	// text: what an answer that leads with it is about (focusOf).
	statementPlaces map[string][]string
	// people remembers personIn per lead (a statement, mostly): reading a
	// lead for a person reads the statements of each of its words. At
	// most maxPeople leads are kept, so questions cannot grow it.
	people  sync.Map
	npeople atomic.Int32
	// statementRefs lists the networks' statements that have a word
	// (folded or stemmed): a word few statements share picks them out.
	statementRefs func() map[string][]domain.FactRef
	// nameEndings are the ordinary words place names end with ("dorf",
	// "stadt"), counted once, when a question first needs them.
	nameEndings func() map[string]bool
	// factPlaces lists the places each fact names, so a place's answer can
	// show the facts about it without the lists that merely include it.
	factPlaces map[domain.FactRef][]string
	// countryFacts lists the facts that speak of each country.
	countryFacts map[string][]domain.FactRef
	// places and members are sorted by name once, not per question.
	places  []*domain.Place
	members map[string][]memberRef
	// multi are the places in more than one network, sorted by name.
	multi []*domain.Place
	// sibPlaces are the places by their folded name without "Kreis"
	// (coreName), sorted, for siblingsOf: a sorted list takes half of what
	// a map of lists takes at 100,000 places. sibPrefix holds the first
	// eight bytes of each such name to halve on; siblingsOf compares the
	// few names that share them in full (the names took 3 MB more).
	sibPrefix []uint64
	sibPlaces []int32 // positions in base.Places
	// byFirstWord finds places by the first word of a longer name:
	// "mainz" finds Mainz-Mombach.
	byFirstWord map[string][]*domain.Place
	// twinNetwork is the network named "Städtepartnerschaften", whose name
	// is also the word for what it works on.
	twinNetwork string
	// folded holds the base's texts as folded words (foldTexts), once
	// Prepare built it; until then each text is folded when asked.
	folded atomic.Pointer[map[string][]string]
	// tokens holds the same texts as tokens (tokensOf), for the checks
	// that read a statement word by word; read only, never changed.
	tokens atomic.Pointer[map[string][]tok]
	// foldedMore remembers the folded words of texts an answer composes
	// (a statement with its date, in English): a few long texts,
	// folded again for every question that weighs them (a tenth of the
	// engine's time).
	foldedMore *memo.Map[string, []string]
	tokensMore *memo.Map[string, []tok]
	// keyRank orders places by name as sortKey does (precomputed), by
	// position in base.Places (rank).
	keyRank []int32
	// netText is each network's text for networksSaying, by position.
	netText []string
	// idx, area and memberIdx are the per-snapshot indexes (index.go).
	idx       placeIndex
	area      areaIndex
	twins     twinIndex
	memberIdx map[string]*memberIndex
	// now is the clock events are told past or coming by.
	clock domain.Clock // Berlin's date decides what is past; tests set it
}

// memberRef is a membership with its place resolved once, at start. It
// points into the network's member list: a copy of each membership
// would take 130 bytes a member more (15 MB at 100,000 places). Its place
// is e.places[at]: a pointer beside it took 1 MB more.
type memberRef struct {
	m  *domain.Membership
	at int32 // the place's position in Engine.places
	// current is m.Until.IsZero(): loops over all of a network's members
	// test it here, in order, without a look into the member list.
	current bool
}

var (
	_ domain.Asker         = (*Engine)(nil)
	_ domain.FollowUpAsker = (*Engine)(nil)
)

// New builds an engine over a base and its statement index.
func New(base *domain.Base, s domain.Searcher, log *slog.Logger) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Engine{base: base, search: s, log: log,
		factPlaces: map[domain.FactRef][]string{}, statementPlaces: map[string][]string{}, members: map[string][]memberRef{},
		foldedMore:   memo.New[string, []string](maxFoldedMore),
		tokensMore:   memo.New[string, []tok](maxFoldedMore),
		countryFacts: map[string][]domain.FactRef{},
		byFirstWord:  map[string][]*domain.Place{}}
	e.nameEndings = sync.OnceValue(e.countNameEndings)
	for _, n := range base.Networks {
		for _, name := range append([]string{n.Name, n.ShortName}, n.Aliases...) {
			if strings.EqualFold(name, "Städtepartnerschaften") {
				e.twinNetwork = n.ID
			}
		}
	}
	// Independent parts, on two cores: the words (lexicon, names) here,
	// the places and their indexes in placesAndIndexes, the statements'
	// words, which need neither the lexicon nor the names, in
	// readStatements, then linked to countries once the lexicon is built
	// (linkCountries), and to places once the names are (linkStatements).
	// Each writes fields of its own.
	var wg, read sync.WaitGroup
	wg.Go(e.placesAndIndexes)
	var st statementWords
	lexicon := make(chan struct{}) // closed once e.lex is built
	read.Go(func() {
		st = readStatements(base)
		<-lexicon
		e.linkCountries(&st)
	})
	e.lex = newLexicon(base.Lexicon)
	close(lexicon)
	entries := nameEntries(base, e.lex)
	// The names' words correct a typo only in a word that is no name, no
	// ordinary word and no word of the statements: they are read at the
	// first such word, from the base again (keeping the entries would
	// hold several MB at 100,000 places).
	e.nameWords = names.LazyWords(func() []string { return nameWords(nameEntries(base, e.lex), e.lex) })
	e.names = names.New(entries, entryIDs(base, e.lex, entries))
	read.Wait()
	e.linkStatements(&st)
	wg.Wait()
	return e
}

// placesAndIndexes sorts the places and the members of every network by
// name and builds the per-snapshot indexes (index.go).
func (e *Engine) placesAndIndexes() {
	base := e.base
	// Sort with the keys computed once: a place's key, then its rank
	// (places of one key share it), so no comparison looks anything up.
	type keyed struct {
		key string
		at  int32 // position in base.Places
	}
	ks := make([]keyed, len(base.Places))
	for i := range base.Places {
		pl := &base.Places[i]
		ks[i] = keyed{sortKey(pl.Name), int32(i)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	// The core names are the sort keys but for a few prefixes: nearly
	// sorted already, and sharing their bytes.
	cores := make([]keyed, len(ks))
	for i, k := range ks {
		cores[i] = keyed{coreOf(k.key), k.at}
	}
	slices.SortFunc(cores, func(a, b keyed) int { return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.at, b.at)) })
	e.sibPrefix, e.sibPlaces = make([]uint64, len(cores)), make([]int32, len(cores))
	for i, c := range cores {
		e.sibPrefix[i], e.sibPlaces[i] = prefix8(c.key), c.at
	}
	// The rank of each place's sort key: lists sort by it without folding
	// names in every comparison; places with the same key share a rank.
	// keyRank and idx.pos are by position in base.Places: slices, where
	// maps by id would take 7 MB more at 100,000 places.
	e.places = make([]*domain.Place, len(ks))
	e.keyRank = make([]int32, len(ks))
	e.idx.pos = make([]int32, len(ks))
	for i, k := range ks {
		e.places[i] = &base.Places[k.at]
		e.idx.pos[k.at] = int32(i)
		r := int32(i)
		if i > 0 && k.key == ks[i-1].key {
			r = e.keyRank[ks[i-1].at]
		}
		e.keyRank[k.at] = r
	}
	byNet := make([][]memberRef, len(base.Networks))
	for ni, n := range base.Networks {
		type ranked struct{ rank, at, place int32 }
		order := make([]ranked, 0, len(n.Members))
		for j, m := range n.Members {
			if b, ok := base.PlaceIndex(m.Place); ok {
				order = append(order, ranked{e.keyRank[b], int32(j), int32(b)})
			}
		}
		slices.SortStableFunc(order, func(a, b ranked) int { return int(a.rank - b.rank) })
		ms := make([]memberRef, len(order))
		for i, o := range order {
			m := &n.Members[o.at]
			ms[i] = memberRef{m: m, at: e.idx.pos[o.place], current: m.Until.IsZero()}
		}
		e.members[n.ID], byNet[ni] = ms, ms
	}
	for _, pl := range e.places {
		if i := strings.IndexAny(pl.Name, "- "); i > 0 {
			first := words.Fold(pl.Name[:i])
			e.byFirstWord[first] = append(e.byFirstWord[first], pl)
		}
	}
	e.netText = make([]string, len(e.base.Networks))
	for i, n := range e.base.Networks {
		e.netText[i] = networkText(n)
	}
	e.buildIndexes(byNet)
}

// nameEntries lists everything questions may name, with all its names.
func nameEntries(base *domain.Base, lex *lexicon) []names.Entry {
	out := make([]names.Entry, 0, len(base.Places)+len(base.Networks)+len(lex.states))
	taken := make(map[string]bool, len(base.Places))
	for _, p := range base.Places {
		taken[words.Fold(p.Name)] = true
		for _, n := range p.Aliases {
			taken[words.Fold(n)] = true
		}
	}
	// "Freiburg" names Freiburg im Breisgau, "Mülheim" Mülheim an der Ruhr:
	// the first word of a longer name, where no other place begins with it
	// or is called so.
	firsts := map[string]int{}
	first := make([]string, len(base.Places))
	for i, p := range base.Places {
		if w := firstWord(p.Name); w != "" {
			firsts[w]++
			first[i] = w
		}
	}
	for i, p := range base.Places {
		ns := append(make([]string, 0, 1+len(p.Aliases)+3), p.Name) // room for the forms below
		ns = append(ns, p.Aliases...)
		if w := first[i]; w != "" && firsts[w] == 1 && !taken[words.Fold(w)] && !isArea(&p) {
			ns = append(ns, strings.Fields(p.Name)[0])
		}
		if (p.Kind == "Stadt" || p.Kind == "Gemeinde") && p.Country == "" {
			// "Kölner Partnerstädte", "die Bielefelder": the place's people
			// and things, where the word is no ordinary word ("Hammer").
			w := strings.Fields(p.Name)[0]
			if r := []rune(w); len(r) >= 4 && !strings.ContainsAny(w, "()-") {
				demonym := w + "er"
				if r[len(r)-1] == 'e' {
					demonym = w + "r" // a name ending in e adds only r: Herne → Herner
				}
				if f := words.Fold(demonym); !taken[f] && !lex.ordinary(f) {
					ns = append(ns, demonym)
				}
				if stem, ok := strings.CutSuffix(w, "en"); ok && utf8.RuneCountInString(stem) >= 5 {
					// "Ratinger", "Lüner": a name in -en often swaps it for -er.
					if f := words.Fold(stem + "er"); !taken[f] && !lex.ordinary(f) {
						ns = append(ns, stem+"er")
					}
				}
			}
		}
		switch p.Kind {
		case "Kreis":
			// "Coesfeld" names the Kreis Coesfeld when no place is called so.
			for _, prefix := range []string{"Kreis ", "Landkreis "} {
				if short, ok := strings.CutPrefix(p.Name, prefix); ok {
					if !taken[words.Fold(short)] {
						ns = append(ns, short)
					}
					ns = append(ns, "Landkreis "+short, "Kreis "+short)
				}
			}
			// "im Oberbergischen", "im Märkischen": a Kreis named by its
			// adjective ("Oberbergischer Kreis") is called by it alone.
			if adj, ok := strings.CutSuffix(p.Name, "er Kreis"); ok && !strings.Contains(adj, " ") {
				if f := words.Fold(adj + "en"); !taken[f] && !lex.ordinary(f) {
					ns = append(ns, adj+"en")
				}
			}
		case "Regierungsbezirk":
			short := strings.TrimPrefix(p.Name, "Regierungsbezirk ")
			ns = append(ns, "RB "+short, "Regbez "+short, "Bezirk "+short, "Bezirksregierung "+short, "Regierungsbezirks "+short,
				short+" region", short+" RB") // "the Detmold region (RB)"
		}
		out = append(out, names.Entry{Kind: names.Place, ID: p.ID, Names: ns})
	}
	for _, n := range base.Networks {
		ns := append([]string{n.Name}, n.Aliases...)
		if n.ShortName != "" {
			ns = append(ns, n.ShortName)
		}
		out = append(out, names.Entry{Kind: names.Network, ID: n.ID, Names: ns})
	}
	for _, st := range lex.states {
		e := names.Entry{Kind: names.State, ID: st.to}
		n := strings.Join(st.words, " ")
		if utf8.RuneCountInString(n) <= 2 {
			e.Short = []string{n}
		} else {
			e.Names = []string{n}
		}
		out = append(out, e)
	}
	return out
}

// entryIDs gives the id of each of nameEntries' entries from the base
// itself, so that the name index keeps no copy of 100,000 ids (1.6 MB);
// nil, and the index keeps them, should the entries ever come in
// another order.
func entryIDs(base *domain.Base, lex *lexicon, entries []names.Entry) func(int) string {
	places, nets := len(base.Places), len(base.Networks)
	states := make([]string, len(lex.states))
	for i, st := range lex.states {
		states[i] = st.to
	}
	id := func(i int) string {
		switch {
		case i < places:
			return base.Places[i].ID
		case i < places+nets:
			return base.Networks[i-places].ID
		}
		return states[i-places-nets]
	}
	if len(entries) != places+nets+len(states) {
		return nil
	}
	for i := range entries {
		if entries[i].ID != id(i) {
			return nil
		}
	}
	return id
}

// firstWord is the first word of a name of several words, lower-cased, or
// "" when it is short or a word like "Bad" or "Kreis" that begins many.
func firstWord(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	w := strings.ToLower(strings.TrimRight(f[0], ",-"))
	switch w {
	case "kreis", "landkreis", "stadt", "gemeinde", "verbandsgemeinde", "bezirksregierung", "regierungsbezirk", "sankt", "hansestadt", "lutherstadt":
		return ""
	}
	if utf8.RuneCountInString(w) < 5 || strings.ContainsAny(w, "()") {
		return ""
	}
	return w
}

// statementWords are the base's statements read as words: what
// linkCountries and linkStatements need of them before the lexicon and
// the names exist.
type statementWords struct {
	// words holds the words (folded, and stemmed) of all statements
	// (Engine.statementWord).
	words map[string]bool
	// facts holds each network fact as the name index reads it and as
	// tokenize reads it, the networks' facts in base order.
	facts []statementFact
	// refs are the networks' statements (the texts questions are searched
	// in) with their words, for Engine.statementRefs.
	refs []refWords
}

type refWords struct {
	ref domain.FactRef
	ts  []names.Token
}

// byWord lists, for each word folded or stemmed, the statements that
// have it, each once.
func byWord(rws []refWords) map[string][]domain.FactRef {
	out := map[string][]domain.FactRef{}
	for _, rw := range rws {
		for _, t := range rw.ts {
			for _, w := range [2]string{t.Fold, t.Term} {
				if rs := out[w]; len(rs) == 0 || rs[len(rs)-1] != rw.ref {
					out[w] = append(rs, rw.ref)
				}
			}
		}
	}
	return out
}

type statementFact struct {
	ref  domain.FactRef
	ts   []names.Token
	toks []tok
}

// readStatements splits, folds and stems the base's statements. A word is
// folded once however often the statements use it.
func readStatements(base *domain.Base) statementWords {
	st := statementWords{words: map[string]bool{}}
	counted := func(ref domain.FactRef, ts []names.Token) { st.refs = append(st.refs, refWords{ref, ts}) }
	type folded struct{ fold, term string }
	seen := map[string]folded{}
	addWords := func(text string) []names.Token {
		ws := words.Split(text)
		ts := make([]names.Token, len(ws))
		for i, w := range ws {
			f, ok := seen[w]
			if !ok {
				f.fold = words.Fold(w)
				f.term = words.Stem(f.fold)
				seen[w] = f
				st.words[f.fold], st.words[f.term] = true, true
			}
			ts[i] = names.Token{Fold: f.fold, Term: f.term, Pos: i}
		}
		return ts
	}
	for _, n := range base.Networks {
		ref := func(part string, i int) domain.FactRef { return domain.FactRef{Network: n.ID, Part: part, Index: i} }
		counted(ref("description", 0), addWords(n.Description.Text))
		for i, g := range n.Goals {
			counted(ref("goal", i), addWords(g.Text))
		}
		counted(ref("founding", 0), addWords(n.Founded.Text))
		for i, f := range n.Facts {
			sf := statementFact{ref: domain.FactRef{Network: n.ID, Part: "fact", Index: i}, toks: tokenize(f.Text)}
			if utf8.ValidString(f.Text) && !strings.ContainsAny(f.Text, "'’") {
				// tokenize read the same words (it cuts only a "'s"), folded
				// and stemmed: the text is not split a second time.
				sf.ts = make([]names.Token, len(sf.toks))
				for j, t := range sf.toks {
					sf.ts[j] = names.Token{Fold: t.fold, Term: t.term, Pos: j}
					st.words[t.fold], st.words[t.term] = true, true
				}
			} else {
				sf.ts = addWords(f.Text)
			}
			counted(sf.ref, sf.ts)
			st.facts = append(st.facts, sf)
		}
		for i, c := range n.Counts {
			counted(ref("count", i), addWords(c.Text))
		}
	}
	for _, p := range base.Places {
		for _, f := range p.Facts {
			addWords(f.Text)
		}
	}
	for _, c := range base.PartnershipCounts {
		addWords(c.Text)
	}
	for _, x := range base.Figures {
		addWords(x.Text)
	}
	return st
}

// linkCountries notes the countries each network fact speaks of.
func (e *Engine) linkCountries(st *statementWords) {
	for _, f := range st.facts {
		for _, c := range e.lex.countriesIn(f.toks) {
			e.countryFacts[c] = append(e.countryFacts[c], f.ref)
		}
	}
}

// minLongWord is the shortest statement word a typo is corrected to: a
// long word misspelt by one letter has no other reading.
const minLongWord = 9

// linkStatements notes the words of the base's statements and the places
// each network fact names.
func (e *Engine) linkStatements(st *statementWords) {
	// The word indexes serve some questions only: built when one first
	// needs them, not at every start.
	e.statementWord, e.statementRefs = st.words, sync.OnceValue(func() map[string][]domain.FactRef { return byWord(st.refs) })
	e.statementSorted = sync.OnceValue(func() []string { return slices.Sorted(maps.Keys(st.words)) })
	e.placeByKey = sync.OnceValue(func() map[domain.AGS]string {
		m := map[domain.AGS]string{}
		for _, pl := range e.base.Places {
			if pl.AGS != 0 {
				m[pl.AGS] = pl.ID
			}
		}
		return m
	})
	e.longWords = names.LazyWords(func() []string {
		var ws []string
		for w := range st.words {
			if utf8.RuneCountInString(w) >= minLongWord && !e.lex.ordinary(w) {
				ws = append(ws, w)
			}
		}
		return ws
	})
	e.titles = quotedTitles(e.base)
	// A title of short words only („Who is who“) is one word to the
	// statements that quote it: its words alone are too short to search.
	for i := range st.refs {
		for _, ts := range e.titles {
			for _, title := range ts {
				if w, ok := shortTitle(title); ok && hasRun(st.refs[i].ts, title) {
					st.refs[i].ts = append(st.refs[i].ts, names.Token{Fold: w, Term: w, Pos: -1})
					st.words[w] = true
				}
			}
		}
	}
	e.twinWords = sync.OnceValue(func() map[string][]int32 { return twinningWords(e.base) })
	var genitive []names.Token
	for _, f := range st.facts {
		for _, m := range e.names.Find(f.ts) {
			if m.Kind == names.Place && !slices.Contains(e.factPlaces[f.ref], m.ID) {
				e.factPlaces[f.ref] = append(e.factPlaces[f.ref], m.ID)
			}
		}
		// "Paderborns Bürgermeister": a name in the genitive names the
		// place too. Only words whose "s" was cut are looked up again.
		genitive = genitive[:0]
		for _, t := range f.ts {
			if fold, ok := strings.CutSuffix(t.Fold, "s"); ok && len(fold) >= 4 && !e.statementWord[fold] {
				genitive = append(genitive, names.Token{Fold: fold, Term: words.Stem(fold), Pos: t.Pos})
			}
		}
		for _, m := range e.names.Find(genitive) {
			if m.Kind == names.Place && m.Distance == 0 && !slices.Contains(e.factPlaces[f.ref], m.ID) {
				e.factPlaces[f.ref] = append(e.factPlaces[f.ref], m.ID)
			}
		}
		if ps := e.factPlaces[f.ref]; len(ps) > 0 {
			e.statementPlaces[e.base.Network(f.ref.Network).Facts[f.ref.Index].Text] = ps
		}
	}
}

// Close closes the engine's index, if it has one to close. A reload calls
// it on the engine it replaced, once that engine's last questions are done.
func (e *Engine) Close() error {
	if c, ok := e.search.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// Prepare builds what the engine otherwise builds for the first question
// that needs it (the statements' and twinnings' word indexes): a bot calls
// it in the background after a load, `ask` never.
func (e *Engine) Prepare() {
	e.statementRefs()
	e.twinWords()
	e.foldTexts()
}

// Base is the knowledge base the engine answers from.
func (e *Engine) Base() *domain.Base { return e.base }

// Ask answers one question.
func (e *Engine) Ask(ctx context.Context, question string) domain.Answer {
	return e.ask(ctx, question, nil)
}

// AskFollowUp answers a question as the next one of a conversation whose
// previous answer had the frame prev: a question that changes one thing
// ("und in Frankreich?", "und Paderborn?", "seit wann?") keeps the rest,
// a complete question stands alone.
func (e *Engine) AskFollowUp(ctx context.Context, question, prev string) domain.Answer {
	if f, ok := decodeFrame(prev); ok {
		return e.ask(ctx, question, &f)
	}
	return e.ask(ctx, question, nil)
}

// Frame returns the frame of a question, as routing sees it: `ask
// --frame` prints it and the golden tests pin it.
func (e *Engine) Frame(_ context.Context, question string) (Frame, error) {
	return e.frame(question, nil), nil
}

// frame is the one way from text to a Frame: chatter and help first, then
// understand.
func (e *Engine) frame(question string, prev *Frame) Frame {
	q := e.lex.expand(clean(question))
	text, _ := e.lex.stripChatter(q)
	switch {
	case text == "" && (strings.Trim(q, " ?!.,;:-") != "" || hasEmoji(question)):
		// Nothing but chatter: greetings, thanks, emoji. A mention and
		// punctuation alone ("@engagiert ?") ask for help.
		toks := tokenize(q)
		f := Frame{Op: OpChatter, English: e.lex.isEnglish(toks, nil)}
		for _, t := range toks {
			if e.lex.thanks[t.fold] && !slices.Contains(f.Words, t.fold) {
				f.Words = append(f.Words, t.fold) // "danke": thanks get a "gern geschehen"
			}
		}
		return f
	case text == "":
		return Frame{Op: OpHelp}
	}
	if prev != nil && prev.Person != "" {
		if asked, ok := e.personAsked(text, *prev); ok {
			// "is he in another network too?": the question about him,
			// which stands alone.
			text, prev = asked, nil
		}
	}
	f := e.understand(text, prev)
	if f.Op == OpDescribe && len(f.Subjects) > 0 && e.lex.tagged(q) {
		// "Paderborn ist doch kreisfrei, oder?": a statement with a tag
		// asks yes or no (the tag itself went with the chatter). An
		// English tag makes it English where its own words do not tell
		// ("Gütersloh is kreisfrei, right?").
		f.Op = OpYesNo
		if !f.English && e.lex.taggedIn(q, true) {
			f.English = true
		}
	}
	if f.Op == OpHelp || (len(f.Subjects) == 0 && f.Filters.IsZero() && e.lex.onlyHelp(text)) {
		return Frame{Op: OpHelp, English: f.English}
	}
	return f
}

// onlyHelp reports whether a question is nothing but a help cue: "hilfe",
// "was kannst du?".
func (l *lexicon) onlyHelp(text string) bool {
	toks := tokenize(text)
	help := l.cueSpan["help"]
	for _, id := range l.at(toks, 0) {
		if n := l.phrases[id].match(toks, 0, all); help.has(id) && n > 0 && n == len(toks) {
			return true
		}
	}
	return false
}

func (e *Engine) ask(ctx context.Context, question string, prev *Frame) (a domain.Answer) {
	defer func() {
		// A bug in one kind of answer must cost one answer, never the
		// process: the asker gets a short apology (Failed, so never
		// cached), the log the stack. Surfaces recover too, for askers
		// other than this engine.
		if r := recover(); r != nil {
			e.log.Error("answer panicked", "panic", clip(fmt.Sprint(r), 300), "question", clip(question, 500), "stack", recovery.Stack(0))
			a = domain.Apology(question)
			if e.lex.isEnglish(tokenize(clean(question)), nil) {
				a.Title, a.Lead, a.English = say(true, "apology.title"), say(true, "apology"), true
			}
		}
	}()
	f := e.frame(question, prev)
	a = e.answerFrame(ctx, f)
	a.Query = question
	return a
}

// answerFrame answers a frame and its parts through the table of kinds.
func (e *Engine) answerFrame(ctx context.Context, f Frame) domain.Answer {
	var answers []domain.Answer
	for _, part := range append([]Frame{f}, f.Parts...) {
		part.Parts = nil
		a, name := e.route(ctx, part)
		if e.log.Enabled(ctx, slog.LevelDebug) { // printing a frame costs more than many answers
			e.log.Debug("routed", "frame", part.String(), "kind", name)
		}
		a.English = a.English || part.English
		e.unanswered(part, &a)
		if part.Op == OpCount && a.Found {
			a.Lead = e.figureInDigits(a.Lead)
		}
		if part.Op != OpHelp && part.Op != OpChatter {
			if a.Focus == "" {
				a.Focus = e.focusOf(a.Lead, part.Words)
				if ps := e.statementPlaces[a.Lead]; part.Ordinal > 1 && part.Op == OpWho && len(ps) >= part.Ordinal {
					a.Focus = ps[part.Ordinal-1] // "aus welcher Stadt kommt der zweite?": the second one named
				}
			}
			part.Focus = a.Focus
			if a.Found && (part.Op == OpWho || a.Kind == domain.KindFacts && len(part.Words) > 0 && len(part.places()) == 0 && part.About == AboutSubjects) {
				// "Who is …?", "Which Staatssekretärin …?": a person the next
				// question may point at (a statement found by words names one).
				part.Person = e.personIn(a.Lead, part.Words)
			}
			a.Frame = part.encode()
		}
		if a.English {
			// Quoted statements stay German, their dates and countries read English;
			// after the focus, which reads the lead as written.
			a.Lead = e.lex.englishCountries(domain.EnglishDates(a.Lead))
			for i := range a.Facts {
				a.Facts[i].Text = e.lex.englishCountries(domain.EnglishDates(a.Facts[i].Text))
			}
		}
		answers = append(answers, a)
	}
	// Two questions in one: their leads first. What answers a later
	// part stays, over the budget if need be: a short answer that leaves
	// out half the question is no answer.
	isLead := func(x domain.AnswerFact) bool {
		return slices.ContainsFunc(answers[1:], func(b domain.Answer) bool { return b.Lead == x.Text })
	}
	a := e.shorten(joinAnswers(answers), isLead)
	for len(answers) > 1 && utf8.RuneCountInString(a.PlainText()) > answerBudget {
		i := len(a.Facts) - 1
		for i >= 0 && isLead(a.Facts[i]) {
			i--
		}
		if i < 0 {
			break
		}
		a.Facts = slices.Delete(a.Facts, i, i+1)
	}
	return a
}

// clip shortens user text for a log line to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// failed is the answer when the index itself failed: an internal error is
// logged, never shown.
func (e *Engine) failed(q string, english bool) domain.Answer {
	return domain.Answer{Query: q, Found: false, Kind: domain.KindNone, Failed: true, English: english,
		Title: say(english, "apology.title"), Lead: say(english, "failed")}
}

// siblingsOf are the places that share a core name (coreName): the Stadt
// Coesfeld and the Kreis Coesfeld, in the order of the base.
func (e *Engine) siblingsOf(core string) []*domain.Place {
	p := prefix8(core)
	lo, _ := slices.BinarySearch(e.sibPrefix, p)
	// The names that share the prefix are sorted: those equal to core
	// are one run among them.
	// The run's core names are folded into one buffer on the stack, not a
	// string each: every question about a place asks for its siblings.
	var buf [64]byte
	name := func(i int) []byte { return appendCoreName(buf[:0], e.base.Places[e.sibPlaces[i]].Name) }
	for lo < len(e.sibPrefix) && e.sibPrefix[lo] == p && string(name(lo)) < core {
		lo++
	}
	var out []*domain.Place
	for i := lo; i < len(e.sibPrefix) && e.sibPrefix[i] == p && string(name(i)) == core; i++ {
		out = append(out, &e.base.Places[e.sibPlaces[i]])
	}
	return out
}

// appendCoreName appends coreName(name) to dst.
func appendCoreName(dst []byte, name string) []byte {
	n := len(dst)
	dst = words.AppendFold(dst, name)
	core := dst[n:]
	for _, p := range corePrefixes {
		core = bytes.TrimPrefix(core, []byte(p))
	}
	return append(dst[:n], core...)
}

// prefix8 is the first eight bytes of s as a number, in the order of
// the strings (a shorter string pads with zeros, which no name holds).
func prefix8(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// sortKey orders names the German way: Ä with A, case ignored.
func sortKey(s string) string { return words.Fold(s) }

// coreName is a place's name without "Kreis", folded: "Kreis Coesfeld"
// and "Coesfeld" share it.
func coreName(name string) string { return coreOf(words.Fold(name)) }

// coreOf is coreName of a folded name.
func coreOf(n string) string {
	for _, p := range corePrefixes {
		n = strings.TrimPrefix(n, p)
	}
	return n
}

// corePrefixes are what coreOf takes off, in this order.
var corePrefixes = [...]string{"kreis ", "landkreis ", "stadt ", "gemeinde "}

// nameWords are the words of every name that are no ordinary words, for
// typo correction, sorted, each once.
func nameWords(entries []names.Entry, lex *lexicon) []string {
	var ws []string
	// Names share many words ("Kreis", "Regierungsbezirk", a place's name
	// in its aliases): each is read once, the list is a set.
	seen := map[string]bool{}
	for _, en := range entries {
		for _, n := range en.Names {
			for _, w := range words.Split(n) {
				if seen[w] {
					continue
				}
				seen[w] = true
				f := words.Fold(w)
				if !lex.ordinary(f) {
					ws = append(ws, f)
				}
				if utf8.RuneCountInString(f) >= 8 && strings.HasSuffix(f, "e") {
					// "engagerten" for the "Engagierten Städte": a long word
					// of a name as the question declines it.
					ws = append(ws, f, f+"n")
				}
			}
		}
	}
	slices.Sort(ws)
	return slices.Compact(ws)
}

// focusOf is the first place a statement leading an answer names, looked
// up by its text (statementPlaces, built once): "Paderborn hat den
// Vorsitz …" focuses on Paderborn.
func (e *Engine) focusOf(lead string, ws []string) string {
	ps := e.statementPlaces[lead]
	if i := strings.LastIndex(lead, " ("); len(ps) == 0 && i > 0 {
		// A dated statement leads with its date after it (AnswerFact.BodyIn:
		// "… (Stand 1. Januar 2025)").
		ps = e.statementPlaces[lead[:i]]
	}
	if len(ps) == 0 {
		return ""
	}
	return e.placeNear(lead, ps, ws)
}

// placeNear is the place of ps the text names first after a word of the
// question: "Schridde kommt aus welcher Stadt?" asks of "Siegmar Schridde
// (Stadt Rheine)", not of the Kreis named before him. Without such a word,
// the first place.
func (e *Engine) placeNear(text string, ps, ws []string) string {
	folded := strings.ToLower(text)
	from := -1
	for _, w := range ws {
		if i := strings.Index(folded, w); i >= 0 && utf8.RuneCountInString(w) >= 4 && (from < 0 || i < from) {
			from = i
		}
	}
	if from < 0 {
		return ps[0]
	}
	best, at := ps[0], -1
	for _, id := range ps {
		pl := e.base.Place(id)
		if pl == nil {
			continue
		}
		if i := strings.Index(folded[from:], strings.ToLower(pl.Name)); i >= 0 && (at < 0 || i < at) {
			best, at = id, i
		}
	}
	return best
}

// quotedTitles collects the titles the networks' statements quote: two to
// six words in „…“ that begin with a capital and hold no figure.
func quotedTitles(base *domain.Base) map[string][][]string {
	out := map[string][][]string{}
	for _, n := range base.Networks {
		for _, x := range n.Facts {
			for rest := x.Text; ; {
				_, after, ok := strings.Cut(rest, "„")
				if !ok {
					break
				}
				title, tail, ok := strings.Cut(after, "“")
				if !ok {
					break
				}
				rest = tail
				r, _ := utf8.DecodeRuneInString(title)
				toks := tokenize(title)
				if !unicode.IsUpper(r) || len(toks) < 2 || len(toks) > 6 || strings.ContainsAny(title, "0123456789") {
					continue
				}
				ws := make([]string, len(toks))
				for i, t := range toks {
					ws[i] = t.fold
				}
				if !slices.ContainsFunc(out[ws[0]], func(o []string) bool { return slices.Equal(o, ws) }) {
					out[ws[0]] = append(out[ws[0]], ws)
				}
			}
		}
	}
	return out
}

// shortTitle is the one word a title of short words only stands for
// ("who_is_who"); ok is false for a title with a longer word, which is
// searched by its words.
func shortTitle(title []string) (string, bool) {
	for _, w := range title {
		if utf8.RuneCountInString(w) > 3 {
			return "", false
		}
	}
	return strings.Join(title, "_"), true
}

// hasRun reports whether the tokens spell the words in a row.
func hasRun(ts []names.Token, run []string) bool {
	for i := 0; i+len(run) <= len(ts); i++ {
		ok := true
		for j, w := range run {
			ok = ok && ts[i+j].Fold == w
		}
		if ok {
			return true
		}
	}
	return false
}

// twinningWords indexes the words of the twinnings' notes and statements.
func twinningWords(base *domain.Base) map[string][]int32 {
	out := map[string][]int32{}
	for i, p := range base.Partnerships {
		texts := []string{p.Note}
		for _, x := range p.Facts {
			texts = append(texts, x.Text)
		}
		for _, text := range texts {
			for _, t := range tokenize(text) {
				for _, w := range [2]string{t.fold, t.term} {
					if rs := out[w]; len(rs) == 0 || rs[len(rs)-1] != int32(i) {
						out[w] = append(rs, int32(i))
					}
				}
			}
		}
	}
	return out
}

// figureInDigits adds the digits to the first number a count's lead says
// in words ("zwölf Städte" → "zwölf (12) Städte"): a statement quoted as
// the answer to "wie viele" says its figure as the source wrote it, and a
// reader scanning for the figure finds it either way. A lead that gives a
// figure in digits before any number word is left as it is.
func (e *Engine) figureInDigits(lead string) string {
	for _, t := range e.tokensOf(lead) {
		if t.num >= 0 && t.num < 1900 {
			return lead // a figure in digits comes first
		}
		n, ok := e.lex.cardinal(t.fold)
		if !ok {
			continue
		}
		for at := 0; at < len(lead); {
			i := strings.Index(lead[at:], t.raw)
			if i < 0 {
				break
			}
			i += at
			j := i + len(t.raw)
			before, _ := utf8.DecodeLastRuneInString(lead[:i])
			after, _ := utf8.DecodeRuneInString(lead[j:])
			if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
				return lead[:j] + " (" + strconv.Itoa(n) + ")" + lead[j:]
			}
			at = j
		}
		return lead
	}
	return lead
}

// unanswered marks as not found an answer that shows what is known but
// not what the part asked: a statement that says the sources do not tell,
// no address or number where one was asked, nothing of the year asked, a
// chair of something else. It runs after every kind, so no kind needs to.
func (e *Engine) unanswered(part Frame, a *domain.Answer) {
	if a.Found && (part.Op == OpWhen || part.Time == WhenNext || part.Attribute == domain.AttrPhone) && e.saysCuePhrase(a.Lead, "unsaid") {
		// "Wann findet der Praxistag statt?", "its phone number?": the
		// statement that answers says the sources do not tell; it is
		// shown, not found. (Where to reach it at all, a contact, is
		// answered by where it sits.)
		a.Found = false
	}
	if a.Found && part.Op == OpWhen && part.Time == WhenNext && a.Lead != say(a.English || part.English, "no.coming") && !e.speaksOfComing(a.Lead) {
		// "Wann startet die nächste Bewerbungsrunde?" answered by when the
		// programme began: nothing said of this year or later tells when
		// the next one is; what is known follows in one line.
		notFoundKnowing(a, say(a.English || part.English, "no.coming"))
	}
	if pl := e.base.Place(cmp.Or(firstOf(part.places()), part.Filters.Area)); a.Found && pl != nil && (part.Op == OpWho || part.Op == OpList && part.About != AboutTwinnings) &&
		part.Attribute == domain.AttrContact && a.Kind == domain.KindFacts && len(part.Asked) > 0 && (!e.hasWord(a.Lead, part.Asked...) || !strings.Contains(a.Lead, placeShortName(pl))) {
		// "Wer ist in Swisttal die Ansprechperson für Engagement?" answered by a
		// statement that names Swisttal for something else: the person
		// asked is not known; the statement follows in one line.
		label := e.lex.label(part.Attribute, a.English || part.English)
		notFoundKnowing(a, germanContraction(say(a.English || part.English, "noinfo.place", label, pl.Name)))
	}
	// The checks that read every fact (statesEnd) or the places a lead
	// names (placesNamed) come last in their conditions: unanswered runs
	// for every answer, and they took a fifth of the engine's CPU when
	// asked of every one (issue 17).
	factEnds := func(x domain.AnswerFact) bool { return e.statesEnd(x.Text) }
	if a.Found && part.Time == WhenUntil && a.Kind == domain.KindFacts && !e.statesEnd(a.Lead) && slices.ContainsFunc(a.Facts, factEnds) {
		// "until when could cities apply?": the statement that names an
		// end leads.
		i := slices.IndexFunc(a.Facts, factEnds)
		lead := a.Facts[i]
		a.Facts = slices.Delete(slices.Clone(a.Facts), i, i+1)
		a.Facts = append([]domain.AnswerFact{{Text: a.Lead, Source: a.LeadSource}}, a.Facts...)
		a.Lead, a.LeadSource = lead.Text, lead.Source
	}
	if a.Found && part.Time == WhenUntil && a.Kind == domain.KindFacts && !e.statesEnd(a.Lead) {
		// "Bis wann läuft die Förderung?" answered by when it began: a
		// statement that names no end does not tell; it follows in one
		// line.
		notFoundKnowing(a, say(a.English || part.English, "no.until"))
	}
	if a.Found && part.Op == OpCount && a.Kind == domain.KindFacts && len(a.Lists) == 0 && !e.givesCount(a.Lead, part) {
		// "Wie viele Kommunen nahmen an der EWS 2 teil?": the statement
		// names them without their number; the number leads, counted from
		// the names, the statement follows.
		if n := e.placesNamed(a.Lead); n >= minNamedCount {
			a.Facts = append([]domain.AnswerFact{{Text: a.Lead, Source: a.LeadSource}}, a.Facts...)
			key := "count.named"
			if e.saysCuePhrase(a.Facts[0].Text, "among-others") {
				key = "count.named.some" // "nahmen unter anderem … teil": not all
			}
			a.Lead, a.LeadSource = say(a.English || part.English, key, n), nil
		}
	}
	if a.Found && part.Sum && a.Kind == domain.KindFacts && len(a.Lists) == 0 && !e.saysCue(a.Lead, "currency") {
		// "Wie viel Geld gibt das Land für die fünfte EWS?" answered by
		// what the workshops are: no sum of money; the statement follows
		// in one line.
		notFoundKnowing(a, say(a.English || part.English, "noinfo.sum"))
	}
	if a.Found && part.Op == OpCount && part.Attribute == domain.AttrPeople && a.Kind == domain.KindFacts && len(a.Lists) == 0 && !e.countsWords(a.Lead, slices.Concat(e.lex.attrWordsOf(domain.AttrPeople), e.lex.cueWords("members"), part.Asked)) {
		// "Wie viele Mitarbeitende hat die Netzwerkstelle?" answered by a
		// statement that names the team and how many years it was funded:
		// no figure of people; the statement follows in one line.
		notFoundKnowing(a, say(a.English || part.English, "noinfo.figure"))
	}
	if a.Found && part.Op == OpCount && a.Kind == domain.KindFacts && len(a.Lists) == 0 && !e.givesFigure(a.Lead) {
		// "Wie viele Mitarbeitende hat die Auslandsgesellschaft?" answered
		// by who leads it: a count no statement gives is not found; the
		// statement follows in one line.
		notFoundKnowing(a, say(a.English || part.English, "noinfo.figure"))
	}
	if a.Found && (part.Attribute == domain.AttrPhone || part.Attribute == domain.AttrContact && e.saysCue(strings.Join(append(slices.Clone(part.Asked), part.Words...), " "), "channel")) &&
		!e.saysCue(a.Lead, "channel") && !strings.Contains(a.Lead, "@") {
		// "What's the e-mail of the Netzwerkstelle?", "Telefonnummer vom
		// Programmbüro?": a statement that gives no address or number
		// (where it sits, that no contact page is known) shows what is
		// known, but what was asked is not found.
		a.Found = false
	}
	if y := part.Filters.Year; a.Found && y != 0 && part.Filters.YearOp == "" && (part.Op == OpWhen || part.Attribute == domain.AttrEvent || part.Attribute == domain.AttrPeople) &&
		part.About != AboutTwinnings && !strings.Contains(a.PlainText(), strconv.Itoa(y)) {
		// "Wann tagt der Lenkungsausschuss 2026?", "Is there an event
		// in March 2026?", "Wer ist 2025 neu im Team?": nothing said of
		// that year answers; what is
		// known follows in one line.
		notFoundKnowing(a, say(a.English || part.English, "noinfo.year", y))
	}
	if a.Found && part.Op == OpWho && part.Attribute == domain.AttrChair && len(part.places()) == 0 {
		// "Who chairs the Beirat of the Netzwerkstelle?": a chair who
		// leads something else is no answer; what the sources say of
		// the Beirat follows.
		var ws []string
		for _, w := range part.Words {
			if n := len(e.refsOf(w)); n > 0 && n <= 5 && utf8.RuneCountInString(w) >= 5 && !e.lex.ordinary(w) { // a body few statements name
				ws = append(ws, w)
			}
		}
		if len(ws) > 0 && !e.hasWord(a.Lead, ws...) {
			var known []domain.AnswerFact
			for _, x := range a.Facts {
				if e.hasWord(x.Text, ws...) {
					known = append(known, x)
					break
				}
			}
			a.Found, a.Lead, a.LeadSource, a.Facts = false, say(a.English || part.English, "chair.none.of", lang.UpperFirst(ws[0])), nil, known
		}
	}
}

// yearSpanRE finds a span of years: "2017–2019", "2014-2015".
var yearSpanRE = regexp.MustCompile(`\b(19|20)\d\d\s?[–-]\s?(19|20)?\d\d\b`)

// statesEnd reports whether a text says when something ends: an end word
// with a year ("endet 2024"), a span of years, or a day ("Bewerbungsschluss
// war der 31. Oktober 2025").
func (e *Engine) statesEnd(text string) bool {
	if e.saysCue(text, "end-words") && namesYearIn(text, 1900, math.MaxInt) || yearSpanRE.MatchString(text) {
		return true
	}
	toks := e.tokensOf(text)
	for i := 0; i+2 < len(toks); i++ {
		if d := toks[i].num; d >= 1 && d <= 31 && domain.IsGermanMonth(toks[i+1].fold) && toks[i+2].num >= 1900 {
			return true
		}
	}
	return false
}

// notFoundKnowing makes an answer whose lead does not answer what was
// asked a not-found one: lead says so in one line, and the lead it had
// follows as the one line of what is known.
func notFoundKnowing(a *domain.Answer, lead string) {
	known := domain.AnswerFact{Text: a.Lead, Source: a.LeadSource}
	a.Found, a.Lead, a.LeadSource = false, lead, nil
	a.Facts, a.Lists = []domain.AnswerFact{known}, nil
}

// speaksOfComing reports whether a text names this year or a later one:
// only such a statement can tell when the next of something is.
func (e *Engine) speaksOfComing(text string) bool {
	return namesYearIn(text, int(e.today().Year), math.MaxInt)
}

// minNamedCount is how many places a statement must name for a count to be
// read from the names: fewer are a statement about them, not a list.
const minNamedCount = 3

// placeShortName is a place's name without the kind before it: "Coesfeld" of
// "Kreis Coesfeld", as statements name it ("im Kreis Coesfeld", "der
// Coesfelder Kreistag" aside).
func placeShortName(pl *domain.Place) string {
	if kind, rest, ok := strings.Cut(pl.Name, " "); ok && kind == pl.Kind {
		return rest
	}
	return pl.Name
}

// municipal are the kinds of place a count of Kommunen counts: not a
// Bezirksregierung that took part with them, nor a region.
var municipal = map[string]bool{"Stadt": true, "Gemeinde": true, "Kreis": true, "Städteregion": true, "Verbandsgemeinde": true, "Gemeindeverband": true}

// placesNamed is how many Kommunen of the base a text names, each spelt as
// the base spells it.
func (e *Engine) placesNamed(text string) int {
	count := func(ids []string) int {
		n := 0
		for _, id := range ids {
			if pl := e.base.Place(id); pl != nil && municipal[pl.Kind] {
				n++
			}
		}
		return n
	}
	if ids, ok := e.statementPlaces[text]; ok {
		return count(ids) // a network's statement: read when the engine was built
	}
	toks := e.tokensOf(text)
	nts := make([]names.Token, len(toks))
	for i, t := range toks {
		nts[i] = names.Token{Fold: t.fold, Term: t.term, Pos: t.pos, Ordinary: e.lex.vocab[t.fold] || e.lex.fillers[t.fold], Clause: t.clause}
	}
	var ids []string
	for _, m := range e.names.Find(nts) {
		if m.Kind == names.Place && m.Distance == 0 && !slices.Contains(ids, m.ID) {
			ids = append(ids, m.ID)
		}
	}
	return count(ids)
}

// givesCount reports whether a text gives a figure other than a year, a
// day or the number the question itself names ("EWS 2", "2014–2015", "am
// 16. Oktober" give none).
func (e *Engine) givesCount(text string, f Frame) bool {
	toks := e.tokensOf(text)
	for i, t := range toks {
		if i+1 < len(toks) && domain.IsGermanMonth(toks[i+1].fold) {
			continue // "vom 16. Oktober": a day
		}
		if n := max(t.num, e.lex.numbers[t.fold]); n > 0 && n != f.Number && n != f.Ordinal && (n < 1900 || n > 2100) {
			return true
		}
	}
	return false
}

// givesFigure reports whether a text gives a number, in digits or in words
// ("zehn Kommunen").
func (e *Engine) givesFigure(text string) bool {
	for _, t := range e.tokensOf(text) {
		if t.num > 0 || e.lex.numbers[t.fold] > 0 {
			return true
		}
	}
	return false
}
