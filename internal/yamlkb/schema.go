package yamlkb

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"go.yaml.in/yaml/v3"
)

// Known fields per kind of entry. They are the schema: anything else is a
// typo or a misunderstanding worth reporting, never silently ignored.
var (
	sourceFields      = []string{"id", "title", "url", "publisher", "published"}
	placeFields       = []string{"id", "name", "aliases", "kind", "state", "district", "region", "ags", "official", "country", "everyday", "partners_complete", "partners_source", "facts"}
	networkFields     = []string{"id", "name", "short_name", "aliases", "kind", "member_noun", "scope", "website", "description", "goals", "founded", "counts", "facts", "members_complete", "members_complete_in", "members"}
	descriptionField  = []string{"text", "source"}
	factFields        = []string{"text", "source", "stand", "date", "topic"}
	foundedFields     = []string{"date", "place", "by", "text", "source"}
	countFields       = []string{"value", "text", "stand", "source"}
	memberFields      = []string{"place", "since", "until", "role", "note", "source"}
	partnershipsTop   = []string{"counts", "partnerships"}
	partnershipFields = []string{"place", "partner", "since", "kind", "status", "note", "source", "facts"}
	figureFields      = []string{"key", "value", "text", "stand", "source"}
)

// Hints for missing fields: what to write, by example.
var (
	sourceHints = map[string]string{
		"id":    `add "id: kurzname", lowercase letters, digits and -`,
		"title": `add "title:" with the page's title`,
		"url":   `add "url: https://..." with the page's address`,
	}
	placeHints = map[string]string{
		"id":    `add "id: kurzname", lowercase letters, digits and -, like "guetersloh"`,
		"name":  `add "name:" as the place calls itself, like "Gütersloh"`,
		"kind":  "add \"kind:\", one of " + strings.Join(domain.PlaceKinds, ", "),
		"state": `add "state:" with the Bundesland written out, like "Nordrhein-Westfalen", or "country:" for a place abroad`,
	}
	partnershipHints = map[string]string{
		"place":   "add \"place:\" with the id of the NRW town in " + PlacesFile + " or " + PlacesDir + "/",
		"partner": "add \"partner:\" with the id of the partner town",
		"source":  "add \"source:\" with the id of an entry in " + SourcesFile,
	}
	networkHints = map[string]string{
		"id":   `add "id: kurzname", lowercase letters, digits and -, like "regiopole"`,
		"name": `add "name:" with the network's full name`,
	}
	factHints = map[string]string{
		"text":   `add "text:" with the statement as a sentence`,
		"source": "add \"source:\" with the id of an entry in " + SourcesFile,
	}
	foundedHints = map[string]string{
		"source": "add \"source:\" with the id of an entry in " + SourcesFile,
	}
	countHints = map[string]string{
		"value":  `add "value:" with the figure as the source writes it, like "113" or "über 100"`,
		"source": "add \"source:\" with the id of an entry in " + SourcesFile,
	}
	memberHints = map[string]string{
		"place": "add \"place:\" with the id of an entry in " + PlacesFile,
	}
)

// validID is the id form: lowercase ASCII, digits and dashes, so ids are
// stable in URLs, logs and Slack actions whatever the names contain.
var validID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// id reads and checks an entry's id, records where it was defined and
// reports a second definition.
func (o *obj) id(kind string, at map[string]string) string {
	id := o.str("id")
	if id == "" {
		return ""
	}
	if !validID.MatchString(id) {
		hint := "use lowercase letters a-z, digits and -"
		if s := slug(id); s != "" && s != id {
			hint = fmt.Sprintf("write it as %q", s)
		}
		o.f.add(o.line("id"), hint, "invalid %s id %q", kind, id)
		// References written the way the hint says should not be reported
		// as well: the curator fixes the id and is done.
		if s := slug(id); s != "" {
			if _, dup := at[s]; !dup {
				at[s] = fmt.Sprintf("%s:%d", o.f.name, o.line("id"))
			}
		}
	}
	where := fmt.Sprintf("%s:%d", o.f.name, o.line("id"))
	if first, dup := at[id]; dup {
		o.f.add(o.line("id"), fmt.Sprintf("first defined at %s; ids must be unique, merge the two or rename one", first), "duplicate %s id %q", kind, id)
		return id
	}
	at[id] = where
	return id
}

// url reads a field that must be an absolute http(s) address.
func (o *obj) url(key string) string {
	s := o.str(key)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		o.f.add(o.line(key), "write the full address, like https://www.example.de/seite", "field %q of %s: malformed URL %q: %v", key, o.what, s, errors.Unwrap(err))
	case u.Scheme != "http" && u.Scheme != "https":
		o.f.add(o.line(key), "write the full address starting with https:// or http://", "field %q of %s: URL %q is not an http(s) address", key, o.what, s)
	case u.Host == "" || strings.ContainsAny(s, " \t"):
		o.f.add(o.line(key), "write the full address with host, like https://www.example.de/seite, and encode spaces as %20", "field %q of %s: malformed URL %q", key, o.what, s)
	}
	return s
}

// ref records a reference to a place or source id for checkRefs.
func (o *obj) ref(kind, key string) string {
	id := o.str(key)
	if id != "" {
		o.f.refsTo(kind, id, o.line(key), o.what)
	}
	return id
}

func (l *loader) loadSources() {
	f, root := l.read(SourcesFile)
	if root == nil {
		return
	}
	items, ok := top(f, root, "sources")
	l.sourcesRead = ok
	for i, it := range items {
		o := f.object(it, fmt.Sprintf("source %d", i+1), sourceFields)
		if o == nil {
			continue
		}
		o.require(sourceHints, "id", "title", "url")
		l.sources = append(l.sources, domain.Source{
			ID:        o.id("source", l.sourceAt),
			Title:     o.str("title"),
			URL:       o.url("url"),
			Publisher: o.str("publisher"),
			Published: o.date("published"),
		})
	}
}

// loadPlaces reads places.yaml and every places/*.yaml. places.yaml holds
// the places curators keep (in Germany outside the official NRW list, and
// abroad) and, under "nrw", what they add to the generated NRW places; the
// files under places/ are generated (engagiert import-places) and hold
// generated fields only, so that regenerating them never drops a
// curator's line.
func (l *loader) loadPlaces() {
	var generated []string
	if entries, err := fs.ReadDir(l.fsys, PlacesDir); err == nil {
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") && !strings.HasPrefix(e.Name(), ".") {
				generated = append(generated, path.Join(PlacesDir, e.Name()))
			}
		}
	}
	l.placesRead = true
	var overlay []*yaml.Node
	var overlayFile *file
	if len(generated) == 0 || exists(l.fsys, PlacesFile) { // places/ alone is a complete layout
		f, root := l.read(PlacesFile)
		if root == nil {
			l.placesRead = false
		} else if o := topObject(f, root, "places", []string{"places", OverlayKey}); o == nil {
			l.placesRead = false
		} else {
			for i, it := range o.list("places") {
				l.loadPlace(f, it, i, placeFields)
			}
			overlay, overlayFile = o.list(OverlayKey), f
		}
	}
	for _, name := range generated {
		f, root := l.read(name)
		if root == nil {
			l.placesRead = false
			continue
		}
		items, ok := top(f, root, "places")
		l.placesRead = l.placesRead && ok
		for i, it := range items {
			l.loadPlace(f, it, i, GeneratedPlaceFields)
		}
	}
	if overlayFile != nil {
		l.applyOverlay(overlayFile, overlay)
	}
}

// OverlayKey is the list in places.yaml of what curators add to generated
// places: "nrw:", entries of id plus OverlayFields.
const OverlayKey = "nrw"

// GeneratedPlaceFields are the fields of the generated place files.
var GeneratedPlaceFields = []string{"id", "name", "aliases", "kind", "state", "district", "region", "ags", "official"}

// OverlayFields are the fields curators may add to a generated place.
var OverlayFields = []string{"id", "aliases", "everyday", "partners_complete", "partners_source", "facts"}

// topObject checks that a file is a mapping of the known top-level keys,
// with main required, and returns it.
func topObject(f *file, root *yaml.Node, main string, known []string) *obj {
	if root.Kind == yaml.SequenceNode {
		f.add(root.Line, fmt.Sprintf("start the file with %q and indent the list under it", main+":"), "the list must be under the field %q", main)
		return nil
	}
	o := f.object(root, "the file", known)
	if o != nil && o.vals[main] == nil {
		o.require(map[string]string{main: fmt.Sprintf("start the file with %q and indent the list under it", main+":")}, main)
		return nil
	}
	return o
}

// applyOverlay adds the curated fields of places.yaml's "nrw" list to the
// generated places they name.
func (l *loader) applyOverlay(f *file, items []*yaml.Node) {
	index := map[string]int{}
	for i, p := range l.places {
		if strings.HasPrefix(l.placeLine[i].file, PlacesDir+"/") {
			index[p.ID] = i
		}
	}
	seen := map[string]int{}
	for n, it := range items {
		o := f.object(it, fmt.Sprintf("additions %d under %q", n+1, OverlayKey), OverlayFields)
		if o == nil {
			continue
		}
		o.require(map[string]string{"id": "add \"id:\" with the id of the place in " + PlacesDir + "/, like \"aachen\""}, "id")
		id := o.str("id")
		if id == "" {
			continue
		}
		o.what = fmt.Sprintf("the additions to place %q", id)
		if first, dup := seen[id]; dup {
			f.add(o.line("id"), fmt.Sprintf("first at line %d; merge the two entries", first), "place %q given twice under %q", id, OverlayKey)
			continue
		}
		seen[id] = o.line("id")
		i, ok := index[id]
		if !ok {
			hint := "the ids are those of " + PlacesDir + "/nrw.yaml; a place outside it goes under \"places:\" with all its fields"
			if s := closest(id, slices.Collect(maps.Keys(index))); s != "" {
				hint = fmt.Sprintf("did you mean %q? ", s) + hint
			}
			f.add(o.line("id"), hint, "no generated place %q for the additions under %q", id, OverlayKey)
			continue
		}
		p := &l.places[i]
		for _, a := range o.strs("aliases") {
			if slices.Contains(p.Aliases, a) {
				l.warn(f, o.line("aliases"), "the generated file already has it; remove it here", "alias %q of place %q is generated already", a, id)
				continue
			}
			p.Aliases = append(p.Aliases, a)
		}
		p.Everyday = o.boolean("everyday")
		p.PartnersComplete = o.boolean("partners_complete")
		p.PartnersSource = o.ref("source", "partners_source")
		l.checkPartnersSource(o, p)
		for j, it := range o.list("facts") {
			p.Facts = append(p.Facts, l.fact(f, it, fmt.Sprintf("fact %d of place %q", j+1, id)))
		}
	}
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

func (l *loader) loadPlace(f *file, it *yaml.Node, i int, known []string) {
	o := f.object(it, fmt.Sprintf("place %d", i+1), generatedOr(known))
	if o == nil {
		return
	}
	if len(known) < len(placeFields) {
		for _, k := range placeFields {
			if o.keys[k] != nil && !slices.Contains(known, k) {
				f.add(o.keys[k].Line, fmt.Sprintf("this file is generated and a new import would drop it: move it to %s under \"%s:\" (- id: %s, then %s: ...)", PlacesFile, OverlayKey, o.str("id"), k),
					"curated field %q of %s in a generated file", k, o.what)
			}
		}
	}
	o.require(placeHints, "id", "name", "kind")
	p := domain.Place{
		ID:               o.id("place", l.placeAt),
		Name:             o.str("name"),
		Aliases:          o.strs("aliases"),
		Kind:             o.str("kind"),
		State:            o.str("state"),
		District:         o.str("district"),
		Region:           o.str("region"),
		Country:          o.str("country"),
		Everyday:         o.boolean("everyday"),
		PartnersComplete: o.boolean("partners_complete"),
		PartnersSource:   o.ref("source", "partners_source"),
	}
	l.checkPartnersSource(o, &p)
	if p.Country == "" {
		o.require(placeHints, "state")
	}
	if p.Kind != "" && !slices.Contains(domain.PlaceKinds, p.Kind) {
		o.f.add(o.line("kind"), oneOf(p.Kind, domain.PlaceKinds, nil), "unknown place kind %q in %s", p.Kind, o.what)
	}
	if p.State != "" && !slices.Contains(domain.States, p.State) {
		o.f.add(o.line("state"), oneOf(p.State, domain.States, domain.StateAbbreviations), "unknown state %q in %s", p.State, o.what)
	}
	switch {
	case p.Country == "":
	case p.Country == "Deutschland":
		o.f.add(o.line("country"), "leave country out for places in Germany and give the state", "country %q in %s", p.Country, o.what)
	case !slices.Contains(domain.Countries, p.Country):
		o.f.add(o.line("country"), oneOf(p.Country, domain.Countries, nil)+"; add a missing country to domain.Countries", "unknown country %q in %s", p.Country, o.what)
	case p.State != "":
		o.f.add(o.line("state"), "a place abroad has a country and no Bundesland", "place %s has both state and country", o.what)
	}
	if ags := o.str("ags"); ags != "" {
		p.AGS = l.checkAGS(o, p, ags)
	}
	if official := o.str("official"); official != "" {
		// The list's amtliche Bezeichnung, where it is more than the rule
		// gives (domain.PlainOfficialName): a fact of the place, which its
		// answers show and whose words "Welche Stadt nennt sich …?" finds.
		p.Facts = append(p.Facts, domain.OfficialFact(official))
	}
	for j, it := range o.list("facts") {
		p.Facts = append(p.Facts, l.fact(f, it, fmt.Sprintf("fact %d of %s", j+1, o.what)))
	}
	l.placeLine = append(l.placeLine, at{f.name, o.n.Line})
	l.places = append(l.places, p)
}

// checkPartnersSource: a source that lists all twinnings belongs to a place
// marked complete; a place marked complete should name it.
func (l *loader) checkPartnersSource(o *obj, p *domain.Place) {
	switch {
	case p.PartnersSource != "" && !p.PartnersComplete:
		l.warn(o.f, o.line("partners_source"), "add \"partners_complete: true\" if the source lists all its twinnings, else remove partners_source",
			"partners_source of %s without partners_complete", o.what)
	case p.PartnersComplete && p.PartnersSource == "":
		l.warn(o.f, o.line("partners_complete"), "add \"partners_source:\" with the id of the source that lists all its twinnings or gives their number; mark a place complete only where a source says so",
			"%s is marked partners_complete without partners_source", o.what)
	}
}

// agsLen is the length of a Gemeindeschlüssel by kind of place: eight
// digits for a municipality, five for a Kreis, three for a Regierungsbezirk.
func agsLen(kind string) int {
	switch kind {
	case "Kreis", "Städteregion":
		return 5
	case "Regierungsbezirk":
		return 3
	}
	return 8
}

// stateAGS are the first two digits of the Gemeindeschlüssel per Bundesland.
var stateAGS = map[string]string{
	"Schleswig-Holstein": "01", "Hamburg": "02", "Niedersachsen": "03", "Bremen": "04",
	"Nordrhein-Westfalen": "05", "Hessen": "06", "Rheinland-Pfalz": "07", "Baden-Württemberg": "08",
	"Bayern": "09", "Saarland": "10", "Berlin": "11", "Brandenburg": "12", "Mecklenburg-Vorpommern": "13",
	"Sachsen": "14", "Sachsen-Anhalt": "15", "Thüringen": "16",
}

// checkAGS checks the key a place gives (ags) and returns it read.
func (l *loader) checkAGS(o *obj, p domain.Place, ags string) domain.AGS {
	want := agsLen(p.Kind)
	key, digits := domain.ParseAGS(ags)
	switch {
	case !digits || len(ags) != want:
		o.f.add(o.line("ags"), fmt.Sprintf("a %s has a key of %d digits, quoted: ags: \"%s\"", p.Kind, want, strings.Repeat("0", want)), "malformed Gemeindeschlüssel %q in %s", ags, o.what)
		return key
	case p.State != "" && !strings.HasPrefix(ags, stateAGS[p.State]):
		o.f.add(o.line("ags"), fmt.Sprintf("keys in %s start with %s", p.State, stateAGS[p.State]), "Gemeindeschlüssel %q of %s does not belong to %s", ags, o.what, p.State)
	}
	where := fmt.Sprintf("%s:%d", o.f.name, o.line("ags"))
	if first, dup := l.agsAt[ags]; dup {
		o.f.add(o.line("ags"), "first given at "+first, "Gemeindeschlüssel %q given twice", ags)
		return key
	}
	l.agsAt[ags] = where
	return key
}

// generatedOr widens the fields of a generated file to all place fields for
// decoding, so a curated field there is reported as misplaced, not unknown.
func generatedOr(known []string) []string {
	if len(known) < len(placeFields) {
		return placeFields
	}
	return known
}

// oneOf hints at the allowed value the curator probably meant.
func oneOf(got string, allowed []string, abbrev map[string]string) string {
	for a, full := range abbrev {
		if strings.EqualFold(a, got) {
			return fmt.Sprintf("write it out: %q", full)
		}
	}
	if s := closest(got, allowed); s != "" {
		return fmt.Sprintf("did you mean %q? allowed: %s", s, strings.Join(allowed, ", "))
	}
	return "allowed: " + strings.Join(allowed, ", ")
}

func (l *loader) loadNetworks() {
	entries, err := fs.ReadDir(l.fsys, NetworksDir)
	dir := &file{name: NetworksDir + "/", probs: &l.probs}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		dir.add(0, "check the directory's permissions", "cannot read directory: %v", err)
		return
	}
	n := 0
	for _, e := range entries {
		name := path.Join(NetworksDir, e.Name())
		switch {
		case e.IsDir() || strings.HasPrefix(e.Name(), "."):
			continue
		case strings.HasSuffix(e.Name(), ".yml"):
			(&file{name: name, probs: &l.probs}).add(0, "rename it to "+strings.TrimSuffix(e.Name(), ".yml")+".yaml", "file is ignored: network files must end in .yaml")
			continue
		case !strings.HasSuffix(e.Name(), ".yaml"):
			continue
		}
		n++
		l.loadNetwork(name)
	}
	if n == 0 {
		dir.add(0, "add one file per network, like "+NetworksDir+"/regiopole.yaml", "no network files")
	}
}

func (l *loader) loadNetwork(name string) {
	f, root := l.read(name)
	if root == nil {
		return
	}
	o := f.object(root, "network", networkFields)
	if o == nil {
		return
	}
	o.require(networkHints, "id", "name")
	nw := domain.Network{
		ID:                o.id("network", l.networkAt),
		Name:              o.str("name"),
		ShortName:         o.str("short_name"),
		Aliases:           o.strs("aliases"),
		Kind:              o.str("kind"),
		MemberNoun:        o.str("member_noun"),
		Scope:             o.str("scope"),
		Website:           o.url("website"),
		MembersComplete:   o.boolean("members_complete"),
		MembersCompleteIn: o.strs("members_complete_in"),
	}
	for _, s := range nw.MembersCompleteIn {
		if !slices.Contains(domain.States, s) {
			o.f.add(o.line("members_complete_in"), oneOf(s, domain.States, domain.StateAbbreviations), "unknown state %q in members_complete_in of %s", s, o.what)
		}
	}
	if nw.ShortName != "" && !slices.Contains(nw.Aliases, nw.ShortName) {
		// The short name is also searched as a name. Until every reader
		// uses ShortName, it leads the aliases, where they looked for it.
		nw.Aliases = append([]string{nw.ShortName}, nw.Aliases...)
	}
	if d := o.sub("description", "description", descriptionField); d != nil {
		d.require(factHints, "text", "source")
		nw.Description = domain.Fact{Text: d.str("text"), Source: d.ref("source", "source")}
	}
	for i, it := range o.list("goals") {
		nw.Goals = append(nw.Goals, l.fact(f, it, fmt.Sprintf("goal %d of %s", i+1, o.what)))
	}
	if fd := o.sub("founded", "founding", foundedFields); fd != nil {
		fd.require(foundedHints, "source")
		nw.Founded = domain.Founding{
			Date:   fd.date("date"),
			Place:  fd.str("place"),
			By:     fd.strs("by"),
			Text:   fd.str("text"),
			Source: fd.ref("source", "source"),
		}
	}
	l.counts(f, o, o.what, func(c domain.Count) { nw.Counts = append(nw.Counts, c) })
	for i, it := range o.list("facts") {
		nw.Facts = append(nw.Facts, l.fact(f, it, fmt.Sprintf("fact %d of %s", i+1, o.what)))
	}
	seen := map[string]int{}
	for i, it := range o.list("members") {
		m := f.object(it, fmt.Sprintf("member %d of %s", i+1, o.what), memberFields)
		if m == nil {
			continue
		}
		m.require(memberHints, "place")
		ms := domain.Membership{
			Place:  m.ref("place", "place"),
			Since:  m.date("since"),
			Until:  m.date("until"),
			Role:   m.str("role"),
			Note:   m.str("note"),
			Source: m.ref("source", "source"),
		}
		if ms.Place != "" {
			if first, dup := seen[ms.Place]; dup {
				f.add(m.line("place"), fmt.Sprintf("first listed at line %d; merge the two entries", first), "place %q listed twice in %s", ms.Place, o.what)
			} else {
				seen[ms.Place] = m.line("place")
			}
		}
		if !ms.Until.IsZero() && !ms.Since.IsZero() && ms.Until.Before(ms.Since) {
			f.add(m.line("until"), "until is the date the member left; it cannot be before since", "member %q left before it joined", ms.Place)
		}
		nw.Members = append(nw.Members, ms)
	}
	if nw.MembersComplete && len(nw.Members) == 0 && (!o.has("members") || o.vals["members"].Kind == yaml.SequenceNode) {
		f.add(o.line("members_complete"), "list the members, or set members_complete: false", "members_complete is true but %s lists no members", o.what)
	}
	l.networks = append(l.networks, nw)
}

// fact reads a sourced statement: a goal or a fact.
func (l *loader) fact(f *file, n *yaml.Node, what string) domain.Fact {
	o := f.object(n, what, factFields)
	if o == nil {
		return domain.Fact{}
	}
	o.require(factHints, "text", "source")
	fct := domain.Fact{Text: o.str("text"), Stand: o.date("stand"), Date: o.date("date"), Source: o.ref("source", "source"), Topic: o.str("topic")}
	if fct.Topic != "" && !slices.Contains(topics(), fct.Topic) {
		o.f.add(o.line("topic"), oneOf(fct.Topic, topics(), nil)+"; leave it out for a general fact", "unknown topic %q in %s", fct.Topic, what)
	}
	if fct.Topic == "" && fct.Text != "" && !strings.HasPrefix(what, "goal") {
		if t := suggestTopic(fct.Text); t != "" {
			l.warn(f, o.n.Line, fmt.Sprintf("add \"topic: %s\" if this is a fact zu %s; questions for it look for the topic", t, l.attributeWhat(t)), "fact without topic in %s", what)
		}
	}
	l.dated(f, o.line("stand"), what, fct.Text, fct.Stand, fct.Source)
	return fct
}

// topics are the values of domain.Fact.Topic that answers look for: the
// names of the attributes. A typo would not fail anywhere else: the fact
// would just never answer its question.
func topics() []string { return domain.AttributeNames() }

// checkRefs reports references to places and sources that do not exist,
// suggesting the id the curator probably meant.
func (l *loader) checkRefs() {
	var placeIDs, sourceIDs []string
	var byName map[string]string // name or alias, written as an id (keyFold) -> place id, made for the first unknown place
	names := func() map[string]string {
		if byName == nil {
			byName = map[string]string{}
			for _, p := range l.places {
				if !validID.MatchString(p.ID) {
					continue // never suggest an id that is itself wrong
				}
				placeIDs = append(placeIDs, p.ID)
				byName[keyFold(p.Name)] = p.ID
				for _, a := range p.Aliases {
					byName[keyFold(a)] = p.ID
				}
			}
		}
		return byName
	}
	for _, s := range l.sources {
		if !validID.MatchString(s.ID) {
			continue
		}
		sourceIDs = append(sourceIDs, s.ID)
	}
	for _, r := range l.refs {
		f := &file{name: r.file, probs: &l.probs}
		switch r.kind {
		case "place":
			if !l.placesRead || l.placeAt[r.id] != "" {
				continue
			}
			hint := "add the place to " + PlacesFile + " (id, name, kind, state)"
			if id, ok := names()[keyFold(r.id)]; ok {
				hint = fmt.Sprintf("did you mean %q? places are referred to by id", id)
			} else if s := closest(r.id, placeIDs); s != "" {
				hint = fmt.Sprintf("did you mean %q? otherwise add the place to %s", s, PlacesFile)
			}
			f.add(r.line, hint, "unknown place %q in %s", r.id, r.from)
		case "source":
			if !l.sourcesRead || l.sourceAt[r.id] != "" {
				continue
			}
			hint := "add the source to " + SourcesFile + " (id, title, url)"
			if s := closest(r.id, sourceIDs); s != "" {
				hint = fmt.Sprintf("did you mean %q? otherwise add the source to %s", s, SourcesFile)
			}
			f.add(r.line, hint, "unknown source %q in %s", r.id, r.from)
		}
	}
}
