package config

import (
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDefaults(t *testing.T) {
	c, _, err := Parse("serve", nil, env(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.ListenAddr != ":8080" || c.DatabaseURL != "" || c.SessionIdleTimeout != 30*time.Minute ||
		c.SessionMaxAge != 12*time.Hour || len(c.CORSAllowedOrigins) != 0 || c.TimeZone != time.UTC ||
		c.PublicURL != "http://localhost:8080" {
		t.Fatalf("unexpected defaults: %+v", c)
	}
}

func TestFlagsOverrideEnvironment(t *testing.T) {
	c, _, err := Parse("serve", []string{"--listen", "127.0.0.1:9000"},
		env(map[string]string{"LISTEN_ADDR": ":7000", "CORS_ALLOWED_ORIGINS": "https://a.example, https://b.example/"}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.ListenAddr != "127.0.0.1:9000" {
		t.Errorf("listen = %q, want the flag's value", c.ListenAddr)
	}
	if strings.Join(c.CORSAllowedOrigins, " ") != "https://a.example https://b.example" {
		t.Errorf("origins = %v", c.CORSAllowedOrigins)
	}
}

func TestInvalidValuesAreAllReported(t *testing.T) {
	_, _, err := Parse("serve", nil, env(map[string]string{
		"DATABASE_URL": "mysql://x", "LISTEN_ADDR": "8080", "LOG_LEVEL": "loud",
		"SESSION_IDLE_TIMEOUT": "-1m", "PROVIDER_TIME_ZONE": "Mars/Base", "CORS_ALLOWED_ORIGINS": "*",
		"PUBLIC_URL": "care.example.org", "METRICS_ADDR": "9090",
	}), nil)
	if err == nil {
		t.Fatal("expected an error")
	}
	for _, name := range []string{"DATABASE_URL", "LISTEN_ADDR", "LOG_LEVEL", "SESSION_IDLE_TIMEOUT", "PROVIDER_TIME_ZONE", "CORS_ALLOWED_ORIGINS", "PUBLIC_URL", "METRICS_ADDR"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name %s:\n%v", name, err)
		}
	}
}

func TestMaxAgeNotShorterThanIdle(t *testing.T) {
	_, _, err := Parse("serve", nil, env(map[string]string{"SESSION_IDLE_TIMEOUT": "2h", "SESSION_MAX_AGE": "1h"}), nil)
	if err == nil || !strings.Contains(err.Error(), "SESSION_MAX_AGE") {
		t.Fatalf("err = %v", err)
	}
}

func TestBareBooleanFlag(t *testing.T) {
	c, _, err := Parse("serve", []string{"--seed-demo-on-empty", "--listen", ":0"}, env(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !c.SeedDemoOnEmpty || c.ListenAddr != ":0" {
		t.Fatalf("got %+v", c)
	}
}

func TestLimitOptions(t *testing.T) {
	c, _, err := Parse("serve", nil, env(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.MaxQueryCost != 1000 || c.RateLimitPoints != 1000 || c.RateLimitRestoreRate != 50 || c.TrustProxyHeaders {
		t.Fatalf("limit defaults: %+v", c)
	}
	c, _, err = Parse("serve", []string{"--trust-proxy-headers"}, env(map[string]string{
		"MAX_QUERY_COST": "5000", "RATE_LIMIT_POINTS": "20", "RATE_LIMIT_RESTORE_RATE": "0.5"}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.MaxQueryCost != 5000 || c.RateLimitPoints != 20 || c.RateLimitRestoreRate != 0.5 || !c.TrustProxyHeaders {
		t.Fatalf("limits: %+v", c)
	}
	_, _, err = Parse("serve", nil, env(map[string]string{
		"MAX_QUERY_COST": "0", "RATE_LIMIT_POINTS": "-5", "RATE_LIMIT_RESTORE_RATE": "fast", "TRUST_PROXY_HEADERS": "maybe"}), nil)
	for _, name := range []string{"MAX_QUERY_COST", "RATE_LIMIT_POINTS", "RATE_LIMIT_RESTORE_RATE", "TRUST_PROXY_HEADERS"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name %s: %v", name, err)
		}
	}
}

func TestRequestTimeout(t *testing.T) {
	c, _, err := Parse("serve", nil, env(nil), nil)
	if err != nil || c.RequestTimeout != 10*time.Second {
		t.Fatalf("default REQUEST_TIMEOUT = %v (%v), want 10s", c.RequestTimeout, err)
	}
	for _, bad := range []string{"0", "-1s", "soon"} {
		if _, _, err := Parse("serve", nil, env(map[string]string{"REQUEST_TIMEOUT": bad}), nil); err == nil || !strings.Contains(err.Error(), "REQUEST_TIMEOUT") {
			t.Errorf("REQUEST_TIMEOUT=%s: %v", bad, err)
		}
	}
}

// Two-factor sign-in is required of admins unless the operator says
// otherwise; "none" turns it off; a non-staff role is refused at start-up.
func TestTOTPRequiredRoles(t *testing.T) {
	c, _, err := Parse("serve", nil, env(nil), nil)
	if err != nil || len(c.TOTPRequiredRoles) != 1 || c.TOTPRequiredRoles[0] != "ADMIN" {
		t.Fatalf("default %v (%v)", c.TOTPRequiredRoles, err)
	}
	c, _, err = Parse("serve", []string{"--totp-required-roles=none"}, env(nil), nil)
	if err != nil || len(c.TOTPRequiredRoles) != 0 {
		t.Fatalf("none: %v (%v)", c.TOTPRequiredRoles, err)
	}
	c, _, err = Parse("serve", nil, env(map[string]string{"TOTP_REQUIRED_ROLES": "ADMIN,CLINICIAN"}), nil)
	if err != nil || len(c.TOTPRequiredRoles) != 2 {
		t.Fatalf("two roles: %v (%v)", c.TOTPRequiredRoles, err)
	}
	if _, _, err := Parse("serve", nil, env(map[string]string{"TOTP_REQUIRED_ROLES": "FAMILY"}), nil); err == nil ||
		!strings.Contains(err.Error(), "TOTP_REQUIRED_ROLES") {
		t.Fatalf("FAMILY accepted: %v", err)
	}
}
