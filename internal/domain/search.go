package domain

import "context"

// Token is one word of a question, as the statement index sees it.
type Token struct {
	Raw  string // lower-cased, NFC-normalised word as typed: "städte"
	Stem string // folded, fully stemmed form statements match on: "bewerb"
	Pos  int    // position in the question, from 0
	Stop bool   // a German stop word: matched exactly, never fuzzily
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

// Searcher finds the statements a question's words refer to. The Bleve
// adapter implements it; the answer engine depends only on this interface.
// Names are not its business: the engine keeps its own name index.
type Searcher interface {
	// Tokens splits and normalises a question.
	Tokens(question string) []Token
	// Facts finds statements sharing content words with the tokens; network
	// limits the search to one network when not empty.
	Facts(ctx context.Context, tokens []Token, network string) ([]FactHit, error)
}
