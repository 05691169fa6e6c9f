package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/frozen"
	"github.com/engagiert/engagiert/internal/search"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/engagiert/engagiert/knowledge"
	"go.yaml.in/yaml/v3"
)

// Speed targets (README, "Development"), on 2 cores:
//   engine on the shipped base: p99 <= 250 µs, max <= 2 ms per question;
//   100,000 places: every kind's p99 <= 1 ms, "in A und B" <= 5 ms, build
//   <= 1 s, live heap <= 60 MB;
//   process start to first answer (`ask`) <= 60 ms on the shipped base.
// Run: go test ./cmd/engagiert -run '^$' -bench 'Ask|Build|Start' -benchtime 5000x

// evalQuestions are the questions of testdata/eval, the words users type.
func evalQuestions(tb testing.TB) []string {
	files, _ := filepath.Glob("testdata/eval/*.yaml")
	var qs []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var cs []evalCase
		if err := yaml.Unmarshal(b, &cs); err != nil {
			tb.Fatal(err)
		}
		for _, c := range cs {
			qs = append(qs, c.Q)
		}
	}
	if len(qs) == 0 {
		tb.Fatal("no questions")
	}
	return qs
}

// benchQuestions are the eval questions, every kind's examples and a few
// more for kinds no example shows: the mix the engine benchmarks ask,
// which covers every kind of the kinds table (TestBenchCoversEveryKind).
func benchQuestions(tb testing.TB) []string {
	qs := append(evalQuestions(tb), "Wie kann man mitmachen?", "Wie werden wir Mitglied?")
	for _, c := range answer.Commands() {
		qs = append(qs, c.Examples...)
		if c.ExampleEN != "" {
			qs = append(qs, c.ExampleEN)
		}
	}
	return qs
}

// kindNames are the names of the kinds of question, read from the table
// in internal/answer/kinds.go (the engine keeps them to itself).
func kindNames(tb testing.TB) []string {
	tb.Helper()
	file := filepath.Join(testenv.ModuleRoot(tb), "internal", "answer", "kinds.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		if id, isID := kv.Key.(*ast.Ident); isID && id.Name == "Name" {
			if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				name, _ := strconv.Unquote(lit.Value)
				out = append(out, name)
			}
		}
		return true
	})
	if len(out) < 10 {
		tb.Fatalf("found only %d kinds in %s", len(out), file)
	}
	return out
}

// kindLog records the kind each question is routed to, from the engine's
// debug line "routed" (kind=...), while it is switched on.
type kindLog struct {
	on   atomic.Bool
	mu   sync.Mutex
	last []string
}

func (k *kindLog) Enabled(context.Context, slog.Level) bool { return k.on.Load() }
func (k *kindLog) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "routed" {
		return nil
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "kind" {
			k.mu.Lock()
			k.last = append(k.last, a.Value.String())
			k.mu.Unlock()
		}
		return true
	})
	return nil
}
func (k *kindLog) WithAttrs([]slog.Attr) slog.Handler { return k }
func (k *kindLog) WithGroup(string) slog.Handler      { return k }

// classify asks every question once with the kind log on and returns the
// kind each was routed to (the first part's, for a question of several).
func classify(asker domain.Asker, kl *kindLog, qs []string) []string {
	kl.on.Store(true)
	defer kl.on.Store(false)
	out := make([]string, len(qs))
	for i, q := range qs {
		kl.mu.Lock()
		kl.last = kl.last[:0]
		kl.mu.Unlock()
		asker.Ask(context.Background(), q)
		kl.mu.Lock()
		out[i] = "none"
		if len(kl.last) > 0 {
			out[i] = kl.last[0]
		}
		kl.mu.Unlock()
	}
	return out
}

// missingKinds are the kinds no question of the mix is routed to.
func missingKinds(all, routed []string) []string {
	var out []string
	for _, k := range all {
		if !slices.Contains(routed, k) {
			out = append(out, k)
		}
	}
	return out
}

// TestBenchCoversEveryKind: the shipped benchmark's questions reach every
// kind of question, so its percentiles watch all of them.
func TestBenchCoversEveryKind(t *testing.T) {
	t.Parallel()
	kl := &kindLog{}
	s, err := loadSnapshot("", slog.New(kl))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if missing := missingKinds(kindNames(t), classify(s.Asker, kl, benchQuestions(t))); len(missing) > 0 {
		t.Errorf("no benchmark question is routed to the kinds %v: add questions of theirs to testdata/eval", missing)
	}
}

// benchAsk asks the questions round-robin and reports latency percentiles,
// overall and per kind of question: kind-p99-µs is the slowest kind's p99
// (shared-members aside, which and-p99-µs reports: "Welche Städte sind in
// A und B?").
func benchAsk(b *testing.B, asker domain.Asker, qs, kindOf []string) {
	tuneGC(os.Getenv) // as ask and serve do once the knowledge is loaded
	if e, ok := asker.(interface{ Prepare() }); ok {
		e.Prepare() // as serve does in the background after a load
	}
	ctx := context.Background()
	durs := make([]time.Duration, 0, b.N)
	perKind := map[string][]time.Duration{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		asker.Ask(ctx, qs[i%len(qs)])
		d := time.Since(start)
		durs = append(durs, d)
		perKind[kindOf[i%len(qs)]] = append(perKind[kindOf[i%len(qs)]], d)
	}
	b.StopTimer()
	pct := func(ds []time.Duration, p float64) float64 {
		slices.Sort(ds)
		return float64(ds[int(p*float64(len(ds)-1))].Microseconds())
	}
	b.ReportMetric(pct(durs, 0.50), "p50-µs")
	b.ReportMetric(pct(durs, 0.99), "p99-µs")
	b.ReportMetric(pct(durs, 1), "max-µs")
	worst, worstKind := 0.0, ""
	var lines []string
	for _, k := range slices.Sorted(maps.Keys(perKind)) {
		p99 := pct(perKind[k], 0.99)
		lines = append(lines, fmt.Sprintf("%-20s n=%-5d p50 %6.0f µs  p99 %6.0f µs  max %6.0f µs", k, len(perKind[k]), pct(perKind[k], 0.5), p99, pct(perKind[k], 1)))
		if k == "shared-members" {
			b.ReportMetric(p99, "and-p99-µs")
		} else if p99 > worst {
			worst, worstKind = p99, k
		}
	}
	b.ReportMetric(worst, "kind-p99-µs")
	if b.N >= 1000 {
		fmt.Fprintf(os.Stderr, "slowest kind: %s; per kind:\n%s\n", worstKind, strings.Join(lines, "\n"))
	}
}

func BenchmarkAskShipped(b *testing.B) {
	kl := &kindLog{}
	s, err := loadSnapshot("", slog.New(kl))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	qs := benchQuestions(b)
	benchAsk(b, s.Asker, qs, classify(s.Asker, kl, qs))
}

// BenchmarkAskShippedEvicted asks the shipped benchmark's questions as
// AskShipped does, but between two questions it writes to a buffer of
// evict bytes, as a loaded server's HTTP, kernel and other requests do to
// the caches: the engine then finds little of its data in them. eng-µs is
// the mean time of Ask alone. Under uncached load (LoadSlash) the engine
// takes about as long per question as with 16 MB evicted, twice its time
// when warm: on 2 cores its speed under load is bounded by the memory it
// touches per question, not by its instructions (issue 17).
func BenchmarkAskShippedEvicted(b *testing.B) {
	s, err := loadSnapshot("", nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	tuneGC(os.Getenv)
	if e, ok := s.Asker.(interface{ Prepare() }); ok {
		e.Prepare()
	}
	qs := benchQuestions(b)
	ctx := context.Background()
	for _, q := range qs {
		s.Asker.Ask(ctx, q)
	}
	for _, mb := range []int{0, 2, 16} {
		b.Run(fmt.Sprintf("evict=%dMB", mb), func(b *testing.B) {
			buf := make([]byte, mb<<20)
			var eng time.Duration
			for i := 0; i < b.N; i++ {
				for j := 0; j < len(buf); j += 64 {
					buf[j]++
				}
				start := time.Now()
				s.Asker.Ask(ctx, qs[i%len(qs)])
				eng += time.Since(start)
			}
			b.ReportMetric(float64(eng.Nanoseconds())/1e3/float64(b.N), "eng-µs")
		})
	}
}

var (
	bigOnce  sync.Once
	bigAsker domain.Asker
	bigQs    []string
	bigKinds []string
	bigErr   error
)

// Greek letters name the generated networks: "Netzwerk Alpha", "Alpha-Netz".
var greek = []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Omikron"}

// generatedBase is the shipped base grown to n more invented places in k
// more networks: every place in one of them, every seventh in a second;
// every twentieth in a network of the shipped base too; three in five in
// NRW, in the shipped Kreise; every tenth NRW place twinned with one of
// n/50 invented places abroad. The shipped lexicon, networks, facts and
// twinnings stay, so every kind of question has something to answer.
func generatedBase(tb testing.TB, n, k int) *domain.Base {
	shipped, err := loadBase("")
	if err != nil {
		tb.Fatal(err)
	}
	pre := []string{"Al", "Ber", "Cor", "Dal", "Eb", "Fal", "Gor", "Hal", "Im", "Jor", "Kal", "Lor", "Mar", "Nor", "Ol",
		"Pal", "Quer", "Ros", "Sal", "Tor", "Ul", "Vor", "Wal", "Xan", "Yor", "Zel", "Brem", "Drom", "Frel", "Grun",
		"Hol", "Kram", "Lind", "Mor", "Pren", "Rin", "Stol", "Trem", "Uhl", "Wend"}
	mid := []string{"a", "e", "i", "o", "u", "en", "ar", "ing", "ol", "ur", "am", "el", "is", "or", "an", "er", "il",
		"om", "un", "ad", "ed", "id", "od", "ud", "ab", "eb", "ib", "ob", "ub", "ag", "eg", "ig", "og", "ug", "ak", "ek",
		"ik", "ok", "uk", "ax"}
	suf := []string{"hausen", "dorf", "berg", "feld", "heim", "bach", "burg", "hagen", "rode", "stedt", "furt",
		"brück", "au", "wald", "horst", "beck", "büttel", "kirchen", "ingen", "leben", "ow", "itz", "lar", "mund",
		"scheid", "siek", "loh", "kamp", "wik", "holm", "tal", "weiler", "rath", "winkel", "moor", "born", "lage",
		"hude", "ahr", "sand", "fehn", "ried", "lohe", "hof", "mark", "grund", "heide", "kuhl", "stein", "trup",
		"wede", "weide", "zell", "ach", "ens", "eck", "felde", "hövel", "kotten", "werth", "wisch", "brink", "dahl",
		"garten", "hütte", "ort", "pütz", "sen", "sum", "thal"}
	var kreise []*domain.Place
	taken := map[string]bool{}
	for i := range shipped.Places {
		pl := &shipped.Places[i]
		taken[pl.Name] = true
		if pl.Kind == "Kreis" && pl.State == "Nordrhein-Westfalen" {
			kreise = append(kreise, pl)
		}
	}
	var countries []string
	for _, p := range shipped.Partnerships {
		if !slices.Contains(countries, p.Country) && p.Country != "Deutschland" {
			countries = append(countries, p.Country)
		}
	}
	places := slices.Clone(shipped.Places)
	name := func(i int) string {
		s := pre[i%len(pre)] + mid[(i/len(pre))%len(mid)] + suf[(i/(len(pre)*len(mid)))%len(suf)]
		if taken[s] {
			s += fmt.Sprintf("-%d", i)
		}
		taken[s] = true
		return s
	}
	var generated []*domain.Place
	for i := 0; len(generated) < n; i++ {
		pl := domain.Place{ID: fmt.Sprintf("gen-%d", i), Name: name(i), Kind: "Stadt", State: domain.States[i%len(domain.States)]}
		if i%5 < 3 {
			kr := kreise[i%len(kreise)]
			pl.State, pl.District, pl.Region = "Nordrhein-Westfalen", kr.Name, kr.Region
			if i%2 == 0 {
				pl.Kind = "Gemeinde"
			}
		}
		places = append(places, pl)
		generated = append(generated, &places[len(places)-1])
	}
	abroad := make([]string, 0, n/50)
	for i := range n / 50 {
		id := fmt.Sprintf("gen-abroad-%d", i)
		places = append(places, domain.Place{ID: id, Name: name(n + i), Kind: "Stadt", Country: countries[i%len(countries)]})
		abroad = append(abroad, id)
	}
	partnerships := slices.Clone(shipped.Partnerships)
	nrw := 0
	for i, pl := range generated {
		if pl.State != "Nordrhein-Westfalen" {
			continue
		}
		if nrw++; nrw%10 == 0 {
			partnerships = append(partnerships, domain.Partnership{Place: pl.ID, Partner: abroad[i%len(abroad)],
				Country: countries[(i%len(abroad))%len(countries)], Since: domain.NewDate(1950+i%70, 0, 0), Kind: "Partnerschaft", Source: "gen"})
		}
	}
	sources := append(slices.Clone(shipped.Sources), domain.Source{ID: "gen", URL: "https://example.org/generated"})
	networks := slices.Clone(shipped.Networks)
	var shippedNets []int
	for i := range networks {
		networks[i].Members = slices.Clone(networks[i].Members)
		if !networks[i].IsTitle() && len(networks[i].Members) > 0 {
			shippedNets = append(shippedNets, i)
		}
	}
	for j := range k {
		g := greek[j%len(greek)]
		networks = append(networks, domain.Network{ID: "gen-" + strings.ToLower(g), Name: "Netzwerk " + g, Kind: "Städtenetzwerk",
			Aliases: []string{g + "-Netz"}, Website: "https://example.org/" + g,
			Description: domain.Fact{Text: "Ein erfundenes Netzwerk für Benchmarks mit vielen Kommunen.", Source: "gen"},
			Goals:       []domain.Fact{{Text: "Viele Mitglieder verwalten, ohne langsam zu werden.", Source: "gen"}},
			Founded:     domain.Founding{Date: domain.NewDate(2000+j, 0, 0), Text: "Gegründet in einem Benchmark.", Source: "gen"},
			Counts: []domain.Count{{Value: "9000", Text: "Mitglieder", Stand: domain.Date{Year: 2020}, Source: "gen"},
				{Value: "10000", Text: "Mitglieder", Stand: domain.Date{Year: 2024}, Source: "gen"}}})
	}
	first := len(shipped.Networks)
	for i, pl := range generated {
		since := domain.NewDate(2000+i%25, 1+i%12, 0)
		add := func(nw int, m domain.Membership) { networks[nw].Members = append(networks[nw].Members, m) }
		add(first+i%k, domain.Membership{Place: pl.ID, Since: since, Source: "gen"})
		if i%7 == 0 {
			add(first+(i+3)%k, domain.Membership{Place: pl.ID, Source: "gen"})
		}
		if i%20 == 0 {
			add(shippedNets[(i/20)%len(shippedNets)], domain.Membership{Place: pl.ID, Since: since, Source: "gen"})
		}
	}
	return domain.NewBaseParts(domain.Parts{Networks: networks, Places: places, Sources: sources, Partnerships: partnerships,
		PartnershipCounts: shipped.PartnershipCounts, Lexicon: shipped.Lexicon, Figures: shipped.Figures, Version: "generated"})
}

// bigQuestions are the shipped benchmark's questions and, for generated
// places and networks, questions of every kind that grows with the base.
func bigQuestions(tb testing.TB, base *domain.Base) []string {
	qs := benchQuestions(tb)
	r := rand.New(rand.NewPCG(1, 2))
	var gen, twinned []*domain.Place
	for i := range base.Places {
		if strings.HasPrefix(base.Places[i].ID, "gen-") && base.Places[i].Country == "" {
			gen = append(gen, &base.Places[i])
		}
	}
	for _, p := range base.Partnerships {
		if strings.HasPrefix(p.Place, "gen-") {
			twinned = append(twinned, base.Place(p.Place))
		}
	}
	var nets []*domain.Network
	for i := range base.Networks {
		if strings.HasPrefix(base.Networks[i].ID, "gen-") {
			nets = append(nets, &base.Networks[i])
		}
	}
	for i := range 200 {
		pl, other := gen[r.IntN(len(gen))], gen[r.IntN(len(gen))]
		tw := twinned[r.IntN(len(twinned))]
		nw, nw2 := nets[r.IntN(len(nets))], nets[r.IntN(len(nets))]
		if nw2 == nw {
			nw2 = nets[(slices.Index(nets, nw)+1)%len(nets)]
		}
		typo := []rune(pl.Name)
		typo = append(typo[:2], typo[3:]...)
		alias := nw.Aliases[0]
		qs = append(qs,
			pl.Name,
			strings.ToLower(string(typo)),
			"Ist "+pl.Name+" im "+alias+"?",
			nw.Name,
			"Mitglieder "+alias+" in Bayern",
			fmt.Sprintf("Welche Städte kamen %d zum %s dazu?", 2000+i%25, alias),
			"Welche Mitglieder hat das "+alias+" im "+pl.District+"?",
			"Wie viele Mitglieder hat das "+alias+"?",
			"Welche Städte sind im "+alias+" und im "+nw2.Aliases[0]+"?",
			"Welche Städte sind bei Engagierte Stadt und im "+alias+"?",
			"Welches ist das jüngste Mitglied im "+alias+"?",
			"Wer ist am längsten im "+alias+"?",
			"Welche Städte sind nicht im "+alias+"?",
			"Welche Kommunen im "+pl.District+" sind in keinem Netzwerk?",
			"Ist "+pl.Name+" in mehr Netzwerken als "+other.Name+"?",
			"Welche Partnerstädte hat "+tw.Name+"?",
			"Welche Städte sind in mehreren Netzwerken?",
			"Welche Stadt hat die meisten Partnerstädte?",
			"Wie wird das Wetter morgen?",
			"Pizza Rezept")
	}
	return qs
}

func setupBig(b *testing.B) {
	bigOnce.Do(func() {
		base := generatedBase(b, 100_000, 10)
		idx, err := search.Build(base)
		if err != nil {
			bigErr = err
			return
		}
		kl := &kindLog{}
		bigAsker = answer.New(base, idx, slog.New(kl))
		bigQs = bigQuestions(b, base)
		bigKinds = classify(bigAsker, kl, bigQs)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
}

func BenchmarkAsk100k(b *testing.B) {
	setupBig(b)
	if missing := missingKinds(kindNames(b), bigKinds); len(missing) > 0 {
		b.Fatalf("no question of the 100k mix is routed to the kinds %v", missing)
	}
	benchAsk(b, bigAsker, bigQs, bigKinds)
}

// heapAfter reports the live heap that build leaves behind.
func heapAfter(b *testing.B, build func() any) {
	var before, after runtime.MemStats
	var keep any
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		keep = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		keep = build()
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(keep)
}

func BenchmarkBuildShipped(b *testing.B) {
	heapAfter(b, func() any {
		asker, _, err := loadAsker("")
		if err != nil {
			b.Fatal(err)
		}
		return asker
	})
}

// BenchmarkBuild100k builds the index and the engine of the 100k base:
// build-ms is the time from a loaded base to an engine that answers,
// heap-MB what the base, its index and the engine keep alive.
func BenchmarkBuild100k(b *testing.B) {
	var took time.Duration
	heapAfter(b, func() any {
		b.StopTimer()
		base := generatedBase(b, 100_000, 10)
		b.StartTimer()
		start := time.Now()
		idx, err := search.Build(base)
		if err != nil {
			b.Fatal(err)
		}
		e := answer.New(base, idx, nil)
		took += time.Since(start)
		return e
	})
	b.ReportMetric(float64(took.Microseconds())/1000/float64(b.N), "build-ms")
}

// frozenCurrent is 1 while knowledge/base.frozen is current, and a start
// decodes it, 0 while a start reads and validates the YAML instead (the
// knowledge was edited without `go generate ./knowledge`): the start
// benchmarks report it as frozen, so that a start three times as slow for
// that reason is not taken for the code's.
func frozenCurrent() float64 {
	if _, err := frozen.Decode(knowledge.Frozen, knowledge.FS); err != nil {
		return 0
	}
	return 1
}

// BenchmarkStartPhases is a start-up in its parts, in one process: reading
// the embedded base (yaml-ms: decoding knowledge/base.frozen while it is
// current, else reading and validating the YAML; frozen says which),
// building the statement index, building the engine (lexicon, names,
// per-snapshot indexes), the first answer.
func BenchmarkStartPhases(b *testing.B) {
	var yamlT, indexT, engineT, askT time.Duration
	for b.Loop() {
		t0 := time.Now()
		base, err := loadBase("")
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		idx, err := search.Build(base)
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		e := answer.New(base, idx, nil)
		t3 := time.Now()
		e.Ask(context.Background(), "Bielefeld")
		t4 := time.Now()
		yamlT, indexT, engineT, askT = yamlT+t1.Sub(t0), indexT+t2.Sub(t1), engineT+t3.Sub(t2), askT+t4.Sub(t3)
		idx.Close()
	}
	per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
	b.ReportMetric(per(yamlT), "yaml-ms")
	b.ReportMetric(per(indexT), "index-ms")
	b.ReportMetric(per(engineT), "engine-ms")
	b.ReportMetric(per(askT), "ask-ms")
	b.ReportMetric(frozenCurrent(), "frozen")
}

// BenchmarkProcessStartToFirstAnswer runs the real binary: process start,
// loading the embedded base, building the engine, and one answer.
// init-ms is the packages' init, as GODEBUG=inittrace=1 reports it;
// frozen is 0 when the binary read its YAML (frozenCurrent).
//
// The binary is built as the Dockerfile and .ci/run build the one that
// ships: static (CGO_ENABLED=0), -trimpath, -ldflags="-s -w". A plain go
// build links cgo's runtime and the dynamic loader in, which start about a
// tenth slower and ship nowhere.
func BenchmarkProcessStartToFirstAnswer(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "engagiert")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		out, err := exec.Command(bin, "ask", "Bielefeld").Output()
		durs = append(durs, time.Since(start))
		if err != nil || !strings.Contains(string(out), "RegioPole") {
			b.Fatalf("ask Bielefeld: %v\n%s", err, out)
		}
	}
	b.StopTimer()
	slices.Sort(durs)
	b.ReportMetric(float64(durs[len(durs)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(durs[int(0.99*float64(len(durs)-1))].Microseconds())/1000, "p99-ms")
	cmd := exec.Command(bin, "ask", "Bielefeld")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("ask with inittrace: %v", err)
	}
	init := 0.0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init github.com/x/y @29 ms, 6.3 ms clock, 1088888 bytes, 25785 allocs
		f := strings.Fields(sc.Text())
		if len(f) > 6 && f[0] == "init" && f[6] == "clock," {
			ms, _ := strconv.ParseFloat(f[4], 64)
			init += ms
		}
	}
	b.ReportMetric(init, "init-ms")
	b.ReportMetric(frozenCurrent(), "frozen")
}
