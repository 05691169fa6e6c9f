// Package search is the Bleve adapter: it indexes a knowledge base in memory
// (scorch) with German-aware analysis and implements domain.Searcher.
//
// Names of places and networks go into a field analysed without stop words,
// because the German stop list drops real place names ("Werden", "Essen" are
// safe only there). Descriptions and facts go into a text field with stop
// words removed. Both fold umlauts and ß (Gütersloh = Guetersloh =
// Gutersloh) and stem lightly (Städte = Stadt); misspelt names are found with
// Bleve's fuzzy (Levenshtein) queries.
package search

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	blevesearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/lang"
)

const (
	plainAnalyzer = "eg_plain" // words as typed, lower-cased: for stop-word checks
	nameAnalyzer  = "eg_name"  // folded + stemmed, no stop words: names
	textAnalyzer  = "eg_text"  // folded + stemmed, stop words removed: statements
	stemAnalyzer  = "eg_stem"  // eg_text without the stop list: question words
	nfcFilter     = "eg_nfc"

	fieldName    = "name"
	fieldText    = "text"
	fieldNetwork = "network"

	// maxMentionHits bounds how many name documents one question inspects.
	maxMentionHits = 60
	maxFactHits    = 20
	// minPrefix is the shortest stem that also matches the statement words
	// it begins: shorter ones begin too many.
	minPrefix = 7
	// maxPostings bounds the documents one exact name word brings in.
	maxPostings = 500
)

// Index is an in-memory Bleve index over one knowledge base. It is safe for
// concurrent use; a reload builds a new Index rather than mutating one.
type Index struct {
	idx     bleve.Index
	mapping *mapping.IndexMappingImpl
	plain   analysis.Analyzer
	name    analysis.Analyzer
	stem    analysis.Analyzer
	text    analysis.Analyzer
	stop    analysis.TokenMap
	// variants holds, per document id, the analysed terms of each name and
	// alias, so a hit can be checked for matching a whole name.
	variants map[string][][]string
	// rawLens holds, per document and variant, the length of a one-word
	// name as written (0 for longer names): the stemmer makes "geld" of
	// "Geldern", and a word much shorter than the name is no mention of it.
	rawLens map[string][]int
	// postings maps every analysed name word to the documents whose names
	// contain it: exact name words are looked up here, not in Bleve.
	postings map[string][]string
	// nameLens holds the lengths of name words: a word whose length is more
	// edits away from every name word's cannot match and is not looked up.
	nameLens map[int]bool
	// textTerms holds every word of the statements: a word found here as
	// typed is matched exactly.
	textTerms map[string]bool
	kinds     map[string]string // document id -> "place" | "network"
	ids       map[string]string // document id -> domain id
	facts     map[string]domain.FactRef
}

var _ domain.Searcher = (*Index)(nil)

type entityDoc struct {
	Name []string `json:"name"`
}

type factDoc struct {
	Text    string `json:"text"`
	Network string `json:"network"`
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomTokenFilter(nfcFilter, map[string]interface{}{
		"type": unicodenorm.Name, "form": unicodenorm.NFC,
	}); err != nil {
		return nil, err
	}
	analyzers := map[string][]string{
		plainAnalyzer: {nfcFilter, lowercase.Name},
		nameAnalyzer:  {nfcFilter, lowercase.Name, de.NormalizeName, de.LightStemmerName},
		// Statements are stemmed harder (Snowball), so "bewerben" finds
		// "Bewerbungsfrist"'s neighbour "Bewerbung"; names only lightly, so
		// place names stay distinct.
		textAnalyzer: {nfcFilter, lowercase.Name, de.StopName, de.NormalizeName, de.SnowballStemmerName},
		stemAnalyzer: {nfcFilter, lowercase.Name, de.NormalizeName, de.SnowballStemmerName},
	}
	for name, filters := range analyzers {
		if err := m.AddCustomAnalyzer(name, map[string]interface{}{
			"type": custom.Name, "tokenizer": unicode.Name, "token_filters": filters,
		}); err != nil {
			return nil, err
		}
	}
	doc := bleve.NewDocumentStaticMapping()
	nameField := bleve.NewTextFieldMapping()
	nameField.Analyzer = nameAnalyzer
	nameField.IncludeTermVectors = true
	doc.AddFieldMappingsAt(fieldName, nameField)
	textField := bleve.NewTextFieldMapping()
	textField.Analyzer = textAnalyzer
	textField.IncludeTermVectors = true
	doc.AddFieldMappingsAt(fieldText, textField)
	netField := bleve.NewKeywordFieldMapping()
	doc.AddFieldMappingsAt(fieldNetwork, netField)
	m.DefaultMapping = doc
	m.DefaultAnalyzer = textAnalyzer
	return m, nil
}

// Build indexes the base. The index lives in memory only.
func Build(base *domain.Base) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	ix := &Index{idx: idx, mapping: m,
		plain: m.AnalyzerNamed(plainAnalyzer), name: m.AnalyzerNamed(nameAnalyzer), stem: m.AnalyzerNamed(stemAnalyzer), text: m.AnalyzerNamed(textAnalyzer),
		variants: map[string][][]string{}, rawLens: map[string][]int{}, postings: map[string][]string{}, nameLens: map[int]bool{}, textTerms: map[string]bool{}, kinds: map[string]string{}, ids: map[string]string{},
		facts: map[string]domain.FactRef{}}
	if ix.stop, err = stopWords(); err != nil {
		return nil, err
	}

	batch := idx.NewBatch()
	flush := func() error {
		if batch.Size() < 5000 {
			return nil
		}
		if err := idx.Batch(batch); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
		batch.Reset()
		return nil
	}
	addEntity := func(kind, id string, names []string) error {
		docID := kind + ":" + id
		ix.kinds[docID], ix.ids[docID] = kind, id
		for _, n := range names {
			if terms := ix.terms(ix.name, n); len(terms) > 0 {
				ix.variants[docID] = append(ix.variants[docID], terms)
				raw := 0
				if ws := ix.terms(ix.plain, n); len(ws) == 1 {
					raw = utf8.RuneCountInString(ws[0])
				}
				ix.rawLens[docID] = append(ix.rawLens[docID], raw)
				for _, t := range terms {
					if ps := ix.postings[t]; len(ps) == 0 || ps[len(ps)-1] != docID {
						ix.postings[t] = append(ps, docID)
					}
					ix.nameLens[utf8.RuneCountInString(t)] = true
				}
			}
		}
		if err := batch.Index(docID, entityDoc{Name: names}); err != nil {
			return err
		}
		return flush()
	}
	placeNames := map[string]bool{}
	for _, p := range base.Places {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			placeNames[lang.Fold(n)] = true
		}
	}
	// "Freiburg" names Freiburg im Breisgau, "Mülheim" Mülheim an der Ruhr:
	// the first word of a longer name, where no other place begins with it
	// or is called so.
	firsts := map[string]int{}
	for _, p := range base.Places {
		if w := firstWord(p.Name); w != "" {
			firsts[w]++
		}
	}
	for _, p := range base.Places {
		names := append([]string{p.Name}, p.Aliases...)
		if w := firstWord(p.Name); w != "" && firsts[w] == 1 && !placeNames[w] && p.Kind != "Kreis" {
			names = append(names, strings.Fields(p.Name)[0])
		}
		// "Coesfeld" names "Kreis Coesfeld" when no place is called that.
		if p.Kind == "Kreis" {
			for _, prefix := range []string{"Kreis ", "Landkreis "} {
				if short, ok := strings.CutPrefix(p.Name, prefix); ok && !placeNames[lang.Fold(short)] {
					names = append(names, short)
				}
			}
		}
		if err := addEntity("place", p.ID, names); err != nil {
			return nil, err
		}
	}
	for _, n := range base.Networks {
		if err := addEntity("network", n.ID, append([]string{n.Name}, n.Aliases...)); err != nil {
			return nil, err
		}
		for _, st := range statements(n) {
			if strings.TrimSpace(st.text) == "" {
				continue
			}
			docID := "fact:" + n.ID + ":" + st.part + ":" + strconv.Itoa(st.index)
			ix.facts[docID] = domain.FactRef{Network: n.ID, Part: st.part, Index: st.index}
			for _, t := range ix.terms(ix.text, st.text) {
				ix.textTerms[t] = true
			}
			if err := batch.Index(docID, factDoc{Text: norm.NFC.String(st.text), Network: n.ID}); err != nil {
				return nil, err
			}
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := idx.Batch(batch); err != nil {
		return nil, fmt.Errorf("index batch: %w", err)
	}
	return ix, nil
}

// firstWord is the first word of a name of several words, folded (lang.Fold), or
// "" when it is short or a word like "Bad" or "Kreis" that begins many.
func firstWord(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	w := lang.Fold(strings.TrimRight(f[0], ",-"))
	switch w {
	case "kreis", "landkreis", "stadt", "gemeinde", "verbandsgemeinde", "bezirksregierung", "regierungsbezirk", "sankt", "hansestadt", "lutherstadt":
		return ""
	}
	if len([]rune(w)) < 5 || strings.ContainsAny(w, "()") {
		return ""
	}
	return w
}

// statement is one searchable text of a network.
type statement struct {
	part  string // as in domain.FactRef
	index int
	text  string
}

// statements lists the texts of a network that questions are matched against.
func statements(n domain.Network) []statement {
	out := []statement{
		{"description", 0, n.Description.Text},
		{"founding", 0, n.Founded.Text + " " + n.Founded.Place},
	}
	for i, g := range n.Goals {
		out = append(out, statement{"goal", i, g.Text})
	}
	for i, f := range n.Facts {
		out = append(out, statement{"fact", i, f.Text})
	}
	for i, c := range n.Counts {
		out = append(out, statement{"count", i, c.Value + " " + c.Text})
	}
	return out
}

// Close releases the index.
func (ix *Index) Close() error { return ix.idx.Close() }

func stopWords() (analysis.TokenMap, error) {
	tm := analysis.NewTokenMap()
	if err := tm.LoadBytes(de.GermanStopWords); err != nil {
		return nil, fmt.Errorf("german stop words: %w", err)
	}
	return tm, nil
}

// terms analyses text and returns the terms in order.
func (ix *Index) terms(a analysis.Analyzer, text string) []string {
	var out []string
	for _, t := range a.Analyze([]byte(norm.NFC.String(text))) {
		out = append(out, string(t.Term))
	}
	return out
}

// Tokens splits a question into words with their folded, stemmed form.
func (ix *Index) Tokens(question string) []domain.Token {
	stream := ix.plain.Analyze([]byte(norm.NFC.String(question)))
	out := make([]domain.Token, 0, len(stream))
	for i, t := range stream {
		raw := string(t.Term)
		term, stem := raw, raw
		if ts := ix.name.Analyze(t.Term); len(ts) > 0 {
			term = string(ts[0].Term)
		}
		if ts := ix.stem.Analyze(t.Term); len(ts) > 0 {
			stem = string(ts[0].Term)
		}
		_, stop := ix.stop[raw]
		out = append(out, domain.Token{Raw: raw, Term: term, Stem: stem, Pos: i, Stop: stop})
	}
	return out
}

// fuzziness is how many edits a word may be off: none for short words and
// stop words (too many chance matches), one from five letters, two from nine
// to twelve (longer words are rarely names). limit caps it: Mentions looks
// with one edit first, because Bleve's two-edit automaton costs 0.2 to 0.4 ms
// to build per word, and only when that finds nothing with two.
func fuzziness(t domain.Token, limit int) int {
	n := utf8.RuneCountInString(t.Term)
	f := 2
	switch {
	case t.Stop || t.Exact || n < 5:
		return 0
	case n < 9 || n > 12:
		f = 1
	}
	return min(f, limit)
}

// nameLenNear reports whether some name word is within f letters of term's length.
func (ix *Index) nameLenNear(term string, f int) bool {
	n := utf8.RuneCountInString(term)
	for l := n - f; l <= n+f; l++ {
		if ix.nameLens[l] {
			return true
		}
	}
	return false
}

// Mentions finds the places and networks a question names. A name counts only
// when all of its words occur in the question, in order and close together,
// each exactly or within its fuzziness; overlapping candidates are resolved in
// favour of longer, then more exact, names.
func (ix *Index) Mentions(ctx context.Context, tokens []domain.Token) ([]domain.Mention, error) {
	if len(tokens) == 0 {
		return nil, nil
	}
	ms, err := ix.mentions(ctx, tokens, tokens, 1)
	if err != nil || len(ms) > 0 {
		return ms, err
	}
	// Second look, two edits, only for words that may be a misspelt name:
	// not a word of the statements ("Vereinbarung"), which is no typo.
	var second []domain.Token
	for _, t := range tokens {
		if _, known := ix.postings[t.Term]; !known && fuzziness(t, 2) == 2 && !ix.textTerms[t.Stem] {
			second = append(second, t)
		}
	}
	if len(second) == 0 {
		return nil, nil
	}
	return ix.mentions(ctx, tokens, second, 2)
}

// mentions looks the words up with at most limit edits each and matches the
// names found against all tokens of the question. Words that are name words
// as typed come straight from the postings kept beside the index; only the
// others go to Bleve as fuzzy queries, and a question without such words
// costs no search at all.
func (ix *Index) mentions(ctx context.Context, tokens, words []domain.Token, limit int) ([]domain.Mention, error) {
	var qs []query.Query
	seen := map[string]bool{}
	docs := map[string]bool{}
	for _, t := range words {
		if seen[t.Term] {
			continue
		}
		seen[t.Term] = true
		if ps, ok := ix.postings[t.Term]; ok {
			for _, id := range ps[:min(len(ps), maxPostings)] {
				docs[id] = true
			}
			continue // the exact match beats any near one in resolve anyway
		}
		// A word of the statements ("Vereinbarung") is a word, not a typo.
		if f := fuzziness(t, limit); f > 0 && !ix.textTerms[t.Stem] && ix.nameLenNear(t.Term, f) {
			fq := query.NewFuzzyQuery(t.Term)
			fq.SetField(fieldName)
			fq.SetFuzziness(f)
			qs = append(qs, fq)
		}
	}
	if len(qs) > 0 {
		req := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(qs), maxMentionHits, 0, false)
		res, err := ix.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("search names: %w", err)
		}
		for _, h := range res.Hits {
			docs[h.ID] = true
		}
	}
	ids := slices.Sorted(maps.Keys(docs)) // the same answer every time, whatever the map order
	var cands []domain.Mention
	for _, id := range ids {
		kind, ok := ix.kinds[id]
		if !ok {
			continue
		}
		if m, ok := ix.bestVariant(id, tokens, limit); ok {
			m.Kind, m.ID = kind, ix.ids[id]
			cands = append(cands, m)
		}
	}
	return resolve(cands), nil
}

// bestVariant checks every name variant of a document against the question
// and returns the best complete match.
func (ix *Index) bestVariant(docID string, tokens []domain.Token, limit int) (domain.Mention, bool) {
	var best domain.Mention
	found := false
	for i, v := range ix.variants[docID] {
		m, ok := matchVariant(v, tokens, limit)
		if !ok {
			continue
		}
		if n := ix.rawLens[docID][i]; n > 0 && len(m.Positions) == 1 && utf8.RuneCountInString(tokenAt(tokens, m.Positions[0]).Raw)+3 <= n {
			continue // "Geld" is not "Geldern", though both stem to "geld"
		}
		// The heaviest match wins (words less gaps), then the most compact:
		// "Netzwerk Engagierte Stadt" must not take the "Netzwerk" of
		// "Kommunen-Netzwerk oder Engagierte Stadt" from the other name.
		if !found || weight(m) > weight(best) || (weight(m) == weight(best) && span(m) < span(best)) ||
			(weight(m) == weight(best) && span(m) == span(best) && m.Distance < best.Distance) {
			best, found = m, true
		}
	}
	return best, found
}

// tokenAt is the token at a position.
func tokenAt(tokens []domain.Token, pos int) domain.Token {
	for _, t := range tokens {
		if t.Pos == pos {
			return t
		}
	}
	return domain.Token{}
}

// matchVariant finds the variant's terms in the question, in order, with at
// most two other words between consecutive ones. Every occurrence of the
// first term is tried as a start ("Welche Kommunen gehören zum
// Kommunen-Netzwerk?" names "Kommunen" twice); the closest match wins.
func matchVariant(variant []string, tokens []domain.Token, limit int) (domain.Mention, bool) {
	var best domain.Mention
	found := false
	for _, start := range tokens {
		d := levenshtein(start.Term, variant[0], fuzziness(start, limit))
		if d < 0 {
			continue
		}
		m := domain.Mention{Positions: []int{start.Pos}, Distance: d}
		if !extendVariant(&m, variant[1:], tokens, limit) {
			continue
		}
		if !found || m.Distance < best.Distance {
			best, found = m, true
		}
	}
	return best, found
}

// extendVariant matches the rest of a variant after m's last position.
func extendVariant(m *domain.Mention, rest []string, tokens []domain.Token, limit int) bool {
	prev := m.Positions[len(m.Positions)-1]
	for _, term := range rest {
		bestPos, bestDist := -1, 1<<30
		for _, t := range tokens {
			if t.Pos <= prev || t.Pos > prev+3 {
				continue
			}
			d := levenshtein(t.Term, term, fuzziness(t, limit))
			if d >= 0 && d < bestDist {
				bestPos, bestDist = t.Pos, d
			}
		}
		if bestPos < 0 {
			return false
		}
		m.Positions = append(m.Positions, bestPos)
		m.Distance += bestDist
		prev = bestPos
	}
	return true
}

// resolve keeps the strongest mention for every question word: longer, more
// compact names first, then fewer edits.
// weight is a name's words less the gaps between them: "Engagierten Städte
// in NRW" names "Engagierte Städte" (two words, together) rather than
// "engagiert in NRW" (three words with one between).
func weight(m domain.Mention) int { return len(m.Positions) - (span(m) - len(m.Positions)) }

// span is how many question words a match covers, gaps included.
func span(m domain.Mention) int { return m.Positions[len(m.Positions)-1] - m.Positions[0] + 1 }

func resolve(cands []domain.Mention) []domain.Mention {
	slices.SortStableFunc(cands, func(a, b domain.Mention) int {
		return cmp.Or(
			cmp.Compare(weight(b), weight(a)),
			cmp.Compare(len(a.Positions), len(b.Positions)), // as heavy, fewer gaps
			cmp.Compare(a.Distance, b.Distance),
			cmp.Compare(a.Positions[0], b.Positions[0]))
	})
	used := map[int]bool{}
	var out []domain.Mention
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
	slices.SortStableFunc(out, func(a, b domain.Mention) int { return cmp.Compare(a.Positions[0], b.Positions[0]) })
	return out
}

// Facts finds statements that share content words with the question.
func (ix *Index) Facts(ctx context.Context, tokens []domain.Token, network string) ([]domain.FactHit, error) {
	var terms []domain.Token
	seen := map[string]bool{}
	for _, t := range tokens {
		if t.Stop || seen[t.Stem] || utf8.RuneCountInString(t.Stem) < 2 {
			continue
		}
		seen[t.Stem] = true
		t.Term = t.Stem // statements are indexed with the stronger stemmer
		terms = append(terms, t)
	}
	if len(terms) == 0 {
		return nil, nil
	}
	var qs []query.Query
	for _, t := range terms {
		// A long word's stem also finds the words it begins: "Unterzeichnung"
		// (unterzeichn) finds "unterzeichneten" (unterzeichnet).
		if utf8.RuneCountInString(t.Term) >= minPrefix {
			pq := query.NewPrefixQuery(t.Term)
			pq.SetField(fieldText)
			qs = append(qs, pq)
		}
		if f := fuzziness(t, 1); f > 0 && utf8.RuneCountInString(t.Term) >= 8 && !ix.textTerms[t.Term] {
			fq := query.NewFuzzyQuery(t.Term)
			fq.SetField(fieldText)
			fq.SetFuzziness(f)
			qs = append(qs, fq)
		} else {
			tq := query.NewTermQuery(t.Term)
			tq.SetField(fieldText)
			qs = append(qs, tq)
		}
	}
	var q query.Query = query.NewDisjunctionQuery(qs)
	if network != "" {
		nq := query.NewTermQuery(network)
		nq.SetField(fieldNetwork)
		q = query.NewConjunctionQuery([]query.Query{q, nq})
	}
	req := bleve.NewSearchRequestOptions(q, maxFactHits, 0, false)
	req.IncludeLocations = true
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search facts: %w", err)
	}
	var out []domain.FactHit
	for _, h := range res.Hits {
		ref, ok := ix.facts[h.ID]
		if !ok {
			continue
		}
		matched := 0
		for _, t := range terms {
			long := utf8.RuneCountInString(t.Term) >= minPrefix
			for docTerm := range h.Locations[fieldText] {
				if levenshtein(t.Term, docTerm, fuzziness(t, 1)) >= 0 || (long && strings.HasPrefix(docTerm, t.Term)) {
					matched++
					break
				}
			}
		}
		out = append(out, domain.FactHit{Ref: ref, Matched: matched, Total: len(terms), Score: h.Score})
	}
	return out, nil
}

// levenshtein returns the edit distance of a and b, or -1 when it exceeds max.
// Bleve finds the candidates; this only tells which question word matched
// which name word, which Bleve's hit locations do not say. Terms are folded
// to ASCII by the German normaliser, so Bleve's byte-wise distance fits.
func levenshtein(a, b string, max int) int {
	if a == b {
		return 0
	}
	if max == 0 {
		return -1
	}
	d, exceeded := blevesearch.LevenshteinDistanceMax(a, b, max)
	if exceeded || d > max {
		return -1
	}
	return d
}
