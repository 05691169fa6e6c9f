package answer

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
)

// notFound says plainly that the base has nothing on the question.
func (e *Engine) notFound(p parsed) domain.Answer {
	lead := "Dazu habe ich nichts in meiner Wissensbasis."
	if p.state != "" {
		lead = fmt.Sprintf("Aus %s führt meine Wissensbasis keine Mitglieder der Netzwerke, die ich kenne.", p.state)
	}
	return domain.Answer{Found: false, Kind: domain.KindNone, Title: "Keine passenden Einträge",
		Lead:        lead + " Ich beantworte Fragen zu Netzwerken von Kommunen, ihren Mitgliedern und zu Städtepartnerschaften in NRW.",
		Suggestions: []string{"Welche Netzwerke kennst du?", "Bielefeld", "hilfe"}}
}

// help is generated from domain.Commands.
func (e *Engine) help(english bool) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindHelp, Title: "So fragst du engagiert", English: english,
		Lead: "Frag mit /engagiert FRAGE, @engagiert FRAGE im Channel, per Direktnachricht oder im Terminal " +
			"mit engagiert ask \"FRAGE\". Ich antworte nur aus meiner Wissensbasis, mit Quelle und Stand. Zum Beispiel:"}
	if english {
		a.Title = "How to ask engagiert"
		a.Lead = "Ask with /engagiert QUESTION, @engagiert QUESTION in a channel, in a direct message or in a terminal " +
			"with engagiert ask \"QUESTION\". I answer from my knowledge base only, with source and date. For example:"
	}
	for _, c := range Commands() {
		if !c.InHelp {
			continue // the short help names the main kinds
		}
		l := domain.List{Title: c.What}
		if english {
			l.Title = c.WhatEN
		}
		for _, ex := range c.Examples[:1] {
			l.Items = append(l.Items, domain.ListItem{Name: "„" + ex + "“"})
		}
		a.Lists = append(a.Lists, l)
	}
	return a
}

// chatter answers a message that asks nothing ("moin", "danke!"): briefly,
// with two questions to try, and found false, since nothing was asked.
func (e *Engine) chatter(q string) domain.Answer {
	lower := strings.ToLower(q)
	a := domain.Answer{Found: false, Kind: domain.KindHelp, Title: "Hallo!",
		Lead:        "Ich beantworte Fragen zu Netzwerken von Kommunen und zu Städtepartnerschaften in NRW.",
		Suggestions: []string{"Bielefeld", "Welche Netzwerke kennst du?"}}
	for _, w := range []string{"danke", "thx", "thanks", "thank", "merci"} {
		if strings.Contains(lower, w) {
			a.Title, a.Lead = "Gern geschehen!", "Frag jederzeit wieder."
		}
	}
	if looksEnglish(q) || strings.HasPrefix(lower, "hello") || strings.HasPrefix(lower, "thanks") || strings.HasPrefix(lower, "thank") {
		a.English, a.Title, a.Lead = true, "Hello!", "I answer questions about networks of municipalities and town twinnings in NRW."
		if strings.Contains(lower, "thank") {
			a.Title, a.Lead = "You're welcome!", "Ask again any time."
		}
	}
	return a
}

// joinAny answers "Wie wird man Mitglied?" without a network: how to join
// each network that says.
func (e *Engine) joinAny(ctx context.Context, q *question) (domain.Answer, error) {
	var fs []domain.AnswerFact
	for i := range e.base.Networks {
		fs = append(fs, e.topicFacts(&e.base.Networks[i], "join")...)
	}
	if len(fs) == 0 {
		return e.factSearch(ctx, *q.p, "")
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: "Mitmachen und Aufnahme"}
	leadWith(&a, fs[0])
	a.Facts = fs[1:min(len(fs), 3)]
	return a, nil
}

// numberRE finds inhabitant figures: "300.000", "50 000", "8000", "120k".
var numberRE = regexp.MustCompile(`(\d{1,3}(?:[. ]\d{3})+|\d+)\s*(k|tsd\.?|tausend)?`)

// numbers reads the figures of a text, for ranges of inhabitants.
func numbers(s string) []int {
	var out []int
	for _, m := range numberRE.FindAllStringSubmatch(s, -1) {
		v, err := strconv.Atoi(strings.NewReplacer(".", "", " ", "").Replace(m[1]))
		if err != nil {
			continue
		}
		if m[2] != "" {
			v *= 1000
		}
		if v >= 1000 && (v < 1900 || v > 2100) { // a year is no size
			out = append(out, v)
		}
	}
	return out
}

// eligibility answers who may take part: from the facts on eligibility,
// and for a yes/no question with a size ("mit 300.000 Einwohnern") yes, no
// or unclear against the newest range the facts give.
func (e *Engine) eligibility(ctx context.Context, q *question) (domain.Answer, error) {
	nets := e.nets(q.networks())
	a, err := e.topicalAnswer(nets, attributeTopics["eligibility"], nil, q)
	if err != nil || !a.Found {
		hits, herr := q.networkHits(ctx)
		if herr != nil {
			return a, herr
		}
		if len(hits) == 0 {
			return a, err
		}
		a = e.factsAnswer(hits)
	}
	asked := numbers(q.p.question)
	if len(asked) == 0 || (q.f.Op != OpYesNo && !q.p.has(intJoin)) {
		return a, nil
	}
	size := asked[0]
	all := append([]domain.AnswerFact{{Text: a.Lead, Source: a.LeadSource}}, a.Facts...)
	// The newest fact with a range decides; facts are kept oldest first.
	for i := len(all) - 1; i >= 0; i-- {
		ns := numbers(all[i].Text)
		if len(ns) < 2 {
			continue
		}
		lo, hi := ns[len(ns)-2], ns[len(ns)-1]
		if lo > hi {
			lo, hi = hi, lo
		}
		verdict := "Ja"
		if size < lo || size > hi {
			verdict = "Nein"
		}
		lead := fmt.Sprintf("%s, nach meinen Quellen: gefragt sind Kommunen mit %s bis %s Einwohnern.", verdict, thousands(lo), thousands(hi))
		if q.f.English {
			lead = fmt.Sprintf("%s, by my sources: the range is %s to %s inhabitants.", map[string]string{"Ja": "Yes", "Nein": "No"}[verdict], thousands(lo), thousands(hi))
		}
		// The statement with the range first, then one more.
		a.Facts = append([]domain.AnswerFact{all[i]}, dropRepeats(all[i].Text, all)...)[:min(len(all), 2)]
		a.Lead, a.LeadSource = lead, nil
		return a, nil
	}
	a.Lead = "Unklar: meine Quellen nennen dafür keine Größengrenze. " + a.Lead
	return a, nil
}

// thousands writes 250000 as "250.000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// overview lists every network in a sentence each.
func (e *Engine) overview() domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindOverview, Title: "Diese Netzwerke kenne ich",
		Lead: fmt.Sprintf("Meine Wissensbasis umfasst %d Netzwerke:", len(e.base.Networks))}
	for _, n := range e.base.Networks {
		text := n.Name
		if n.Kind != "" || n.Scope != "" {
			text += " (" + strings.Trim(n.Kind+", "+n.Scope, ", ") + ")"
		}
		text += ": " + shortSentence(firstSentence(n.Description.Text), 160)
		a.Facts = append(a.Facts, domain.AnswerFact{Text: text, Source: e.base.Source(n.Description.Source)})
		a.Links = append(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Hits = append(a.Hits, networkHit(&n))
	}
	a.Suggestions = []string{e.base.Networks[0].Name, "Welche Städte sind in mehreren Netzwerken?"}
	return a
}

// overviewIn lists the networks of a Bundesland: those working there and
// the ones with members from there ("Welche Netzwerke gibt es in NRW?").
func (e *Engine) overviewIn(p parsed) domain.Answer {
	state := p.state
	a := domain.Answer{Found: true, Kind: domain.KindOverview, Title: "Netzwerke in " + state}
	for i := range e.base.Networks {
		n := &e.base.Networks[i]
		count := 0
		for _, r := range e.members[n.ID] {
			if r.p.State == state {
				count++
			}
		}
		if n.Scope != state && count == 0 {
			continue
		}
		text := n.Name
		if n.Scope != "" {
			text += " (" + n.Scope + ")"
		}
		if count > 0 {
			text += fmt.Sprintf(": %d %s aus %s in meiner Wissensbasis", count, plural(count, "Mitglied", "Mitglieder"), state)
		}
		a.Facts = append(a.Facts, domain.AnswerFact{Text: text, Source: e.base.Source(n.Description.Source)})
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Hits = append(a.Hits, networkHit(n))
	}
	if len(a.Facts) == 0 {
		return e.notFound(p)
	}
	a.Lead = fmt.Sprintf("%d %s mit Bezug zu %s:", len(a.Facts), plural(len(a.Facts), "Netzwerk", "Netzwerke"), state)
	a.Suggestions = []string{"Welche Städte aus " + state + " sind Engagierte Stadt?"}
	return a
}

// factSearch answers from statements that share the question's content words.
// A statement counts only when it covers most of them: one shared word of
// five is a chance overlap, not an answer; nor is one short word alone.
func (e *Engine) factSearch(ctx context.Context, p parsed, network string) (domain.Answer, error) {
	terms := p.topicTerms()
	long := false
	for _, t := range terms {
		long = long || utf8.RuneCountInString(t.Stem) >= 5
	}
	if len(terms) == 0 || (!long && len(terms) < 2) {
		return e.notFound(p), nil
	}
	hits, err := e.search.Facts(ctx, terms, network)
	if err != nil {
		return domain.Answer{}, err
	}
	good := goodHits(e.preferAsked(hits, p))
	if len(good) == 0 {
		return e.notFound(p), nil
	}
	a := e.factsAnswer(good)
	if len(p.tokens) == 1 {
		a.Lead = fmt.Sprintf("„%s“ ist in meiner Wissensbasis kein Ort und kein Netzwerk; erwähnt wird es hier:", displayWord(p.question, p.tokens[0].Raw))
	}
	return a, nil
}

// factsAnswer shows statements with their networks' links.
func (e *Engine) factsAnswer(hits []domain.FactHit) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: e.base.Network(hits[0].Ref.Network).Name}
	for _, h := range hits {
		a.Facts = appendFact(a.Facts, e.fact(h.Ref))
		n := e.base.Network(h.Ref.Network)
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		if len(a.Hits) == 0 || a.Hits[len(a.Hits)-1].ID != "network:"+n.ID {
			a.Hits = append(a.Hits, networkHit(n))
		}
	}
	// The best statement answers; the next ones add to it.
	leadWith(&a, a.Facts[0])
	a.Facts = dropRepeats(a.Lead, a.Facts[1:])
	return a
}

// preferAsked moves the statements that fit the question word first, among
// equally good matches: for "Wo …?" a founding with its place or a statement
// on a place, for "Wer …?" one on people, for "Wann …?" one with a date.
func (e *Engine) preferAsked(hits []domain.FactHit, p parsed) []domain.FactHit {
	fits := func(h domain.FactHit) bool {
		n := e.base.Network(h.Ref.Network)
		topic := ""
		if h.Ref.Part == "fact" {
			topic = n.Facts[h.Ref.Index].Topic
		}
		founding := h.Ref.Part == "founding"
		switch {
		case p.has(intWhere):
			return topic == "place" || (founding && n.Founded.Place != "")
		case p.has(intWho):
			return topic == "people" || (founding && len(n.Founded.By) > 0)
		case p.has(intWhen):
			return topic == "date" || (founding && !n.Founded.Date.IsZero())
		}
		return false
	}
	out := append([]domain.FactHit(nil), hits...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Matched != out[j].Matched {
			return out[i].Matched > out[j].Matched
		}
		return fits(out[i]) && !fits(out[j])
	})
	return out
}

// goodHits keeps the statements that cover enough of the question, best first.
func goodHits(hits []domain.FactHit) []domain.FactHit {
	var out []domain.FactHit
	for _, h := range hits {
		if h.Matched == 0 {
			continue
		}
		need := (h.Total*2 + 2) / 3 // two thirds, rounded up
		if h.Matched >= need {
			out = append(out, h)
		}
	}
	// Bleve gives hits best first; keep that order among equal matches.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Matched > out[j].Matched })
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}
