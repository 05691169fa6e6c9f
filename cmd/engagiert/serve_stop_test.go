package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

// SIGTERM stops gracefully: a request that is in flight when the stop
// begins is still answered, and serve then returns cleanly.
func TestServeGracefulStopFinishesInFlight(t *testing.T) {
	t.Parallel()
	b := startServe(t, nil, nil)
	form := url.Values{"command": {"/engagiert"}, "text": {"Bielefeld"}, "user_id": {"U1"}, "channel_id": {"C1"},
		"response_url": {"http://127.0.0.1:1/hooks/1"}, "team_id": {"T1"}, "trigger_id": {"1.2.3"}}
	body := form.Encode()
	conn, err := net.Dial("tcp", strings.TrimPrefix(b.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Headers and the first half of the body: the request is in flight.
	fmt.Fprintf(conn, "POST /slack/commands HTTP/1.1\r\nHost: bot\r\nContent-Length: %d\r\n", len(body))
	for k, vs := range slackapptest.Signed(serveSecret, slackapptest.Form, []byte(body)) {
		fmt.Fprintf(conn, "%s: %s\r\n", k, vs[0])
	}
	fmt.Fprintf(conn, "\r\n%s", body[:len(body)/2])
	time.Sleep(100 * time.Millisecond) // let the server start reading it

	stopped := make(chan error, 1)
	go func() { stopped <- b.stop() }() // what SIGTERM does: cancel run's context
	b.waitRecord(t, "shutting down", 0)
	select {
	case err := <-stopped:
		t.Fatalf("serve stopped (%v) while a request was in flight", err)
	case <-time.After(200 * time.Millisecond):
	}

	fmt.Fprint(conn, body[len(body)/2:])
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("in-flight request got no response: %v", err)
	}
	defer resp.Body.Close()
	var sb strings.Builder
	_, _ = bufio.NewReader(resp.Body).WriteTo(&sb)
	if resp.StatusCode != http.StatusOK || !strings.Contains(sb.String(), "Bielefeld") {
		t.Errorf("in-flight request = %d %s, want 200 with the answer", resp.StatusCode, sb.String())
	}
	if err := <-stopped; err != nil {
		t.Errorf("serve after stop = %v, want nil", err)
	}
}
