package yamlkb

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/lang"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// Options tune Check.
type Options struct {
	// Now is the day stands are measured against; zero means today.
	Now time.Time
	// StaleAfter is the age, in months, from which the newest figure of a
	// list or a fact's stand is reported as stale; 0 means 36.
	StaleAfter int
}

// DefaultStaleAfter is how old, in months, a current figure or stand may be
// before validate warns about it.
const DefaultStaleAfter = 36

// Report is what Check finds beside the base: warnings, which never make a
// base invalid, the place names that are everyday words, and the dated
// statements a curator re-checks from time to time.
type Report struct {
	Warnings []Problem
	// Everyday lists the places marked everyday: true, with the everyday
	// forms of their names: "Wetter (Ruhr): Wetter (Ruhr), Wetter".
	Everyday []string
	// Dated are the statements that can age: the newest figure of every
	// list of counts and every fact with a stand, in file order.
	Dated []Dated
	// Stale are the Dated statements older than Options.StaleAfter: not
	// a fault of the files (the figure was true at its stand), but the
	// curators' list of sources to read again (engagiert review).
	Stale []Dated
}

// Dated is one statement that was true at a date and may have changed since.
type Dated struct {
	File  string
	Line  int
	What  string // "count of network \"regiopole\""
	Text  string
	Stand domain.Date
	// Source is the source id, URL its address.
	Source, URL string
}

// at is a position in a file.
type at struct {
	file string
	line int
}

// more is the loader state of the checks in this file.
type more struct {
	warnings     []Problem
	dates        []Dated
	countLists   [][]int // per list of counts: indexes into dates, oldest first
	placeLine    []at    // per place, where it is defined
	agsAt        map[string]string
	partnerships []domain.Partnership
	partnerAt    []at
	pcounts      []domain.Count
	figures      []domain.Figure
}

// Check reads sources.yaml, places.yaml, places/*.yaml, networks/*.yaml and
// partnerships.yaml from fsys and returns the base they describe, with the
// warnings and notes of a Report. On any problem it returns a nil base and a
// *Problems listing all of them, so callers never see half a base; the
// warnings never make the base invalid.
//
// It reads regular files only, at most MaxFileBytes each and MaxTotalBytes in
// all, and collects at most MaxProblems problems: a huge or endless file must
// not take the bot's memory (see CheckDir for a directory on disk).
func Check(fsys fs.FS, opt Options) (*domain.Base, *Report, error) {
	l := &loader{
		fsys:     fsys,
		contents: map[string][]byte{},
		sourceAt: map[string]string{}, placeAt: map[string]string{}, networkAt: map[string]string{},
		more: more{agsAt: map[string]string{}},
	}
	l.prefetch()
	l.loadLexicon()
	l.loadSources()
	l.loadPlaces()
	l.loadNetworks()
	l.loadPartnerships()
	l.loadFigures()
	l.checkRefs()
	l.checkPlaces()
	l.checkPartnerships()
	l.checkAliases()
	l.checkLexicon()
	rep := &Report{}
	if len(l.probs.list) > 0 {
		sortProblems(l.probs.list)
		sortProblems(l.warnings)
		rep.Warnings = l.warnings
		return nil, rep, &Problems{List: l.probs.list, More: l.probs.more}
	}
	base := domain.NewBaseParts(domain.Parts{Networks: l.networks, Places: l.places, Sources: l.sources,
		Partnerships: l.partnerships, PartnershipCounts: l.pcounts, Figures: l.figures, Lexicon: l.lexicon, Version: l.version()})
	rep.Dated = l.current(base)
	rep.Stale = stale(rep.Dated, opt)
	sortProblems(l.warnings)
	rep.Warnings = l.warnings
	for _, p := range l.places {
		if p.Everyday {
			rep.Everyday = append(rep.Everyday, p.Name+": "+strings.Join(append([]string{p.Name}, p.Aliases...), ", "))
		}
	}
	return base, rep, nil
}

// warn records a warning: worth a look, never a reason to refuse the base.
func (l *loader) warn(f *file, line int, hint, format string, args ...any) {
	l.warnings = append(l.warnings, Problem{File: f.name, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint, Warning: true})
}

// dated records a statement with a stand, for review and stale warnings.
func (l *loader) dated(f *file, line int, what, text string, stand domain.Date, source string) {
	if stand.IsZero() {
		return
	}
	l.dates = append(l.dates, Dated{File: f.name, Line: line, What: what, Text: text, Stand: stand, Source: source})
}

// current returns the dated statements that say how things are now: facts
// with a stand and the newest figure of each list of counts. Older figures
// stay true for their date and need no re-check.
func (l *loader) current(base *domain.Base) []Dated {
	superseded := map[int]bool{}
	for _, list := range l.countLists {
		for _, i := range list[:max(0, len(list)-1)] {
			superseded[i] = true
		}
	}
	var out []Dated
	for i, d := range l.dates {
		if superseded[i] {
			continue
		}
		if s := base.Source(d.Source); s != nil {
			d.URL = s.URL
		}
		out = append(out, d)
	}
	return out
}

// countList starts a list of counts; the counts read until the next call
// belong to it.
func (l *loader) countList() { l.countLists = append(l.countLists, nil) }

// countDated adds the last dated statement to the current list of counts.
func (l *loader) countDated() {
	if n := len(l.countLists); n > 0 {
		l.countLists[n-1] = append(l.countLists[n-1], len(l.dates)-1)
	}
}

// MonthsBetween is how many whole months lie between the start of d and t.
func MonthsBetween(d domain.Date, t time.Time) int {
	m := max(int(d.Month), 1)
	return (t.Year()-int(d.Year))*12 + int(t.Month()) - m
}

// stale returns the dated statements older than the limit of opt.
func stale(dated []Dated, opt Options) []Dated {
	now, limit := opt.Now, opt.StaleAfter
	if now.IsZero() {
		now = domain.Clock(nil).Now()
	}
	if limit <= 0 {
		limit = DefaultStaleAfter
	}
	var out []Dated
	for _, d := range dated {
		if MonthsBetween(d.Stand, now) > limit {
			out = append(out, d)
		}
	}
	return out
}

// readOptional reads a file the base may do without: nil when it is absent.
func (l *loader) readOptional(name string) (*file, *yaml.Node) {
	if !exists(l.fsys, name) {
		return nil, nil
	}
	return l.read(name)
}

// loadFigures reads land.yaml, when there is one: figures about
// Nordrhein-Westfalen as a whole, each under a key answers look for,
// oldest first per key.
func (l *loader) loadFigures() {
	f, root := l.readOptional(FiguresFile)
	if root == nil {
		return
	}
	items, _ := top(f, root, "figures")
	last := map[string]domain.Date{}
	for i, it := range items {
		o := f.object(it, fmt.Sprintf("figure %d", i+1), figureFields)
		if o == nil {
			continue
		}
		o.require(map[string]string{
			"key":    `add "key:", a short id answers look the figure up by, like "kreisfreie-staedte"`,
			"value":  countHints["value"],
			"source": countHints["source"],
		}, "key", "value", "source")
		fg := domain.Figure{Key: o.str("key"), Count: domain.Count{Value: o.str("value"), Text: o.str("text"), Stand: o.date("stand"), Source: o.ref("source", "source")}}
		if fg.Key != "" && !validID.MatchString(fg.Key) {
			f.add(o.line("key"), fmt.Sprintf("write it as %q", slug(fg.Key)), "invalid key %q of %s", fg.Key, o.what)
		}
		if !fg.Stand.IsZero() {
			if older(fg.Stand, last[fg.Key]) {
				f.add(o.line("stand"), "figures of one key are listed oldest first; move this one up", "figure %q of %q (Stand %s) is older than the one before it", fg.Value, fg.Key, fg.Stand.ISO())
			}
			last[fg.Key] = fg.Stand
			l.dated(f, o.line("stand"), fmt.Sprintf("figure %q", fg.Key), fg.Value+" "+fg.Text, fg.Stand, fg.Source)
		}
		l.figures = append(l.figures, fg)
	}
}

// loadPartnerships reads partnerships.yaml, when there is one: statewide
// figures under counts, and the twinnings.
func (l *loader) loadPartnerships() {
	f, root := l.readOptional(PartnershipsFile)
	if root == nil {
		return
	}
	if root.Kind == yaml.SequenceNode {
		f.add(root.Line, `start the file with "partnerships:" and indent the list under it`, `the list must be under the field "partnerships"`)
		return
	}
	o := f.object(root, "the file", partnershipsTop)
	if o == nil {
		return
	}
	l.counts(f, o, "the statewide figures", func(c domain.Count) { l.pcounts = append(l.pcounts, c) })
	seen := map[[2]string]int{}
	for i, it := range o.list("partnerships") {
		// "country" is decoded only to say where it belongs: the partner.
		m := f.object(it, fmt.Sprintf("partnership %d", i+1), append(slices.Clip(partnershipFields), "country"))
		if m == nil {
			continue
		}
		m.require(partnershipHints, "place", "partner", "source")
		p := domain.Partnership{
			Place:   m.ref("place", "place"),
			Partner: m.ref("place", "partner"),
			Since:   m.date("since"),
			Kind:    m.str("kind"),
			Status:  m.str("status"),
			Note:    m.str("note"),
			Source:  m.ref("source", "source"),
		}
		if p.Place != "" && p.Partner != "" {
			m.what = fmt.Sprintf("partnership %s–%s", p.Place, p.Partner)
		}
		if m.keys["country"] != nil {
			f.add(m.keys["country"].Line, fmt.Sprintf("remove it: the country comes from the partner place %q (its country:, or Deutschland for a place with a state)", p.Partner),
				"country given in %s", m.what)
		}
		if p.Kind == "" {
			p.Kind = domain.PartnershipKinds[0]
		} else if !slices.Contains(domain.PartnershipKinds, p.Kind) {
			f.add(m.line("kind"), oneOf(p.Kind, domain.PartnershipKinds, nil), "unknown kind %q of %s", p.Kind, m.what)
		}
		if p.Status != "" && !slices.Contains(domain.PartnershipStatuses, p.Status) {
			f.add(m.line("status"), oneOf(p.Status, domain.PartnershipStatuses, nil)+"; leave it out for a living twinning", "unknown status %q of %s", p.Status, m.what)
		}
		for j, it := range m.list("facts") {
			p.Facts = append(p.Facts, l.fact(f, it, fmt.Sprintf("fact %d of %s", j+1, m.what)))
		}
		key := [2]string{p.Place, p.Partner}
		if first, dup := seen[key]; dup && p.Place != "" {
			f.add(m.line("partner"), fmt.Sprintf("first listed at line %d; merge the two entries", first), "%s listed twice", m.what)
		} else {
			seen[key] = m.line("partner")
		}
		l.partnerships = append(l.partnerships, p)
		l.partnerAt = append(l.partnerAt, at{f.name, m.n.Line})
	}
}

// counts reads a list of figures, checks their order and hands each on.
func (l *loader) counts(f *file, o *obj, what string, add func(domain.Count)) {
	l.countList()
	var last domain.Date
	for i, it := range o.list("counts") {
		c := f.object(it, fmt.Sprintf("count %d of %s", i+1, what), countFields)
		if c == nil {
			continue
		}
		c.require(countHints, "value", "source")
		cnt := domain.Count{Value: c.str("value"), Text: c.str("text"), Stand: c.date("stand"), Source: c.ref("source", "source")}
		if !cnt.Stand.IsZero() {
			l.dated(f, c.line("stand"), "count of "+what, cnt.Value+" "+cnt.Text, cnt.Stand, cnt.Source)
			l.countDated()
			// Answers show the last count as the current figure, so the order matters.
			if older(cnt.Stand, last) {
				f.add(c.line("stand"), "counts are listed oldest first; move this one up", "count %q (Stand %s) is older than the one before it (Stand %s)", cnt.Value, cnt.Stand.ISO(), last.ISO())
			} else {
				last = cnt.Stand
			}
		}
		add(cnt)
	}
}

// older reports whether d is surely before e. Partial dates cover a span:
// "2022" is not older than "2022-01-28", which lies in it.
func older(d, e domain.Date) bool {
	if !d.Before(e) {
		return false
	}
	within := d.Year == e.Year && (d.Month == 0 || (d.Month == e.Month && d.Day == 0))
	return !within
}

// checkPartnerships fills in and checks what needs the places: the
// partner's country, and that the first side is in Nordrhein-Westfalen.
func (l *loader) checkPartnerships() {
	if !l.placesRead {
		return
	}
	byID := map[string]*domain.Place{}
	for i := range l.places {
		byID[l.places[i].ID] = &l.places[i]
	}
	for i := range l.partnerships {
		p := &l.partnerships[i]
		f := &file{name: l.partnerAt[i].file, probs: &l.probs}
		line := l.partnerAt[i].line
		home, partner := byID[p.Place], byID[p.Partner]
		if home != nil && home.State != "Nordrhein-Westfalen" {
			f.add(line, "write the NRW side as place and the other as partner", "place %q of partnership %s–%s is not in Nordrhein-Westfalen", p.Place, p.Place, p.Partner)
		}
		if partner == nil {
			continue
		}
		p.Country = partner.Country
		if p.Country == "" {
			p.Country = "Deutschland"
		}
	}
}

// checkPlaces checks what needs all places: Kreise and Regierungsbezirke
// named by places exist.
func (l *loader) checkPlaces() {
	kreise, regions := map[string]bool{}, map[string]bool{}
	for _, p := range l.places {
		switch p.Kind {
		case "Kreis", "Städteregion":
			kreise[lang.Fold(p.Name)] = true
			for _, a := range p.Aliases {
				kreise[lang.Fold(a)] = true
			}
		case "Regierungsbezirk":
			regions[strings.TrimPrefix(p.Name, "Regierungsbezirk ")] = true
		}
	}
	regionNames := slices.Collect(maps.Keys(regions))
	lang.SortStableBy(regionNames, func(s string) string { return s })
	for i, p := range l.places {
		f := &file{name: l.placeLine[i].file, probs: &l.probs}
		line := l.placeLine[i].line
		if p.Region != "" && !regions[p.Region] {
			hint := "a region is the name of a place of kind Regierungsbezirk, without the word; there is none yet"
			if len(regionNames) > 0 {
				hint = oneOf(p.Region, regionNames, nil) + "; a region is the name of a place of kind Regierungsbezirk, without the word"
			}
			f.add(line, hint, "unknown Regierungsbezirk %q of place %q", p.Region, p.ID)
		}
		if p.State == "Nordrhein-Westfalen" && p.AGS != 0 && agsLen(p.Kind) == 8 && p.District != "kreisfreie Stadt" && !kreise[lang.Fold(p.District)] {
			f.add(line, `write the name of a place of kind Kreis, or "kreisfreie Stadt"`, "unknown Kreis %q of place %q", p.District, p.ID)
		}
	}
}

// nameTerms are the filters the search's name analyzer applies after
// splitting a name into words (see internal/search): lowercase, German
// normalisation (umlauts, ß, ae/oe/ue) and the light German stemmer. Using
// the same filters tells exactly which aliases find nothing new.
var (
	nameTokenizer = unicode.NewUnicodeTokenizer()
	nameFilters   = []analysis.TokenFilter{lowercase.NewLowerCaseFilter(), de.NewGermanNormalizeFilter(), de.NewGermanLightStemmerFilter()}
)

// searchFold returns the terms the search indexes for a name, space-separated.
func searchFold(s string) string {
	ts := nameTokenizer.Tokenize([]byte(norm.NFC.String(s)))
	for _, f := range nameFilters {
		ts = f.Filter(ts)
	}
	terms := make([]string, len(ts))
	for i, t := range ts {
		terms[i] = string(t.Term)
	}
	return strings.Join(terms, " ")
}

// checkAliases warns about aliases the search finds anyway: they fold to
// the terms of the name or of an earlier alias.
func (l *loader) checkAliases() {
	warnDup := func(f *file, line int, what string, names ...string) {
		seen := map[string]string{}
		for _, n := range names {
			k := searchFold(n)
			if first, ok := seen[k]; ok {
				l.warn(f, line, fmt.Sprintf("the search folds case, umlauts, ß and word endings, so %q already finds it; remove the alias", first), "alias %q of %s adds nothing", n, what)
				continue
			}
			seen[k] = n
		}
	}
	for i, p := range l.places {
		warnDup(&file{name: l.placeLine[i].file}, l.placeLine[i].line, fmt.Sprintf("place %q", p.ID), append([]string{p.Name}, p.Aliases...)...)
	}
	for _, n := range l.networks {
		where := l.networkAt[n.ID]
		file, line := splitAt(where)
		names := append([]string{n.Name}, n.Aliases...)
		warnDup(file, line, fmt.Sprintf("network %q", n.ID), names...)
	}
}

func splitAt(where string) (*file, int) {
	i := strings.LastIndexByte(where, ':')
	if i < 0 {
		return &file{name: where}, 0
	}
	line := 0
	fmt.Sscanf(where[i+1:], "%d", &line)
	return &file{name: where[:i]}, line
}

// topicWords are words that show which attribute a fact states; validate
// suggests the topic for a fact that has none.
var topicWords = []struct {
	topic string
	words []string
}{
	{"chair", []string{"vorsitz", "leitet", "leiter", "leitung"}},
	{"speakers", []string{"sprecher"}},
	{"office", []string{"geschäftsstelle", "sitz in", "sitzt"}},
	{"carrier", []string{"träger"}},
	{"funding", []string{"gefördert", "förderung", "finanziert", "fördert"}},
	{"programme", []string{"wettbewerb", "förderprogramm"}},
	{"cost", []string{"kostet", "kosten", "beitrag"}},
	{"join", []string{"beitreten", "beitritt", "mitglied werden", "mitmachen"}},
	{"eligibility", []string{"voraussetzung", "bewerben konnten", "bewerbung"}},
	{"event", []string{"tag der", "forum", "konferenz", "kongress", "veranstaltung", "treffen"}},
	{"data", []string{"datenbank"}},
	{"term", []string{"laufzeit"}},
	{"founding", []string{"gegründet", "gründung"}},
	{"services", []string{"beratung", "angebot", "bietet"}},
	{"contact", []string{"kontakt", "e-mail"}},
}

// suggestTopic returns the attribute a fact's text obviously states, or "".
func suggestTopic(text string) string {
	t := strings.ToLower(text)
	for _, tw := range topicWords {
		for _, w := range tw.words {
			if strings.Contains(t, w) {
				return tw.topic
			}
		}
	}
	return ""
}

// attributeWhat names an attribute in a hint, as the lexicon labels it.
func (l *loader) attributeWhat(name string) string {
	if l.lexicon != nil {
		for _, a := range l.lexicon.Attributes {
			if a.Attribute.String() == name && a.Label.DE != "" {
				return a.Label.DE
			}
		}
	}
	return name
}
