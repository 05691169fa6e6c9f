package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/lang"
)

// cmdMisses reads the bot's JSON logs and lists the questions it could not
// answer, most frequent first, so curators know what to add to the knowledge.
func cmdMisses() *command {
	c := &command{
		UsageLine: "misses [--top N] [LOGFILE|-]",
		Short:     "list frequent unanswered questions from the bot's logs",
		Long: `
Misses reads the JSON log of engagiert serve (a file, or standard input) and
lists the questions the bot could not answer, most frequent first, with when
each was last seen and on which surfaces. Questions that differ only in case,
spaces, trailing punctuation and how umlauts are written count as one.

Examples:
	engagiert misses bot.log
	kubectl logs deploy/engagiert | engagiert misses --top 50
	cat a.log b.log | engagiert misses --top 0
`,
	}
	top := c.Flag.Int("top", 20, "show the `N` most frequent questions; 0 shows all")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if *top < 0 {
			return usageError{fmt.Sprintf("--top %d: want 0 (all) or more", *top)}
		}
		name := "-"
		switch len(args) {
		case 0:
		case 1:
			name = args[0]
		default:
			return usageError{fmt.Sprintf("misses reads one log, got %q; concatenate them: cat a.log b.log | engagiert misses", args)}
		}
		return misses(ctx, e, name, *top)
	}
	return c
}

// misses prints the unanswered questions of the log in file name ("-": stdin).
func misses(ctx context.Context, e env, name string, top int) error {
	in, label := e.stdin, "standard input"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("misses: %w", err)
		}
		defer f.Close()
		in, label = f, name
	}
	r, err := readMisses(ctx, in)
	if err != nil {
		return fmt.Errorf("misses: read %s: %w", label, err)
	}
	return printMisses(e.stdout, r, label, top)
}

// miss is one normalised question and how often it went unanswered.
type miss struct {
	Question string // as last asked, spaces collapsed
	Count    int
	LastSeen time.Time
	Surfaces map[string]int
}

// missReport is what one log held.
type missReport struct {
	Misses []*miss // most frequent first
	Total  int     // unanswered records
	Lines  int     // lines read
}

// readMisses collects the "unanswered" records of a slog JSON log. Lines that
// are not JSON (a text-mode log, a panic trace, docker-compose's "bot-1 | "
// prefixes before the JSON) are skipped or trimmed rather than fatal: a log
// is whatever the operator's platform kept.
func readMisses(ctx context.Context, in io.Reader) (missReport, error) {
	var rep missReport
	byKey := map[string]*miss{}
	br := bufio.NewReaderSize(in, 64*1024)
	for {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		line, err := readLine(br, 1<<20)
		if len(line) > 0 {
			rep.Lines++
			if m, ok := parseUnanswered(line); ok {
				rep.Total++
				key := lang.Fold(m.question) // "Bürgermeister", "buergermeister": one question
				it := byKey[key]
				if it == nil {
					it = &miss{Surfaces: map[string]int{}}
					byKey[key] = it
				}
				it.Count++
				if !m.time.Before(it.LastSeen) {
					it.LastSeen, it.Question = m.time, m.question
				}
				if m.surface != "" {
					it.Surfaces[m.surface]++
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return rep, err
		}
	}
	rep.Misses = slices.Collect(maps.Values(byKey))
	slices.SortFunc(rep.Misses, func(a, b *miss) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), b.LastSeen.Compare(a.LastSeen), lang.Compare(a.Question, b.Question))
	})
	return rep, nil
}

// readLine returns the next line without its newline; longer lines are cut
// at max and the rest discarded, so one huge line cannot exhaust memory.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line) < max {
			line = append(line, chunk[:min(len(chunk), max-len(line))]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

type unansweredRecord struct {
	question, surface string
	time              time.Time
}

// parseUnanswered reads one log line; ok is false unless it is an
// "unanswered" record with a question.
func parseUnanswered(line []byte) (unansweredRecord, bool) {
	i := bytes.IndexByte(line, '{')
	if i < 0 || !bytes.Contains(line, []byte(`"unanswered"`)) {
		return unansweredRecord{}, false
	}
	var rec struct {
		Time     time.Time `json:"time"`
		Msg      string    `json:"msg"`
		Question string    `json:"question"`
		Surface  string    `json:"surface"`
	}
	if json.Unmarshal(line[i:], &rec) != nil || rec.Msg != "unanswered" {
		return unansweredRecord{}, false
	}
	q := normalizeQuestion(rec.Question)
	if q == "" {
		return unansweredRecord{}, false
	}
	return unansweredRecord{q, rec.Surface, rec.Time}, true
}

// normalizeQuestion collapses whitespace and drops closing punctuation, so
// "Wer ist  Bürgermeister?" and "wer ist bürgermeister" count as one
// question once case-folded.
func normalizeQuestion(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	return strings.TrimSpace(strings.TrimRight(q, "?!.,;: "))
}

func printMisses(w io.Writer, r missReport, label string, top int) error {
	if r.Total == 0 {
		_, err := fmt.Fprintf(w, "No unanswered questions in %s (%d lines read).\n", label, r.Lines)
		return err
	}
	shown := r.Misses
	if top > 0 && len(shown) > top {
		shown = shown[:top]
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "COUNT\tLAST SEEN\tSURFACES\tQUESTION")
	for _, m := range shown {
		fmt.Fprintf(tw, "%5d\t%s\t%s\t%s\n", m.Count, lastSeen(m.LastSeen), surfaces(m.Surfaces), clip(m.Question, 80))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d unanswered questions, %d distinct, in %s; showing the top %d.\n",
		r.Total, len(r.Misses), label, len(shown))
	return err
}

func lastSeen(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02 15:04")
}

// surfaces lists where a question was asked, most often first: "slash 3, dm 1".
func surfaces(s map[string]int) string {
	if len(s) == 0 {
		return "-"
	}
	names := slices.Collect(maps.Keys(s))
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(s[b], s[a]), strings.Compare(a, b)) })
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %d", n, s[n])
	}
	return strings.Join(parts, ", ")
}

// clip shortens s to n runes, so one pasted paragraph does not stretch the table.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
