package slackapp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"slices"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// Slack adds event types and fields faster than slack-go follows, and sends
// shapes slack-go cannot decode: an inner event type it does not know, "ts"
// as a number, "edited" as a bool, app_home_opened with
// "view.state.values": [] (slack-go issue #943). A signed event must still
// be acked 200, or Slack retries it and counts the failures toward turning
// event delivery off. So the bot decodes what it uses itself, leniently, when
// slack-go cannot, and acks and logs at WARN what it can't decode or does
// not handle.

// handledEvents are the inner event types the bot acts on (see App.event).
var handledEvents = map[string]bool{
	string(slackevents.AppMention):                    true,
	string(slackevents.Message):                       true,
	string(slackevents.AppHomeOpened):                 true,
	string(slackevents.AssistantThreadStarted):        true,
	string(slackevents.AssistantThreadContextChanged): true,
	string(slackevents.LinkShared):                    true,
}

// HandledEvents are the inner event types the bot acts on, sorted; the
// manifest subscribes to them (message as message.channels, .groups, .im).
func HandledEvents() []string {
	return slices.Sorted(maps.Keys(handledEvents))
}

// envelope is the outer Events API body, read just far enough to route and
// log it.
type envelope struct {
	Type      string          `json:"type"`
	Token     string          `json:"token"`
	TeamID    string          `json:"team_id"`
	APIAppID  string          `json:"api_app_id"`
	EventID   string          `json:"event_id"`
	Challenge string          `json:"challenge"`
	Event     json.RawMessage `json:"event"`
}

// innerType is the "type" of the inner event, "" if there is none.
func (e envelope) innerType() string {
	var t struct {
		Type flexString `json:"type"`
	}
	_ = json.Unmarshal(e.Event, &t)
	return string(t.Type)
}

// parseEnvelope reads the outer body; err only when it is not a JSON object.
func parseEnvelope(body []byte) (envelope, error) {
	var env envelope
	err := json.Unmarshal(body, &env)
	return env, err
}

// decodeEvent parses an Events API body: with slack-go, and where that
// fails, leniently for the events the bot handles. It fails only for an
// event the bot could not act on anyway.
func decodeEvent(body []byte) (slackevents.EventsAPIEvent, error) {
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err == nil {
		return ev, nil
	}
	env, eerr := parseEnvelope(body)
	if eerr != nil {
		return ev, fmt.Errorf("not an Events API body: %w", eerr)
	}
	if env.Type != slackevents.CallbackEvent {
		return ev, err
	}
	inner, lerr := lenientInner(env.innerType(), env.Event)
	if lerr != nil {
		return ev, fmt.Errorf("%w (slack-go: %v)", lerr, err)
	}
	return slackevents.EventsAPIEvent{
		Token: env.Token, TeamID: env.TeamID, Type: slackevents.CallbackEvent, APIAppID: env.APIAppID,
		Data:       &slackevents.EventsAPICallbackEvent{Type: env.Type, Token: env.Token, TeamID: env.TeamID, APIAppID: env.APIAppID, EventID: env.EventID},
		InnerEvent: inner,
	}, nil
}

// errNotHandled is an inner event type the bot does not act on.
var errNotHandled = errors.New("event type not handled")

// lenientEvent holds the fields of the handled inner events that the bot
// reads, each accepting any JSON type.
type lenientEvent struct {
	Type        flexString      `json:"type"`
	User        flexString      `json:"user"`
	Text        flexString      `json:"text"`
	Channel     flexString      `json:"channel"`
	ChannelType flexString      `json:"channel_type"`
	SubType     flexString      `json:"subtype"`
	BotID       flexString      `json:"bot_id"`
	Tab         flexString      `json:"tab"`
	TS          flexString      `json:"ts"`
	ThreadTS    flexString      `json:"thread_ts"`
	EventTS     flexString      `json:"event_ts"`
	Edited      present         `json:"edited"`
	Hidden      present         `json:"hidden"`
	Parent      flexString      `json:"parent_user_id"`
	Message     json.RawMessage `json:"message"`
}

func lenientInner(typ string, raw json.RawMessage) (slackevents.EventsAPIInnerEvent, error) {
	if !handledEvents[typ] {
		return slackevents.EventsAPIInnerEvent{Type: typ}, errNotHandled
	}
	var e lenientEvent
	if err := json.Unmarshal(raw, &e); err != nil {
		return slackevents.EventsAPIInnerEvent{Type: typ}, fmt.Errorf("inner event is not an object: %w", err)
	}
	inner := slackevents.EventsAPIInnerEvent{Type: typ}
	switch typ {
	case string(slackevents.AppMention):
		m := &slackevents.AppMentionEvent{Type: typ, User: string(e.User), Text: string(e.Text), TimeStamp: string(e.TS),
			ThreadTimeStamp: string(e.ThreadTS), Channel: string(e.Channel), EventTimeStamp: string(e.EventTS), BotID: string(e.BotID)}
		if e.Edited {
			m.Edited = &slackevents.Edited{}
		}
		inner.Data = m
	case string(slackevents.Message):
		m := &slackevents.MessageEvent{Type: typ, User: string(e.User), Text: string(e.Text), ThreadTimeStamp: string(e.ThreadTS),
			TimeStamp: string(e.TS), Channel: string(e.Channel), ChannelType: string(e.ChannelType), EventTimeStamp: string(e.EventTS),
			SubType: string(e.SubType), BotID: string(e.BotID)}
		if e.Edited || e.Hidden || len(e.Message) > 0 || e.Parent != "" {
			msg := &slack.Msg{Hidden: bool(e.Hidden), ParentUserId: string(e.Parent)}
			if e.Edited {
				msg.Edited = &slack.Edited{}
			}
			var sub lenientEvent
			if json.Unmarshal(e.Message, &sub) == nil {
				msg.BotID = string(sub.BotID)
				msg.Hidden = msg.Hidden || bool(sub.Hidden)
				if sub.Edited {
					msg.Edited = &slack.Edited{}
				}
			}
			m.Message = msg
		}
		inner.Data = m
	case string(slackevents.AppHomeOpened):
		inner.Data = &slackevents.AppHomeOpenedEvent{Type: typ, User: string(e.User), Channel: string(e.Channel),
			EventTimeStamp: string(e.EventTS), Tab: string(e.Tab)}
	default:
		// assistant_thread_*, link_shared: only strings the bot reads.
		data, err := lenientOther(typ, raw)
		if err != nil {
			return inner, err
		}
		inner.Data = data
	}
	return inner, nil
}

// lenientOther decodes the handled events outside lenientEvent, reading
// every string field as flexString does.
func lenientOther(typ string, raw json.RawMessage) (any, error) {
	var e struct {
		Thread struct {
			UserID   flexString `json:"user_id"`
			Channel  flexString `json:"channel_id"`
			ThreadTS flexString `json:"thread_ts"`
			Context  struct {
				Channel flexString `json:"channel_id"`
			} `json:"context"`
		} `json:"assistant_thread"`
		Channel   flexString `json:"channel"`
		User      flexString `json:"user"`
		MessageTS flexString `json:"message_ts"`
		ThreadTS  flexString `json:"thread_ts"`
		Links     []struct {
			Domain flexString `json:"domain"`
			URL    flexString `json:"url"`
		} `json:"links"`
	}
	if err := json.Unmarshal(raw, &e); err != nil {
		return nil, fmt.Errorf("inner event: %w", err)
	}
	t := slackevents.AssistantThread{UserID: string(e.Thread.UserID), ChannelID: string(e.Thread.Channel),
		ThreadTimeStamp: string(e.Thread.ThreadTS), Context: slackevents.AssistantThreadContext{ChannelID: string(e.Thread.Context.Channel)}}
	switch typ {
	case string(slackevents.AssistantThreadStarted):
		return &slackevents.AssistantThreadStartedEvent{Type: typ, AssistantThread: t}, nil
	case string(slackevents.AssistantThreadContextChanged):
		return &slackevents.AssistantThreadContextChangedEvent{Type: typ, AssistantThread: t}, nil
	case string(slackevents.LinkShared):
		l := &slackevents.LinkSharedEvent{Type: typ, Channel: string(e.Channel), User: string(e.User),
			MessageTimeStamp: string(e.MessageTS), ThreadTimeStamp: string(e.ThreadTS)}
		for _, x := range e.Links {
			l.Links = append(l.Links, slackevents.SharedLinks{Domain: string(x.Domain), URL: string(x.URL)})
		}
		return l, nil
	}
	return nil, errNotHandled
}

// flexString takes a JSON string or number as its text; other types are "".
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	var s string
	if json.Unmarshal(b, &s) == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if json.Unmarshal(b, &n) == nil {
		*f = flexString(n.String())
		return nil
	}
	*f = ""
	return nil
}

// present is true for any value but null, false, "" and 0: "edited" is an
// object in Slack's documentation and has been seen as true.
type present bool

func (p *present) UnmarshalJSON(b []byte) error {
	switch string(bytes.TrimSpace(b)) {
	case "null", "false", `""`, "0":
		*p = false
	default:
		*p = true
	}
	return nil
}

// ackUndecoded answers a signed Events API body that decodeEvent could not
// use: a url_verification still gets its challenge, everything else 200,
// with a WARN naming the type and event_id (never the body).
func (a *App) ackUndecoded(w http.ResponseWriter, log *slog.Logger, body []byte, err error) {
	env, _ := parseEnvelope(body)
	if env.Type == slackevents.URLVerification && env.Challenge != "" {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, env.Challenge)
		return
	}
	a.guard.undecoded.WithLabelValues(undecodedReason(err)).Inc()
	log.Warn("event not decoded; acked", "type", clipBytes(env.Type, maxIDBytes), "event_type", clipBytes(env.innerType(), maxIDBytes),
		"event_id", clipBytes(env.EventID, maxIDBytes), "err", errText(err))
	w.WriteHeader(http.StatusOK)
}

func undecodedReason(err error) string {
	if errors.Is(err, errNotHandled) {
		return "not_handled"
	}
	return "malformed"
}

// socketBadMessage handles a Socket Mode message slack-go could not decode
// (the same shapes as over HTTP): it is acked by its envelope_id, so Slack
// does not redeliver it, and an event the bot uses is decoded leniently and
// handled; anything else is logged at WARN.
func (a *App) socketBadMessage(ctx context.Context, client *socketmode.Client, log *slog.Logger, evt socketmode.Event) {
	bad, _ := evt.Data.(*socketmode.ErrorBadMessage)
	var env struct {
		EnvelopeID   string          `json:"envelope_id"`
		Type         string          `json:"type"`
		Payload      json.RawMessage `json:"payload"`
		RetryAttempt int             `json:"retry_attempt"`
	}
	if bad == nil || json.Unmarshal(bad.Message, &env) != nil || env.EnvelopeID == "" {
		log.Warn("socket mode message not decoded", "err", clipBytes(fmt.Sprint(evt.Data), maxErrBytes))
		return
	}
	log = log.With("envelope_id", env.EnvelopeID)
	_ = a.ack(ctx, client, log, &socketmode.Request{EnvelopeID: env.EnvelopeID}, nil)
	if env.Type == string(socketmode.RequestTypeInteractive) {
		ic, err := lenientInteractionJSON(env.Payload, bad.Cause)
		if err != nil {
			log.Warn("cannot parse interaction; acked", "err", errText(err))
			return
		}
		a.metrics.requests.WithLabelValues("interaction", "ok").Inc()
		a.onInteraction(ctx, log, ic)
		return
	}
	if env.Type != string(socketmode.RequestTypeEventsAPI) {
		log.Warn("socket mode message not decoded; acked", "type", env.Type, "err", bad.Cause)
		return
	}
	a.metrics.requests.WithLabelValues("event", "ok").Inc()
	ev, err := decodeEvent(env.Payload)
	if err != nil {
		outer, _ := parseEnvelope(env.Payload)
		a.guard.undecoded.WithLabelValues(undecodedReason(err)).Inc()
		log.Warn("event not decoded; acked", "type", clipBytes(outer.Type, maxIDBytes), "event_type", clipBytes(outer.innerType(), maxIDBytes),
			"event_id", clipBytes(outer.EventID, maxIDBytes), "err", errText(err))
		return
	}
	if env.RetryAttempt > 0 {
		log = log.With("retry_num", env.RetryAttempt)
	}
	a.onEvent(ctx, log, ev, env.RetryAttempt)
}

// lenientInteraction decodes an interaction payload that slack-go refused
// (failed) because a view carries "state": {"values": []}, an empty list
// where slack-go expects a map (slack-go issue #943, as in app_home_opened):
// the list is read as the empty map it means. Other errors stay.
func lenientInteraction(body []byte, failed error) (slack.InteractionCallback, error) {
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("payload") == "" {
		return slack.InteractionCallback{}, failed
	}
	return lenientInteractionJSON([]byte(form.Get("payload")), failed)
}

// lenientInteractionJSON is lenientInteraction on the payload itself, as
// Socket Mode carries it.
func lenientInteractionJSON(payload []byte, failed error) (slack.InteractionCallback, error) {
	var ic slack.InteractionCallback
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var m map[string]any
	if dec.Decode(&m) != nil || !emptyValuesToMaps(m) {
		return ic, failed
	}
	fixed, err := json.Marshal(m)
	if err != nil {
		return ic, failed
	}
	if err := json.Unmarshal(fixed, &ic); err != nil {
		return ic, failed
	}
	return ic, nil
}

// emptyValuesToMaps replaces every "state": {"values": []} under v by
// "values": {} and reports whether it found one.
func emptyValuesToMaps(v any) bool {
	found := false
	switch t := v.(type) {
	case map[string]any:
		if st, ok := t["state"].(map[string]any); ok {
			if l, ok := st["values"].([]any); ok && len(l) == 0 {
				st["values"] = map[string]any{}
				found = true
			}
		}
		for _, c := range t {
			found = emptyValuesToMaps(c) || found
		}
	case []any:
		for _, c := range t {
			found = emptyValuesToMaps(c) || found
		}
	}
	return found
}
