package domain

import "context"

// Token is one word of a question, as the search index sees it.
type Token struct {
	Raw  string // lower-cased, NFC-normalised word as typed: "städte"
	Term string // folded, lightly stemmed form names match on: "stadt"
	Stem string // folded, fully stemmed form statements match on: "bewerb"
	Pos  int    // position in the question, from 0
	Stop bool   // a German stop word: matched exactly, never fuzzily
	// Exact marks a word the caller knows is no name ("welche", "Mitglieder"):
	// it is matched exactly, which spares a costly fuzzy lookup.
	Exact bool
}

// Mention is a place or network that a question names, possibly misspelt.
type Mention struct {
	Kind string // "place" or "network"
	ID   string
	// Positions are the question tokens the name was matched on.
	Positions []int
	// Distance is the sum of edit distances of the matched words: 0 is exact.
	Distance int
}

// FactRef names one statement of a network: its description (Index 0),
// a goal, the founding, a count or a fact.
type FactRef struct {
	Network string
	Part    string // "description", "goal", "founding", "count", "fact"
	Index   int
}

// FactHit is a statement that shares words with the question.
type FactHit struct {
	Ref FactRef
	// Matched and Total count the question's content words found in the
	// statement and in the question: the answer engine uses the share to tell
	// a real match from a chance overlap.
	Matched, Total int
	Score          float64
}

// Searcher finds what a question refers to. The Bleve adapter implements it;
// the answer engine depends only on this interface.
type Searcher interface {
	// Tokens splits and normalises a question.
	Tokens(question string) []Token
	// Mentions finds the places and networks a question names, typos included.
	Mentions(ctx context.Context, tokens []Token) ([]Mention, error)
	// Facts finds statements sharing content words with the tokens; network
	// limits the search to one network when not empty.
	Facts(ctx context.Context, tokens []Token, network string) ([]FactHit, error)
}
