package slackapp

import (
	"context"
	"log/slog"
	"net/url"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Link cards. The networks' own websites are the pages this bot knows best:
// when someone posts a link to one (link_shared, for the domains the
// manifest lists in unfurl_domains), the bot answers with chat.unfurl and a
// small card: the network's name, what it is, its size and how to ask.
// A link to a domain the base does not know gets no card.

// MaxUnfurlDomains is the most domains an app manifest may list.
const MaxUnfurlDomains = 5

// UnfurlDomains are the domains of the networks' websites in base, without
// "www.", for the manifest's unfurl_domains (at most MaxUnfurlDomains, in
// the order of the networks).
func UnfurlDomains(base *domain.Base) []string {
	var out []string
	if base == nil {
		return nil
	}
	for _, n := range base.Networks {
		if h := siteHost(n.Website); h != "" && !slices.Contains(out, h) && len(out) < MaxUnfurlDomains {
			out = append(out, h)
		}
	}
	return out
}

// siteHost is the host of a website URL, lower case, without "www.".
func siteHost(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// networkForURL is the network whose website the link is on: the same
// host or a subdomain of it, the longest matching website path first.
func networkForURL(base *domain.Base, link string) (domain.Network, bool) {
	host := siteHost(link)
	if base == nil || host == "" {
		return domain.Network{}, false
	}
	p, _ := url.Parse(link)
	best, bestLen := -1, -1
	for i, n := range base.Networks {
		h := siteHost(n.Website)
		if h == "" || (host != h && !strings.HasSuffix(host, "."+h)) {
			continue
		}
		w, _ := url.Parse(n.Website)
		l := 0
		if w != nil && p != nil && strings.HasPrefix(p.Path, strings.TrimSuffix(w.Path, "/")) {
			l = len(w.Path)
		}
		if l > bestLen {
			best, bestLen = i, l
		}
	}
	if best < 0 {
		return domain.Network{}, false
	}
	return base.Networks[best], true
}

// linkShared answers link_shared with a card for each link to a network's
// website; links to other domains get none.
func (a *App) linkShared(ctx context.Context, log *slog.Logger, e *slackevents.LinkSharedEvent) {
	base, _ := a.cfg.Knowledge()
	unfurls := map[string]slack.Attachment{}
	for _, l := range e.Links {
		if n, ok := networkForURL(base, l.URL); ok {
			unfurls[l.URL] = slack.Attachment{Blocks: slack.Blocks{BlockSet: blocks.Card(n, a.cfg.Command)}}
		}
	}
	if len(unfurls) == 0 || e.Channel == "" || e.MessageTimeStamp == "" {
		return
	}
	log = log.With("channel", e.Channel, "links", len(unfurls))
	if _, _, _, err := a.api.UnfurlMessageContext(ctx, e.Channel, e.MessageTimeStamp, unfurls); err != nil {
		a.metrics.postErrors.Inc()
		log.Warn("chat.unfurl failed", "err", err)
		return
	}
	log.Info("links unfurled")
}
