package auth

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

// Codes come from the library's own generator; the server accepts the
// current step and one either side, no further, and says which step matched.
func TestMatchTOTP(t *testing.T) {
	key, err := newTOTPKey("pat@example.org")
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(key.URL())
	if err != nil || u.Scheme != "otpauth" || u.Host != "totp" || u.Query().Get("issuer") != "Care Journey" ||
		u.Query().Get("secret") != key.Secret() || !strings.Contains(u.Path, "pat@example.org") {
		t.Fatalf("uri %q", key.URL())
	}
	if len(key.Secret()) != 32 { // 20 bytes in base32
		t.Fatalf("secret %q", key.Secret())
	}
	now := time.Date(2026, 3, 1, 12, 0, 10, 0, time.UTC)
	step := now.Unix() / 30
	for _, tt := range []struct {
		offset time.Duration
		ok     bool
	}{
		{0, true}, {-30 * time.Second, true}, {30 * time.Second, true},
		{-60 * time.Second, false}, {60 * time.Second, false},
	} {
		code, err := totp.GenerateCode(key.Secret(), now.Add(tt.offset))
		if err != nil {
			t.Fatal(err)
		}
		got, ok := matchTOTP(key.Secret(), code, now)
		if ok != tt.ok || (ok && got != step+int64(tt.offset/(30*time.Second))) {
			t.Errorf("offset %v: step %d, %v", tt.offset, got, ok)
		}
	}
	for _, bad := range []string{"", "12345", "1234567", "abcdef"} {
		if _, ok := matchTOTP(key.Secret(), bad, now); ok {
			t.Errorf("%q matched", bad)
		}
	}
}

func TestRecoveryCodes(t *testing.T) {
	codes, hashes := newRecoveryCodes(10)
	seen := map[string]bool{}
	for i, c := range codes {
		if len(c) != 19 || strings.Count(c, "-") != 3 || seen[c] {
			t.Fatalf("code %q", c)
		}
		seen[c] = true
		if string(HashToken(strings.ReplaceAll(c, "-", ""))) != string(hashes[i]) {
			t.Fatalf("hash of %q", c)
		}
	}
}
