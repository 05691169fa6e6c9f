package answer

import (
	"encoding/json"
	"testing"
)

// marshalFrame is f encoded by json.Marshal of its wire, as encode wrote
// it before appendWire.
func marshalFrame(f Frame) string {
	b, err := json.Marshal(f.toWire())
	if err != nil {
		return ""
	}
	return string(b)
}

// TestWireMatchesMarshal: appendWire writes what json.Marshal writes, for
// every field set and unset, and for strings that encoding/json escapes.
func TestWireMatchesMarshal(t *testing.T) {
	odd := []string{"", "a", `q"uote\back`, "<b>&amp;</b>", "\x00\x01\x1f\x7f", "\b\f\n\r\t", "Münster", "\u2028\u2029",
		"\xff\xfe", "a\xc3", "€\xe2\x82", "😀", "\u0080\u009f"}
	var ws []wire
	ws = append(ws, wire{}, wire{Op: "describe"}, wire{Filters: wireFilter{Except: []string{}}}, wire{Rel: Relation{Step: -1}},
		wire{Filters: wireFilter{YearOp: "between", YearTo: 2009}}, wire{Subjects: []string{}, Words: []string{}})
	for i, s := range odd {
		ws = append(ws, wire{
			Op: s, YesNo: i%2 == 0, Subjects: []string{"place:" + s, s}, As: []string{s, ""}, Attr: s, About: s,
			Filters: wireFilter{State: s, NotState: i%2 == 1, Area: s, NotArea: i%3 == 0, Kreisfrei: s, Kind: s, Founders: i%2 == 0,
				NotFounders: i%3 == 1, NotIn: s, Year: 2000 + i, YearOp: s, YearTo: -i, New: i%2 == 1, Country: s, Suspended: i%3 == 2,
				Except: []string{s}, Twinned: s, Former: i%2 == 0, TwinKind: s},
			Negate: i%2 == 1, Period: i%3 == 0, Latest: i%3 == 1, From: s, In: s, Most: s, Measure: s, Time: s,
			Rel: Relation{Op: s, ID: s, Step: i - 3}, Ordinal: i - 5, Number: i * 1000, Anniv: i%2 == 1, Words: []string{s, s}, Asked: []string{s},
			English: i%2 == 0, Focus: s,
		})
		ws = append(ws, wire{Op: "count", Filters: wireFilter{Country: s}, Rel: Relation{ID: s}, Focus: s})
	}
	for _, w := range ws {
		want, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendWire(nil, &w); string(got) != string(want) {
			t.Errorf("appendWire(%+v)\n = %s\nwant %s", w, got, want)
		}
	}
}

// FuzzWire holds the frame writer (jsonstr.Append for its strings) to encoding/json for any string.
func FuzzWire(f *testing.F) {
	f.Add("Bielefeld", 3)
	f.Add("<&>\u2028\xff", -1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		w := wire{Op: s, Words: []string{s}, Number: n, Filters: wireFilter{Except: []string{s}, Year: n}, Rel: Relation{ID: s}, Focus: s}
		want, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendWire(nil, &w); string(got) != string(want) {
			t.Errorf("appendWire = %s, want %s", got, want)
		}
	})
}
