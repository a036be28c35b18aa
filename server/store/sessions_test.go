package store_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"carejourney/server/store"
)

func hashOf(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

func TestSessions(t *testing.T) {
	st := newStore(t)
	u := newUser(t, st)
	newSession := func(t *testing.T, token string, expires time.Time) *store.Session {
		t.Helper()
		s := &store.Session{TokenHash: hashOf(token), UserID: u.ID, CreatedAt: clock, LastSeenAt: clock, ExpiresAt: expires}
		if err := st.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
		if s.ID == 0 {
			t.Fatal("CreateSession did not return the id")
		}
		return s
	}
	active := func(t *testing.T, token string, now time.Time) (*store.Session, bool) {
		t.Helper()
		sess, user, err := st.ActiveSession(ctx, hashOf(token), now)
		if err != nil {
			t.Fatal(err)
		}
		if (sess == nil) != (user == nil) {
			t.Fatalf("session %v with user %v", sess, user)
		}
		if sess == nil {
			return nil, false
		}
		if user.ID != u.ID || user.Email != u.Email || user.Role != u.Role || !user.Active {
			t.Fatalf("session user = %+v, want %+v", user, u)
		}
		return sess, true
	}

	t.Run("found with its user", func(t *testing.T) {
		s := newSession(t, "alpha", clock.Add(time.Hour))
		got, ok := active(t, "alpha", clock)
		if !ok {
			t.Fatal("live session not found")
		}
		if got.ID != s.ID || got.UserID != u.ID || !got.ExpiresAt.Equal(clock.Add(time.Hour)) || !got.CreatedAt.Equal(clock) {
			t.Errorf("session = %+v", got)
		}
	})
	t.Run("unknown token", func(t *testing.T) {
		if _, ok := active(t, "nope", clock); ok {
			t.Fatal("unknown token found a session")
		}
	})
	t.Run("expiry", func(t *testing.T) {
		newSession(t, "beta", clock.Add(time.Minute))
		if _, ok := active(t, "beta", clock.Add(time.Minute-time.Second)); !ok {
			t.Error("session gone before its expiry")
		}
		// expires_at > now: at the expiry instant it is over.
		if _, ok := active(t, "beta", clock.Add(time.Minute)); ok {
			t.Error("session alive at its expiry")
		}
		if _, ok := active(t, "beta", clock.Add(time.Hour)); ok {
			t.Error("expired session found")
		}
	})
	t.Run("expired in the table", func(t *testing.T) {
		s := newSession(t, "gamma", clock.Add(time.Hour))
		if _, err := st.DB().ExecContext(ctx, `UPDATE sessions SET expires_at = ? WHERE id = ?`, clock.Add(-time.Second), s.ID); err != nil {
			t.Fatal(err)
		}
		if _, ok := active(t, "gamma", clock); ok {
			t.Error("session expired by SQL still found")
		}
	})
	t.Run("touch moves the expiry", func(t *testing.T) {
		s := newSession(t, "delta", clock.Add(time.Minute))
		if err := st.TouchSession(ctx, s.ID, clock.Add(30*time.Second), clock.Add(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		got, ok := active(t, "delta", clock.Add(time.Hour))
		if !ok {
			t.Fatal("touched session not found past its old expiry")
		}
		if !got.LastSeenAt.Equal(clock.Add(30 * time.Second)) {
			t.Errorf("last seen = %v", got.LastSeenAt)
		}
	})
	t.Run("ended", func(t *testing.T) {
		s := newSession(t, "epsilon", clock.Add(time.Hour))
		if err := st.EndSession(ctx, s.ID); err != nil {
			t.Fatal(err)
		}
		if _, ok := active(t, "epsilon", clock); ok {
			t.Error("ended session found")
		}
		// A touch after sign-out does not bring it back.
		if err := st.TouchSession(ctx, s.ID, clock, clock.Add(24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, ok := active(t, "epsilon", clock); ok {
			t.Error("touch revived an ended session")
		}
		// Ending twice is harmless.
		if err := st.EndSession(ctx, s.ID); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("inactive user", func(t *testing.T) {
		newSession(t, "zeta", clock.Add(time.Hour))
		if _, ok := active(t, "zeta", clock); !ok {
			t.Fatal("session not found while the user is active")
		}
		if _, err := st.DB().ExecContext(ctx, `UPDATE users SET active = false WHERE id = ?`, u.ID); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.DB().ExecContext(ctx, `UPDATE users SET active = true WHERE id = ?`, u.ID) }) //nolint:errcheck
		if _, ok := active(t, "zeta", clock); ok {
			t.Error("session of a deactivated user found")
		}
		// Other sessions of the user are cut off too.
		if _, ok := active(t, "alpha", clock); ok {
			t.Error("older session of a deactivated user found")
		}
	})
}

// TestDeleteStaleSessions keeps live sessions and those that ended or
// expired after the cutoff, and deletes the rest.
func TestDeleteStaleSessions(t *testing.T) {
	st := newStore(t)
	u := newUser(t, st)
	add := func(token string, expires time.Time, end bool) int64 {
		s := &store.Session{TokenHash: hashOf(token), UserID: u.ID, CreatedAt: clock.Add(-72 * time.Hour),
			LastSeenAt: clock.Add(-72 * time.Hour), ExpiresAt: expires}
		if err := st.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
		if end {
			if err := st.EndSession(ctx, s.ID); err != nil {
				t.Fatal(err)
			}
		}
		return s.ID
	}
	add("expired long ago", clock.Add(-48*time.Hour), false)
	add("expired lately", clock.Add(-time.Hour), false)
	add("live", clock.Add(time.Hour), false)
	// EndSession stamps now(): ended "lately" as far as the cutoff is concerned.
	add("signed out", clock.Add(time.Hour), true)
	n, err := st.DeleteStaleSessions(ctx, clock.Add(-24*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("deleted %d, %v; want 1", n, err)
	}
	if _, ok, _ := sessionLive(st, "expired long ago"); ok {
		t.Error("the stale session is still there")
	}
	for _, token := range []string{"expired lately", "live", "signed out"} {
		if _, _, found := sessionLive(st, token); !found {
			t.Errorf("%s was deleted", token)
		}
	}
}

// sessionLive reports whether a session with the token is active, and
// whether a row for it exists at all.
func sessionLive(st *store.Store, token string) (*store.Session, bool, bool) {
	sess, _, _ := st.ActiveSession(ctx, hashOf(token), clock)
	n, _ := st.DB().NewSelect().Table("sessions").Where("token_hash = ?", hashOf(token)).Count(ctx)
	return sess, sess != nil, n > 0
}
