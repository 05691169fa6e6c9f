package main

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"go.yaml.in/yaml/v3"
)

// appManifest is a Slack app manifest, as pasted into "Create New App > From
// an app manifest". Only the fields engagiert needs.
type appManifest struct {
	DisplayInformation struct {
		Name            string `yaml:"name"`
		Description     string `yaml:"description"`
		LongDescription string `yaml:"long_description,omitempty"`
		BackgroundColor string `yaml:"background_color"`
	} `yaml:"display_information"`
	Features struct {
		AppHome struct {
			HomeTabEnabled             bool `yaml:"home_tab_enabled"`
			MessagesTabEnabled         bool `yaml:"messages_tab_enabled"`
			MessagesTabReadOnlyEnabled bool `yaml:"messages_tab_read_only_enabled"`
		} `yaml:"app_home"`
		BotUser struct {
			DisplayName  string `yaml:"display_name"`
			AlwaysOnline bool   `yaml:"always_online"`
		} `yaml:"bot_user"`
		Shortcuts     []manifestShortcut `yaml:"shortcuts"`
		SlashCommands []manifestCommand  `yaml:"slash_commands"`
		// UnfurlDomains are the networks' websites: link_shared for them.
		UnfurlDomains []string `yaml:"unfurl_domains,omitempty"`
		// AssistantView turns on the AI-app split view.
		AssistantView *manifestAssistant `yaml:"assistant_view,omitempty"`
	} `yaml:"features"`
	OAuthConfig struct {
		Scopes struct {
			Bot []string `yaml:"bot"`
		} `yaml:"scopes"`
	} `yaml:"oauth_config"`
	Settings struct {
		EventSubscriptions struct {
			RequestURL string   `yaml:"request_url,omitempty"`
			BotEvents  []string `yaml:"bot_events"`
		} `yaml:"event_subscriptions"`
		Interactivity struct {
			IsEnabled  bool   `yaml:"is_enabled"`
			RequestURL string `yaml:"request_url,omitempty"`
		} `yaml:"interactivity"`
		OrgDeployEnabled     bool `yaml:"org_deploy_enabled"`
		SocketModeEnabled    bool `yaml:"socket_mode_enabled"`
		TokenRotationEnabled bool `yaml:"token_rotation_enabled"`
	} `yaml:"settings"`
}

// manifestAssistant is the AI-app split view: what it does, and the prompts
// shown before a thread starts.
type manifestAssistant struct {
	Description      string           `yaml:"assistant_description"`
	SuggestedPrompts []manifestPrompt `yaml:"suggested_prompts,omitempty"`
}

type manifestPrompt struct {
	Title   string `yaml:"title"`
	Message string `yaml:"message"`
}

// manifestShortcut is a global or message shortcut.
type manifestShortcut struct {
	Name        string `yaml:"name"`
	Type        string `yaml:"type"` // message | global
	CallbackID  string `yaml:"callback_id"`
	Description string `yaml:"description"`
}

type manifestCommand struct {
	Command      string `yaml:"command"`
	URL          string `yaml:"url,omitempty"`
	Description  string `yaml:"description"`
	UsageHint    string `yaml:"usage_hint"`
	ShouldEscape bool   `yaml:"should_escape"`
}

// manifestScope is a bot scope the manifest asks for: why, and what of the
// bot needs it (Web API methods it calls, events it gets as "event:TYPE",
// or a feature as "feature:NAME"). TestManifestScopesUsed checks that every
// one of them is used and nothing used lacks its scope.
type manifestScope struct {
	Scope, Why string
	NeededBy   []string
}

// manifestScopes are the bot scopes engagiert uses, and why.
var manifestScopes = []manifestScope{
	{"app_mentions:read", "@-mentions in channels", []string{"event:app_mention"}},
	{"assistant:write", "the AI-app split view: suggested prompts, status, thread titles",
		[]string{"event:assistant_thread_started", "event:assistant_thread_context_changed",
			"assistant.threads.setSuggestedPrompts", "assistant.threads.setStatus", "assistant.threads.setTitle"}},
	{"channels:history", "message.channels: follow-ups in the bot's threads, curators' replies; a look at a thread for the bot's answer while Redis fails",
		[]string{"event:message.channels", "conversations.replies"}},
	{"channels:read", "the name of the channel open beside an assistant thread, as its context", []string{"conversations.info"}},
	{"chat:write", "answers in threads, DMs and the messages tab", []string{"chat.postMessage", "chat.postEphemeral"}},
	{"chat:write.public", "shared answers in public channels the bot has not joined", []string{"feature:share"}},
	{"commands", "the slash command and the message shortcut", []string{"feature:slash_command", "feature:shortcut"}},
	{"groups:history", "message.groups: the same in private channels the bot is in", []string{"event:message.groups", "conversations.replies"}},
	{"im:history", "message.im: direct messages and assistant threads; an empty history: welcome",
		[]string{"event:message.im", "conversations.history"}},
	{"links:read", "link_shared for the networks' websites", []string{"event:link_shared"}},
	{"links:write", "link cards (chat.unfurl)", []string{"chat.unfurl"}},
	{"reactions:write", "a reaction to thanks in a thread, instead of a reply", []string{"reactions.add"}},
}

// manifestEvents are the bot events engagiert subscribes to: those it
// handles (slackapp.HandledEvents), "message" in channels, private
// channels and DMs.
func manifestEvents() []string {
	var out []string
	for _, e := range slackapp.HandledEvents() {
		if e == "message" {
			out = append(out, "message.channels", "message.groups", "message.im")
			continue
		}
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}

// buildManifest returns the manifest for the slash command; with requestURL
// the three request URLs lie under it, without it Socket Mode is on. The
// networks' websites in base become unfurl_domains, the kinds of question
// in cmds the split view's suggested prompts.
func buildManifest(command, requestURL string, base *domain.Base, cmds []domain.Command) appManifest {
	var m appManifest
	m.DisplayInformation.Name = "engagiert"
	m.DisplayInformation.Description = "Antworten zu Netzwerken deutscher Kommunen, mit Quelle und Stand."
	m.DisplayInformation.LongDescription = "engagiert beantwortet Fragen zu Netzwerken deutscher Kommunen " +
		"(Engagierte Stadt, RegioPole-Netzwerk und weitere) aus einer geprüften Wissensbasis: " +
		"welche Orte dazugehören, seit wann, in welcher Rolle, mit Zahlen und Daten. " +
		"Jede Antwort nennt ihre Quelle und den Stand der Angabe. Frag mit " + command +
		", mit einer Erwähnung in einem Channel, per Direktnachricht oder mit dem Kurzbefehl „Frag engagiert“ an einer Nachricht."
	m.DisplayInformation.BackgroundColor = "#1d4f73"
	m.Features.AppHome.HomeTabEnabled = true
	m.Features.AppHome.MessagesTabEnabled = true
	m.Features.BotUser.DisplayName = "engagiert"
	m.Features.BotUser.AlwaysOnline = true
	cmd := manifestCommand{
		Command:     command,
		Description: "Fragen zu Netzwerken deutscher Kommunen",
		UsageHint:   "[Ort, Netzwerk oder Frage] – oder: hilfe",
	}
	for _, s := range manifestScopes {
		m.OAuthConfig.Scopes.Bot = append(m.OAuthConfig.Scopes.Bot, s.Scope)
	}
	m.Settings.EventSubscriptions.BotEvents = manifestEvents()
	m.Features.UnfurlDomains = slackapp.UnfurlDomains(base)
	m.Features.AssistantView = &manifestAssistant{
		Description: "Frag mich nach Netzwerken deutscher Kommunen, Orten in NRW und Städtepartnerschaften; " +
			"ich antworte aus einer geprüften Wissensbasis, mit Quelle und Stand.",
	}
	for _, p := range blocks.Prompts(cmds) {
		m.Features.AssistantView.SuggestedPrompts = append(m.Features.AssistantView.SuggestedPrompts, manifestPrompt{p.Title, p.Message})
	}
	m.Features.Shortcuts = []manifestShortcut{{
		Name:        "Frag engagiert",
		Type:        "message",
		CallbackID:  blocks.CallbackAsk,
		Description: "Beantwortet den Text dieser Nachricht, nur für dich",
	}}
	m.Settings.Interactivity.IsEnabled = true
	if requestURL != "" {
		cmd.URL = requestURL + "/slack/commands"
		m.Settings.EventSubscriptions.RequestURL = requestURL + "/slack/events"
		m.Settings.Interactivity.RequestURL = requestURL + "/slack/interactions"
	} else {
		m.Settings.SocketModeEnabled = true
	}
	m.Features.SlashCommands = []manifestCommand{cmd}
	return m
}

// cmdManifest prints the Slack app manifest as YAML.
func cmdManifest() *command {
	c := &command{
		UsageLine: "manifest [--request-url URL] [--command /engagiert] [--knowledge DIR]",
		Short:     "print a Slack app manifest",
		Long: `
Manifest prints the Slack app manifest to paste at api.slack.com/apps
("Create New App", "From an app manifest"): the slash command, the message
shortcut, the events and the scopes the bot needs, and the domains of the
networks' websites for link cards. Without --request-url the app uses
Socket Mode; with it, HTTP mode, with /slack/commands, /slack/events and
/slack/interactions under that URL.

Examples:
	engagiert manifest
	engagiert manifest --request-url https://bot.example.org
`,
	}
	reqURL := c.Flag.String("request-url", "", "public base `URL` of engagiert serve (HTTP mode); empty: Socket Mode")
	slash := c.Flag.String("command", "", "slash command (default: ENGAGIERT_COMMAND, else /engagiert)")
	dir := c.Flag.String("knowledge", "", "knowledge `DIR` whose networks' websites get link cards (default: ENGAGIERT_KNOWLEDGE, else the embedded base)")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, "use --request-url URL"); err != nil {
			return err
		}
		return manifest(e, cmp.Or(*slash, e.getenv("ENGAGIERT_COMMAND"), "/engagiert"), *reqURL, knowledgeDir(*dir, e))
	}
	return c
}

// manifest prints the manifest for the slash command and base URL reqURL,
// with link cards for the websites of the knowledge in dir.
func manifest(e env, command, reqURL, dir string) error {
	if !strings.HasPrefix(command, "/") || strings.ContainsAny(command, " \t\n") {
		return usageError{fmt.Sprintf("--command %q must be a slash command such as /engagiert", command)}
	}
	base := strings.TrimRight(reqURL, "/")
	if base != "" {
		u, err := url.Parse(base)
		if err != nil || u.Scheme != "https" || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return usageError{fmt.Sprintf("--request-url %q must be a public https URL such as https://bot.example.org (Slack only calls https)", reqURL)}
		}
	}
	kb, err := loadBase(dir)
	if err != nil {
		return fmt.Errorf("manifest: load knowledge: %w", err)
	}
	enc := yaml.NewEncoder(e.stdout)
	enc.SetIndent(2)
	if err := enc.Encode(buildManifest(command, base, kb, answer.Commands())); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return enc.Close()
}
