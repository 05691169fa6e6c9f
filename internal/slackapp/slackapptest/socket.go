package slackapptest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack/slacktest"
)

// Socket is Slack in Socket Mode: slack-go's slacktest serves
// apps.connections.open and the websocket, where the test sends envelopes
// and reads the App's acks; the Web API calls and response_urls on its
// host are the Server's, recorded and checked the same way as over HTTP.
type Socket struct {
	*Server
	ws        *slacktest.Server
	envelopes chan string
	acks      chan map[string]any
}

// hello is what Slack says first on a new Socket Mode connection.
const hello = `{"type":"hello","num_connections":1,"debug_info":{"host":"applink-test","build_number":1,"approximate_connection_time":18060},"connection_info":{"app_id":"A123ABC456"}}`

// NewSocket starts Slack in Socket Mode until the test ends.
func NewSocket(t testing.TB, opts ...Option) *Socket {
	t.Helper()
	s := &Socket{Server: newServer(t, opts), envelopes: make(chan string, 10), acks: make(chan map[string]any, 10)}
	s.ws = slacktest.NewTestServer(func(c slacktest.Customize) {
		// slacktest answers these itself unless they are taken first; the
		// rest of the Web API falls through to "/".
		for _, m := range []string{"chat.postMessage", "chat.postEphemeral", "conversations.info", "reactions.add"} {
			c.Handle("/"+m, s.ServeHTTP)
		}
		c.Handle("/", s.ServeHTTP)
		c.Handle("/ws", slacktest.Websocket(func(conn *websocket.Conn) {
			if err := conn.WriteMessage(websocket.TextMessage, []byte(hello)); err != nil {
				return
			}
			go func() {
				for {
					var ack map[string]any
					if err := conn.ReadJSON(&ack); err != nil {
						return
					}
					s.acks <- ack
				}
			}()
			for env := range s.envelopes {
				if err := conn.WriteMessage(websocket.TextMessage, []byte(env)); err != nil {
					return
				}
			}
		}))
	})
	s.ws.Start()
	s.api = s.ws.GetAPIURL()
	s.base = strings.TrimSuffix(s.api, "/")
	t.Cleanup(func() { close(s.envelopes); s.ws.Stop() })
	return s
}

// Send sends an envelope of type typ ("events_api", "slash_commands",
// "interactive") with id and payload, and extra fields (",\"retry_attempt\":1"),
// and returns the App's ack of it, as Slack sees it.
func (s *Socket) Send(t testing.TB, typ, id string, payload []byte, extra string) map[string]any {
	t.Helper()
	s.envelopes <- fmt.Sprintf(`{"envelope_id":%q,"type":%q,"payload":%s%s}`, id, typ, payload, extra)
	select {
	case ack := <-s.acks:
		if ack["envelope_id"] != id {
			t.Fatalf("ack for %v, want %s", ack["envelope_id"], id)
		}
		return ack
	case <-time.After(5 * time.Second):
		t.Fatalf("no ack for envelope %s", id)
	}
	return nil
}
