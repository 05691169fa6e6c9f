package slackapp

import (
	"context"
	"encoding/json"
	"fmt"
)

// Forget deletes what st holds about the Slack user: the context of their
// direct-message conversation, their votes, the marks of questions they
// forwarded and of their welcome, and the forwarded questions they asked
// (which a curator's reply can then no longer reach). userKey is
// Config.UserKey, which names the user in the keys (UserRef). It returns how
// many keys it deleted. What it cannot find by the user: the last frame of
// threads (they hold the question's subjects, not who asked), which expire
// after Retention.Threads; and the logs (user ids there are pseudonyms).
func Forget(ctx context.Context, st Store, userKey []byte, user string) (int, error) {
	ref := UserRef(userKey, user)
	keys := []string{dmKey(ref), welcomeKey(ref)}
	for _, pattern := range []string{voteKey("*", "*", ref), forwardOncePrefix(ref) + "*"} {
		found, err := st.Keys(ctx, pattern)
		if err != nil {
			return 0, fmt.Errorf("find %s: %w", pattern, err)
		}
		keys = append(keys, found...)
	}
	forwards, err := st.Keys(ctx, forwardKey("*", "*"))
	if err != nil {
		return 0, fmt.Errorf("find forwarded questions: %w", err)
	}
	for _, k := range forwards {
		v, err := st.Get(ctx, k)
		if err != nil {
			return 0, fmt.Errorf("read %s: %w", k, err)
		}
		var f forwarded
		if json.Unmarshal([]byte(v), &f) == nil && f.User == user {
			keys = append(keys, k)
		}
	}
	n, err := st.Delete(ctx, keys...)
	if err != nil {
		return 0, fmt.Errorf("delete: %w", err)
	}
	return n, nil
}
