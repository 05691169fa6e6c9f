// Package words folds and stems words the one way the engine, the name
// index and the validation of the lexicon all use, so that a word a
// curator writes matches the words people type: "Städte", "staedte",
// "Stadt" and "STADT" are one word here.
//
// It is plain Go with no index behind it: reading a question costs a few
// string operations per word, not an analyser chain.
package words

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/engagiert/engagiert/internal/lang"
)

// Fold lower-cases a word and folds the German letters the way people
// type them without a German keyboard: ä, ae and a are one letter (so are
// ö/oe/o and ü/ue/u), ß is ss — lang.Fold, the one folding the search and
// the validator use too — and accents go as well (é is e), since people
// type "Chateauroux" and "Grudziadz". "Gütersloh", "Guetersloh" and
// "Gutersloh" fold alike.
func Fold(s string) string {
	if isASCII(s) {
		// Most words: folding ASCII only lowers letters and drops an
		// umlaut's e, so only a word that lost an e may fold further
		// ("aee" is "ae", then "a"); the rest of its letters are folded.
		f := lang.Fold(s)
		for len(f) < len(s) {
			s, f = f, lang.Fold(f)
		}
		return f
	}
	f := lang.Fold(strings.ToValidUTF8(s, ""))
	if f == s && isPlainLower(f) {
		return f // folded already: folding again changes nothing either
	}
	if !isPlainLower(f) {
		f = dropMarks(f)
	}
	// Folding again may fold more ("üe" is "ue", then "u"); the fixpoint is
	// what every caller must get, whether its word was folded before or
	// not. Each pass only drops letters, so this ends.
	for {
		g := lang.Fold(f)
		if g == f {
			return f
		}
		f = g
	}
}

// AppendFold appends Fold(s) to dst. An ASCII word, which most words of
// a question and of an answer are, folds in dst's own bytes: folding the
// text of an answer word by word into one buffer (answer's foldedText)
// then allocates nothing per word.
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, Fold(s)...)
		}
	}
	start := len(dst)
	dst = append(dst, s...)
	for {
		// Fold's fixpoint: after the first pass every letter is lower
		// case, and a pass that drops nothing changes nothing.
		n := len(dst)
		dst = dst[:start+len(lang.FoldASCIIInPlace(dst[start:]))]
		if len(dst) == n {
			return dst
		}
	}
}

// dropMarks removes accents: é is e.
func dropMarks(f string) string {
	var b strings.Builder
	b.Grow(len(f))
	for _, r := range norm.NFD.String(f) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r) // the marks NFD split off go: é is e + ´
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Stem shortens a folded word to its light stem, so inflected forms meet:
// "stadte" and "stadt" are "stadt", "kommunen" and "kommune" "kommun".
// It is the light German stemmer of Savoy (as in Lucene's
// GermanLightStemmer): it only cuts endings, never rewrites a word, which
// keeps place names apart ("Werl" and "Werne" stay two).
func Stem(s string) string {
	n := len(s)
	if n <= 3 || !isPlainLower(s) {
		return s
	}
	n = step1(s, n)
	n = step2(s, n)
	return s[:n]
}

func stEnding(c byte) bool {
	switch c {
	case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 't':
		return true
	}
	return false
}

func step1(s string, n int) int {
	switch {
	case n > 5 && s[n-3:n] == "ern":
		return n - 3
	case n > 4 && (s[n-2:n] == "em" || s[n-2:n] == "en" || s[n-2:n] == "er" || s[n-2:n] == "es"):
		return n - 2
	case n > 3 && s[n-1] == 'e':
		return n - 1
	case n > 3 && s[n-1] == 's' && stEnding(s[n-2]):
		return n - 1
	}
	return n
}

func step2(s string, n int) int {
	switch {
	case n > 5 && s[n-3:n] == "est":
		return n - 3
	case n > 4 && (s[n-2:n] == "er" || s[n-2:n] == "en"):
		return n - 2
	case n > 4 && s[n-2:n] == "st" && stEnding(s[n-3]):
		return n - 2
	}
	return n
}

// Split cuts text into words: runs of letters and digits, with dots
// between digits ("1.000") and apostrophes kept ("what's"). Hyphens
// separate words, as spaces do: "Kommunen-Netzwerk" is two words, so
// "NRW-Städte" names NRW and "RegioPole-Netzwerk" RegioPole, however a
// question joins them. The words are slices of text, not copies: every
// question is split, some parts of it several times (FuzzSplit holds it to
// splitting a copy of the text as runes).
func Split(text string) []string {
	out := make([]string, 0, 1+len(text)/6)
	start := -1      // where the word being read begins, or -1
	prev := rune(-1) // the character before i
	// An ASCII byte is its own rune, and the character after one is
	// decoded only where it decides (a joint, an apostrophe or a dot
	// inside a word): Split is a tenth of reading a question (issue 17).
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		in := isWord(r)
		switch {
		case in:
		case (r == '+' || r == '&') && start < 0:
			if next := runeAt(text, i+size); next < 0 || !isWord(next) {
				out = append(out, text[i:i+size]) // "Partnerstädte + seit wann?": a joint, like "und"
			}
		case start >= 0 && (r == '\'' || r == '’' || r == '.'):
			if next := runeAt(text, i+size); next >= 0 && isWord(next) {
				in = r != '.' || isDigit(prev) && isDigit(next)
			}
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, text[start:i])
			start = -1
		}
		prev, i = r, i+size
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// runeAt is the character at byte i of text, -1 at its end.
func runeAt(text string, i int) rune {
	switch {
	case i >= len(text):
		return -1
	case text[i] < utf8.RuneSelf:
		return rune(text[i])
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// FoldedSet is the words folded, sorted and each once: a set of words to
// look folded words up in by halving (SetIndex). The lexicon's lists of
// ordinary words are kept so from loading on, so that no start of the
// program folds 50,000 words or builds a map of them.
func FoldedSet(ws []string) []string {
	if ws == nil {
		return nil
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = Fold(w)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// IsSet reports whether ws is sorted with each word once, as FoldedSet
// leaves it. That its words are folded it does not check: that is the
// promise of whoever made the list (folding 50,000 words to check would
// cost what FoldedSet saves).
func IsSet(ws []string) bool {
	for i := 1; i < len(ws); i++ {
		if ws[i-1] >= ws[i] {
			return false
		}
	}
	return true
}

// SetIndex finds words in a FoldedSet by halving only the words that
// begin with the same two letters (a to z), found in a table: a fifth of the comparisons in a set of 40,000 words, which the
// engine asks several times for every word of a question. Building it is
// one pass over the set, with no allocation but the table.
type SetIndex struct {
	set []string
	// span holds, for two letters a to z, where the words beginning
	// with them lie in set: from [0] up to [1].
	span [26 * 26][2]int32
}

// NewSetIndex indexes a FoldedSet, which it keeps and must not change.
func NewSetIndex(set []string) *SetIndex {
	x := &SetIndex{set: set}
	for i, w := range set {
		if k, ok := pairOf(w); ok {
			if x.span[k][1] == 0 {
				x.span[k][0] = int32(i)
			}
			x.span[k][1] = int32(i + 1)
		}
	}
	return x
}

// pairOf is the table slot of a word's first two letters, when both are
// a to z: in a sorted set such words lie together.
func pairOf(w string) (int, bool) {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' {
		return 0, false
	}
	return int(w[0]-'a')*26 + int(w[1]-'a'), true
}

// Has reports whether the folded word is in the set.
func (x *SetIndex) Has(fold string) bool {
	set := x.set
	if k, ok := pairOf(fold); ok {
		set = set[x.span[k][0]:x.span[k][1]]
	}
	_, ok := slices.BinarySearch(set, fold)
	return ok
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isDigit is unicode.IsDigit, without its call for ASCII.
func isDigit(r rune) bool { return '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r) }
