package domain

import (
	"testing"
	"time"
)

// TestClockIsBerlin: the day turns at German midnight, in winter and in
// summer time, whatever zone the process runs in.
func TestClockIsBerlin(t *testing.T) {
	tests := []struct {
		utc  time.Time
		want Date
	}{
		{time.Date(2026, 1, 14, 23, 30, 0, 0, time.UTC), Date{Year: 2026, Month: 1, Day: 15}}, // 00:30 CET
		{time.Date(2026, 1, 14, 22, 30, 0, 0, time.UTC), Date{Year: 2026, Month: 1, Day: 14}}, // 23:30 CET
		{time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), Date{Year: 2026, Month: 7, Day: 1}},  // 00:30 CEST
		{time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC), Date{Year: 2027, Month: 1, Day: 1}},  // New Year in Berlin
	}
	for _, tt := range tests {
		c := Clock(func() time.Time { return tt.utc })
		if got := c.Today(); got != tt.want {
			t.Errorf("Clock(%v).Today() = %v, want %v", tt.utc, got.ISO(), tt.want.ISO())
		}
		if got := c.Now().Location(); got != Berlin() {
			t.Errorf("Clock(%v).Now() in %v, want Europe/Berlin", tt.utc, got)
		}
	}
	var real Clock
	if d := time.Since(real.Now()); d < 0 || d > time.Minute {
		t.Errorf("the zero Clock is %v off the real time", d)
	}
}
