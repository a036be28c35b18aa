// Package config reads the server's settings from environment variables,
// overridden by command-line flags, and validates them at start-up. The
// table below is the single list of options; the README's Configuration shows the same.
package config

import (
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"carejourney/server/domain"
)

// Config is the validated configuration of `serve`.
type Config struct {
	DatabaseURL        string
	DataDir            string
	ListenAddr         string
	LogLevel           slog.Level
	LogFormat          string
	CORSAllowedOrigins []string
	SessionIdleTimeout time.Duration
	SessionMaxAge      time.Duration
	CookieSecure       bool
	TimeZone           *time.Location
	ShutdownTimeout    time.Duration
	SeedDemoOnEmpty    bool
	// MilestoneSweep is how often sobriety milestones are looked for; 0 turns
	// the background sweep off.
	MilestoneSweep time.Duration
	// MaxQueryCost refuses operations that cost more (MAX_COST_EXCEEDED).
	MaxQueryCost int
	// RateLimitPoints is the size of each actor's bucket of points.
	RateLimitPoints int
	// RateLimitRestoreRate is how many points a bucket regains a second.
	RateLimitRestoreRate float64
	// TrustProxyHeaders takes the client address from X-Forwarded-For.
	TrustProxyHeaders bool
	// PublicURL is where people reach the app, for links the server hands
	// out (family invitations); no trailing slash.
	PublicURL string
	// RequestTimeout is the deadline of each GraphQL request, down to its
	// SQL statements (TIMEOUT).
	RequestTimeout time.Duration
	// TOTPRequiredRoles must use two-factor sign-in; until an account of
	// one of them enrolls, its session may only enroll.
	TOTPRequiredRoles []domain.Role

	// PprofListenAddr, when set, serves Go's profiles (net/http/pprof) on
	// this loopback address, apart from the API: for measuring under load.
	PprofListenAddr string

	// MetricsAddr, when set, serves Prometheus metrics (/metrics) on this
	// address, apart from the API; empty serves none.
	MetricsAddr string

	// MigrationDatabaseURL is the owner role's URL: migrations run as it,
	// and it grants the serving role (DATABASE_URL's) what it needs.
	MigrationDatabaseURL string
}

// Option is one setting: its environment variable, its flag, its default
// and how it is parsed into Config.
type Option struct {
	Env     string
	Flag    string
	Default string
	Usage   string
	// IsBool lets the flag be given bare (--seed-demo-on-empty).
	IsBool bool
	set    func(c *Config, value string) error
}

// stringFlag is a flag whose text is parsed later, with the others, so
// every problem is reported together.
type stringFlag struct {
	value  *string
	isBool bool
}

func (f stringFlag) String() string {
	if f.value == nil {
		return ""
	}
	return *f.value
}
func (f stringFlag) Set(v string) error { *f.value = v; return nil }
func (f stringFlag) IsBoolFlag() bool   { return f.isBool }

// setPostgresURL sets *dst to v, a postgres:// URL; empty leaves it unset.
func setPostgresURL(dst *string, v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("must be a postgres:// URL")
	}
	*dst = v
	return nil
}

// Options lists every setting.
var Options = []Option{
	{Env: "DATABASE_URL", Flag: "database-url", Usage: "PostgreSQL URL; empty runs a private PostgreSQL in DATA_DIR",
		set: func(c *Config, v string) error { return setPostgresURL(&c.DatabaseURL, v) }},
	{Env: "MIGRATION_DATABASE_URL", Flag: "migration-database-url",
		Usage: "PostgreSQL URL of the role that owns the tables: migrations run as it, and it grants DATABASE_URL's role only reads and writes of rows; empty uses DATABASE_URL for both",
		set:   func(c *Config, v string) error { return setPostgresURL(&c.MigrationDatabaseURL, v) }},
	{Env: "DATA_DIR", Flag: "data-dir", Default: "./.data", Usage: "where the private PostgreSQL keeps its files",
		set: func(c *Config, v string) error { c.DataDir = v; return nonEmpty(v) }},
	{Env: "LISTEN_ADDR", Flag: "listen", Default: ":8080", Usage: "address to serve HTTP on (host:port; :0 picks a free port)",
		set: func(c *Config, v string) error {
			if _, _, err := net.SplitHostPort(v); err != nil {
				return fmt.Errorf("must be host:port, such as :8080")
			}
			c.ListenAddr = v
			return nil
		}},
	{Env: "PPROF_LISTEN_ADDR", Flag: "pprof-listen", Usage: "loopback address (127.0.0.1:6060) to serve Go's CPU and memory profiles on, apart from the API; empty (the default) serves none",
		set: func(c *Config, v string) error {
			if v == "" {
				return nil
			}
			host, _, err := net.SplitHostPort(v)
			if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
				return fmt.Errorf("must be a loopback host:port, such as 127.0.0.1:6060: profiles are not for the network")
			}
			c.PprofListenAddr = v
			return nil
		}},
	{Env: "METRICS_ADDR", Flag: "metrics-listen", Usage: "address (host:port, such as 127.0.0.1:9090) to serve Prometheus metrics on at /metrics, apart from the API; empty (the default) serves none",
		set: func(c *Config, v string) error {
			if v == "" {
				return nil
			}
			if _, _, err := net.SplitHostPort(v); err != nil {
				return fmt.Errorf("must be host:port, such as 127.0.0.1:9090")
			}
			c.MetricsAddr = v
			return nil
		}},
	{Env: "LOG_LEVEL", Flag: "log-level", Default: "info", Usage: "debug, info, warn or error",
		set: func(c *Config, v string) error {
			if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
				return fmt.Errorf("must be debug, info, warn or error")
			}
			return nil
		}},
	{Env: "LOG_FORMAT", Flag: "log-format", Default: "text", Usage: "text or json",
		set: func(c *Config, v string) error {
			if v != "text" && v != "json" {
				return fmt.Errorf("must be text or json")
			}
			c.LogFormat = v
			return nil
		}},
	{Env: "CORS_ALLOWED_ORIGINS", Flag: "cors-allowed-origins", Usage: "comma-separated origins allowed to call the API from browsers (none by default)",
		set: func(c *Config, v string) error {
			c.CORSAllowedOrigins = nil
			for _, o := range strings.Split(v, ",") {
				o = strings.TrimSpace(o)
				if o == "" {
					continue
				}
				u, err := url.Parse(o)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
					return fmt.Errorf("%q is not an origin such as https://partner.example", o)
				}
				c.CORSAllowedOrigins = append(c.CORSAllowedOrigins, strings.TrimSuffix(o, "/"))
			}
			return nil
		}},
	{Env: "SESSION_IDLE_TIMEOUT", Flag: "session-idle-timeout", Default: "30m", Usage: "sign out after this long without activity",
		set: func(c *Config, v string) error { return positiveDuration(v, &c.SessionIdleTimeout) }},
	{Env: "SESSION_MAX_AGE", Flag: "session-max-age", Default: "12h", Usage: "sign out this long after sign-in, whatever the activity",
		set: func(c *Config, v string) error { return positiveDuration(v, &c.SessionMaxAge) }},
	{Env: "SESSION_COOKIE_SECURE", Flag: "session-cookie-secure", Default: "false", IsBool: true, Usage: "send the session cookie over HTTPS only (set true behind TLS)",
		set: func(c *Config, v string) error { return boolean(v, &c.CookieSecure) }},
	{Env: "PROVIDER_TIME_ZONE", Flag: "time-zone", Default: "UTC", Usage: "IANA time zone that decides the provider's calendar day",
		set: func(c *Config, v string) error {
			loc, err := time.LoadLocation(v)
			if err != nil {
				return fmt.Errorf("%q is not an IANA time zone such as America/New_York", v)
			}
			c.TimeZone = loc
			return nil
		}},
	{Env: "SHUTDOWN_TIMEOUT", Flag: "shutdown-timeout", Default: "15s", Usage: "how long in-flight requests may finish on shutdown",
		set: func(c *Config, v string) error { return positiveDuration(v, &c.ShutdownTimeout) }},
	{Env: "SEED_DEMO_ON_EMPTY", Flag: "seed-demo-on-empty", Default: "false", IsBool: true, Usage: "load the demo provider when the database has no users (make run sets it)",
		set: func(c *Config, v string) error { return boolean(v, &c.SeedDemoOnEmpty) }},
	{Env: "MILESTONE_SWEEP_INTERVAL", Flag: "milestone-sweep-interval", Default: "15m", Usage: "how often reached sobriety milestones are written as updates; 0 turns it off",
		set: func(c *Config, v string) error { return nonNegativeDuration(v, &c.MilestoneSweep) }},
	{Env: "MAX_QUERY_COST", Flag: "max-query-cost", Default: "1000", Usage: "refuse GraphQL operations whose computed cost is higher (MAX_COST_EXCEEDED)",
		set: func(c *Config, v string) error { return positiveInt(v, &c.MaxQueryCost) }},
	{Env: "RATE_LIMIT_POINTS", Flag: "rate-limit-points", Default: "1000", Usage: "points in each user's, key's or anonymous address's bucket; an operation takes its cost out",
		set: func(c *Config, v string) error { return positiveInt(v, &c.RateLimitPoints) }},
	{Env: "RATE_LIMIT_RESTORE_RATE", Flag: "rate-limit-restore-rate", Default: "50", Usage: "points a bucket regains per second",
		set: func(c *Config, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f <= 0 || f > 1e9 {
				return fmt.Errorf("must be a positive number such as 50")
			}
			c.RateLimitRestoreRate = f
			return nil
		}},
	{Env: "REQUEST_TIMEOUT", Flag: "request-timeout", Default: "10s", Usage: "deadline of each GraphQL request; its SQL statements are stopped with it (TIMEOUT), and PostgreSQL's statement_timeout is 1s more",
		set: func(c *Config, v string) error { return positiveDuration(v, &c.RequestTimeout) }},
	{Env: "TRUST_PROXY_HEADERS", Flag: "trust-proxy-headers", Default: "false", IsBool: true, Usage: "take the client address from the last X-Forwarded-For entry (set true only behind a reverse proxy that appends it)",
		set: func(c *Config, v string) error { return boolean(v, &c.TrustProxyHeaders) }},
	{Env: "PUBLIC_URL", Flag: "public-url", Default: "http://localhost:8080", Usage: "the app's address as people reach it, for the links it hands out (family invitations)",
		set: func(c *Config, v string) error {
			u, err := url.Parse(v)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
				return fmt.Errorf("must be an http(s) URL such as https://care.example.org")
			}
			c.PublicURL = strings.TrimSuffix(v, "/")
			return nil
		}},
	{Env: "TOTP_REQUIRED_ROLES", Flag: "totp-required-roles", Default: "ADMIN", Usage: `comma-separated staff roles that must use two-factor sign-in (TOTP), or "none"; until such an account enrolls, its session may only enroll (make run sets none for the demo)`,
		set: func(c *Config, v string) error {
			roles, err := domain.ParseTOTPRequiredRoles(v)
			c.TOTPRequiredRoles = roles
			return err
		}},
}

// Parse reads the options from getenv and then from args (flags win). It
// returns every problem at once, so an operator fixes them in one go.
// extra, when not nil, registers a command's own flags on the same set.
func Parse(name string, args []string, getenv func(string) string, extra func(*flag.FlagSet)) (*Config, *flag.FlagSet, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	if extra != nil {
		extra(fs)
	}
	values := make([]string, len(Options))
	for i, opt := range Options {
		v := opt.Default
		if env := getenv(opt.Env); env != "" {
			v = env
		}
		values[i] = v
		fs.Var(stringFlag{value: &values[i], isBool: opt.IsBool}, opt.Flag, fmt.Sprintf("%s (env %s)", opt.Usage, opt.Env))
	}
	if err := fs.Parse(args); err != nil {
		return nil, fs, err
	}
	c := &Config{}
	var problems []string
	for i, opt := range Options {
		if err := opt.set(c, strings.TrimSpace(values[i])); err != nil {
			problems = append(problems, fmt.Sprintf("%s (--%s): %v", opt.Env, opt.Flag, err))
		}
	}
	if len(problems) == 0 && c.SessionMaxAge < c.SessionIdleTimeout {
		problems = append(problems, "SESSION_MAX_AGE must not be shorter than SESSION_IDLE_TIMEOUT")
	}
	if len(problems) > 0 {
		return nil, fs, fmt.Errorf("invalid configuration:\n  %s", strings.Join(problems, "\n  "))
	}
	return c, fs, nil
}

func nonEmpty(v string) error {
	if v == "" {
		return fmt.Errorf("must not be empty")
	}
	return nil
}

func positiveInt(v string, dst *int) error {
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return fmt.Errorf("must be a positive whole number")
	}
	*dst = n
	return nil
}

func positiveDuration(v string, dst *time.Duration) error {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return fmt.Errorf("must be a positive duration such as 30m or 12h")
	}
	*dst = d
	return nil
}

func nonNegativeDuration(v string, dst *time.Duration) error {
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return fmt.Errorf("must be a duration such as 15m, or 0")
	}
	*dst = d
	return nil
}

func boolean(v string, dst *bool) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("must be true or false")
	}
	*dst = b
	return nil
}
