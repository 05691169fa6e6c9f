package memo

import (
	"sync"
	"testing"
)

func TestMapForgetsOldest(t *testing.T) {
	m := New[string, int](2)
	m.Put("a", 1)
	m.Put("b", 2)
	m.Put("a", 9) // already there: keeps 1, and does not refresh its age
	m.Put("c", 3) // full: forgets "a", the oldest
	tests := []struct {
		k      string
		want   int
		wantOK bool
	}{{"a", 0, false}, {"b", 2, true}, {"c", 3, true}}
	for _, tt := range tests {
		if got, ok := m.Get(tt.k); got != tt.want || ok != tt.wantOK {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", tt.k, got, ok, tt.want, tt.wantOK)
		}
	}
	if m.Len() != 2 {
		t.Errorf("Len() = %d, want 2", m.Len())
	}
}

func TestMapConcurrent(t *testing.T) {
	m := New[int, int](64)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 1000; i++ {
				m.Put(i%100, i%100)
				if v, ok := m.Get(i % 100); ok && v != i%100 {
					t.Errorf("Get(%d) = %d", i%100, v)
				}
			}
		})
	}
	wg.Wait()
	if m.Len() > 64 {
		t.Errorf("Len() = %d, over the size 64", m.Len())
	}
}
