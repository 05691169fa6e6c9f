package answer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/words"
)

// The text pass: a question is cut into words once, and every later step
// (chatter, the lexicon, the name index, statement search) reads those
// words, folded and stemmed once.

// MaxQuestion bounds the characters of a question the engine reads; the
// rest of a long paste is ignored.
const MaxQuestion = 500

// tok is one word of a question.
type tok struct {
	raw   string // as typed
	lower string
	fold  string // words.Fold
	term  string // folded, then stemmed (words.Stem)
	// phrases are the ids of the lexicon's phrases whose first word is
	// the word, as folded when phrasesOf (lexicon.at).
	phrases   []int32
	phrasesOf string
	// everyday is lexicon.ordinaryIn of the word, as folded when
	// everydayOf (lexicon.everydayIn): reading a question asks it of every
	// word several times, each a search of two word lists.
	everydayOf string
	pos        int
	// num is the word's value when it is a number written in digits
	// ("2022", "300.000"), else -1; ordinal marks "5." (a number with a
	// full stop before the next word).
	num int
	// quote numbers the quoted spans of a message from 1 ("die „Berliner
	// Empfehlungen“", "the 'Netzwerk X'"); 0 is a word outside quotes. A
	// quote never closed quotes nothing.
	quote int
	// clause numbers the clauses of a message: a sentence mark (". ! ?"),
	// a dash between words or a colon ends one.
	clause  int
	upper   bool // begins with a capital letter
	ordinal bool
	// afterQ marks a word after the question's first "?": context, not
	// the question ("Welche …? Ich hab gelesen, 2022 …").
	afterQ bool
	// dot marks a word after a full stop that tokenize took for an
	// abbreviation's ("max. pro Projekt"): focus ends a clause there where
	// the word opens a question ("… einen vortrag vor. wie viele …").
	dot        bool
	phrasesOK  bool
	everyday   uint8
	everydayOK bool
	// The fields are in this order, strings and slices first, the flags
	// last, so that a tok takes 160 bytes, not 184: reading a question
	// makes a slice of them for every word several times (issue 17).
}

var (
	// slackRefs are Slack's own markup: <@U123>, <!here>, <#C123|name>,
	// <https://...|label>. Links keep their label, the rest goes.
	slackRefs = regexp.MustCompile(`<([@#!][^>]*|[a-z]+://[^>|]*)(\|([^>]*))?>`)
	// shortcodes are emoji as Slack writes them: :pray:, :+1:.
	shortcodes = regexp.MustCompile(`:[a-z0-9_+'-]+:`)
	// formatting is Slack's *bold*, _italic_, ~strike~ and `code` markers
	// at the edges of words.
	formatting = regexp.MustCompile("(^|[\\s(])[*_~`]+|[*_~`]+($|[\\s).,!?:;])")
	// gendered are the gender star and its kin inside a word
	// ("Kolleg*innen", "Bürger:innen", "Referent*in"): one word, read as
	// the form the lexicon and the statements write (genderedBase).
	gendered = regexp.MustCompile(`(\p{L}+)(?:[*:_/]innen|[*_]in)\b`)
)

// genderedBase is the word a gendered form stands for, as the base writes
// it: the plural of "Kolleg*innen" is "Kollegen", of "Bürger:innen"
// "Bürger"; the singular "Referent*in" is "Referent".
func genderedBase(w string) string {
	i := strings.IndexAny(w, "*:_/")
	base, plural := w[:i], strings.HasSuffix(w, "innen")
	switch {
	case !plural, strings.HasSuffix(base, "er"):
		return base
	case strings.HasSuffix(base, "e"):
		return base + "n"
	}
	return base + "en"
}

// clean removes Slack markup, emoji and formatting from a question and
// cuts it to MaxQuestion characters (at a word).
func clean(q string) string {
	q = strings.ToValidUTF8(q, "")
	if utf8.RuneCountInString(q) > MaxQuestion {
		q = string([]rune(q)[:MaxQuestion])
		if i := strings.LastIndexAny(q, " \t\n"); i > 0 {
			q = q[:i] // no half word at the end
		}
	}
	if strings.ContainsAny(q, "<:*_~`/") {
		// Each pattern runs only where the characters it cannot match
		// without are there: a colon ("EWS 5: wer …?") is common, Slack's
		// markup is not, and every question is cleaned (issue 17).
		if strings.Contains(q, "<") {
			q = slackRefs.ReplaceAllStringFunc(q, func(m string) string {
				sub := slackRefs.FindStringSubmatch(m)
				if strings.Contains(sub[1], "://") {
					return sub[3]
				}
				return " "
			})
		}
		if strings.Contains(q, "*in") || strings.Contains(q, ":in") || strings.Contains(q, "_in") || strings.Contains(q, "/in") {
			q = gendered.ReplaceAllStringFunc(q, genderedBase)
		}
		if i := strings.IndexByte(q, ':'); i >= 0 && strings.IndexByte(q[i+1:], ':') >= 0 {
			q = shortcodes.ReplaceAllString(q, " ")
		}
		if strings.ContainsAny(q, "*_~`") {
			for range 2 { // "**wort**" needs the marker removed on each side
				q = formatting.ReplaceAllString(q, "$1 $2")
			}
		}
	}
	q = strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf {
			// Of ASCII, only ^ and ` are symbols (Sk); every question is
			// cleaned, most of it ASCII, and the tables are searched by rune.
			if r == '^' || r == '`' {
				return ' '
			}
			return r
		}
		// Emoji and other pictographs, their variation selectors and joiners.
		if unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == 0xFE0F || r == 0x200D || unicode.Is(unicode.Cs, r) ||
			(r >= 0x1F000 && r <= 0x1FAFF) {
			return ' '
		}
		return r
	}, q)
	if singleSpaced(q) {
		return q // as Fields and Join would give it back, without two copies
	}
	return strings.Join(strings.Fields(q), " ")
}

// singleSpaced reports whether strings.Join(strings.Fields(q), " ") is q:
// no space at either end, none but ' ' between words, and one at a time.
func singleSpaced(q string) bool {
	prevSpace := true // a space at the start is one too many
	for _, r := range q {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return false
		}
		prevSpace = space
	}
	return !prevSpace || q == ""
}

// hasEmoji reports whether a question holds an emoji or a Slack emoji
// code (":pray:"), which clean removes: a thumbs-up is chatter, not a
// question.
func hasEmoji(q string) bool {
	if strings.Contains(q, ":") && shortcodes.MatchString(q) {
		return true
	}
	return strings.ContainsFunc(q, func(r rune) bool {
		return unicode.Is(unicode.So, r) || (r >= 0x1F000 && r <= 0x1FAFF)
	})
}

// tokenize cuts a cleaned question into words.
func tokenize(q string) []tok {
	firstQ := strings.Index(q, "?")
	ws := words.Split(q)
	if len(ws) == 0 {
		return nil
	}
	out := make([]tok, 0, len(ws))
	clause := 0
	quote, quotes, open := 0, 0, -1
	rest, offset := q, 0
	for _, w := range ws {
		i := strings.Index(rest, w)
		if i < 0 {
			continue
		}
		gap := rest[:i]
		for j, c := range gap {
			if !strings.ContainsRune(quoteMarks, c) {
				continue
			}
			if before, _ := utf8.DecodeLastRuneInString(q[:offset+j]); (c == '\'' || c == '’') && unicode.IsLetter(before) {
				continue // "the cities' twins": an apostrophe
			}
			if quote == 0 {
				quotes++
				quote, open = quotes, len(out)
			} else {
				quote, open = 0, -1
			}
		}
		at := offset + i
		ordinalDot := len(out) > 0 && out[len(out)-1].ordinal && strings.TrimSpace(rest[:i]) == "."
		// "der 5. Tag" is one clause, and so is "max. pro Projekt": a point
		// before a word in lower case ends an abbreviation, not a sentence.
		if r, _ := utf8.DecodeRuneInString(w); len(out) > 0 && strings.TrimSpace(rest[:i]) == "." && unicode.IsLower(r) {
			ordinalDot = true
		}
		if strings.ContainsAny(rest[:i], ".!?;") && !ordinalDot || strings.Contains(rest[:i], " – ") || strings.Contains(rest[:i], " - ") || strings.Contains(rest[:i], ":") {
			clause++
		}
		rest, offset = rest[i+len(w):], at+len(w)
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s") // "Minden's twin towns"
		t := tok{raw: w, lower: strings.ToLower(w), pos: len(out), num: -1, afterQ: firstQ >= 0 && at > firstQ, clause: clause, quote: quote,
			dot: ordinalDot && strings.Contains(gap, ".")}
		if isASCII(w) {
			// The same folding, which of ASCII only lowers letters and
			// drops an umlaut's e: from the lower-case word it is that
			// word itself when there is no e to drop, not another copy.
			t.fold = words.Fold(t.lower)
		} else {
			t.fold = words.Fold(w)
		}
		t.term = words.Stem(t.fold)
		r, _ := utf8.DecodeRuneInString(w)
		t.upper = unicode.IsUpper(r)
		if y, ok := dateYear(w); ok {
			// "am 06.12.2017": a date is read as its year (the frame has
			// no days), not as the number 6122017.
			t.raw, t.lower, t.fold, t.term, t.num = y, y, y, y, 0
			t.num, _ = strconv.Atoi(y)
		} else if d := strings.ReplaceAll(w, ".", ""); d != "" && strings.Trim(d, "0123456789") == "" && len(d) <= 9 {
			t.num, _ = strconv.Atoi(d)
			t.ordinal = strings.HasPrefix(rest, ".") && !strings.Contains(w, ".") && t.num > 0 && t.num < 100
		} else if n, ok := englishOrdinal(t.lower); ok {
			t.num, t.ordinal = n, true // "9th", "1st"
		}
		out = append(out, t)
	}
	if open >= 0 && !strings.ContainsAny(rest, quoteMarks) {
		for i := open; i < len(out); i++ {
			out[i].quote = 0 // opened, never closed: no quote
		}
	}
	return out
}

// quoteMarks open or close a quote between words.
const quoteMarks = "\"„“”«»‚‘’'"

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// englishOrdinal reads "1st", "2nd", "3rd", "9th".
func englishOrdinal(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(w, suf); ok && d != "" && len(d) <= 2 && strings.Trim(d, "0123456789") == "" {
			n, _ := strconv.Atoi(d)
			return n, n > 0
		}
	}
	return 0, false
}

// stripChatter removes chatter from the start and end of a cleaned
// question: greetings, thanks, "kurze Frage", the bot's name. It returns
// what is left and whether chatter was removed; a message that is nothing
// but chatter comes back empty.
func (l *lexicon) stripChatter(q string) (string, bool) {
	orig := q
	for {
		before := q
		q = strings.TrimLeft(q, " ,.:;!?-–—")
		q = cutPhrase(q, l.startsBy, true)
		trimmed := strings.TrimRight(q, " ,.:;!?-–—()")
		if n := len(trimmed); n > 0 && n < len(q) && q[n] == '.' && trimmed[n-1] >= '0' && trimmed[n-1] <= '9' {
			trimmed = q[:n+1] // "und der 5.?": the point makes an ordinal
		}
		q = trimmed
		q = cutPhrase(q, l.endsBy, false)
		// "engagiert Lemgo", "hallo engagiert, …" name the bot; "engagiert
		// in NRW" names a network.
		var two [2][2]int
		if sp := appendWordSpans(two[:0], q, 2); len(sp) > 1 && sp[0][0] == 0 && strings.EqualFold(q[:sp[0][1]], "engagiert") &&
			!strings.EqualFold(q[sp[1][0]:sp[1][1]], "in") {
			q = q[sp[0][1]:]
		}
		if q == before {
			break
		}
	}
	q = strings.TrimSpace(q)
	return q, q != strings.TrimSpace(orig)
}

// chatterIndex holds a list of chatter phrases (folded words) by the word
// each must match first: its first word for a list cut from the start,
// its last for one cut from the end; each word's phrases in the list's
// order.
type chatterIndex map[string][][]string

// indexChatter indexes a list of chatter phrases for cutPhrase; a phrase
// of no words, which never matches, is left out.
func indexChatter(list [][]string, start bool) chatterIndex {
	x := chatterIndex{}
	for _, p := range list {
		if len(p) == 0 {
			continue
		}
		w := p[len(p)-1]
		if start {
			w = p[0]
		}
		x[w] = append(x[w], p)
	}
	return x
}

// cutPhrase removes one phrase of list from the start (or end) of q, where
// it stands as whole words. Words compare folded, so "thx fuer die hilfe"
// is the chatter "thx für die hilfe"; punctuation between them does not
// count ("hallo, zusammen"). Of the list, only the phrases with q's first
// (last) word are compared, in the list's order: the first that matches
// is the one the whole list's first match would be.
func cutPhrase(q string, by chatterIndex, start bool) string {
	// Every question is cut twice or more: the words' spans and folds live
	// on the stack unless the question is long.
	var spanBuf [32][2]int
	var foldBuf [32]string
	var foldedBuf [32]bool
	spans := appendWordSpans(spanBuf[:0], q, -1)
	folds, folded := foldBuf[:], foldedBuf[:] // each word folded once, when first compared
	if len(spans) > len(foldBuf) {
		folds, folded = make([]string, len(spans)), make([]bool, len(spans))
	}
	fold := func(k int) string {
		if !folded[k] {
			folds[k], folded[k] = words.Fold(q[spans[k][0]:spans[k][1]]), true
		}
		return folds[k]
	}
	if len(spans) == 0 {
		return q
	}
	key := len(spans) - 1
	if start {
		key = 0
	}
	for _, p := range by[fold(key)] {
		if len(p) == 0 || len(p) > len(spans) {
			continue
		}
		at := 0
		if !start {
			at = len(spans) - len(p)
		}
		ok := true
		for i, w := range p {
			if fold(at+i) != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if start {
			return q[spans[len(p)-1][1]:]
		}
		return q[:spans[at][0]]
	}
	return q
}

// wordSpans finds the words of q as byte ranges: runs of word bytes and
// inner apostrophes ("gibt's").
func wordSpans(q string) [][2]int { return appendWordSpans(nil, q, -1) }

// appendWordSpans appends the spans of q's first max words (all for a
// negative max) to out.
func appendWordSpans(out [][2]int, q string, max int) [][2]int {
	for i := 0; i < len(q) && max != 0; {
		if !isWordByte(q[i]) {
			i++
			continue
		}
		j := i
		for j < len(q) && (isWordByte(q[j]) || (q[j] == '\'' && j+1 < len(q) && isWordByte(q[j+1]) && j > i)) {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
		max--
	}
	return out
}

// phraseWords is a chatter phrase as the folded words cutPhrase compares.
func phraseWords(p string) []string {
	var out []string
	for _, sp := range wordSpans(p) {
		out = append(out, words.Fold(p[sp[0]:sp[1]]))
	}
	return out
}

// isWordByte reports whether b may continue a word: letters, digits, and
// the bytes of multi-byte letters such as ü.
func isWordByte(b byte) bool {
	return b >= 0x80 || b == '-' || b == '_' || b == '@' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// dateYear is the year of a date written "6.12.2017" or "06.12.2017".
// It cuts the word where strings.Split would, without the slice of parts:
// tokenize asks it of every word (issue 17).
func dateYear(w string) (string, bool) {
	d, rest, _ := strings.Cut(w, ".")
	m, y, ok := strings.Cut(rest, ".")
	if !ok || len(y) != 4 || len(d) == 0 || len(d) > 2 || len(m) == 0 || len(m) > 2 {
		return "", false
	}
	for _, p := range [3]string{d, m, y} {
		if strings.Trim(p, "0123456789") != "" {
			return "", false // y holds a third dot, or a part is not digits
		}
	}
	return y, true
}
