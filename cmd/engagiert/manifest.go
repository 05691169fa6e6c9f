package main

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"strings"

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

// manifestScopes are the bot scopes engagiert uses, and why.
var manifestScopes = []string{
	"app_mentions:read", // @-mentions in channels
	"channels:history",  // message.channels: follow-ups in the bot's threads, curators' replies
	"chat:write",        // answers in threads, DMs and the messages tab
	"chat:write.public", // shared answers in public channels the bot has not joined
	"commands",          // the slash command and the message shortcut
	"groups:history",    // message.groups: the same in private channels the bot is in
	"im:history",        // message.im: direct messages to the bot; an empty history: welcome
	"im:read",           // which conversations are DMs
	"im:write",          // relayed curators' replies and notices by DM
}

// manifestEvents are the bot events engagiert subscribes to.
var manifestEvents = []string{"app_home_opened", "app_mention", "message.channels", "message.groups", "message.im"}

// buildManifest returns the manifest for the slash command; with requestURL
// the three request URLs lie under it, without it Socket Mode is on.
func buildManifest(command, requestURL string) appManifest {
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
	m.OAuthConfig.Scopes.Bot = manifestScopes
	m.Settings.EventSubscriptions.BotEvents = manifestEvents
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
		UsageLine: "manifest [--request-url URL] [--command /engagiert]",
		Short:     "print a Slack app manifest",
		Long: `
Manifest prints the Slack app manifest to paste at api.slack.com/apps
("Create New App", "From an app manifest"): the slash command, the message
shortcut, the events and the scopes the bot needs. Without --request-url the
app uses Socket Mode; with it, HTTP mode, with /slack/commands, /slack/events
and /slack/interactions under that URL.

Examples:
	engagiert manifest
	engagiert manifest --request-url https://bot.example.org
`,
	}
	reqURL := c.Flag.String("request-url", "", "public base `URL` of engagiert serve (HTTP mode); empty: Socket Mode")
	slash := c.Flag.String("command", "", "slash command (default: ENGAGIERT_COMMAND, else /engagiert)")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, "use --request-url URL"); err != nil {
			return err
		}
		return manifest(e, cmp.Or(*slash, e.getenv("ENGAGIERT_COMMAND"), "/engagiert"), *reqURL)
	}
	return c
}

// manifest prints the manifest for the slash command and base URL reqURL.
func manifest(e env, command, reqURL string) error {
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
	enc := yaml.NewEncoder(e.stdout)
	enc.SetIndent(2)
	if err := enc.Encode(buildManifest(command, base)); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return enc.Close()
}
