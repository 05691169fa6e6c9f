// Package logtest holds what tests of several packages need to read the
// JSON logs of code running in other goroutines.
package logtest

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
)

// Buffer collects log output written from several goroutines.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String is everything written so far.
func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Records returns the JSON log records with message msg, in order.
func (s *Buffer) Records(msg string) []map[string]any {
	var out []map[string]any
	for _, line := range strings.Split(s.String(), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

// Record returns the first JSON log record with message msg, or nil.
func (s *Buffer) Record(msg string) map[string]any {
	if rs := s.Records(msg); len(rs) > 0 {
		return rs[0]
	}
	return nil
}
