package domain

import (
	"sync"
	"time"
	_ "time/tzdata" // Europe/Berlin also in a scratch image without /usr/share/zoneinfo
)

// Berlin is the time zone the bot reckons in: its users are in Germany, so
// "today", "this year" and whether an event is still to come follow German
// time, also in a container whose clock and zone are UTC. The zone data is
// built into the binary (time/tzdata). It is read at the first use, not at
// every start: half a millisecond that `engagiert ask` about a place does
// not spend.
var Berlin = sync.OnceValue(func() *time.Location { return mustLoadLocation("Europe/Berlin") })

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("domain: time zone " + name + " not in the embedded tzdata: " + err.Error())
	}
	return loc
}

// A Clock tells the engine the time. The zero Clock is the real one; a test
// sets a fixed time with Clock(func() time.Time { return t }). Either way the
// time is given in Berlin.
type Clock func() time.Time

// Now is the time in Berlin.
func (c Clock) Now() time.Time {
	if c == nil {
		return time.Now().In(Berlin())
	}
	return c().In(Berlin())
}

// Today is the date in Berlin: from midnight German time on, an event of
// yesterday is past, also at 00:30 when UTC still has yesterday.
func (c Clock) Today() Date {
	t := c.Now()
	return NewDate(t.Year(), int(t.Month()), t.Day())
}
