package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"testing"
	"time"
)

func TestZZSlowest(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	kl := &kindLog{}
	s, err := loadSnapshot("", slog.New(kl))
	if err != nil {
		t.Fatal(err)
	}
	qs := benchQuestions(t)
	kinds := classify(s.Asker, kl, qs)
	type r struct {
		q, k string
		d    time.Duration
	}
	var rs []r
	ctx := context.Background()
	for i, q := range qs {
		best := time.Hour
		for range 7 {
			st := time.Now()
			s.Asker.Ask(ctx, q)
			best = min(best, time.Since(st))
		}
		rs = append(rs, r{q, kinds[i], best})
	}
	slices.SortFunc(rs, func(a, b r) int { return int(b.d - a.d) })
	for _, x := range rs[:40] {
		fmt.Printf("%6d µs  %-18s %q\n", x.d.Microseconds(), x.k, x.q)
	}
	fmt.Println("p99 of best:", rs[len(rs)/100].d)
}

func BenchmarkZZOne(b *testing.B) {
	s, err := loadSnapshot("", slog.New(&kindLog{}))
	if err != nil {
		b.Fatal(err)
	}
	q := os.Getenv("ZZQ")
	ctx := context.Background()
	for b.Loop() {
		s.Asker.Ask(ctx, q)
	}
}

func BenchmarkZZBigKind(b *testing.B) {
	setupBig(b)
	var qs []string
	for i, k := range bigKinds {
		if k == os.Getenv("ZZK") {
			qs = append(qs, bigQs[i])
		}
	}
	if len(qs) == 0 {
		b.Fatal("no q")
	}
	if os.Getenv("ZZV") != "" {
		for _, q := range qs[:min(5, len(qs))] {
			fmt.Println(q)
		}
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bigAsker.Ask(ctx, qs[i%len(qs)])
	}
}
