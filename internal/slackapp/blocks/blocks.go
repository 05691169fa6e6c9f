// Package blocks renders domain answers as Slack Block Kit messages and views,
// built with slack-go's types and kept within Slack's size limits.
//
// Everything that reaches Slack as text is escaped (&, <, >), so text from the
// knowledge base or from a user can never form a link or a mention such as
// <!channel>. Links are only built here, from URLs that pass safeURL.
package blocks

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackutilsx"
)

// Slack's limits that rendering keeps to.
const (
	// MaxBlocks is the most blocks a message may carry.
	MaxBlocks = 50
	// MaxViewBlocks is the most blocks a Home tab view may carry.
	MaxViewBlocks = 100
	// MaxSectionText is the longest text of a section block.
	MaxSectionText = 3000
	// MaxMessageChars bounds all text of a message (blocks and fallback): Slack
	// truncates or rejects messages much longer than about 12,000 characters.
	MaxMessageChars = 12000
	// MaxHeaderText is the longest text of a header block.
	MaxHeaderText = 150
	// MaxButtonText is the longest label of a button.
	MaxButtonText = 75
	// MaxButtonValue is the longest value of a button.
	MaxButtonValue = 2000
	// MaxContextElements is the most elements of a context block.
	MaxContextElements = 10
	// MaxActionElements is the most elements of an actions block.
	MaxActionElements = 25
)

// Action ids of the interactive elements; the transport dispatches on them.
const (
	ActionShare        = "engagiert_share"
	ActionMore         = "engagiert_more"
	ActionFeedbackUp   = "engagiert_feedback_up"
	ActionFeedbackDown = "engagiert_feedback_down"
	// ActionAskPrefix starts the action ids of example-question buttons.
	ActionAskPrefix = "engagiert_ask_"
	// ActionLinkPrefix starts the action ids of website buttons, which only open a URL.
	ActionLinkPrefix = "engagiert_link_"
)

// Rendering choices below Slack's own limits, so an answer stays readable.
const (
	maxFallback    = 3000 // fallback text: notifications and screen readers
	maxListItems   = 40   // members shown before "Mehr anzeigen"
	maxLinks       = 5
	maxSuggestions = 5
	maxSources     = 8
	maxURL         = 1000
	maxQuestion    = 1500 // bytes of a question carried in a button value
	maxLabel       = 120
)

// Message is a rendered Slack message: Block Kit blocks and the plain-text
// fallback Slack shows in notifications.
type Message struct {
	Text   string
	Blocks []slack.Block
}

// Options says which controls go under an answer.
type Options struct {
	// Share adds "Im Channel teilen" (for ephemeral slash command answers).
	Share bool
	// Feedback adds the 👍/👎 buttons.
	Feedback bool
	// SharedBy is the Slack user id of whoever shared the answer to the channel.
	SharedBy string
	// Forward adds "An die Redaktion weitergeben" to an answer that found
	// nothing; it is the button's value (ForwardRef.Encode).
	Forward string
	// Voted ("up" or "down") shows a thank-you line instead of the 👍/👎 buttons.
	Voted string
	// Forwarded shows ForwardedNote instead of the forward button.
	Forwarded bool
}

// Escape makes text safe for Slack: &, < and > become entities, so it can
// neither ping (<!channel>) nor link; a word joiner after the @ of
// @channel, @here and @everyone keeps even a client that links names from pinging.
func Escape(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsAny(s, "&<>") {
		s = slackutilsx.EscapeMessage(s)
	}
	if strings.Contains(s, "@") {
		s = broadcast.ReplaceAllString(s, "@\u2060$1")
	}
	return s
}

var broadcast = regexp.MustCompile(`(?i)@(channel|here|everyone)\b`)

// esc escapes s and cuts it to at most max characters.
func esc(s string, max int) string {
	if len(s) <= max && plainText(s) {
		return s // as it is: at most max characters, nothing to clean or escape
	}
	return escAll(s, max)
}

// escAll is esc the long way, for text plainText does not let pass.
func escAll(s string, max int) string { return cut(Escape(clean(prefix(s, max+1))), max) }

// plainText reports whether esc leaves s as it is, short enough: valid
// UTF-8 without control characters (but newlines), &, <, > or @. Most text
// of an answer is, and one pass over it costs less than the six of
// prefix, clean, Escape and cut, which every piece of text went through.
func plainText(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if c == 0xc2 && i+1 < len(s) && s[i+1] <= 0x9f {
				return false // a C1 control, U+0080 to U+009F (or invalid UTF-8)
			}
			ascii = false
			continue
		}
		if !plainASCII[c] {
			return false
		}
	}
	return ascii || utf8.ValidString(s)
}

// plainASCII holds the ASCII bytes plainText lets pass.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\n'] = true
	for _, c := range "&<>@" {
		t[c] = false
	}
	return t
}()

// prefix returns the first n runes of s, cheaply for long strings.
func prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// clean folds control characters (except newlines) to spaces. Most text has
// none, and is returned as it is without a copy.
func clean(s string) string {
	if !hasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// hasControl reports whether s may hold a control character other than
// '\n': a byte below 0x20, DEL, or a C1 control (U+0080 to U+009F).
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n') || c == 0x7f || (c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f) {
			return true
		}
	}
	return false
}

// cut shortens escaped text to at most max characters, ending in "…" when cut,
// without splitting an entity such as &amp;.
func cut(s string, max int) string {
	if len(s) <= max || utf8.RuneCountInString(s) <= max {
		return s
	}
	if max < 1 {
		return ""
	}
	r := []rune(prefix(s, max-1))
	// Do not leave half an entity behind.
	for i := len(r) - 1; i >= 0 && i >= len(r)-5; i-- {
		if r[i] == ';' {
			break
		}
		if r[i] == '&' {
			r = r[:i]
			break
		}
	}
	// Nor half a link or mention: escaped text has no "<" but the ones
	// this package writes, so an unclosed one was cut.
	if lt, gt := lastRune(r, '<'), lastRune(r, '>'); lt > gt {
		r = r[:lt]
	}
	return strings.TrimRightFunc(string(r), unicode.IsSpace) + "…"
}

func lastRune(r []rune, c rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == c {
			return i
		}
	}
	return -1
}

// cutBytes shortens s to at most n bytes at a rune boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n && utf8.ValidString(s) {
		return s // the question on every button of an answer, cut already
	}
	s = strings.ToValidUTF8(s, "")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// safeURL reports whether u may become a link or a button: http(s), with a
// host, short, and free of characters that would end a Slack link early.
func safeURL(u string) bool {
	_, ok := safeURLHost(u)
	return ok
}

// safeURLHost is safeURL that returns the URL's host too.
func safeURLHost(u string) (host string, ok bool) {
	if !safeURLText(u) {
		return "", false
	}
	if host, ok := plainURLHost(u); ok {
		return host, true
	}
	return parsedURLHost(u)
}

// safeURLText reports whether u is short and free of white space, control
// characters and what would end a Slack link early.
func safeURLText(u string) bool {
	if u == "" || len(u) > maxURL || strings.ContainsAny(u, "<>| \"'`\\") {
		return false
	}
	for _, r := range u {
		if r < 0x21 || r == 0x7f {
			return false
		}
	}
	return true
}

// parsedURLHost is the host of u by url.Parse, if it is an http(s) URL
// with a host and no user.
func parsedURLHost(u string) (host string, ok bool) {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return "", false
	}
	return p.Host, true
}

// plainURLHost reads the host of a URL as the sources and links of the
// knowledge base write them, without url.Parse: "http://" or "https://",
// a host of letters, digits, dots and hyphens, and no %-escape after it.
// For such a URL url.Parse cannot fail and finds that host, no user and
// the same scheme; ok is false for any other URL, which url.Parse reads.
// Every answer shows a few source URLs, each checked here two or three
// times (fallback text, sources line, buttons), and url.Parse was a tenth
// of rendering an answer (issue 17). FuzzReplaceBareURLs holds the two to
// the same result.
func plainURLHost(u string) (host string, ok bool) {
	rest, found := strings.CutPrefix(u, "https://")
	if !found {
		if rest, found = strings.CutPrefix(u, "http://"); !found {
			return "", false
		}
	}
	end := len(rest)
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c == '/' || c == '?' || c == '#' {
			end = i
			break
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return "", false
		}
	}
	if end == 0 || strings.IndexByte(rest[end:], '%') >= 0 {
		return "", false
	}
	return rest[:end], true
}

// link writes a mrkdwn link, or only the label when the URL is not safe.
func link(u, label string) string {
	if label == "" {
		label = u
	}
	l := esc(label, maxLabel)
	if !safeURL(u) {
		return l
	}
	return "<" + strings.ReplaceAll(u, "&", "&amp;") + "|" + l + ">"
}

// replaceBareURLs replaces each web address in escaped text with f of it,
// as the regexp `https?://[^\s<>|"]+` finds them: a URL ends before white
// space, "<", ">", "|" and quotes (see linkify for entities and
// punctuation). Written out, it costs a fraction of the regexp, which was
// a tenth of rendering an answer (FuzzReplaceBareURLs holds it to the
// regexp).
func replaceBareURLs(s string, f func(string) string) string {
	var b strings.Builder
	last, found := 0, false
	grown := false
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "http")
		if j < 0 {
			break
		}
		p := i + j
		k := p + len("http")
		switch {
		case strings.HasPrefix(s[k:], "s://"):
			k += 4
		case strings.HasPrefix(s[k:], "://"):
			k += 3
		default:
			i = p + 1
			continue
		}
		run := urlRun(s[k:])
		if run == 0 {
			i = p + 1
			continue
		}
		e := k + run
		if !grown {
			b.Grow(len(s) + 64) // a link adds its label to the address
			grown = true
		}
		b.WriteString(s[last:p])
		b.WriteString(f(s[p:e]))
		last, found, i = e, true, e
	}
	if !found {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// urlRun is how many bytes at the start of s may belong to a bare URL:
// anything but ASCII white space (\t \n \f \r and space), <, >, | and ".
func urlRun(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ', '<', '>', '|', '"':
			return i
		}
	}
	return len(s)
}

// linkify writes every bare URL in escaped mrkdwn s as a link labelled with
// its host ("<https://www.engagiertestadt.de/x|engagiertestadt.de>"), so a
// message never shows a raw address. Links and mentions already in s (the
// only "<" escaped text has) stay as they are. A URL someone typed becomes a
// link too, as Slack would show it, but always labelled with its real host.
func linkify(s string) string {
	// Again only where a scheme was dropped: an address shown without it
	// can join the text before it into a new one ("hthttp://tp://x" →
	// "http://x"). Each such round shortens the text.
	for stripped := true; stripped && strings.Contains(s, "://"); {
		s, stripped = linkifyOnce(s)
	}
	return s
}

// linkifyOnce links the bare URLs outside Slack's markup once; stripped
// reports whether it showed an address without its scheme.
func linkifyOnce(s string) (out string, stripped bool) {
	if strings.IndexByte(s, '<') < 0 {
		return linkBare(s, &stripped), stripped // no markup: escaped text, such as an answer's fallback
	}
	// Text with links and no bare URL, such as the sources line of every
	// answer, is returned as it is, not copied piece by piece.
	var b strings.Builder
	done := 0 // s[:done] is in b, or unchanged while b is empty
	for rest := s; rest != ""; {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			i = len(rest)
		}
		if linked := linkBare(rest[:i], &stripped); linked != rest[:i] {
			at := len(s) - len(rest)
			if b.Len() == 0 {
				b.Grow(len(s) + 64)
			}
			b.WriteString(s[done:at])
			b.WriteString(linked)
			done = at + i
		}
		rest = rest[i:]
		if rest == "" {
			break
		}
		j := strings.IndexByte(rest, '>')
		if j < 0 {
			break
		}
		rest = rest[j+1:]
	}
	if done == 0 {
		return s, stripped
	}
	b.WriteString(s[done:])
	return b.String(), stripped
}

// linkBare links the bare URLs of escaped text without markup.
func linkBare(s string, stripped *bool) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return replaceBareURLs(s, func(m string) string {
		u := m
		for _, ent := range []string{"&lt;", "&gt;", "&quot;"} {
			if k := strings.Index(u, ent); k >= 0 {
				u = u[:k]
			}
		}
		u = strings.TrimRight(u, ".,;:!?)]}'“”„*_~`")
		raw := strings.ReplaceAll(u, "&amp;", "&")
		if strings.HasSuffix(u, "…") {
			// Cut short: a link would lead elsewhere, so only the host shows.
			return linkLabel(strings.TrimSuffix(raw, "…")) + "…" + m[len(u):]
		}
		host, safe := safeURLHost(raw)
		if !safe || !strings.Contains(raw[strings.Index(raw, "://")+3:], ".") && !strings.Contains(raw, "localhost") {
			// Not an address to link: shown without its scheme, so that
			// Slack does not link it either.
			if rest := m[strings.Index(m, "://")+3:]; rest != "" && !safe {
				*stripped = true
				return rest
			}
			return m
		}
		// link(raw, linkLabel(raw)), with the URL parsed once.
		label := strings.TrimPrefix(host, "www.")
		if label == "" {
			label = raw
		}
		return "<" + strings.ReplaceAll(raw, "&", "&amp;") + "|" + esc(label, maxLabel) + ">" + m[len(u):]
	})
}

// linkLabel is the short label of a bare URL: its host without "www.".
func linkLabel(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return u
	}
	return strings.TrimPrefix(p.Host, "www.")
}

func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, false)
}

func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, true, false)
}

func section(text string) *slack.SectionBlock {
	return slack.NewSectionBlock(mrkdwn(cut(linkify(text), MaxSectionText)), nil, nil)
}

func header(text string) *slack.HeaderBlock {
	return slack.NewHeaderBlock(plain(esc(strings.ReplaceAll(text, "\n", " "), MaxHeaderText)))
}

func contextText(text string) *slack.ContextBlock {
	return slack.NewContextBlock("", mrkdwn(cut(linkify(text), MaxSectionText)))
}

func button(actionID, label, value string) *slack.ButtonBlockElement {
	return slack.NewButtonBlockElement(actionID, cutBytes(value, MaxButtonValue), plain(esc(label, MaxButtonText)))
}

// sections packs lines into as few section blocks as possible, each within
// MaxSectionText; a line too long for one section is cut.
func sections(lines []string) []slack.Block {
	var out []slack.Block
	var b strings.Builder
	n := 0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, section(b.String()))
			b.Reset()
			n = 0
		}
	}
	for _, l := range lines {
		l = cut(l, MaxSectionText)
		ln := utf8.RuneCountInString(l)
		if n > 0 && n+1+ln > MaxSectionText {
			flush()
		}
		if n > 0 {
			b.WriteString("\n")
			n++
		}
		b.WriteString(l)
		n += ln
	}
	flush()
	return out
}

// paragraphs splits escaped text into lines for sections.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// Answer renders an answer as a message. The result is always within Slack's
// limits (see Check): long member lists are cut and end in a "Mehr anzeigen"
// button, and anything else too long is shortened.
func Answer(a domain.Answer, opt Options) Message {
	en := a.English
	// The same citations as the plain text: "[1]" after a statement, the
	// numbered sources once, at the end.
	cites := a.Citations()
	fallback := cut(linkify(esc(a.PlainTextCiting(cites), maxFallback)), maxFallback)
	if strings.TrimSpace(fallback) == "" {
		fallback = ui(en, "none")
	}

	var head []slack.Block
	if strings.TrimSpace(a.Title) != "" {
		head = append(head, header(a.Title))
	}
	if strings.TrimSpace(a.Lead) != "" {
		head = append(head, sections(paragraphs(esc(a.Lead, 2*MaxSectionText)+cites.Ref(a.LeadSource)))...)
	}
	if len(a.Facts) > 0 {
		head = append(head, sections(factLines(a.Facts, cites, en))...)
	}

	tail := footer(a, cites, opt)

	blocksLeft := MaxBlocks - len(head) - len(tail)
	charsLeft := MaxMessageChars - chars(fallback) - blockChars(head) - blockChars(tail)
	var lists []slack.Block
	for i, l := range a.Lists {
		bs := listBlocks(a.Query, en, i, l, 0, blocksLeft, charsLeft)
		lists = append(lists, bs...)
		blocksLeft -= len(bs)
		charsLeft -= blockChars(bs)
	}

	all := append(append(head, lists...), tail...)
	return fitCounted(Message{Text: fallback, Blocks: all}, MaxMessageChars-charsLeft, len(tail), MaxBlocks, en)
}

// factLines writes each fact as "• text (Stand …) [n]".
func factLines(facts []domain.AnswerFact, cites domain.Citations, en bool) []string {
	var lines []string
	for _, f := range facts {
		if strings.TrimSpace(f.Text) == "" {
			continue
		}
		line := "• " + esc(strings.ReplaceAll(f.Text, "\n", " "), 2200)
		if !f.Stand.IsZero() {
			line += " _(" + f.StandIn(en) + ")_"
		}
		lines = append(lines, line+cites.FactRef(f))
	}
	return lines
}

// footer renders what follows the answer: website buttons, sources of lists,
// suggestions and the share and feedback buttons.
func footer(a domain.Answer, cites domain.Citations, opt Options) []slack.Block {
	var out []slack.Block
	var links []slack.BlockElement
	for _, l := range a.LinksNotCited(cites) {
		if len(links) == maxLinks {
			break
		}
		if !safeURL(l.URL) {
			continue
		}
		label := l.Title
		if label == "" {
			label = "Website"
		}
		b := button(ActionLinkPrefix+strconv.Itoa(len(links)), "🔗 "+label, "")
		b.URL = l.URL
		links = append(links, b)
	}
	if len(links) > 0 {
		out = append(out, slack.NewActionBlock("links", links...))
	}

	if len(cites.Sources) > 0 {
		// "Quellen: [1] <url|Titel> (Datum) · [2] …", written in one piece.
		var b strings.Builder
		b.Grow(128 * min(len(cites.Sources), maxSources))
		b.WriteString(ui(a.English, "sources"))
		for i, s := range cites.Sources[:min(len(cites.Sources), maxSources)] {
			label := s.Title
			if label == "" {
				label = s.Publisher
			}
			if i > 0 {
				b.WriteString(" · ")
			}
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(i + 1))
			b.WriteString("] ")
			b.WriteString(link(s.URL, label))
			if !s.Published.IsZero() {
				b.WriteString(" (")
				b.WriteString(s.Published.String())
				b.WriteByte(')')
			}
		}
		out = append(out, contextText(b.String()))
	}

	var sugg []string
	for _, s := range a.Suggestions {
		if len(sugg) == maxSuggestions {
			break
		}
		if strings.TrimSpace(s) != "" {
			sugg = append(sugg, "„"+esc(strings.ReplaceAll(s, "\n", " "), 200)+"“")
		}
	}
	if len(sugg) > 0 {
		out = append(out, contextText(ui(a.English, "try")+strings.Join(sugg, " · ")))
	}

	if opt.SharedBy != "" && ValidID(opt.SharedBy) {
		out = append(out, contextText("Geteilt von <@"+opt.SharedBy+">"))
	}

	return append(out, controls(a, opt)...)
}

// uiTexts are the words the rendering adds around an answer, German and
// English: an English question gets them in English.
var uiTexts = map[string][2]string{
	"none":      {"Keine Antwort.", "No answer."},
	"sources":   {"Quellen: ", "Sources: "},
	"try":       {"Frag zum Beispiel: ", "Try for example: "},
	"continued": {" (Fortsetzung)", " (continued)"},
	"partial":   {" – u. a.", " – incl."},
	"more":      {" und %d weitere", " and %d more"},
	"show":      {"Mehr anzeigen", "Show more"},
	"shortened": {"_Antwort gekürzt._", "_Answer shortened._"},
}

// ui is a rendering word in the answer's language.
func ui(en bool, key string) string {
	if en {
		return uiTexts[key][1]
	}
	return uiTexts[key][0]
}

// ValidID reports whether s looks like a Slack id (U123ABC), safe inside <@…>.
func ValidID(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// MoreRef points at the rest of a list: the question it answers, the list's
// index in the answer and the first item not shown yet. It travels as the
// value of the "Mehr anzeigen" button, so the transport keeps no state.
type MoreRef struct {
	Question string `json:"q"`
	List     int    `json:"l"`
	Offset   int    `json:"o"`
}

// Encode writes the reference as a button value.
func (r MoreRef) Encode() string {
	r.Question = cutBytes(r.Question, maxQuestion)
	b, _ := json.Marshal(r) // a struct of strings and ints always marshals
	return string(b)
}

// DecodeMoreRef reads a button value written by Encode.
func DecodeMoreRef(v string) (MoreRef, error) {
	var r MoreRef
	if err := json.Unmarshal([]byte(v), &r); err != nil {
		return MoreRef{}, fmt.Errorf("more button value: %w", err)
	}
	if r.List < 0 || r.Offset < 0 {
		return MoreRef{}, fmt.Errorf("more button value: negative index")
	}
	return r, nil
}

// listBlocks renders list l from item offset on, within the blocks and
// characters left: one section, plus a "Mehr anzeigen" button if cut.
func listBlocks(question string, en bool, index int, l domain.List, offset, blocksLeft, charsLeft int) []slack.Block {
	if blocksLeft < 1 || charsLeft < 200 {
		return nil
	}
	title := "*" + esc(strings.ReplaceAll(l.Title, "\n", " "), 200) + "*"
	if offset > 0 {
		title += ui(en, "continued")
	}
	if l.Partial {
		title += ui(en, "partial")
	}
	// The engine's own "und N weitere" (items it left out) and the cut here
	// make one count, not two.
	var note string
	omitted, _ := omittedCount(l.Note)
	if l.Note != "" && omitted == 0 {
		note = "\n_" + esc(strings.ReplaceAll(l.Note, "\n", " "), 500) + "_"
	}
	limit := min(MaxSectionText, charsLeft-100)
	var b strings.Builder
	b.WriteString(title)
	b.WriteString("\n")
	n := utf8.RuneCountInString(title) + 1
	shown := 0
	items := l.Items
	if offset > len(items) {
		offset = len(items)
	}
	items = items[offset:]
	reserve := utf8.RuneCountInString(note) + 40 // "… und N weitere"
	for i, it := range items {
		label := esc(strings.ReplaceAll(it.Label(), "\n", " "), 200)
		sep := ""
		if i > 0 {
			sep = " · "
		}
		add := utf8.RuneCountInString(sep + label)
		if shown == maxListItems || n+add+reserve > limit {
			break
		}
		b.WriteString(sep + label)
		n += add
		shown++
	}
	rest := len(items) - shown
	switch {
	case rest+omitted > 0 && rest == 0:
		fmt.Fprintf(&b, ui(en, "more"), omitted)
	case rest+omitted > 0:
		fmt.Fprintf(&b, " …"+ui(en, "more"), rest+omitted)
	}
	b.WriteString(note)
	out := []slack.Block{section(b.String())}
	if rest > 0 && blocksLeft >= 2 && len(question) <= maxQuestion {
		ref := MoreRef{Question: question, List: index, Offset: offset + shown}
		out = append(out, slack.NewActionBlock("",
			button(ActionMore, ui(en, "show"), ref.Encode())))
	}
	return out
}

// omittedCount reads a list note of the form "und N weitere" (the items the
// engine left out); ok is false for any other note.
func omittedCount(note string) (n int, ok bool) {
	// Most lists have no note, or another one: the ending is checked before
	// Sscanf, which costs more than the rest of the list's rendering.
	var rest string
	end := strings.TrimSpace(note)
	if strings.HasSuffix(end, "weitere") {
		if c, _ := fmt.Sscanf(note, "und %d weitere%s", &n, &rest); c >= 1 && n > 0 && strings.TrimSpace(rest) == "" {
			return n, true
		}
	}
	if strings.HasSuffix(end, "more") {
		if c, _ := fmt.Sscanf(note, "and %d more%s", &n, &rest); c >= 1 && n > 0 && strings.TrimSpace(rest) == "" {
			return n, true
		}
	}
	return 0, false
}

// More renders the rest of list ref.List of the answer, from ref.Offset on,
// as its own message (with a further "Mehr anzeigen" if still too long).
func More(a domain.Answer, ref MoreRef) Message {
	if ref.List < 0 || ref.List >= len(a.Lists) {
		return Notice("Diese Liste gibt es nicht mehr; frag bitte noch einmal.")
	}
	l := a.Lists[ref.List]
	text := cut(linkify(esc(l.LineIn(a.English), maxFallback)), maxFallback)
	bs := listBlocks(a.Query, a.English, ref.List, l, ref.Offset, MaxBlocks, MaxMessageChars-chars(text))
	return fit(Message{Text: text, Blocks: bs}, 0, MaxBlocks, a.English)
}

// Notice renders a short note, such as a thank-you for feedback.
func Notice(text string) Message {
	t := cut(linkify(esc(text, MaxSectionText)), MaxSectionText)
	return Message{Text: t, Blocks: []slack.Block{section(t)}}
}

// fit enforces the limits on a rendered message: at most maxBlocks blocks and
// MaxMessageChars characters. It drops blocks before the last keep blocks
// (the footer with its buttons) and says that the answer was shortened.
func fit(m Message, keep, maxBlocks int, en bool) Message {
	return fitCounted(m, chars(m.Text)+blockChars(m.Blocks), keep, maxBlocks, en)
}

// fitCounted is fit for a message of n characters (fallback and blocks),
// as Answer counted them on its way: counting them all again cost as much
// as writing the answer's JSON.
func fitCounted(m Message, n, keep, maxBlocks int, en bool) Message {
	if len(m.Blocks) <= maxBlocks && n <= MaxMessageChars {
		return m
	}
	over := func() bool {
		return len(m.Blocks) > maxBlocks || chars(m.Text)+blockChars(m.Blocks) > MaxMessageChars
	}
	if !over() {
		return m
	}
	if keep > len(m.Blocks) {
		keep = len(m.Blocks)
	}
	body := m.Blocks[:len(m.Blocks)-keep]
	tail := m.Blocks[len(m.Blocks)-keep:]
	note := contextText(ui(en, "shortened"))
	for len(body) > 0 {
		m.Blocks = append(append(append([]slack.Block{}, body...), note), tail...)
		if !over() {
			return m
		}
		body = body[:len(body)-1]
	}
	m.Blocks = append([]slack.Block{note}, tail...)
	for over() && len(m.Blocks) > 1 {
		m.Blocks = m.Blocks[:len(m.Blocks)-1]
	}
	if over() {
		m.Text = cut(m.Text, 1000)
	}
	return m
}

// chars counts the characters of s.
func chars(s string) int { return utf8.RuneCountInString(s) }

// blockChars counts the characters of all strings in the blocks' JSON, except
// the fixed type names and ids: the text, labels, values and URLs Slack stores.
// The block types this package builds are counted from their fields; a JSON
// round trip for each count made the limits check cost more than finding the
// answer (BenchmarkLoadSlashCommands). Other blocks are counted in their JSON.
func blockChars(bs []slack.Block) int {
	n := 0
	for _, b := range bs {
		c, ok := fieldChars(b)
		if !ok {
			c = jsonChars([]slack.Block{b})
		}
		n += c
	}
	return n
}

// fieldChars is blockChars for one block of a type this package builds; ok
// is false for any other block or element.
func fieldChars(b slack.Block) (n int, ok bool) {
	switch b := b.(type) {
	case *slack.DividerBlock:
		return 0, true
	case *slack.HeaderBlock:
		return textChars(b.Text), true
	case *slack.SectionBlock:
		n = textChars(b.Text)
		for _, f := range b.Fields {
			n += textChars(f)
		}
		if a := b.Accessory; a != nil {
			if a.ButtonElement == nil || *a != (slack.Accessory{ButtonElement: a.ButtonElement}) {
				return 0, false
			}
			c, ok := buttonChars(a.ButtonElement)
			return n + c, ok
		}
		return n, true
	case *slack.ContextBlock:
		for _, e := range b.ContextElements.Elements {
			t, ok := e.(*slack.TextBlockObject)
			if !ok {
				return 0, false
			}
			n += textChars(t)
		}
		return n, true
	case *slack.ActionBlock:
		if b.Elements == nil {
			return 0, true
		}
		for _, e := range b.Elements.ElementSet {
			btn, ok := e.(*slack.ButtonBlockElement)
			if !ok {
				return 0, false
			}
			c, ok := buttonChars(btn)
			if !ok {
				return 0, false
			}
			n += c
		}
		return n, true
	}
	return 0, false
}

func textChars(t *slack.TextBlockObject) int {
	if t == nil {
		return 0
	}
	return chars(t.Text)
}

func buttonChars(b *slack.ButtonBlockElement) (int, bool) {
	if b == nil {
		return 0, true
	}
	if b.Confirm != nil {
		return 0, false
	}
	n := textChars(b.Text) + chars(b.URL) + chars(b.Value) + chars(b.AccessibilityLabel) +
		chars(b.AgentPrompt) + chars(b.AgentPromptDisplay)
	for _, id := range b.VisibleToUserIDs {
		n += chars(id)
	}
	return n, true
}

// jsonChars is blockChars by way of the blocks' JSON.
func jsonChars(bs []slack.Block) int {
	if len(bs) == 0 {
		return 0
	}
	raw, err := json.Marshal(slack.Blocks{BlockSet: bs})
	if err != nil {
		return MaxMessageChars + 1
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return MaxMessageChars + 1
	}
	n := 0
	WalkStrings(v, func(key, s string) { n += chars(s) })
	return n
}

// skipKeys are JSON keys whose strings are structure, not content.
var skipKeys = map[string]bool{"type": true, "action_id": true, "block_id": true, "style": true}

// WalkStrings calls f with every string of v, blocks' JSON decoded into
// maps and slices, that Slack counts against its limits: all but the type
// names, ids and styles; key is the string's JSON key. It is how this
// package counts blocks it does not build, and how blockstest checks them.
func WalkStrings(v any, f func(key, s string)) { walkStrings(v, "", f) }

func walkStrings(v any, key string, f func(key, s string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			walkStrings(x, k, f)
		}
	case []any:
		for _, x := range v {
			walkStrings(x, key, f)
		}
	case string:
		if !skipKeys[key] {
			f(key, v)
		}
	}
}
