//go:build tools

// Package deps pins modules that later packages use, so go mod tidy keeps them.
package deps

import (
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/fsnotify/fsnotify"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/slack-go/slack"
	_ "github.com/slack-go/slack/slacktest"
	_ "github.com/slack-go/slack/socketmode"
	_ "golang.org/x/text/unicode/norm"
	_ "gopkg.in/yaml.v3"
)
