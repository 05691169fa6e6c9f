package answer

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// countKind answers "Wie viele ...?" about networks: the newest figure
// leads, older ones follow in one line, and a partial member list is said
// as "davon namentlich bekannt", never as the network's size.
func (e *Engine) countKind(ctx context.Context, q *question) (domain.Answer, error) {
	p, nets := q.p, e.nets(q.networks())
	if p.year == 0 && p.has(intFounding) && len(nets) == 1 && !nets[0].Founded.Date.IsZero() {
		p.year = nets[0].Founded.Date.Year // "Wie viele Mitglieder hatte X bei der Gründung?"
	}
	if p.year != 0 && len(e.countsIn(nets, p.year)) > 0 {
		// "Wie viele Städte hatte RegioPole 2019?": the figure of that year.
		fs := e.countsIn(nets, p.year)
		a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, Facts: fs[1:]}
		leadWith(&a, fs[0])
		for i := range nets {
			a.Links = appendLink(a.Links, domain.Link{Title: nets[i].Name, URL: nets[i].Website})
			a.Hits = append(a.Hits, networkHit(&nets[i]))
		}
		return a, nil
	}
	if p.filtered() {
		// "Wie viele RegioPole-Städte liegen in NRW?": count the list.
		return e.membersAnswer(nets, *p), nil
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name}
	var leads []string
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		leads = append(leads, e.countLead(n, q.f.English))
		if c, ok := newestCount(n); ok && len(nets) == 1 {
			a.LeadSource = e.base.Source(c.Source)
		}
		if f, ok := e.olderCounts(n, maxOlderCounts, q.f.English); ok {
			a.Facts = append(a.Facts, f)
		}
		if f, ok := e.namedMembers(n, q.f.English); ok {
			// Said with the figure, so it never reads as the network's size.
			leads[len(leads)-1] = strings.TrimSuffix(leads[len(leads)-1], ".") + "; " + lowerFirst(f.Text) + "."
		}
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
	}
	if hits, err := q.networkHits(ctx); err == nil && len(p.content) > 0 && len(a.Facts) == 0 {
		// No figures: what the statements say of it.
		for _, h := range hits[:min(len(hits), 1)] {
			a.Facts = appendFact(a.Facts, e.fact(h.Ref))
		}
	}
	a.Lead = strings.Join(leads, " ")
	return a, nil
}

// membersKind lists members of the named networks.
func (e *Engine) membersKind(ctx context.Context, q *question) (domain.Answer, error) {
	a := e.membersAnswer(e.nets(q.networks()), *q.p)
	if len(q.p.content) > 0 { // a year alone finds whatever happened that year
		hits, err := q.networkHits(ctx)
		if err != nil {
			return a, err
		}
		for _, h := range hits {
			a.Facts = appendFact(a.Facts, e.fact(h.Ref))
		}
	}
	return a, nil
}

// networkKind is a network in short, or the statements of it that share
// the question's other words.
func (e *Engine) networkKind(ctx context.Context, q *question) (domain.Answer, error) {
	hits, err := q.networkHits(ctx)
	if err != nil {
		return domain.Answer{}, err
	}
	if len(hits) > 0 && !q.p.has(intWhat) {
		return e.factsAnswer(hits), nil
	}
	if (q.p.hasTerm(q.p.tokens, "macht", "tut", "bietet", "wofur", "does", "bringt") || q.p.has(intGoal)) && len(q.networks()) == 1 {
		// "Was macht X?": what it is and what it is for, not its members.
		n := e.base.Network(q.networks()[0])
		a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: n.Name, English: q.f.English, Hits: []domain.Hit{networkHit(n)}}
		d := e.fact(domain.FactRef{Network: n.ID, Part: "description"})
		d.Text = firstSentence(d.Text)
		leadWith(&a, d)
		// Its first goal, what it offers, then a second goal.
		if len(n.Goals) > 0 {
			a.Facts = append(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "goal"}))
		}
		if fs := e.topicFacts(n, "services"); len(fs) > 0 {
			a.Facts = appendFact(a.Facts, fs[0])
		}
		if len(n.Goals) > 1 {
			a.Facts = append(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "goal", Index: 1}))
		}
		a.Facts = dropRepeats(a.Lead, a.Facts)
		return a, nil
	}
	return e.networkOverview(e.nets(q.networks()), q.f.English), nil
}

// attributeTopics are the fact topics that answer an attribute, best first.
var attributeTopics = map[string][]string{
	"chair":       {"chair"},
	"speakers":    {"speakers", "people"},
	"carrier":     {"carrier"},
	"funding":     {"funding", "programme"},
	"programme":   {"programme", "funding"},
	"office":      {"office", "place"},
	"initiator":   {"initiator", "founders"},
	"founders":    {"founders", "initiator"},
	"event":       {"event"},
	"services":    {"services"},
	"data":        {"data"},
	"term":        {"term"},
	"history":     {"history"},
	"contact":     {"contact"},
	"outcome":     {"outcome"},
	"cost":        {"cost"},
	"eligibility": {"eligibility", "join"},
	"join":        {"join", "eligibility"},
}

// networkAttribute answers what is asked about a network: the facts that
// state the attribute lead; when the base has none, it says so in one line
// with the network's website, and found is false.
func (e *Engine) networkAttribute(ctx context.Context, q *question) (domain.Answer, error) {
	p, nets := q.p, e.nets(q.networks())
	hits, err := q.networkHits(ctx)
	if err != nil {
		return domain.Answer{}, err
	}
	attr := q.f.Attribute
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name}
	var leads []string
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		// Where and who first look for statements on that topic (the seat of
		// an office, the speakers of a network); when, and where or who
		// without such statements, fall back to the founding, unless the
		// question names something else that a statement answers.
		var topical []domain.AnswerFact
		if q.f.Op == OpWhere {
			topical = append(topical, e.topicFacts(n, "place", "office", "carrier")...)
		}
		switch {
		case attr == "initiator" || attr == "founders":
			topical = append(topical, e.topicFacts(n, "initiator", "founders")...)
		case q.f.Op == OpWho:
			topical = append(topical, e.topicFacts(n, "chair", "speakers", "carrier", "funding", "people")...)
		}
		founding := attr == "founding" || attr == "founding-place" || attr == "founders" || attr == "initiator" || p.has(intFounding)
		switch {
		case len(hits) > 0 && (q.f.Op == OpWho || q.f.Op == OpWhere) && !founding:
			// "Wer leitet …?": the statement on what was asked leads.
			if len(nets) == 1 && a.Lead == "" {
				leadWith(&a, e.fact(hits[0].Ref))
			} else {
				leads = append(leads, e.fact(hits[0].Ref).Text)
			}
		case len(topical) > 0 && (!founding || attr == "initiator" || attr == "founders"):
			if len(nets) == 1 {
				leadWith(&a, topical[0])
			} else {
				a.Facts = append(a.Facts, topical[0])
			}
			a.Facts = append(a.Facts, topical[1:]...)
		case founding || q.f.Op == OpWhen || q.f.Op == OpWhere || q.f.Op == OpWho:
			if f, ok := e.founding(n); ok {
				lead := ""
				switch {
				case (q.f.Op == OpWhere || attr == "founding-place") && n.Founded.Place != "":
					lead = "Gegründet wurde es im " + strings.TrimPrefix(n.Founded.Place, "im ")
					if d := n.Founded.Date; !d.IsZero() {
						lead += ", " + dateWithArticle(d)
					}
					lead += "."
					if q.f.English {
						lead = fmt.Sprintf("%s was founded at the %s", n.Name, strings.TrimPrefix(n.Founded.Place, "im "))
						if d := n.Founded.Date; !d.IsZero() {
							lead += " on " + d.English()
						}
						lead += "."
					}
				case (q.f.Op == OpWho || attr == "founders" || attr == "initiator") && len(n.Founded.By) > 0:
					lead = fmt.Sprintf("%s – gegründet von: %s.", n.Name, joinAnd(n.Founded.By))
				case (q.f.Op == OpWho || attr == "founders" || attr == "initiator") && fd(n).Text != "":
					lead = f.Text
				case !n.Founded.Date.IsZero():
					lead = fmt.Sprintf("%s besteht seit %s.", n.Name, n.Founded.Date)
					if q.f.English {
						lead = fmt.Sprintf("%s was founded in %s.", n.Name, n.Founded.Date.English())
					}
				}
				if len(nets) == 1 && lead != "" && a.LeadSource == nil {
					// The founding's source is cited with the lead, not as a
					// second line saying the same.
					leads = append(leads, lead)
					a.LeadSource = f.Source
				} else {
					leads = append(leads, lead)
					a.Facts = append(a.Facts, f)
				}
			} else {
				leads = append(leads, fmt.Sprintf("Wann und wo es gegründet wurde, nennen meine Quellen nicht: %s.", n.Name))
				a.Facts = appendFact(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "description"}))
			}
		}
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
	}
	a.Lead = strings.TrimSpace(a.Lead + " " + strings.Join(leads, " "))
	if a.Lead == "" {
		// Statements sharing the question's words, where nothing on the
		// attribute itself answered.
		for _, h := range hits[:min(len(hits), 2)] {
			a.Facts = appendFact(a.Facts, e.fact(h.Ref))
		}
	}
	a.Facts = dropRepeats(a.Lead, a.Facts)
	if limit := e.factLimit(q); len(a.Facts) > limit {
		a.Facts = a.Facts[:limit]
	}
	if (attr == "initiator" || attr == "carrier") && a.Lead == "" {
		// "Vom Land NRW initiiertes Netzwerk": the description says who.
		for i := range nets {
			if d := nets[i].Description; strings.Contains(strings.ToLower(d.Text), "initiiert") {
				leadWith(&a, domain.AnswerFact{Text: firstSentence(d.Text), Source: e.base.Source(d.Source)})
			}
		}
	}
	if a.Lead == "" && len(a.Facts) > 0 {
		a.Lead, a.Facts = a.Facts[0].Text, a.Facts[1:]
	}
	if a.Lead == "" {
		return e.noInfo(nets, attr, q), nil
	}
	return a, nil
}

// topicKind answers an attribute that facts state (chair, cost, event,
// ...) from those facts.
func (e *Engine) topicKind(ctx context.Context, q *question) (domain.Answer, error) {
	hits, err := q.networkHits(ctx)
	if err != nil {
		return domain.Answer{}, err
	}
	return e.topicalAnswer(e.nets(q.networks()), attributeTopics[q.f.Attribute], hits, q)
}

// isTopic reports whether an attribute is answered from the facts on it;
// joining, founders and initiators have answers of their own.
func isTopic(attr string) bool {
	_, ok := attributeTopics[attr]
	return ok && attr != "join" && attr != "initiator" && attr != "founders"
}

// websiteKind answers "Link zum Kommunen-Netzwerk".
func (e *Engine) websiteKind(_ context.Context, q *question) (domain.Answer, error) {
	nets := e.nets(q.networks())
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: q.f.English}
	var leads []string
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		if n.Website == "" {
			return e.noInfo(nets, "website", q), nil
		}
		lead := "Website: " + n.Website
		if len(nets) > 1 {
			lead = n.Name + " – " + lead
		}
		leads = append(leads, lead)
	}
	a.Lead = strings.Join(leads, " ")
	return a, nil
}

// goalKind answers "Was ist das Ziel von X?" from the network's goals.
func (e *Engine) goalKind(_ context.Context, q *question) (domain.Answer, error) {
	nets := e.nets(q.networks())
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: q.f.English}
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		for j := range n.Goals {
			a.Facts = appendFact(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "goal", Index: j}))
		}
	}
	return e.leadFirst(a, nets, "goal", q), nil
}

// joinKind answers how to join a network: its facts on joining and on who
// may, or the statements sharing the question's words.
func (e *Engine) joinKind(ctx context.Context, q *question) (domain.Answer, error) {
	nets := e.nets(q.networks())
	hits, err := q.networkHits(ctx)
	if err != nil {
		return domain.Answer{}, err
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: q.f.English}
	for i := range nets {
		a.Hits = append(a.Hits, networkHit(&nets[i]))
		for _, f := range e.topicFacts(&nets[i], "join", "eligibility") {
			a.Facts = appendFact(a.Facts, f)
		}
	}
	if len(a.Facts) == 0 {
		for _, h := range hits[:min(len(hits), 2)] {
			a.Facts = appendFact(a.Facts, e.fact(h.Ref))
		}
	}
	return e.leadFirst(a, nets, "join", q), nil
}

// leadFirst makes the answer's first fact its lead and keeps the few lines
// after it that add to it; with no facts at all, the sources say nothing on
// attr.
func (e *Engine) leadFirst(a domain.Answer, nets []domain.Network, attr string, q *question) domain.Answer {
	if len(a.Facts) == 0 {
		return e.noInfo(nets, attr, q)
	}
	leadWith(&a, a.Facts[0])
	a.Facts = dropRepeats(a.Lead, a.Facts[1:])
	a.Facts = a.Facts[:min(len(a.Facts), e.factLimit(q))]
	return a
}

// topicalAnswer answers an attribute from the facts that state it, then the
// statements sharing the question's words; with neither, noInfo.
func (e *Engine) topicalAnswer(nets []domain.Network, topics []string, hits []domain.FactHit, q *question) (domain.Answer, error) {
	if th, err := q.topicHits(); err == nil && len(th) > 0 {
		hits = th // the question's words other than those naming the attribute
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name}
	var facts []domain.AnswerFact
	for i := range nets {
		n := &nets[i]
		fs := e.topicFacts(n, topics...)
		if q.f.Attribute == "event" {
			fs = e.events(n, q)
		}
		// Of the facts on the topic, those that share the question's
		// other words first: "Wo fand der 5. Tag der Städtepartnerschaften statt?"
		if len(fs) > 1 && !(q.f.Attribute == "event" && (q.p.most != "" || q.p.hasRaw("nachst", "kommend", "next"))) {
			var matched []domain.AnswerFact
			for _, h := range hits {
				if h.Ref.Network == n.ID && e.hitStates(h, topics) {
					matched = appendFact(matched, e.fact(h.Ref))
				}
			}
			if len(matched) > 0 {
				fs = matched // only those: "der 5. Tag", not every event
			}
		}
		if q.f.Attribute == "history" && len(fs) == 0 && len(n.Counts) > 1 {
			fs = e.counts(n)
		}
		for _, f := range fs {
			facts = appendFact(facts, f)
		}
		if len(fs) > 0 {
			a.Hits = append(a.Hits, networkHit(n))
			a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		}
	}
	if len(facts) == 0 {
		for _, h := range hits {
			if e.hitStates(h, topics) || (h.Matched >= h.Total-len(q.p.attrPos) && h.Matched > 0 && h.Ref.Part == "fact") {
				facts = appendFact(facts, e.fact(h.Ref))
			}
		}
		if len(facts) > 0 {
			a.Hits = append(a.Hits, networkHit(e.base.Network(hits[0].Ref.Network)))
			a.Links = appendLink(a.Links, domain.Link{Title: nets[0].Name, URL: nets[0].Website})
		}
	}
	if q.p.asksHistory() && len(facts) > 0 {
		// "Welche Städte hatten bisher den Vorsitz?": all of them, in order.
		sort.SliceStable(facts, func(i, j int) bool { return factTime(facts[i]).Before(factTime(facts[j])) })
		leadWith(&a, facts[0])
		a.Facts = facts[1:]
		return a, nil
	}
	// The statements that use the words the question asks with first:
	// "Datenbank" for "Gibt es eine Datenbank ...?".
	asked := q.p.attrWords()
	sort.SliceStable(facts, func(i, j int) bool { return countWords(facts[i].Text, asked) > countWords(facts[j].Text, asked) })
	if q.f.Attribute != "event" && q.p.onlyAttributeWords() {
		// What is true now first: the newest dated statement leads.
		sort.SliceStable(facts, func(i, j int) bool { return facts[j].Stand.Before(facts[i].Stand) })
	}
	if len(facts) == 0 && q.f.Attribute == "carrier" {
		// Who is behind it: who set it up, where no carrier is named.
		for i := range nets {
			if n := &nets[i]; len(n.Founded.By) > 0 {
				facts = append(facts, domain.AnswerFact{Text: fmt.Sprintf("%s: aufgebaut von %s.", n.Name, joinAnd(n.Founded.By)),
					Source: e.base.Source(n.Founded.Source)})
			}
		}
	}
	if len(facts) == 0 {
		return e.noInfo(nets, q.f.Attribute, q), nil
	}
	leadWith(&a, facts[0])
	a.Facts = facts[1:min(len(facts), 1+e.factLimit(q))]
	return a, nil
}

// factLimit is how many lines may follow an attribute's lead: one for a
// question after one thing (wer, wann, wo), a few for how to join.
func (e *Engine) factLimit(q *question) int {
	switch {
	case q.f.Attribute == "join" || q.f.Attribute == "eligibility":
		return maxAttributeFacts + 2
	case q.f.Op == OpWho || q.f.Op == OpWhen || q.f.Op == OpWhere:
		return 1
	}
	return maxAttributeFacts
}

// maxAttributeFacts bounds the lines after the lead of an attribute's
// answer: a few that add to it, not every statement on the topic.
const maxAttributeFacts = 2

// hitStates reports whether a statement found by search is a fact on one of
// the topics: "Paderborn hat den Vorsitz" for "chair".
func (e *Engine) hitStates(h domain.FactHit, topics []string) bool {
	if h.Ref.Part != "fact" {
		return false
	}
	t := e.base.Network(h.Ref.Network).Facts[h.Ref.Index].Topic
	return t != "" && contains(topics, t)
}

// noInfo says in one line that the sources say nothing on what was asked,
// with the network's website; found is false, and no member list or
// overview stands in for the answer.
func (e *Engine) noInfo(nets []domain.Network, attr string, q *question) domain.Answer {
	n := &nets[0]
	what := attributeWhat(attr, q.f.English)
	a := domain.Answer{Found: false, Kind: domain.KindNone, Title: n.Name, Hits: []domain.Hit{networkHit(n)}}
	if q.f.English {
		a.Lead = fmt.Sprintf("My sources say nothing about %s of %s.", what, n.Name)
	} else {
		a.Lead = fmt.Sprintf("Zu %s nennen meine Quellen nichts (%s).", what, n.Name)
		if a.Lead != "" {
			a.Lead = strings.Replace(a.Lead, "Zu dem ", "Zum ", 1)
			a.Lead = strings.Replace(a.Lead, "Zu der ", "Zur ", 1)
		}
	}
	if n.Website != "" {
		a.Links = []domain.Link{{Title: n.Name, URL: n.Website}}
	}
	return a
}

// events are the network's events, oldest first. Past events are said as
// past; a question for the next one is answered honestly when no coming
// date is known.
func (e *Engine) events(n *domain.Network, q *question) []domain.AnswerFact {
	var refs []int
	for i, f := range n.Facts {
		if f.Topic == "event" {
			refs = append(refs, i)
		}
	}
	sort.SliceStable(refs, func(i, j int) bool { return n.Facts[refs[i]].Date.Before(n.Facts[refs[j]].Date) })
	today := e.today()
	var past, coming []domain.AnswerFact
	// "der nächste Tag der Städtepartnerschaften": the events whose text
	// has the question's words, where any has them.
	for _, t := range q.p.tokens {
		w := fold(t.Raw)
		if t.Stop || len(w) < 3 || strings.HasPrefix(w, "nachst") || strings.HasPrefix(w, "letzt") {
			continue
		}
		var with []int
		for _, i := range refs {
			if strings.Contains(fold(n.Facts[i].Text), w) {
				with = append(with, i)
			}
		}
		if len(with) > 0 && len(with) < len(refs) {
			refs = with
		}
	}
	if y := q.p.year; y != 0 {
		// "... 2024?": the events of that year.
		var inYear []int
		for _, i := range refs {
			if n.Facts[i].Date.Year == y || strings.Contains(n.Facts[i].Text, strconv.Itoa(y)) {
				inYear = append(inYear, i)
			}
		}
		if len(inYear) > 0 {
			refs = inYear
		}
	}
	var pastDates []domain.Date
	for _, i := range refs {
		f := e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: i})
		if d := n.Facts[i].Date; !d.IsZero() && !d.Before(today) {
			coming = append(coming, f)
		} else {
			past = append(past, f)
			pastDates = append(pastDates, d)
		}
	}
	if q.p.most == "newest" && !q.p.hasRaw("nachst", "kommend", "next", "upcoming", "geplant") && len(past) > 0 {
		// "Wann war der letzte ...?": the first statement of the latest date.
		last := past[len(past)-1]
		for i := len(past) - 1; i >= 0 && pastDates[i] == pastDates[len(past)-1]; i-- {
			last = past[i]
		}
		return []domain.AnswerFact{last}
	}
	if !q.p.hasRaw("nachst", "kommend", "next", "upcoming", "geplant") {
		return append(past, coming...)
	}
	if len(coming) > 0 {
		return coming[:1]
	}
	var out []domain.AnswerFact
	note := domain.AnswerFact{Text: "Einen kommenden Termin nennen meine Quellen nicht; zuletzt war:"}
	if q.f.English {
		note.Text = "My sources give no coming date; the latest was:"
	}
	out = append(out, note)
	if len(past) > 0 {
		last := past[len(past)-1]
		for i := len(past) - 1; i >= 0 && pastDates[i] == pastDates[len(past)-1]; i-- {
			last = past[i]
		}
		out = append(out, last)
	}
	return out
}

// networkOverview is what a network is, in short, with its members.
func (e *Engine) networkOverview(nets []domain.Network, english bool) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindNetwork}
	var leads []string
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		// In short: what it is, since when, how big; a follow-up question
		// ("Mitglieder X", "Ziele X") gives each in full.
		desc := e.fact(domain.FactRef{Network: n.ID, Part: "description"})
		lead := firstSentence(desc.Text)
		if len(nets) == 1 {
			// Since when and how big, each with its own source; the older
			// figures stay visible in the same line.
			if d := n.Founded.Date; !d.IsZero() {
				a.Facts = append(a.Facts, domain.AnswerFact{Text: map[bool]string{false: "Gegründet " + d.String(), true: "Founded " + d.English()}[english],
					Source: e.base.Source(n.Founded.Source)})
			}
			if c, ok := newestCount(n); ok {
				f := domain.AnswerFact{Text: "Mitglieder: " + c.Value + " " + countNoun(c) + standSuffix(c.Stand), Source: e.base.Source(c.Source)}
				if english {
					f.Text = "Members: " + englishFigure(c.Value) + standSuffixEN(c.Stand)
				}
				if o, ok := e.olderCounts(n, maxOlderCounts, english); ok {
					f.Text += "; " + lowerFirst(o.Text)
					f.Also = append([]*domain.Source{o.Source}, o.Also...)
				}
				a.Facts = append(a.Facts, f)
			}
		}
		if len(nets) > 1 {
			lead = n.Name + ": " + lead
		}
		leads = append(leads, lead)
		if len(nets) == 1 {
			a.LeadSource = desc.Source
		} else {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: lead, Source: desc.Source})
		}
		if len(n.Members) > 0 && len(nets) == 1 {
			ms := e.members[n.ID]
			l := e.memberList(n, ms[:min(len(ms), overviewListed)], len(ms))
			l.Title = map[bool]string{false: "Mitglieder", true: "Members"}[english]
			for i := range l.Items {
				// Names only: "Mitglieder X" gives dates and sources.
				l.Items[i].Detail, l.Items[i].Source = "", nil
			}
			a.Lists = append(a.Lists, l)
		}
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Suggestions = append(a.Suggestions, map[bool]string{false: "Mitglieder ", true: "Members of "}[english]+shortName(n))
	}
	a.English = english
	a.Title = nets[0].Name
	if len(nets) > 1 {
		a.Title = "Netzwerke im Vergleich"
		a.Lead = ""
	} else {
		a.Lead = leads[0]
	}
	return a
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

// dropRepeats leaves out facts that say again what the lead says: most of
// their words are in it.
func dropRepeats(lead string, facts []domain.AnswerFact) []domain.AnswerFact {
	in := map[string]bool{}
	for _, w := range words(lead) {
		in[w] = true
	}
	var out []domain.AnswerFact
	for _, f := range facts {
		ws := words(f.Text)
		shared, long := 0, 0
		for _, w := range ws {
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

// factTime orders facts by when they were true: the date of an event, else
// the stand; undated ones first, as the oldest.
func factTime(f domain.AnswerFact) domain.Date { return f.Stand }

// countWords counts how many of the words a text contains, folded.
func countWords(text string, ws []string) int {
	f := fold(text)
	n := 0
	for _, w := range ws {
		if strings.Contains(f, w) {
			n++
		}
	}
	return n
}
