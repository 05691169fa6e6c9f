package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
)

func TestAskCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantErr  bool
		wantOut  []string // in stdout, in this order
		wantJSON int      // JSON lines expected, 0 for text output
	}{
		{name: "text", args: []string{"ask", "Bielefeld"}, wantOut: []string{"Bielefeld", "RegioPole", "Quellen: [1] https://"}},
		{name: "words joined", args: []string{"ask", "Ist", "Lemgo", "eine", "Engagierte", "Stadt?"}, wantOut: []string{"Ja, Lemgo ist Mitglied"}},
		{name: "json", args: []string{"ask", "--json", "Bielefeld"}, wantOut: []string{`"query":"Bielefeld"`, `"found":true`, `"hits":[{"id":"place:bielefeld"`}, wantJSON: 1},
		{name: "flag after the question", args: []string{"ask", "Bielefeld", "--json"}, wantOut: []string{`"query":"Bielefeld"`}, wantJSON: 1},
		{name: "not found", args: []string{"ask", "--json", "Pizza Rezept"}, wantOut: []string{`"found":false`, `"hits":[]`}, wantJSON: 1},
		{name: "stdin in order", args: []string{"ask", "--json", "-"}, stdin: "RegioPole\nhilfe\r\n\nHamburg",
			wantOut: []string{`"query":"RegioPole"`, `"query":"hilfe"`, `"query":""`, `"query":"Hamburg"`}, wantJSON: 4},
		{name: "broken knowledge", args: []string{"ask", "--knowledge", "../../internal/yamlkb/testdata/broken/bad-date", "Bielefeld"}, wantErr: true},
		{name: "bad flag", args: []string{"ask", "--jsn", "Bielefeld"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), tt.args, func(string) string { return "" }, strings.NewReader(tt.stdin), &out, &errOut)
			if (err != nil) != tt.wantErr {
				t.Fatalf("run(%q) = %v, wantErr %v\n%s", tt.args, err, tt.wantErr, errOut.String())
			}
			if tt.wantErr {
				return
			}
			got := out.String()
			at := 0
			for _, w := range tt.wantOut {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("run(%q) output lacks %q after position %d:\n%s", tt.args, w, at, got)
				}
				at += i + len(w)
			}
			if tt.wantJSON > 0 {
				lines := strings.Split(strings.TrimSpace(got), "\n")
				if len(lines) != tt.wantJSON {
					t.Fatalf("run(%q): %d JSON lines, want %d", tt.args, len(lines), tt.wantJSON)
				}
				for _, l := range lines {
					var a jsonAnswer
					if err := json.Unmarshal([]byte(l), &a); err != nil || a.Text == "" || a.Hits == nil {
						t.Errorf("run(%q): line %q is not a full answer object (%v)", tt.args, l, err)
					}
				}
			}
		})
	}
}

// A broken base fails with the loader's FILE:LINE messages, naming the files
// as the terminal can open them.
func TestAskBrokenKnowledgeNamesFileAndLine(t *testing.T) {
	t.Parallel()
	dir := "../../internal/yamlkb/testdata/broken/bad-date"
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"ask", "--knowledge", dir, "Bielefeld"}, func(string) string { return "" },
		strings.NewReader(""), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), dir+"/networks/regiopole.yaml:14: ") {
		t.Errorf("ask on a broken base = %v, want FILE:LINE problems under %s", err, dir)
	}
	if out.Len() != 0 {
		t.Errorf("ask on a broken base printed an answer: %s", out.String())
	}
}

// TestAskLinesSurvivesPanic: a question whose answer panics gets the
// apology on its line, the panic and its stack go to stderr, and the next
// lines are answered.
func TestAskLinesSurvivesPanic(t *testing.T) {
	asker := domaintest.AskerFunc(func(_ context.Context, q string) domain.Answer {
		if q == "Boom" {
			var words []string
			_ = words[len(q)] // index out of range
		}
		return domain.Answer{Query: q, Found: true, Lead: "Antwort auf " + q}
	})
	for _, thread := range []bool{false, true} {
		var out, errOut bytes.Buffer
		if err := askLines(context.Background(), asker, strings.NewReader("Eins\nBoom\nZwei\n"), &out, &errOut, true, thread); err != nil {
			t.Fatalf("askLines(thread=%v) = %v", thread, err)
		}
		var got []jsonAnswer
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var a jsonAnswer
			if err := json.Unmarshal([]byte(l), &a); err != nil {
				t.Fatalf("line %q: %v", l, err)
			}
			got = append(got, a)
		}
		if len(got) != 3 || got[0].Text != "Antwort auf Eins" || got[1].Found || !strings.Contains(got[1].Text, "schiefgegangen") ||
			got[1].Query != "Boom" || got[2].Text != "Antwort auf Zwei" {
			t.Errorf("askLines(thread=%v) answered %+v, want the apology on line 2 and both others answered", thread, got)
		}
		if e := errOut.String(); !strings.Contains(e, "line 2: answer panicked: runtime error: index out of range [4] with length 0") || !strings.Contains(e, "TestAskLinesSurvivesPanic") {
			t.Errorf("stderr = %q, want the panic with its line and stack", e)
		}
	}
}
