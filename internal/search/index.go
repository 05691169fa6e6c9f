// Package search is the Bleve adapter: it indexes the statements of a
// knowledge base (descriptions, goals, foundings, counts and facts of the
// networks) in memory with German-aware analysis and implements
// domain.Searcher.
//
// Statements go into a text field with stop words removed, umlauts and ß
// folded (Gütersloh = Guetersloh = Gutersloh) and words stemmed (Snowball:
// "bewerben" finds "Bewerbung"). Names are not indexed here: the answer
// engine finds them in its own name index (package names), built once per
// snapshot for cheap edit-distance look-ups.
package search

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/upsidedown"
	"github.com/blevesearch/bleve/v2/mapping"
	blevesearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/unicode/norm"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/memo"
)

const (
	plainAnalyzer = "eg_plain" // words as typed, lower-cased: for stop-word checks
	textAnalyzer  = "eg_text"  // folded + stemmed, stop words removed: statements
	stemAnalyzer  = "eg_stem"  // eg_text without the stop list: question words
	nfcFilter     = "eg_nfc"

	fieldText    = "text"
	fieldNetwork = "network"

	maxFactHits = 20
	// minPrefix is the shortest stem that also matches the statement words
	// it begins: shorter ones begin too many.
	minPrefix = 7

	// rememberedSearches is how many questions' tokens and searches an
	// index remembers (each a few hundred bytes).
	rememberedSearches = 4096
)

// Index is an in-memory Bleve index over the statements of one knowledge
// base. It is safe for concurrent use; a reload builds a new Index rather
// than mutating one.
//
// The statements are indexed when they are first searched (or Prepare
// asks for it): a process that answers one question about a place never
// pays for the index, and a bot builds it in the background.
type Index struct {
	base  *domain.Base
	plain analysis.Analyzer
	stem  analysis.Analyzer
	stop  analysis.TokenMap
	m     *mapping.IndexMappingImpl

	once sync.Once
	idx  index.Index // nil until built, or when it failed or was closed first
	err  error
	// textTerms holds every word of the statements: a word found here as
	// typed is matched exactly.
	textTerms map[string]bool
	facts     map[string]domain.FactRef
	nb        neighbours

	// tokens and hits remember what Tokens and Facts returned, by their
	// input: both depend on nothing else, the index never changes, and a
	// question that differs from one asked before only in letter case or
	// in words the search leaves out (stop words, names) analyses and
	// searches the same terms. Three analysers per word and a Bleve search
	// cost about a seventh of answering a new question.
	tokens *memo.Map[string, []domain.Token]
	hits   *memo.Map[string, []domain.FactHit]
}

// errClosed is what searching an index closed before it was built says.
var errClosed = errors.New("index closed")

var _ domain.Searcher = (*Index)(nil)

type factDoc struct {
	Text    string `json:"text"`
	Network string `json:"network"`
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	if err := m.AddCustomTokenFilter(nfcFilter, map[string]interface{}{
		"type": unicodenorm.Name, "form": unicodenorm.NFC,
	}); err != nil {
		return nil, err
	}
	analyzers := map[string][]string{
		plainAnalyzer: {nfcFilter, lowercase.Name},
		// Statements are stemmed hard (Snowball), so "bewerben" finds
		// "Bewerbungsfrist"'s neighbour "Bewerbung".
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
	doc := mapping.NewDocumentStaticMapping()
	textField := mapping.NewTextFieldMapping()
	textField.Analyzer = textAnalyzer
	textField.IncludeTermVectors = true
	// Every query names its field and no search reads a stored field:
	// neither a stored copy nor the composite _all field is kept.
	textField.Store, textField.IncludeInAll = false, false
	doc.AddFieldMappingsAt(fieldText, textField)
	netField := mapping.NewKeywordFieldMapping()
	netField.Store, netField.IncludeInAll = false, false
	doc.AddFieldMappingsAt(fieldNetwork, netField)
	m.DefaultMapping = doc
	m.DefaultAnalyzer = textAnalyzer
	return m, nil
}

// Build prepares the index of the base's statements: its analysers now,
// the statements when they are first searched (see Index).
func Build(base *domain.Base) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	ix := &Index{base: base, m: m, plain: m.AnalyzerNamed(plainAnalyzer), stem: m.AnalyzerNamed(stemAnalyzer),
		tokens: memo.New[string, []domain.Token](rememberedSearches), hits: memo.New[string, []domain.FactHit](rememberedSearches)}
	if ix.stop, err = stopWords(); err != nil {
		return nil, err
	}
	return ix, nil
}

// Prepare indexes the statements now, if nothing has yet: a bot calls it
// in the background after a load, so that its first search finds the index
// built. It returns what building the index returned.
func (ix *Index) Prepare() error {
	ix.once.Do(func() { ix.idx, ix.err = ix.build() })
	return ix.err
}

// build indexes the statements in one batch. The index lives in memory
// only and never changes after: Bleve's upside-down index over a store of
// sorted rows (store.go), used through Bleve's index, query and collector
// packages rather than its top-level package. That package links the
// scorch index in, whose package init builds fuzzy automata and, with the
// segment formats it registers, made every start of the binary about 14 ms
// slower, the question never searched included (issue 17: cold start).
// The queries and their scores (tf-idf) are Bleve's either way; a test
// holds the hits to scorch's.
func (ix *Index) build() (index.Index, error) {
	queue := index.NewAnalysisQueue(runtime.GOMAXPROCS(0))
	defer queue.Close() // the batch below is the only analysis this index does
	idx, err := upsidedown.NewUpsideDownCouch(sortedStoreName, nil, queue)
	if err == nil {
		err = idx.Open()
	}
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	ix.textTerms, ix.facts = map[string]bool{}, map[string]domain.FactRef{}
	batch := index.NewBatch()
	err = ix.eachDoc(func(id string, ref domain.FactRef, d factDoc) error {
		ix.facts[id] = ref
		doc := document.NewDocument(id)
		if err := ix.m.MapDocument(doc, d); err != nil {
			return err
		}
		batch.Update(doc)
		return nil
	})
	if err == nil {
		err = idx.Batch(batch)
	}
	if err == nil {
		err = ix.readTerms(idx)
	}
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("index statements: %w", err)
	}
	return idx, nil
}

// readTerms takes textTerms and the sorted dictionary of the neighbours
// from the index's dictionary, which holds the statements' words as the
// index analysed them, in byte order.
func (ix *Index) readTerms(idx index.Index) error {
	r, err := idx.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	dict, err := r.FieldDict(fieldText)
	if err != nil {
		return err
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if e == nil || err != nil {
			return err
		}
		ix.textTerms[e.Term] = true
		ix.nb.terms = append(ix.nb.terms, e.Term)
	}
}

// eachDoc calls f with every statement that has words, as the index holds
// it: its document id, what it refers to, the document.
func (ix *Index) eachDoc(f func(id string, ref domain.FactRef, d factDoc) error) error {
	for _, n := range ix.base.Networks {
		for _, st := range statements(n) {
			if strings.TrimSpace(st.text) == "" {
				continue
			}
			id := "fact:" + n.ID + ":" + st.part + ":" + strconv.Itoa(st.index)
			if err := f(id, domain.FactRef{Network: n.ID, Part: st.part, Index: st.index}, factDoc{Text: norm.NFC.String(st.text), Network: n.ID}); err != nil {
				return err
			}
		}
	}
	return nil
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

// Close releases the index; an index not built yet is never built then.
func (ix *Index) Close() error {
	ix.once.Do(func() { ix.err = errClosed })
	if ix.idx == nil {
		return nil
	}
	return ix.idx.Close()
}

func stopWords() (analysis.TokenMap, error) {
	tm := analysis.NewTokenMap()
	if err := tm.LoadBytes(de.GermanStopWords); err != nil {
		return nil, fmt.Errorf("german stop words: %w", err)
	}
	return tm, nil
}

// Tokens splits a question into words with their folded, stemmed form.
// The caller gets a slice of its own.
func (ix *Index) Tokens(question string) []domain.Token {
	if toks, ok := ix.tokens.Get(question); ok {
		return slices.Clone(toks)
	}
	toks := ix.analyse(question)
	ix.tokens.Put(question, toks)
	return slices.Clone(toks)
}

// analyse is Tokens without remembering.
func (ix *Index) analyse(question string) []domain.Token {
	stream := ix.plain.Analyze([]byte(norm.NFC.String(question)))
	out := make([]domain.Token, 0, len(stream))
	for i, t := range stream {
		raw := string(t.Term)
		stem := raw
		if ts := ix.stem.Analyze(t.Term); len(ts) > 0 {
			stem = string(ts[0].Term)
		}
		_, stop := ix.stop[raw]
		out = append(out, domain.Token{Raw: raw, Stem: stem, Pos: i, Stop: stop})
	}
	return out
}

// fuzziness is how many edits a statement word may be off: none for short
// words and stop words (too many chance matches), one from five letters.
func fuzziness(t domain.Token) int {
	if t.Stop || utf8.RuneCountInString(t.Stem) < 5 {
		return 0
	}
	return 1
}

// Facts finds statements that share content words with the question. The
// caller gets a slice of its own.
func (ix *Index) Facts(ctx context.Context, tokens []domain.Token, network string) ([]domain.FactHit, error) {
	terms, key := searchTerms(tokens, network)
	if len(terms) == 0 {
		return nil, nil
	}
	if hits, ok := ix.hits.Get(string(key)); ok {
		return slices.Clone(hits), nil
	}
	if err := ix.Prepare(); err != nil {
		return nil, fmt.Errorf("search facts: %w", err)
	}
	hits, err := ix.searchIfAny(ctx, terms, network)
	if err != nil {
		return nil, err // a search cut short by ctx, or a broken index: nothing to remember
	}
	ix.hits.Put(string(key), hits)
	return slices.Clone(hits), nil
}

// searchTerms are the tokens a search looks for: no stop word, no
// one-letter stem, each stem once. The search reads only their stems, in
// order, and the network: key says all of them.
func searchTerms(tokens []domain.Token, network string) (terms []domain.Token, key []byte) {
	seen := map[string]bool{}
	key = []byte(network)
	for _, t := range tokens {
		if t.Stop || seen[t.Stem] || utf8.RuneCountInString(t.Stem) < 2 {
			continue
		}
		seen[t.Stem] = true
		terms = append(terms, t)
		key = append(append(key, 0), t.Stem...)
	}
	return terms, key
}

// searchIfAny is search, unless no statement word can match a term.
func (ix *Index) searchIfAny(ctx context.Context, terms []domain.Token, network string) ([]domain.FactHit, error) {
	if can, err := ix.anyCanMatch(terms); err != nil || !can {
		return nil, err
	}
	return ix.search(ctx, terms, network)
}

// search asks Bleve for the statements that match the terms.
func (ix *Index) search(ctx context.Context, terms []domain.Token, network string) ([]domain.FactHit, error) {
	q, err := ix.query(terms, network)
	if err != nil {
		return nil, fmt.Errorf("search facts: %w", err)
	}
	hits, err := ix.run(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("search facts: %w", err)
	}
	var out []domain.FactHit
	for _, h := range hits {
		ref, ok := ix.facts[h.ID]
		if !ok {
			continue
		}
		matched := 0
		for _, t := range terms {
			long := utf8.RuneCountInString(t.Stem) >= minPrefix
			for docTerm := range h.Locations[fieldText] {
				if levenshtein(t.Stem, docTerm, fuzziness(t)) >= 0 || (long && strings.HasPrefix(docTerm, t.Stem)) {
					matched++
					break
				}
			}
		}
		out = append(out, domain.FactHit{Ref: ref, Matched: matched, Total: len(terms), Score: h.Score})
	}
	return out, nil
}

// query is the Bleve query of the terms: each term, or its neighbours
// one edit away, or with a long stem the words it begins; with a network,
// only its statements.
func (ix *Index) query(terms []domain.Token, network string) (query.Query, error) {
	var qs []query.Query
	for _, t := range terms {
		// A long word's stem also finds the words it begins: "Unterzeichnung"
		// (unterzeichn) finds "unterzeichneten" (unterzeichnet).
		if utf8.RuneCountInString(t.Stem) >= minPrefix {
			pq, err := ix.prefix(t.Stem)
			if err != nil {
				return nil, err
			}
			qs = append(qs, pq)
		}
		if f := fuzziness(t); f > 0 && utf8.RuneCountInString(t.Stem) >= 8 && !ix.textTerms[t.Stem] {
			fq, err := ix.fuzzy(t.Stem)
			if err != nil {
				return nil, err
			}
			qs = append(qs, fq)
		} else {
			tq := query.NewTermQuery(t.Stem)
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
	return q, nil
}

// anyCanMatch reports whether a statement word can match one of the terms
// as the query Facts builds matches them: the word itself, a word it
// begins (a long stem), a word one edit away (a fuzzy one). When none can,
// the query would find nothing, and Bleve is not asked: a question whose
// words no statement has costs a few map and dictionary look-ups instead
// of a search.
func (ix *Index) anyCanMatch(terms []domain.Token) (bool, error) {
	for _, t := range terms {
		if ix.textTerms[t.Stem] {
			return true, nil
		}
	}
	for _, t := range terms {
		n := utf8.RuneCountInString(t.Stem)
		if n < minPrefix {
			continue
		}
		nb, err := ix.dict()
		if err != nil {
			return false, err
		}
		if i, _ := slices.BinarySearch(nb.terms, t.Stem); i < len(nb.terms) && strings.HasPrefix(nb.terms[i], t.Stem) {
			return true, nil
		}
		if fuzziness(t) > 0 && n >= 8 {
			ws, err := ix.near(t.Stem)
			if err != nil || len(ws) > 0 {
				return err == nil, err
			}
		}
	}
	return false, nil
}

// run returns the best maxFactHits statements that match q, with where
// the words matched, as Bleve's top-level search with IncludeLocations
// would: a searcher over a reader of the index, a top-N collector.
func (ix *Index) run(ctx context.Context, q query.Query) (_ blevesearch.DocumentMatchCollection, err error) {
	r, err := ix.idx.Reader()
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := r.Close(); err == nil {
			err = cerr
		}
	}()
	s, err := q.Searcher(ctx, r, ix.m, blevesearch.SearcherOptions{IncludeTermVectors: true})
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	c := collector.NewTopNCollector(maxFactHits, 0, factOrder.Copy())
	if err := c.Collect(ctx, s, r); err != nil {
		return nil, err
	}
	return c.Results(), nil
}

// factOrder puts equal scores in the order of the statements' ids: the
// same question gets the same answer in every process, whatever order the
// index took the statements in.
var factOrder = blevesearch.ParseSortOrderStrings([]string{"-_score", "_id"})

// levenshtein returns the edit distance of a and b, or -1 when it exceeds max.
// Bleve finds the candidates; this only tells which question word matched
// which statement word, which Bleve's hit locations do not say. Terms are folded
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
