package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/recovery"
	"github.com/engagiert/engagiert/internal/reload"
	"github.com/engagiert/engagiert/internal/search"
)

// loadAsker loads and validates the knowledge in dir ("" = embedded) and
// builds the index and answer engine over it. A broken base returns the
// loader's FILE:LINE problems and nothing else: it is never half-loaded.
func loadAsker(dir string) (domain.Asker, *domain.Base, error) {
	return loadAskerLog(dir, nil)
}

func loadAskerLog(dir string, log *slog.Logger) (domain.Asker, *domain.Base, error) {
	s, err := loadSnapshot(dir, log)
	if err != nil {
		return nil, nil, err
	}
	return s.Asker, s.Base, nil
}

// loadSnapshot is loadAskerLog as the unit a reload swaps: with the
// function that frees the index once the snapshot is replaced.
func loadSnapshot(dir string, log *slog.Logger) (*reload.Snapshot, error) {
	s, _, err := loadIndexed(dir, log)
	return s, err
}

// loadIndexed is loadSnapshot with the statement index, which indexes the
// statements when they are first searched, or when asked to (Prepare).
func loadIndexed(dir string, log *slog.Logger) (*reload.Snapshot, *search.Index, error) {
	base, err := loadBase(dir)
	if err != nil {
		return nil, nil, err
	}
	idx, err := search.Build(base)
	if err != nil {
		return nil, nil, fmt.Errorf("build index: %w", err)
	}
	return &reload.Snapshot{Base: base, Asker: answer.New(base, idx, log), Close: idx.Close}, idx, nil
}

// serveCacheSize is how many answers a serving bot remembers per knowledge
// version (see answer.Cache): a few MB at most.
const serveCacheSize = 4096

// loadServing is loadSnapshot for the bot: the engine behind an answer cache.
// `ask` and the benchmarks use the engine itself, so that they measure it.
// The bot indexes the statements in the background at once, so that no
// question waits for it.
func loadServing(dir string, log *slog.Logger) (*reload.Snapshot, error) {
	s, idx, err := loadIndexed(dir, log)
	if err != nil {
		return nil, err
	}
	engine := s.Asker
	go func() {
		if err := idx.Prepare(); err != nil && log != nil {
			log.Error("index statements", "err", err)
		}
		if e, ok := engine.(interface{ Prepare() }); ok {
			e.Prepare() // the word indexes some questions need
		}
	}()
	s.Asker = answer.NewCache(s.Asker, serveCacheSize)
	return s, nil
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

// knowledgeUsage is the --knowledge flag of every verb that reads the base.
const knowledgeUsage = "knowledge `DIR` to read (default: ENGAGIERT_KNOWLEDGE, else the base built into the binary)"

func cmdAsk() *command {
	c := &command{
		UsageLine: "ask [--json] [--frame] [--knowledge DIR] QUESTION...\nask [--json] [--thread] [--knowledge DIR] -",
		Short:     "answer questions from the knowledge base",
		Long: `
Ask answers a question from the knowledge base, as the bot does in Slack:
the answer, then its sources. The words of the question may stand before
and after the flags; after "--" everything is the question.

With "-" it answers one question per line of standard input, in order, with
one index; with --thread the lines are one conversation, each a follow-up of
the one before, and an empty line starts a new one.

--json prints one object per question: {"query", "found", "text", "hits":
[{"id", "title", "url"}]}. --frame prints how the question is read (its
operation, subjects, attribute and filters) instead of the answer.

Examples:
	engagiert ask "Ist Lemgo eine Engagierte Stadt?"
	engagiert ask --json Wie viele Engagierte Städte gibt es?
	engagiert ask --frame "Wann wurde RegioPole gegründet und wer hat den Vorsitz?"
	printf 'Bielefeld\nseit wann?\n' | engagiert ask --thread -
`,
	}
	asJSON := c.Flag.Bool("json", false, "print one JSON object per question")
	dir := c.Flag.String("knowledge", "", knowledgeUsage)
	frame := c.Flag.Bool("frame", false, "print how the question is understood (its frame) instead of the answer")
	thread := c.Flag.Bool("thread", false, "with -: read the lines as one conversation, each a follow-up of the one before, as in a Slack thread; an empty line starts a new one")
	c.Run = func(ctx context.Context, e env, args []string) error {
		restore := collectorOffWhileLoading(e.getenv)
		asker, _, err := loadAsker(knowledgeDir(*dir, e))
		restore()
		if err != nil {
			return err
		}
		tuneGC(e.getenv)
		if *frame {
			fr, ok := asker.(interface {
				Frame(context.Context, string) (answer.Frame, error)
			})
			if !ok {
				return errors.New("this knowledge cannot show frames")
			}
			f, err := fr.Frame(ctx, strings.Join(args, " "))
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(e.stdout, f.String())
			return err
		}
		if len(args) == 1 && args[0] == "-" {
			return askLines(ctx, asker, e.stdin, e.stdout, e.stderr, *asJSON, *thread)
		}
		return printAnswer(e.stdout, askRecovering(ctx, asker, strings.Join(args, " "), "", e.stderr, "the question"), *asJSON)
	}
	return c
}

// askLines answers one question per input line, in order, with one index.
// A line of any length is read whole: the engine itself reads only the
// first answer.MaxQuestion characters of it. In a thread each line follows
// up on the answer before it, as a Slack thread does (domain.AskAfter with
// the last frame), and an empty line ends the conversation with no answer.
// A question whose answer panics gets domain.Apology in its place, and the
// panic is reported on errOut; the next line is answered as usual.
func askLines(ctx context.Context, asker domain.Asker, in io.Reader, out, errOut io.Writer, asJSON, thread bool) error {
	r := bufio.NewReaderSize(in, 64*1024)
	w := bufio.NewWriter(out)
	prev := "" // the thread's last frame
	for n := 1; ; n++ {
		line, err := r.ReadString('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("read questions: %w", err)
		}
		if line == "" && err == io.EOF {
			return w.Flush()
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		q := strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		var a domain.Answer
		switch {
		case thread && strings.TrimSpace(q) == "":
			prev = ""
			if err == io.EOF {
				return w.Flush()
			}
			continue
		case thread:
			a = askRecovering(ctx, asker, q, prev, errOut, fmt.Sprintf("line %d", n))
			if a.Frame != "" {
				prev = a.Frame
			}
		default:
			a = askRecovering(ctx, asker, q, "", errOut, fmt.Sprintf("line %d", n))
		}
		if perr := printAnswer(w, a, asJSON); perr != nil {
			return perr
		}
		if !asJSON {
			fmt.Fprintln(w)
		}
		if ferr := w.Flush(); ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// askRecovering asks q (after prev, if set) and turns a panic into
// domain.Apology, reporting it and its stack on errOut with where it came
// from: one bad question must not end a batch.
func askRecovering(ctx context.Context, asker domain.Asker, q, prev string, errOut io.Writer, where string) (a domain.Answer) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(errOut, "engagiert: %s: answer panicked: %v\n%s\n", where, r, recovery.Stack(0))
			a = domain.Apology(q)
		}
	}()
	a = domain.AskAfter(ctx, asker, q, prev)
	if a.Panicked {
		fmt.Fprintf(errOut, "engagiert: %s: answer panicked (the engine recovered it)\n", where)
	}
	return a
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
