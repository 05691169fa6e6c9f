package answer

import (
	"regexp"
	"strings"
	"unicode"
)

// Chatter is what people write around a question in Slack: greetings,
// thanks, "kurze Frage", the bot's own name, emoji, formatting. It is removed
// before the question is parsed, so it never becomes a topic ("Zu „moin“
// nennen meine Quellen nichts") or an unanswered word in the logs.

var (
	// slackRefs are Slack's own markup: <@U123>, <!here>, <#C123|name>,
	// <https://...|label>. Links keep their label, the rest goes.
	slackRefs = regexp.MustCompile(`<([@#!][^>]*|[a-z]+://[^>|]*)(\|([^>]*))?>`)
	// shortcodes are emoji as Slack writes them: :pray:, :+1:, :thumbsup::skin-tone-2:.
	shortcodes = regexp.MustCompile(`:[a-z0-9_+'-]+:`)
	// formatting is Slack's *bold*, _italic_, ~strike~ and `code` markers
	// at the edges of words.
	formatting = regexp.MustCompile("(^|[\\s(])[*_~`]+|[*_~`]+($|[\\s).,!?:;])")
)

// chatterStarts are phrases that open a message without asking anything,
// longest first where one begins another.
var chatterStarts = []string{
	"guten morgen", "guten tag", "guten abend", "good morning", "hallo zusammen", "hallo ihr", "hallo leute",
	"hi zusammen", "hey zusammen", "moin zusammen", "moin moin", "servus zusammen",
	"hi there", "hello there", "hey there", "hallo", "hello", "hey", "hi", "moin", "servus", "grüß dich", "grüezi", "tach", "na",
	"ich hätte eine frage", "ich habe eine frage", "hab mal eine frage", "hab mal ne frage", "hab da mal eine frage",
	"eine frage", "kurze frage", "kleine frage", "mal eine frage", "mal ne frage", "frage", "quick question", "question",
	"hilf mir mal", "hilf mir bitte", "hilf mir", "sag mal", "sag bitte", "sagt mal", "weißt du", "weisst du", "kannst du mir sagen", "kannst du mir bitte sagen", "können sie mir sagen", "könnten sie mir sagen", "weißt du,",
	"kannst du", "könntest du", "magst du", "can you tell me", "could you tell me", "tell me", "do you know",
	"thx für die hilfe", "danke für die hilfe", "danke für die info", "danke für die infos", "danke für die antwort",
	"vielen dank", "danke schön", "dankeschön", "danke dir", "danke euch", "danke schon mal", "danke",
	"ok super", "okay", "ok", "alles klar", "super", "cool", "prima", "perfekt", "top", "klasse",
	"bitte", "pls", "plz", "please", "thx", "thanks", "thank you",
	"wie geht's", "wie gehts", "wie geht es dir", "wie geht es euch", "alles gut", "tschüss", "tschüs", "tschau", "ciao", "bye",
	"gute nacht", "schönen tag", "schönes wochenende", "bis bald", "bis später",
	"@engagiert", "engagiert bot", "lieber bot", "liebe engagiert", "bot", "zusammen", "leute", "ihr",
}

// chatterEnds close a message: thanks and sign-offs.
var chatterEnds = []string{
	"vielen dank im voraus", "danke im voraus", "vielen dank", "danke schön", "dankeschön", "danke dir", "danke euch",
	"danke sehr", "danke", "merci", "thank you", "thanks", "thx", "ty", "bitte", "pls", "plz", "please",
	"super hilfreich", "sehr hilfreich", "hilfreich", "super", "cool", "prima", "perfekt", "top", "klasse", "ok",
	"tschüss", "tschüs", "ciao", "bye", "bis bald", "bis später", "schönen tag", "schönes wochenende",
	"lg", "vg", "gruß", "grüße", "viele grüße", "liebe grüße", "cheers", "bot", "@engagiert",
}

// stripChatter removes chatter and Slack markup from a question. It returns
// the question left, and whether chatter was removed. A message that is
// nothing but chatter comes back empty with removed true.
func stripChatter(q string) (string, bool) {
	orig := q
	q = slackRefs.ReplaceAllStringFunc(q, func(m string) string {
		sub := slackRefs.FindStringSubmatch(m)
		if strings.Contains(sub[1], "://") {
			return sub[3]
		}
		return " "
	})
	q = shortcodes.ReplaceAllString(q, " ")
	q = strings.Map(func(r rune) rune {
		// Emoji and other pictographs, their variation selectors and joiners.
		if unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == 0xFE0F || r == 0x200D || unicode.Is(unicode.Cs, r) ||
			(r >= 0x1F000 && r <= 0x1FAFF) {
			return ' '
		}
		return r
	}, q)
	for range 2 { // "**wort**" needs the marker removed on each side
		q = formatting.ReplaceAllString(q, "$1 $2")
	}
	q = strings.Join(strings.Fields(q), " ")
	for {
		before := q
		q = strings.TrimLeft(q, " ,.:;!?-–—")
		q = cutPhrase(q, chatterStarts, true)
		q = strings.TrimRight(q, " ,.:;!?-–—()")
		q = cutPhrase(q, chatterEnds, false)
		// "engagiert Lemgo" names the bot; "engagiert in NRW" names a network.
		if lower := strings.ToLower(q); strings.HasPrefix(lower, "engagiert ") && !strings.HasPrefix(lower, "engagiert in ") &&
			!strings.HasPrefix(lower, "engagiert in nrw") {
			q = q[len("engagiert "):]
		}
		if q == before {
			break
		}
	}
	// Repeated question marks and the like say nothing more than one.
	if strings.TrimRight(orig, " ") != "" && q == "" {
		return "", true
	}
	return q, q != strings.TrimSpace(orig)
}

// cutPhrase removes one phrase of list from the start (or end) of q, where it
// stands as whole words.
func cutPhrase(q string, list []string, start bool) string {
	lower := strings.ToLower(q)
	for _, p := range list {
		if start && strings.HasPrefix(lower, p) && (len(lower) == len(p) || !isWordByte(lower[len(p)])) {
			return q[len(p):]
		}
		if !start && strings.HasSuffix(lower, p) && (len(lower) == len(p) || !isWordByte(lower[len(lower)-len(p)-1])) {
			return q[:len(q)-len(p)]
		}
	}
	return q
}

// isWordByte reports whether b may continue a word: letters, digits, and the
// bytes of multi-byte letters such as ü.
func isWordByte(b byte) bool {
	return b >= 0x80 || b == '-' || b == '_' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}
