package answer

import (
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
)

// TestChairIn: the chair of a year comes from the terms the facts give,
// with a missing start after the term before and a missing end before the
// term after.
func TestChairIn(t *testing.T) {
	cs := []chair{
		{fact: domain.AnswerFact{Text: "Nach A hatte B den Vorsitz, 2018 bis 2020."}, when: 20180000, holder: "b"},
		{fact: domain.AnswerFact{Text: "Bis Ende 2022 hatte C den Vorsitz."}, when: 20220000, holder: "c"},
		{fact: domain.AnswerFact{Text: "Danach übernahm D die Leitung."}, when: 20220001, holder: "d"},
		{fact: domain.AnswerFact{Text: "E hat seit dem 1. Januar 2025 den Vorsitz."}, when: 20250101, holder: "e"},
	}
	for _, tt := range []struct {
		year int
		want string
	}{{2017, ""}, {2018, "b"}, {2020, "b"}, {2021, "c"}, {2022, "c"}, {2023, "d"}, {2024, "d"}, {2025, "e"}, {2030, "e"}} {
		got, ok := chairIn(cs, tt.year)
		if !ok {
			got.holder = ""
		}
		if got.holder != tt.want {
			t.Errorf("chairIn(%d) = %q, want %q", tt.year, got.holder, tt.want)
		}
	}
	for _, tt := range []struct {
		text     string
		from, to int
	}{
		{"2018 bis 2020", 2018, 2020}, {"Bis Ende 2022 hatte Siegen den Vorsitz.", 0, 2022},
		{"seit dem 1. Januar 2025", 2025, 0}, {"Danach übernahm Würzburg", 0, 0}, {"from 2019 until 2021", 2019, 2021},
	} {
		if from, to := chairSpan(tt.text); from != tt.from || to != tt.to {
			t.Errorf("chairSpan(%q) = %d, %d; want %d, %d", tt.text, from, to, tt.from, tt.to)
		}
	}
}
