package answer_test

import (
	"bufio"
	"context"
	"os"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentAsksAgree: questions asked at once from several
// goroutines, as a bot's handlers ask them, get the answers they get one at
// a time. The engine shares what it read of the base's texts (tokens with
// the lexicon's look-ups remembered in them) between questions; a reader
// that wrote into them would show here as a wrong answer, and under
// `go test -race` as a race.
func TestConcurrentAsksAgree(t *testing.T) {
	f, err := os.Open("testdata/frames.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if q, _, ok := strings.Cut(sc.Text(), "\t"); ok && q != "" {
			qs = append(qs, q)
		}
	}
	if testing.Short() {
		qs = qs[:min(len(qs), 150)]
	}
	ctx := context.Background()
	one := shipped(t)
	want := make([]string, len(qs))
	for i, q := range qs {
		want[i] = one.Ask(ctx, q).PlainText()
	}
	many := shipped(t)
	many.Prepare() // the shared texts, as serve prepares them after a load
	const workers = 4
	var wg sync.WaitGroup
	got := make([][]string, workers)
	for w := range workers {
		got[w] = make([]string, len(qs))
		wg.Go(func() {
			for k := range qs {
				i := (k + w*len(qs)/workers) % len(qs) // each starts elsewhere
				got[w][i] = many.Ask(ctx, qs[i]).PlainText()
			}
		})
	}
	wg.Wait()
	for w := range workers {
		for i, q := range qs {
			if got[w][i] != want[i] {
				t.Errorf("worker %d: Ask(%q) =\n%s\nwant (asked alone)\n%s", w, q, got[w][i], want[i])
			}
		}
	}
}
