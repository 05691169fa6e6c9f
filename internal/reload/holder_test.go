package reload

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
)

func constLoad(text string) LoadFunc {
	return func(context.Context) (*Snapshot, error) {
		a := domaintest.AskerFunc(func(_ context.Context, q string) domain.Answer {
			return domain.Answer{Query: q, Found: true, Lead: text}
		})
		return &Snapshot{Asker: a, Base: domaintest.NewBase(nil, nil, nil, "v:"+text)}, nil
	}
}

func mustLoad(t *testing.T, load LoadFunc) *Snapshot {
	t.Helper()
	s, err := load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReload(t *testing.T) {
	t.Parallel()
	broken := errors.New("a.yaml:1: bad\nb.yaml:2: worse")
	tests := []struct {
		name        string
		load        LoadFunc
		wantErr     bool
		wantAnswer  string
		wantSwapped bool
	}{
		{"good", constLoad("v2"), false, "v2", true},
		{"same version changes nothing", constLoad("v1"), false, "v1", false},
		{"error keeps old", func(context.Context) (*Snapshot, error) { return nil, broken }, true, "v1", false},
		{"nil result keeps old", func(context.Context) (*Snapshot, error) { return nil, nil }, true, "v1", false},
		{"panic keeps old", func(context.Context) (*Snapshot, error) { panic("index out of range") }, true, "v1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHolder(mustLoad(t, constLoad("v1")), Options{})
			clock := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
			h.now = func() time.Time { clock = clock.Add(time.Second); return clock }
			before := h.LoadedAt()
			err := h.Reload(context.Background(), tt.load, slog.New(slog.DiscardHandler))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Reload() error = %v, want error: %v", err, tt.wantErr)
			}
			if got := h.Ask(context.Background(), "x").Lead; got != tt.wantAnswer {
				t.Errorf("Ask after Reload = %q, want %q", got, tt.wantAnswer)
			}
			if swapped := h.LoadedAt() != before; swapped != tt.wantSwapped {
				t.Errorf("LoadedAt changed = %v, want %v", swapped, tt.wantSwapped)
			}
		})
	}
}

func TestProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want []string
	}{
		{nil, nil},
		{errors.New("places.yaml:3: unknown state"), []string{"places.yaml:3: unknown state"}},
		{errors.Join(errors.New("a.yaml:1: x"), errors.New("b.yaml:2: y\n")), []string{"a.yaml:1: x", "b.yaml:2: y"}},
		{fmt.Errorf("load: %w", errors.New("a.yaml:1: x\n\n  b.yaml:2: y  ")), []string{"load: a.yaml:1: x", "b.yaml:2: y"}},
	}
	for _, tt := range tests {
		if got := Problems(tt.err); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Problems(%q) = %q, want %q", tt.err, got, tt.want)
		}
	}
	many := strings.Repeat("x.yaml:1: bad\n", 150)
	if got := Problems(errors.New(many)); len(got) != maxProblems+1 || got[maxProblems] != "... and 50 more" {
		t.Errorf("Problems(150 lines) has %d lines ending %q, want %d ending %q", len(got), got[len(got)-1], maxProblems+1, "... and 50 more")
	}
}

// TestAskDuringReload: every answer comes whole from one base while bases
// are swapped underneath (run with -race).
func TestAskDuringReload(t *testing.T) {
	t.Parallel()
	h := NewHolder(mustLoad(t, constLoad("v0")), Options{})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if got := h.Ask(ctx, "q"); !strings.HasPrefix(got.Lead, "v") || h.Base() == nil {
					t.Errorf("Ask during reload = %+v", got)
					return
				}
				h.Status()
			}
		}()
	}
	for i := range 200 {
		h.Reload(context.Background(), constLoad(fmt.Sprint("v", i+1)), slog.New(slog.DiscardHandler))
	}
	cancel()
	wg.Wait()
	if got := h.Ask(context.Background(), "q").Lead; got != "v200" {
		t.Errorf("after 200 reloads Ask = %q, want v200", got)
	}
}

func TestEmptyHolder(t *testing.T) {
	t.Parallel()
	var h Holder
	if got := h.Ask(context.Background(), "Bielefeld"); got.Found || got.Query != "Bielefeld" {
		t.Errorf("zero Holder: Ask = %+v, want not found", got)
	}
	if h.Base() != nil || h.Version() != "" || !h.LoadedAt().IsZero() {
		t.Errorf("zero Holder: Base, Version, LoadedAt = %v, %q, %v, want zero values", h.Base(), h.Version(), h.LoadedAt())
	}
	if err := h.Reload(context.Background(), constLoad("v1"), slog.New(slog.DiscardHandler)); err != nil || h.Version() != "v:v1" {
		t.Errorf("zero Holder: Reload() = %v, Version() = %q, want nil, %q", err, h.Version(), "v:v1")
	}
}
