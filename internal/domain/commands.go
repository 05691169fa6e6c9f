package domain

// Command is one kind of question the bot answers, with examples. The
// answer engine's table of question kinds lists them (answer.Commands), and
// every help text (the "hilfe" answer, Slack's help and App Home) is
// generated from that list, so they cannot drift apart.
type Command struct {
	What     string   // what the user gets, in German
	WhatEN   string   // the same in English
	InHelp   bool     // shown in the short help answer
	Examples []string // questions as users type them
	// ExampleEN is the first example in English, for English help.
	ExampleEN string
}
