package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
	"github.com/engagiert/engagiert/internal/search"
	"go.yaml.in/yaml/v3"
)

// Speed targets (issue "Knowledge base ..."), on 2 cores:
//   p99 <= 1 ms per question over the shipped base,
//   p99 <= 5 ms per question over 100,000 places in 10 networks,
//   process start to first answer <= 200 ms for the shipped base.
// Run: go test ./cmd/engagiert -run '^$' -bench . -benchtime 2000x

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

// benchAsk asks the questions round-robin and reports latency percentiles.
func benchAsk(b *testing.B, asker domain.Asker, qs []string) {
	tuneGC(os.Getenv) // as run does for every command
	ctx := context.Background()
	durs := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		asker.Ask(ctx, qs[i%len(qs)])
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durs)
	pct := func(p float64) float64 { return float64(durs[int(p*float64(len(durs)-1))].Microseconds()) }
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
	b.ReportMetric(float64(durs[len(durs)-1].Microseconds()), "max-µs")
}

func BenchmarkAskShipped(b *testing.B) {
	asker, _, err := loadAsker("")
	if err != nil {
		b.Fatal(err)
	}
	benchAsk(b, asker, evalQuestions(b))
}

var (
	bigOnce  sync.Once
	bigBase  *domain.Base
	bigAsker domain.Asker
	bigQs    []string
)

// generatedBase makes a base of n invented places in k networks: every place
// is in one network, every seventh in a second one, with dates and states.
func generatedBase(n, k int) *domain.Base {
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
	places := make([]domain.Place, 0, n)
	seen := map[string]bool{}
	for i := 0; len(places) < n; i++ {
		name := pre[i%len(pre)] + mid[(i/len(pre))%len(mid)] + suf[(i/(len(pre)*len(mid)))%len(suf)]
		if seen[name] {
			name += fmt.Sprintf("-%d", i)
		}
		seen[name] = true
		places = append(places, domain.Place{ID: fmt.Sprintf("p%d", i), Name: name, Kind: "Stadt",
			State: domain.States[i%len(domain.States)]})
	}
	greek := []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Omikron"}
	src := []domain.Source{{ID: "gen", URL: "https://example.org/generated"}}
	nets := make([]domain.Network, k)
	for j := range nets {
		nets[j] = domain.Network{ID: fmt.Sprintf("n%d", j), Name: "Netzwerk " + greek[j%len(greek)],
			Aliases: []string{greek[j%len(greek)] + "-Netz"}, Website: "https://example.org/" + greek[j%len(greek)],
			Description: domain.Fact{Text: "Ein erfundenes Netzwerk für Benchmarks mit vielen Kommunen.", Source: "gen"},
			Goals:       []domain.Fact{{Text: "Viele Mitglieder verwalten, ohne langsam zu werden.", Source: "gen"}},
			Founded:     domain.Founding{Date: domain.Date{Year: 2000 + j}, Text: "Gegründet in einem Benchmark.", Source: "gen"},
			Counts:      []domain.Count{{Value: "9000", Text: "Mitglieder", Stand: domain.Date{Year: 2020}, Source: "gen"}, {Value: "10000", Text: "Mitglieder", Stand: domain.Date{Year: 2024}, Source: "gen"}}}
	}
	for i := range places {
		since := domain.Date{Year: 2000 + i%25, Month: 1 + i%12}
		nets[i%k].Members = append(nets[i%k].Members, domain.Membership{Place: places[i].ID, Since: since, Source: "gen"})
		if i%7 == 0 {
			nets[(i+3)%k].Members = append(nets[(i+3)%k].Members, domain.Membership{Place: places[i].ID, Source: "gen"})
		}
	}
	return domaintest.NewBase(nets, places, src, "generated")
}

func setupBig(b *testing.B) {
	bigOnce.Do(func() {
		bigBase = generatedBase(100_000, 10)
		idx, err := search.Build(bigBase)
		if err != nil {
			b.Fatal(err)
		}
		bigAsker = answer.New(bigBase, idx, nil)
		r := rand.New(rand.NewPCG(1, 2))
		for i := 0; i < 200; i++ {
			pl := bigBase.Places[r.IntN(len(bigBase.Places))]
			nw := bigBase.Networks[r.IntN(len(bigBase.Networks))]
			typo := []rune(pl.Name)
			typo = append(typo[:2], typo[3:]...)
			bigQs = append(bigQs,
				pl.Name,
				strings.ToLower(string(typo)),
				"Ist "+pl.Name+" im "+nw.Aliases[0]+"?",
				nw.Name,
				"Mitglieder "+nw.Aliases[0]+" in Bayern",
				fmt.Sprintf("Welche Städte kamen %d zum %s dazu?", 2000+i%25, nw.Aliases[0]),
				"Wie viele Mitglieder hat das "+nw.Aliases[0]+"?",
				"Welche Städte sind in mehreren Netzwerken?",
				"Wie wird das Wetter morgen?",
				"Pizza Rezept")
		}
	})
}

func BenchmarkAsk100k(b *testing.B) {
	setupBig(b)
	benchAsk(b, bigAsker, bigQs)
}

// heapAfter reports the live heap that build leaves behind.
func heapAfter(b *testing.B, build func() any) {
	var before, after runtime.MemStats
	var keep any
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
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

func BenchmarkBuild100k(b *testing.B) {
	base := generatedBase(100_000, 10)
	heapAfter(b, func() any {
		idx, err := search.Build(base)
		if err != nil {
			b.Fatal(err)
		}
		return answer.New(base, idx, nil)
	})
}

// BenchmarkProcessStartToFirstAnswer runs the real binary: process start,
// loading and validating the embedded YAML, indexing, and one answer.
func BenchmarkProcessStartToFirstAnswer(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "engagiert")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
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
	b.ReportMetric(float64(durs[len(durs)/2].Milliseconds()), "p50-ms")
	b.ReportMetric(float64(durs[int(0.99*float64(len(durs)-1))].Milliseconds()), "p99-ms")
}
