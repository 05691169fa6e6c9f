// Package lang is how engagiert treats the words of a natural language,
// German first: the one folding that makes spellings of a name equal
// (Fold), German alphabetical order (Compare, SortStableBy), and the first
// letter of a sentence (UpperFirst, LowerFirst). The search, the validator
// and the answer engine share it, so a name one of them treats as equal
// the others do too. It knows no technology beyond golang.org/x/text.
package lang

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Fold is the comparison form of a word or name: NFC, lower case, and
// German spellings made one: ä, ae and a alike (and ö, ü), ß as ss. It is
// the normalisation of Lucene's and Bleve's German analysis (de.NormalizeName,
// without stemming), so "Gütersloh", "Guetersloh" and "GUTERSLOH" all fold
// to "gutersloh", as the search finds them. After a vowel, q, i or y an "e"
// stays: "neue", "Quelle", "Bayern" keep theirs.
func Fold(s string) string {
	if ascii(s) {
		return foldASCII(s)
	}
	return foldAny(s)
}

// The states of Fold's reading: whether an "e" is an umlaut's.
const (
	ordinary = iota
	vowel    // after a vowel that stops an "u" from opening the umlaut state
	umlaut   // after a, o or u: a following "e" is the umlaut's, and goes
)

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// next is the state after the letter r, and whether r is the "e" of an
// umlaut, which goes.
func next(state int, r rune) (int, bool) {
	switch r {
	case 'a', 'o':
		return umlaut, false
	case 'u':
		if state == ordinary {
			return umlaut, false
		}
		return vowel, false
	case 'e':
		return vowel, state == umlaut
	case 'i', 'q', 'y':
		return vowel, false
	}
	return ordinary, false
}

// foldASCII is Fold of a word in ASCII, which is NFC already: most words
// people type. It returns s itself when folding changes nothing.
func foldASCII(s string) string {
	var b strings.Builder // empty until the first change: one allocation
	changed := false
	state := ordinary
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		var drop bool
		state, drop = next(state, rune(c))
		if !changed && (drop || c != s[i]) {
			changed = true
			b.Grow(len(s))
			b.WriteString(s[:i])
		}
		if changed && !drop {
			b.WriteByte(c)
		}
	}
	if !changed {
		return s
	}
	return b.String()
}

// FoldASCIIInPlace folds b, ASCII only, as Fold folds it, in b's own
// bytes (folding only lowers letters and drops an umlaut's "e", so it
// never writes ahead of what it reads), and returns the folded part: for
// callers that fold many words into one buffer (words.AppendFold), where a
// string per word is the cost.
func FoldASCIIInPlace(b []byte) []byte {
	state, n := ordinary, 0
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		var drop bool
		state, drop = next(state, rune(c))
		if !drop {
			b[n] = c
			n++
		}
	}
	return b[:n]
}

// foldAny is Fold of any text.
func foldAny(s string) string {
	s = strings.ToLower(norm.NFC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	state := ordinary
	for _, r := range s {
		switch r {
		case 'ä':
			r, state = 'a', vowel
		case 'ö':
			r, state = 'o', vowel
		case 'ü':
			r, state = 'u', vowel
		case 'ß':
			b.WriteString("ss")
			state = ordinary
			continue
		default:
			var drop bool
			if state, drop = next(state, r); drop {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// collator is a German collator with its key buffer; neither is safe for
// concurrent use, so they are pooled.
type collator struct {
	c   *collate.Collator
	buf collate.Buffer
}

var collators = sync.Pool{New: func() any { return &collator{c: collate.New(language.German)} }}

// Compare orders a and b as a German reader expects (DIN 5007-1, as
// golang.org/x/text/collate does for German): Ä among the A, ß as ss, case
// only where the letters are equal. It returns -1, 0 or +1.
func Compare(a, b string) int {
	c := collators.Get().(*collator)
	defer collators.Put(c)
	return c.c.CompareString(a, b)
}

// Key is the German sort key of s: bytes.Compare of two keys is Compare of
// their strings. Computing keys once (when a base is indexed) keeps the
// collation out of answering.
func Key(s string) []byte {
	c := collators.Get().(*collator)
	defer collators.Put(c)
	defer c.buf.Reset()
	return slices.Clone(c.c.KeyFromString(&c.buf, s))
}

// SortStableBy sorts xs by the German order of name(x), keeping the order of
// equal names. Each name's sort key is computed once, so sorting n elements
// costs n collations, not n log n.
func SortStableBy[T any](xs []T, name func(T) string) {
	type keyed struct {
		key []byte
		x   T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{Key(name(x)), x}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	for i := range ks {
		xs[i] = ks[i].x
	}
}

// UpperFirst returns s with its first letter in upper case: the start of a
// sentence built from a phrase.
func UpperFirst(s string) string { return mapFirst(s, unicode.ToUpper) }

// LowerFirst returns s with its first letter in lower case: a phrase taken
// into the middle of a sentence.
func LowerFirst(s string) string { return mapFirst(s, unicode.ToLower) }

func mapFirst(s string, f func(rune) rune) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(f(r)) + s[n:]
}
