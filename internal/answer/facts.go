package answer

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/memo"
	"github.com/engagiert/engagiert/internal/words"
)

// Building blocks of answers: a statement with its source and date, the
// figures of a network, its facts on a topic, statements that share the
// question's words.

// fact turns a reference into an answer line with its source and date.
func (e *Engine) fact(ref domain.FactRef, english bool) domain.AnswerFact {
	n := e.base.Network(ref.Network)
	var f domain.Fact
	switch ref.Part {
	case "description":
		f = n.Description
	case "goal":
		f = n.Goals[ref.Index]
		f.Text = say(english, "goal", f.Text)
	case "fact":
		f = n.Facts[ref.Index]
	case "count":
		c := n.Counts[ref.Index]
		f = domain.Fact{Text: c.Value + " " + c.Text, Stand: c.Stand, Source: c.Source}
	case "founding":
		af, _ := e.foundingFact(n, english)
		return af
	}
	return domain.AnswerFact{Text: f.Text, Stand: f.Stand, Source: e.base.Source(f.Source)}
}

// foundingFact is a network's founding as a line.
func (e *Engine) foundingFact(n *domain.Network, english bool) (domain.AnswerFact, bool) {
	fd := n.Founded
	if fd.Text == "" && fd.Date.IsZero() {
		return domain.AnswerFact{}, false
	}
	text := fd.Text
	if text == "" {
		text = say(english, "founded", dateIn(english, fd.Date))
		if fd.Place != "" {
			text += ", " + fd.Place
		}
		text += "."
	}
	return domain.AnswerFact{Text: text, Source: e.base.Source(fd.Source)}, true
}

// topicFacts are the network's facts on the topics, in that order.
func (e *Engine) topicFacts(n *domain.Network, english bool, topics ...string) []domain.AnswerFact {
	var out []domain.AnswerFact
	for _, t := range topics {
		if t == "goal" {
			for i := range n.Goals {
				out = appendFact(out, e.fact(domain.FactRef{Network: n.ID, Part: "goal", Index: i}, english))
			}
		}
		for i, f := range n.Facts {
			if f.Topic == t {
				out = appendFact(out, e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: i}, english))
			}
		}
	}
	return out
}

// topicsOf are the fact topics that answer an attribute, best first: the
// lexicon's, else the attribute itself. The lexicon's list is shared by
// every question, so it comes clipped to its length: a caller that
// appends (attributeAny) gets a copy instead of writing into the spare
// room of the shared array, which two questions at once did (a data race
// TestConcurrentAsksAgree showed under -race).
func (e *Engine) topicsOf(a domain.Attribute) []string {
	if ts := e.lex.topics[a]; len(ts) > 0 {
		return slices.Clip(ts)
	}
	return []string{a.String()}
}

// statements finds statements that share the words, in one network or in
// all (""), best first; only those covering most of the words count.
func (e *Engine) statements(ctx context.Context, ws []string, network string) ([]domain.FactHit, error) {
	return e.statementsNumbered(ctx, ws, network, 0)
}

// statementsNumbered is statements for a question that names a number
// after a name ("EWS 3"): the statements that give it lead. n is 0 for
// none.
func (e *Engine) statementsNumbered(ctx context.Context, ws []string, network string, n int) ([]domain.FactHit, error) {
	hits, err := e.statementsAll(ctx, ws, network, n)
	return hits[:min(len(hits), 3)], err
}

// statementsAll is statementsNumbered before the best three are kept: a
// question that narrows them further (by year) narrows all of them.
func (e *Engine) statementsAll(ctx context.Context, ws []string, network string, n int) ([]domain.FactHit, error) {
	if len(ws) == 0 {
		return nil, nil
	}
	toks := e.search.Tokens(strings.Join(ws, " "))
	if len(toks) == 0 {
		return nil, nil
	}
	hits, err := e.search.Facts(ctx, toks, network)
	if err != nil {
		return nil, err
	}
	return goodHits(e.numberedFirst(hits, n)), nil
}

// onTopic finds the facts on one of the topics that share at least one of
// the words: where the question names what it asks for ("Förderung"), one
// shared word ("Europawoche") is enough to tell which fact it means.
func (e *Engine) onTopic(ctx context.Context, ws, topics []string) ([]domain.FactHit, error) {
	if len(ws) == 0 {
		return nil, nil
	}
	toks := e.search.Tokens(strings.Join(ws, " "))
	if len(toks) == 0 {
		return nil, nil
	}
	hits, err := e.search.Facts(ctx, toks, "")
	if err != nil {
		return nil, err
	}
	var out []domain.FactHit
	for _, h := range hits {
		if h.Matched > 0 && e.hitStates(h, topics) {
			out = append(out, h)
		}
	}
	slices.SortStableFunc(out, func(a, b domain.FactHit) int { return b.Matched - a.Matched })
	return out[:min(len(out), 2)], nil
}

// statementsEither searches statements with the question's own words,
// and where they find nothing, with the words that named the attribute
// too.
func (e *Engine) statementsEither(ctx context.Context, f Frame, network string) ([]domain.FactHit, error) {
	if len(f.Words) > 0 {
		hits, err := e.statements(ctx, f.Words, network)
		if err != nil || len(hits) > 0 {
			return hits, err
		}
	}
	if len(f.Asked) == 0 {
		return nil, nil
	}
	ws := f.Words
	if f.Ordinal > 0 || f.Number > 0 {
		// "Welche Kommunen haben beim 9. Forum präsentiert?": the number
		// picks the statement; a word no statement has narrows nothing.
		ws = e.statedWords(ws)
	}
	return e.statements(ctx, append(slices.Clone(ws), f.Asked...), network)
}

// goodHits keeps the statements that cover the question's words, best
// first: all of up to three words, all but one of more. A statement that
// shares one word of two is a chance overlap, not an answer.
func goodHits(hits []domain.FactHit) []domain.FactHit {
	var out []domain.FactHit
	for _, h := range hits {
		if h.Matched == 0 {
			continue
		}
		need := h.Total
		if h.Total > 3 {
			need = h.Total - 1
		}
		if h.Matched >= need {
			out = append(out, h)
		}
	}
	// Bleve gives hits best first (or numberedFirst reordered them); keep
	// that order among equal matches.
	slices.SortStableFunc(out, func(a, b domain.FactHit) int { return b.Matched - a.Matched })
	return out
}

// hitStates reports whether a statement found by search is a fact on one of
// the topics: "Paderborn hat den Vorsitz" for "chair".
func (e *Engine) hitStates(h domain.FactHit, topics []string) bool {
	if h.Ref.Part != "fact" {
		return false
	}
	t := e.base.Network(h.Ref.Network).Facts[h.Ref.Index].Topic
	return t != "" && slices.Contains(topics, t)
}

// newestCount is the figure that leads: the counts are kept oldest first.
func newestCount(n *domain.Network) (domain.Count, bool) {
	if len(n.Counts) == 0 {
		return domain.Count{}, false
	}
	return n.Counts[len(n.Counts)-1], true
}

// countNoun is what a figure counts, in a word or two: "Engagierte Städte
// bundesweit nach ..." becomes "Engagierte Städte bundesweit".
func countNoun(c domain.Count) string {
	t := c.Text
	for _, cut := range []string{" nach ", " laut ", " beim ", " bei ", " zum ", " im ", " (", ", "} {
		if i := strings.Index(t, cut); i > 0 {
			t = t[:i]
		}
	}
	return t
}

// countLead is the newest figure in a sentence.
func (e *Engine) countLead(n *domain.Network, english bool) string {
	c, ok := newestCount(n)
	if !ok {
		return say(english, "nofigures", n.Name)
	}
	return say(english, "figure.lead", n.Name, figureWithNoun(english, c), standSuffix(english, c.Stand))
}

// figureWithNoun is a figure with what it counts, in German ("112
// Engagierte Städte"); in English the figure alone, which the sentence
// names ("has 112 members").
func figureWithNoun(english bool, c domain.Count) string {
	return strings.TrimSpace(englishFigure(english, c.Value) + " " + countNounIn(english, c))
}

// olderCounts are the older figures in one line, newest first, each value
// once.
func (e *Engine) olderCounts(n *domain.Network, max int, english bool) (domain.AnswerFact, bool) {
	if len(n.Counts) < 2 {
		return domain.AnswerFact{}, false
	}
	f := domain.AnswerFact{Older: true}
	var parts []string
	seen := map[string]bool{n.Counts[len(n.Counts)-1].Value: true}
	// Newest first; figures a source marks as outliers ("Ausreißer") last.
	var order []domain.Count
	for i := len(n.Counts) - 2; i >= 0; i-- {
		if !outlier(n.Counts[i]) {
			order = append(order, n.Counts[i])
		}
	}
	for i := len(n.Counts) - 2; i >= 0; i-- {
		if outlier(n.Counts[i]) {
			order = append(order, n.Counts[i])
		}
	}
	for _, c := range order {
		if seen[c.Value] {
			continue // the same figure from another page adds nothing here
		}
		seen[c.Value] = true
		if len(parts) == max {
			parts = append(parts, "…")
			break
		}
		part := englishFigure(english, c.Value)
		if !c.Stand.IsZero() {
			part += standSuffix(english, c.Stand)
		}
		parts = append(parts, part)
		// Two sources are enough for a line of older figures; the review
		// and the base keep every one.
		if src := e.base.Source(c.Source); src != nil {
			if f.Source == nil {
				f.Source = src
			} else if !slices.Contains(f.Also, src) && src != f.Source && len(f.Also) < 1 {
				f.Also = append(f.Also, src)
			}
		}
	}
	if len(parts) == 0 {
		return domain.AnswerFact{}, false
	}
	f.Text = say(english, "figures.older", strings.Join(parts, ", "))
	return f, true
}

// outlier reports whether the base marks a figure as a source's outlier.
func outlier(c domain.Count) bool {
	return strings.Contains(strings.ToLower(c.Text), "ausreißer") || strings.Contains(strings.ToLower(c.Text), "outlier")
}

// maxOlderCounts bounds the older figures a line shows; "Entwicklung der
// Mitgliederzahl X" shows them all.
const maxOlderCounts = 4

// memberDetail is the role and date of a membership, for a sentence that
// already says "Mitglied": ": Gründungsmitglied, seit 16. März 2016".
func memberDetail(english bool, m domain.Membership) string {
	var parts []string
	if m.Role != "" {
		parts = append(parts, roleIn(english, m.Role))
	}
	if !m.Since.IsZero() {
		parts = append(parts, say(english, "since", dateIn(english, m.Since)))
	}
	if len(parts) == 0 {
		return say(english, "member.nodate")
	}
	return ": " + strings.Join(parts, ", ")
}

// membershipText is "Gründungsmitglied, Mitglied seit 2016" for list lines.
func membershipText(english bool, m domain.Membership) string {
	var parts []string
	if m.Role != "" {
		parts = append(parts, roleIn(english, m.Role))
	}
	if !m.Since.IsZero() {
		parts = append(parts, say(english, "member.since", dateIn(english, m.Since)))
	} else {
		parts = append(parts, say(english, "member.sinceno"))
	}
	if m.Note != "" {
		parts = append(parts, m.Note)
	}
	return strings.Join(parts, ", ")
}

func networkHit(n *domain.Network) domain.Hit {
	return domain.Hit{ID: "network:" + n.ID, Title: n.Name, URL: n.Website}
}

func placeHit(pl *domain.Place) domain.Hit { return domain.Hit{ID: "place:" + pl.ID, Title: pl.Name} }

// shortName is the name people use in questions: the network's ShortName.
func shortName(n *domain.Network) string {
	if n.ShortName != "" {
		return n.ShortName
	}
	return n.Name
}

func appendLink(ls []domain.Link, l domain.Link) []domain.Link {
	if l.URL == "" {
		return ls
	}
	for _, x := range ls {
		if x.URL == l.URL {
			return ls
		}
	}
	return append(ls, l)
}

func appendFact(fs []domain.AnswerFact, f domain.AnswerFact) []domain.AnswerFact {
	first := func(t string) string { return strings.SplitN(strings.SplitN(t, "; ", 2)[0], " … ", 2)[0] }
	for _, x := range fs {
		// The same figure clipped to the clauses that answer
		// (statedTwinCounts) is the same fact.
		if x.Text == f.Text || x.Source == f.Source && x.Source != nil && first(x.Text) == first(f.Text) {
			return fs
		}
	}
	return append(fs, f)
}

// leadWith makes a sourced statement the lead of a: its text (with its
// date) answers, and its source is cited with the lead, not again below.
func leadWith(a *domain.Answer, f domain.AnswerFact) {
	a.Lead, a.LeadSource = f.BodyIn(a.English), f.Source
}

// firstSentence is a text's first sentence.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}

// shortSentence cuts a sentence at a word before max characters, marked
// with "…", for overviews that name many things in one answer.
func shortSentence(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := string(r[:max])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, ",;:") + " …"
}

// dropRepeats leaves out facts that say again what the lead says: most of
// their words are in it.
func (e *Engine) dropRepeats(lead string, facts []domain.AnswerFact) []domain.AnswerFact {
	in := map[string]bool{}
	for _, w := range e.foldWords(lead) {
		in[w] = true
	}
	var out []domain.AnswerFact
	for _, f := range facts {
		shared, long := 0, 0
		for _, w := range e.foldWords(f.Text) {
			if len(w) >= 4 {
				long++
				if in[w] {
					shared++
				}
			}
		}
		if long > 0 && shared*10 >= long*6 {
			continue
		}
		out = append(out, f)
	}
	return out
}

// tokensOf is tokenize(s), from what Prepare tokenized where s is a text
// of the base: the checks that read a statement word by word ("says it a
// figure?", "an office next to the name?") ask of the same statements for
// many questions; the texts an answer composes are remembered as they come
// (tokensMore). The caller must not change the slice.
func (e *Engine) tokensOf(s string) []tok {
	return readOnce(&e.tokens, e.tokensMore, s, e.tokenizeShared)
}

// tokenizeShared is tokenize(s) with what the lexicon remembers in each
// token (its phrases, whether it is an everyday word) filled in: the
// tokens are shared by every question that asks of the text, so no reader
// may write them, and lexicon.at and everydayIn then only read.
func (e *Engine) tokenizeShared(s string) []tok {
	toks := tokenize(s)
	for i := range toks {
		e.lex.at(toks, i)
		e.lex.everydayIn(&toks[i])
	}
	return toks
}

// foldWords splits text into folded words: the base's texts were split
// once, when the engine was built (foldTexts), others once they were
// asked for (foldedMore); the caller must not change the slice.
func (e *Engine) foldWords(s string) []string { return readOnce(&e.folded, e.foldedMore, s, foldWords) }

// readOnce is read(s) as the snapshot's map holds it, else as more
// remembers it, else read now and remembered.
func readOnce[T any](snap *atomic.Pointer[map[string]T], more *memo.Map[string, T], s string, read func(string) T) T {
	if m := snap.Load(); m != nil {
		if v, ok := (*m)[s]; ok {
			return v
		}
	}
	if v, ok := more.Get(s); ok {
		return v
	}
	v := read(s)
	more.Put(s, v)
	return v
}

// maxFoldedMore bounds Engine.foldedMore: the shipped base's questions
// compose fewer than a hundred such texts.
const maxFoldedMore = 1024

// foldedText is s's folded words joined by spaces, as
// strings.Join(e.foldWords(s), " ") writes them: the text of an answer,
// which no snapshot folded before, folded into one string rather than a
// string per word (shorten compares every answer's lead and facts so).
func (e *Engine) foldedText(s string) string {
	if m := e.folded.Load(); m != nil {
		if ws, ok := (*m)[s]; ok {
			return strings.Join(ws, " ")
		}
	}
	var buf [256]byte
	b := buf[:0]
	for i, w := range words.Split(s) {
		if i > 0 {
			b = append(b, ' ')
		}
		b = words.AppendFold(b, w)
	}
	return string(b)
}

func foldWords(s string) []string {
	ws := words.Split(s)
	for i, w := range ws {
		ws[i] = words.Fold(w)
	}
	return ws
}

// foldTexts splits the texts of the base that answers compare words with
// (statements, roles, notes, the Land's figures) into folded words, once per snapshot, when
// Prepare asks: a bot does, in the background after a load; a single `ask`
// folds the few texts its answer needs instead.
func (e *Engine) foldTexts() {
	if e.folded.Load() != nil {
		return
	}
	folded := map[string][]string{}
	tokens := map[string][]tok{}
	add := func(s string) {
		if _, ok := folded[s]; !ok {
			folded[s] = foldWords(s)
			tokens[s] = e.tokenizeShared(s)
		}
	}
	addFacts := func(fs []domain.Fact) {
		for _, f := range fs {
			add(f.Text)
		}
	}
	for i, n := range e.base.Networks {
		add(e.netText[i])
		add(n.Description.Text)
		add(n.Founded.Text)
		add(n.Founded.Text + " " + n.Founded.Place)
		addFacts(n.Goals)
		addFacts(n.Facts)
		for _, c := range n.Counts {
			add(c.Text)
			add(c.Value + " " + c.Text)
		}
		for _, m := range n.Members {
			add(m.Role + " " + m.Note)
		}
	}
	for _, p := range e.base.Places {
		addFacts(p.Facts)
	}
	for _, p := range e.base.Partnerships {
		add(p.Note)
		addFacts(p.Facts)
	}
	for _, x := range e.base.Figures {
		add(x.Text) // landFigure reads them for every question that might ask about NRW's areas
	}
	e.folded.Store(&folded)
	e.tokens.Store(&tokens)
}

// hasWord reports whether a text has one of the words (folded), also at
// the start of a longer word ("Datenbank" in "Datenbanken") or as another
// form of it ("Unterzeichnung", "unterzeichneten": all but the last three
// letters shared).
func (e *Engine) hasWord(text string, ws ...string) bool {
	for _, tw := range e.foldWords(text) {
		for _, w := range ws {
			if tw == w || len(w) >= 3 && strings.HasPrefix(tw, w) { // "50" is a word too
				return true
			}
			if n := commonPrefix(tw, w); len(w) >= 8 && n >= len(w)-3 {
				return true
			}
		}
	}
	return false
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// countExact weighs how many of the words a text has as written (2) or
// with the same stem (1), not merely as a prefix: "deutsche" is in
// "deutsch-deutsche" as written, in "deutsch-israelische" only by its stem.
func (e *Engine) countExact(text string, ws []string) int {
	n := 0
	var tws []string
	for _, tw := range e.foldWords(text) {
		tws = append(tws, strings.Split(tw, "-")...) // as questions are read: "deutsch", "deutsche"
	}
	for _, w := range ws {
		stem := words.Stem(w)
		switch {
		case slices.Contains(tws, w):
			n += 2
		case slices.ContainsFunc(tws, func(tw string) bool { return words.Stem(tw) == stem }):
			n++
		}
	}
	return n
}

// countWords counts how many of the words a text contains, folded.
func (e *Engine) countWords(text string, ws []string) int {
	n := 0
	for _, w := range ws {
		if e.hasWord(text, w) {
			n++
		}
	}
	return n
}

// today is the engine's date, for telling past events from coming ones.
func (e *Engine) today() domain.Date { return e.clock.Today() }

// Today is the engine's date in Berlin: answers depend on it, so caches
// in front of the engine key by it.
func (e *Engine) Today() domain.Date { return e.today() }

func dateKey(d domain.Date) int { return int(d.Year)*10000 + int(d.Month)*100 + int(d.Day) }

// thousands writes 250000 as "250.000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
