package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/search"
)

// loadAsker loads and validates the knowledge in dir ("" = embedded) and
// builds the index and answer engine over it. A broken base returns the
// loader's FILE:LINE problems and nothing else: it is never half-loaded.
func loadAsker(dir string) (domain.Asker, *domain.Base, error) {
	return loadAskerLog(dir, nil)
}

func loadAskerLog(dir string, log *slog.Logger) (domain.Asker, *domain.Base, error) {
	base, err := loadBase(dir)
	if err != nil {
		return nil, nil, err
	}
	idx, err := search.Build(base)
	if err != nil {
		return nil, nil, fmt.Errorf("build index: %w", err)
	}
	return answer.New(base, idx, log), base, nil
}

// serveCacheSize is how many answers a serving bot remembers per knowledge
// version (see answer.Cache): a few MB at most.
const serveCacheSize = 4096

// loadServing is loadAskerLog for the bot: the engine behind an answer cache.
// `ask` and the benchmarks use the engine itself, so that they measure it.
func loadServing(dir string, log *slog.Logger) (domain.Asker, *domain.Base, error) {
	asker, base, err := loadAskerLog(dir, log)
	if err != nil {
		return nil, nil, err
	}
	return answer.NewCache(asker, serveCacheSize), base, nil
}

// jsonAnswer is the contract of `ask --json`: one object per question.
type jsonAnswer struct {
	Query string    `json:"query"`
	Found bool      `json:"found"`
	Text  string    `json:"text"`
	Hits  []jsonHit `json:"hits"`
}

type jsonHit struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

func toJSON(a domain.Answer) jsonAnswer {
	out := jsonAnswer{Query: a.Query, Found: a.Found, Text: a.PlainText(), Hits: []jsonHit{}}
	for _, h := range a.Hits {
		out.Hits = append(out.Hits, jsonHit{ID: h.ID, Title: h.Title, URL: h.URL})
	}
	return out
}

func runAsk(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	dir := fs.String("knowledge", "", "knowledge directory (default: ENGAGIERT_KNOWLEDGE, else the embedded base)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	asker, _, err := loadAsker(knowledgeDir(*dir, e))
	if err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 1 && rest[0] == "-" {
		return askLines(ctx, asker, e.stdin, e.stdout, *asJSON)
	}
	return printAnswer(e.stdout, asker.Ask(ctx, strings.Join(rest, " ")), *asJSON)
}

// askLines answers one question per input line, in order, with one index.
func askLines(ctx context.Context, asker domain.Asker, in io.Reader, out io.Writer, asJSON bool) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	w := bufio.NewWriter(out)
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := printAnswer(w, asker.Ask(ctx, sc.Text()), asJSON); err != nil {
			return err
		}
		if !asJSON {
			fmt.Fprintln(w)
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	return w.Flush()
}

func printAnswer(w io.Writer, a domain.Answer, asJSON bool) error {
	if asJSON {
		b, err := json.Marshal(toJSON(a))
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	_, err := fmt.Fprintln(w, a.PlainText())
	return err
}
