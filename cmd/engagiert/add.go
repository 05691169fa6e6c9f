package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/search"
	"github.com/engagiert/engagiert/internal/yamlkb"
)

// The kinds of entry add writes, in the order its help lists them.
var addKinds = []string{"twinning", "member", "fact", "place", "source"}

// addFields are the flags of add: one per field of the entries it writes.
// Each kind reads the ones its help names.
type addFields struct {
	knowledge, ask                                                  *string
	place, partner, network, since, until, kind, status, note, role *string
	text, topic, stand, date, source, sourceTitle, sourcePublisher  *string
	id, name, aliases, state, country, district, title, publisher   *string
	url, published                                                  *string
	dryRun                                                          *bool
}

// cmdAdd adds an entry to the knowledge files, so that a curator needs
// neither a Go toolchain nor the YAML's indentation rules: it asks for
// what is missing, writes the entry where it belongs (comments and order
// of the file kept), validates the base and shows the answer to a
// question the entry answers.
func cmdAdd() *command {
	c := &command{
		UsageLine: "add twinning|member|fact|place|source [--knowledge DIR] [flags]",
		Short:     "add a twinning, member, fact, place or source to the knowledge files",
		Long: `
Add writes one entry into the knowledge files of --knowledge (default:
ENGAGIERT_KNOWLEDGE, else ./knowledge): where it belongs, as valid YAML,
with everything else in the file left as it was. It asks on standard input
for each required field no flag gave. Then it validates the whole base: with
a problem it writes nothing and prints the problem; else it writes the file
and shows the answer to a question the entry answers (--ask to choose it).
Places, networks and sources may be given by id or by name; --source also by
address: an address not yet in sources.yaml is added as a source, with
--source-title (asked for) and --source-publisher.

	twinning  --place P --partner P --source S [--since D] [--kind K] [--status S] [--note T]
	          (partnerships.yaml; the country comes from the partner place)
	member    --network N --place P --source S [--since D] [--until D] [--role T] [--note T]
	          (networks/N.yaml)
	fact      (--network N | --place P) --text T --source S [--topic T] [--stand D] [--date D]
	          (the network's file; for a place: places.yaml)
	place     --name T (--state T | --country T) [--id ID] [--kind K] [--aliases A,B] [--district T]
	          (places.yaml; NRW's municipalities come from places/nrw.yaml)
	source    --url U --title T [--id ID] [--publisher T] [--published D]
	          (sources.yaml)

Dates are YYYY, YYYY-MM or YYYY-MM-DD. A curator without Go runs the same
command in the container (see CONTRIBUTING.md):
	docker run --rm -it --user "$(id -u):$(id -g)" -v ./knowledge:/knowledge -e ENGAGIERT_KNOWLEDGE=/knowledge engagiert add twinning

Examples:
	engagiert add source --url https://www.example.de/partnerstaedte --title "Partnerstädte" --publisher "Stadt Beispiel"
	engagiert add place --name Toulouse --country Frankreich
	engagiert add twinning --place Düsseldorf --partner Toulouse --since 2003 --kind Freundschaft --source https://www.example.de/partnerstaedte
	engagiert add twinning --place Krefeld --partner Uljanowsk --status ruht --note "ruht seit Mai 2022" --source villamerlaender-krefeld
	engagiert add member --network engagierte-stadt --place Itzehoe --since 2024 --source ndr-itzehoe-2024
	engagiert add fact --network staedtepartnerschaften-nrw --topic event --date 2026-01-23 --text "..." --source ...
`,
		Words: addKinds,
	}
	f := addFields{
		knowledge:       c.Flag.String("knowledge", "", "knowledge `DIR` to edit (default: ENGAGIERT_KNOWLEDGE, else ./knowledge)"),
		ask:             c.Flag.String("ask", "", "the `question` to answer after writing (default: one the entry answers)"),
		dryRun:          c.Flag.Bool("dry-run", false, "validate and show the entry, write nothing"),
		place:           c.Flag.String("place", "", "the `place` (id or name): the NRW side of a twinning, a member, a place a fact is about"),
		partner:         c.Flag.String("partner", "", "the partner `place` of a twinning (id or name)"),
		network:         c.Flag.String("network", "", "the `network` (id or name) of a member or fact"),
		since:           c.Flag.String("since", "", "since when (a `date`)"),
		until:           c.Flag.String("until", "", "member: when it left (a `date`)"),
		kind:            c.Flag.String("kind", "", "twinning: Partnerschaft if left out, or Freundschaft, Patenschaft, ...; place: Stadt if left out, or Gemeinde, Kreis, ..."),
		status:          c.Flag.String("status", "", "twinning: ruht, ausgesetzt, eingeschlafen, beendet, angestrebt; none for a living one"),
		note:            c.Flag.String("note", "", "a short `text` shown with the twinning or member"),
		role:            c.Flag.String("role", "", "member: its role, like Gründungsmitglied"),
		text:            c.Flag.String("text", "", "fact: the statement, as a sentence"),
		topic:           c.Flag.String("topic", "", "fact: the attribute it states (chair, event, join, ...)"),
		stand:           c.Flag.String("stand", "", "fact: when it was true (a `date`)"),
		date:            c.Flag.String("date", "", "fact: when the event happens or happened (a `date`)"),
		source:          c.Flag.String("source", "", "the source: an id of sources.yaml, or an address"),
		sourceTitle:     c.Flag.String("source-title", "", "the title of a source given by a new address"),
		sourcePublisher: c.Flag.String("source-publisher", "", "the publisher of a source given by a new address"),
		id:              c.Flag.String("id", "", "place, source: the id (default: made from the name or address)"),
		name:            c.Flag.String("name", "", "place: its name"),
		aliases:         c.Flag.String("aliases", "", "place: other names people type, comma-separated"),
		state:           c.Flag.String("state", "", "place in Germany: its Bundesland, written out"),
		country:         c.Flag.String("country", "", "place abroad: its country, in German"),
		district:        c.Flag.String("district", "", "place in Germany: its Kreis, or kreisfreie Stadt"),
		title:           c.Flag.String("title", "", "source: the page's title"),
		publisher:       c.Flag.String("publisher", "", "source: who published it"),
		url:             c.Flag.String("url", "", "source: the page's full address"),
		published:       c.Flag.String("published", "", "source: when it was published (a `date`)"),
	}
	c.Run = func(ctx context.Context, e env, args []string) error {
		if len(args) != 1 || !slices.Contains(addKinds, args[0]) {
			return usageError{fmt.Sprintf("add takes one kind of entry: %s", strings.Join(addKinds, ", "))}
		}
		dir, err := editableDir(*f.knowledge, e)
		if err != nil {
			return err
		}
		return add(ctx, e, dir, args[0], f, &c.Flag)
	}
	return c
}

// editableDir is the knowledge directory add writes to: the flag, then
// ENGAGIERT_KNOWLEDGE, then ./knowledge. The base built into the binary
// cannot be edited.
func editableDir(flagValue string, e env) (string, error) {
	if dir := knowledgeDir(flagValue, e); dir != "" {
		return dir, nil
	}
	if fi, err := os.Stat(filepath.Join("knowledge", yamlkb.SourcesFile)); err == nil && fi.Mode().IsRegular() {
		return "knowledge", nil
	}
	return "", usageError{"add edits a knowledge directory: run it in the repository, or pass --knowledge DIR (or set ENGAGIERT_KNOWLEDGE)"}
}

// adding is one run of add: the fields, how to ask for missing ones, the
// files.
type adding struct {
	e    env
	f    addFields
	set  func(name string) bool // whether a flag was given
	in   *bufio.Reader
	ad   *yamlkb.Adder
	dir  string
	done []string // what was added, for the summary
	err  error    // the first field or addition that failed
}

func add(ctx context.Context, e env, dir, kind string, f addFields, flags *flag.FlagSet) error {
	fsys, closer, err := yamlkb.OpenDir(dir)
	if err != nil {
		return fmt.Errorf("add: %w", err)
	}
	defer closer.Close()
	ad, err := yamlkb.NewAdder(fsys)
	if err != nil {
		var ps *yamlkb.Problems
		if errors.As(err, &ps) {
			printProblems(e, dir, ps)
			fmt.Fprintln(e.stderr, "fix these first (engagiert validate), then add")
			return errReported
		}
		return fmt.Errorf("add: %w", err)
	}
	given := map[string]bool{}
	flags.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	a := &adding{e: e, f: f, set: func(n string) bool { return given[n] }, in: bufio.NewReader(e.stdin), ad: ad, dir: dir}
	question := map[string]func() string{"twinning": a.twinning, "member": a.member, "fact": a.fact, "place": a.place, "source": a.source}[kind]()
	if a.err != nil {
		return a.err
	}
	base, rep, err := ad.Check(yamlkb.Options{})
	var ps *yamlkb.Problems
	if errors.As(err, &ps) {
		printProblems(e, dir, ps)
		fmt.Fprintln(e.stderr, "nothing written: the entry would make these problems")
		return errReported
	}
	if err != nil {
		return fmt.Errorf("add: %w", err)
	}
	for _, w := range rep.Warnings {
		w.File = filepath.Join(dir, filepath.FromSlash(w.File))
		fmt.Fprintln(e.stderr, w)
	}
	if *f.dryRun {
		for _, name := range slices.Sorted(maps.Keys(ad.Files())) {
			old, _ := fs.ReadFile(fsys, name)
			fmt.Fprintf(e.stdout, "--- %s (not written)\n%s", filepath.Join(dir, filepath.FromSlash(name)), inserted(old, ad.Files()[name]))
		}
	} else {
		for _, name := range slices.Sorted(maps.Keys(ad.Files())) {
			if err := writeAtomic(filepath.Join(dir, filepath.FromSlash(name)), ad.Files()[name]); err != nil {
				return fmt.Errorf("add: %w", err)
			}
		}
	}
	for _, d := range a.done {
		fmt.Fprintln(e.stdout, d)
	}
	fmt.Fprintf(e.stdout, "knowledge OK (version %s): %d places, %d partnerships, %d sources\n", base.Version, len(base.Places), len(base.Partnerships), len(base.Sources))
	if *f.ask != "" {
		question = *f.ask
	}
	if question == "" {
		return nil
	}
	idx, err := search.Build(base)
	if err != nil {
		return fmt.Errorf("add: build index: %w", err)
	}
	defer idx.Close()
	fmt.Fprintf(e.stdout, "\n> %s\n", question)
	return printAnswer(e.stdout, answer.New(base, idx, nil).Ask(ctx, question), false)
}

// inserted is what an addition put into a file: the lines between what
// before and after have in common at their start and their end.
func inserted(before, after []byte) string {
	b, a := strings.SplitAfter(string(before), "\n"), strings.SplitAfter(string(after), "\n")
	i := 0
	for i < len(b) && i < len(a) && a[i] == b[i] {
		i++
	}
	j := 0
	for j < len(b)-i && j < len(a)-i && a[len(a)-1-j] == b[len(b)-1-j] {
		j++
	}
	return strings.Join(a[i:len(a)-j], "")
}

func printProblems(e env, dir string, ps *yamlkb.Problems) {
	for _, p := range ps.List {
		p.File = filepath.Join(dir, filepath.FromSlash(p.File))
		fmt.Fprintln(e.stderr, p)
	}
	if ps.More > 0 {
		fmt.Fprintf(e.stderr, "... and %d more\n", ps.More)
	}
}

// The fields are read with a sticky error: after the first failure every
// read returns a zero value, and the kind's function returns a.err once.

// text is a field: the flag's value, or what the curator types when asked.
// A required field that stays empty is a usage error.
func (a *adding) text(flagName string, v *string, required bool, question string) string {
	s := strings.TrimSpace(*v)
	if a.err != nil || s != "" || a.set(flagName) || !required {
		return s
	}
	fmt.Fprintf(a.e.stderr, "%s: ", question)
	line, err := a.in.ReadString('\n')
	s = strings.TrimSpace(line)
	switch {
	case s == "" && err != nil && !errors.Is(err, io.EOF):
		a.err = fmt.Errorf("add: %w", err)
	case s == "":
		fmt.Fprintln(a.e.stderr)
		a.err = usageError{fmt.Sprintf("--%s is required", flagName)}
	}
	*v = s
	return s
}

// date is an optional date field.
func (a *adding) date(flagName string, v *string) domain.Date {
	s := strings.TrimSpace(*v)
	if a.err != nil || s == "" {
		return domain.Date{}
	}
	d, err := domain.ParseDate(s)
	if err != nil {
		a.err = usageError{fmt.Sprintf("--%s: %v", flagName, err)}
	}
	return d
}

// placeArg resolves a place given by id or by name.
func (a *adding) placeArg(flagName string, v *string, question string) *domain.Place {
	s := a.text(flagName, v, true, question)
	if a.err != nil {
		return nil
	}
	base := a.ad.Base()
	if p := base.Place(s); p != nil {
		return p
	}
	var found []*domain.Place
	var ids []string
	for i := range base.Places {
		p := &base.Places[i]
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if foldName(n) == foldName(s) {
				found = append(found, p)
				ids = append(ids, p.ID+" ("+placeWhere(p)+")")
				break
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0]
	case 0:
		a.err = usageError{fmt.Sprintf("--%s: no place %q; add it first: engagiert add place --name %q (--state BUNDESLAND | --country LAND)", flagName, s, s)}
	default:
		a.err = usageError{fmt.Sprintf("--%s: %q names %d places; give the id: %s", flagName, s, len(found), strings.Join(ids, ", "))}
	}
	return nil
}

func placeWhere(p *domain.Place) string {
	if p.Country != "" {
		return p.Country
	}
	return p.State
}

// foldName compares names the way the base's ids are made.
func foldName(s string) string { return domain.Slug(s) }

// networkArg resolves a network given by id or by name.
func (a *adding) networkArg() *domain.Network {
	s := a.text("network", a.f.network, true, "Netzwerk (id oder Name)")
	if a.err != nil {
		return nil
	}
	base := a.ad.Base()
	var ids []string
	for i := range base.Networks {
		n := &base.Networks[i]
		ids = append(ids, n.ID)
		for _, name := range append([]string{n.ID, n.Name, n.ShortName}, n.Aliases...) {
			if name != "" && foldName(name) == foldName(s) {
				return n
			}
		}
	}
	a.err = usageError{fmt.Sprintf("--network: no network %q; the networks are %s", s, strings.Join(ids, ", "))}
	return nil
}

// sourceArg resolves a source given by id or address; a new address is
// added as a source first.
func (a *adding) sourceArg() string {
	s := a.text("source", a.f.source, true, "Quelle (id aus sources.yaml oder Adresse)")
	base := a.ad.Base()
	switch {
	case a.err != nil:
		return ""
	case base.Source(s) != nil:
		return s
	case !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://"):
		a.err = usageError{fmt.Sprintf("--source: no source %q in sources.yaml; give its id, or the page's full address (https://...) to add it", s)}
		return ""
	}
	for _, src := range base.Sources {
		if src.URL == s {
			return src.ID
		}
	}
	src := domain.Source{ID: a.newSourceID(s), URL: s, Publisher: strings.TrimSpace(*a.f.sourcePublisher),
		Title: a.text("source-title", a.f.sourceTitle, true, "Titel der Quelle")}
	if a.err == nil {
		a.added("source "+src.ID, func() (yamlkb.Added, error) { return a.ad.AddSource(src) })
	}
	return src.ID
}

// newSourceID makes an id from an address: host and last path segment,
// "stadt-beispiel-partnerstaedte", unique in the base.
func (a *adding) newSourceID(addr string) string {
	u, err := url.Parse(addr)
	id := "quelle"
	if err == nil {
		host := strings.TrimPrefix(u.Hostname(), "www.")
		if i := strings.LastIndexByte(host, '.'); i > 0 {
			host = host[:i]
		}
		last := path.Base(strings.TrimSuffix(u.Path, "/"))
		last = strings.TrimSuffix(last, path.Ext(last))
		id = domain.Slug(host + " " + last)
		if len(id) > 48 {
			id = strings.TrimRight(id[:48], "-")
		}
	}
	return uniqueID(id, func(s string) bool { return a.ad.Base().Source(s) != nil })
}

func uniqueID(id string, taken func(string) bool) string {
	if !taken(id) {
		return id
	}
	for i := 2; ; i++ {
		if c := fmt.Sprintf("%s-%d", id, i); !taken(c) {
			return c
		}
	}
}

// added runs an addition, unless a field failed, and notes where it went.
func (a *adding) added(what string, add func() (yamlkb.Added, error)) {
	if a.err != nil {
		return
	}
	at, err := add()
	if err != nil {
		a.err = usageError{err.Error()}
		return
	}
	verb := "added"
	if *a.f.dryRun {
		verb = "would add"
	}
	a.done = append(a.done, fmt.Sprintf("%s %s at %s:%d", verb, what, filepath.Join(a.dir, filepath.FromSlash(at.File)), at.Line))
}

// trim is a flag's value without surrounding space.
func trim(v *string) string { return strings.TrimSpace(*v) }

// twinning adds a town twinning; the question asks for the place's partners.
func (a *adding) twinning() string {
	home := a.placeArg("place", a.f.place, "NRW-Ort (id oder Name)")
	partner := a.placeArg("partner", a.f.partner, "Partnerort (id oder Name)")
	since := a.date("since", a.f.since)
	src := a.sourceArg()
	if a.err != nil {
		return ""
	}
	p := domain.Partnership{Place: home.ID, Partner: partner.ID, Since: since, Kind: trim(a.f.kind), Status: trim(a.f.status), Note: trim(a.f.note), Source: src}
	a.added("twinning "+home.ID+"–"+partner.ID, func() (yamlkb.Added, error) { return a.ad.AddPartnership(p) })
	return "Welche Partnerstädte hat " + asPlace(home) + "?"
}

// asPlace names a place in a question so that the engine reads it as one:
// an everyday word ("Essen") as "die Stadt Essen".
func asPlace(p *domain.Place) string {
	if p.Everyday {
		return "die Stadt " + p.Name
	}
	return p.Name
}

// member adds a member; the question asks whether it is one.
func (a *adding) member() string {
	n := a.networkArg()
	pl := a.placeArg("place", a.f.place, "Ort (id oder Name)")
	since, until := a.date("since", a.f.since), a.date("until", a.f.until)
	src := a.sourceArg()
	if a.err != nil {
		return ""
	}
	m := domain.Membership{Place: pl.ID, Since: since, Until: until, Role: trim(a.f.role), Note: trim(a.f.note), Source: src}
	a.added("member "+pl.ID+" of "+n.ID, func() (yamlkb.Added, error) { return a.ad.AddMember(n.ID, m) })
	name := n.ShortName
	if name == "" {
		name = n.Name
	}
	return "Ist " + asPlace(pl) + " " + name + "?"
}

// fact adds a fact about a network or a place; the question is the fact
// itself (its words find it), or the place.
func (a *adding) fact() string {
	if trim(a.f.network) == "" && trim(a.f.place) == "" {
		about := a.text("network", a.f.network, true, "Worüber? Netzwerk oder Ort (id oder Name)")
		if a.err == nil && a.networkArg() == nil {
			a.err, *a.f.network, *a.f.place = nil, "", about // not a network: a place
		}
	}
	fct := domain.Fact{Text: a.text("text", a.f.text, true, "Aussage (ein Satz)"), Stand: a.date("stand", a.f.stand), Date: a.date("date", a.f.date), Topic: trim(a.f.topic)}
	fct.Source = a.sourceArg()
	if trim(a.f.network) != "" {
		n := a.networkArg()
		if a.err == nil {
			a.added("fact of "+n.ID, func() (yamlkb.Added, error) { return a.ad.AddNetworkFact(n.ID, fct) })
		}
		return fct.Text
	}
	pl := a.placeArg("place", a.f.place, "Ort (id oder Name)")
	if a.err != nil {
		return ""
	}
	a.added("fact of place "+pl.ID, func() (yamlkb.Added, error) { return a.ad.AddPlaceFact(pl.ID, fct) })
	return asPlace(pl)
}

// place adds a place elsewhere in Germany or abroad.
func (a *adding) place() string {
	name := a.text("name", a.f.name, true, "Name des Orts")
	for i := range a.ad.Base().Places {
		if p := &a.ad.Base().Places[i]; a.err == nil && foldName(p.Name) == foldName(name) {
			a.err = usageError{fmt.Sprintf("--name: there is a place %q already (id %s, %s); give another --id and --name if it is another place", p.Name, p.ID, placeWhere(p))}
		}
	}
	state, country := trim(a.f.state), trim(a.f.country)
	if state == "" && country == "" {
		where := a.text("country", a.f.country, true, "Bundesland (in Deutschland) oder Staat, auf Deutsch")
		if slices.Contains(domain.States, where) {
			state = where
		} else {
			country = where
		}
	}
	kind, id := trim(a.f.kind), trim(a.f.id)
	if kind == "" {
		kind = "Stadt"
	}
	if id == "" {
		id = uniqueID(domain.Slug(name), func(s string) bool { return a.ad.Base().Place(s) != nil })
	}
	var aliases []string
	for _, al := range strings.Split(*a.f.aliases, ",") {
		if al = strings.TrimSpace(al); al != "" {
			aliases = append(aliases, al)
		}
	}
	p := domain.Place{ID: id, Name: name, Aliases: aliases, Kind: kind, State: state, Country: country, District: trim(a.f.district)}
	a.added("place "+id, func() (yamlkb.Added, error) { return a.ad.AddPlace(p) })
	return ""
}

// source adds a source.
func (a *adding) source() string {
	s := domain.Source{URL: a.text("url", a.f.url, true, "Adresse der Seite (https://...)"), Title: a.text("title", a.f.title, true, "Titel der Seite"),
		Publisher: trim(a.f.publisher), Published: a.date("published", a.f.published), ID: trim(a.f.id)}
	if s.ID == "" && a.err == nil {
		s.ID = a.newSourceID(s.URL)
	}
	a.added("source "+s.ID+" (cite it with source: "+s.ID+")", func() (yamlkb.Added, error) { return a.ad.AddSource(s) })
	return ""
}
