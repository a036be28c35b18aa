package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"carejourney/server/app"
	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// run runs the program with args against databaseURL and returns its output.
func run(t *testing.T, databaseURL, stdin string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	env := app.Env{
		Getenv: func(k string) string {
			switch k {
			case "DATABASE_URL":
				return databaseURL
			case "LOG_LEVEL":
				return "warn"
			}
			return ""
		},
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &out,
	}
	err := app.Run(context.Background(), args, env)
	return out.String(), err
}

func TestMigrateUpDownStatus(t *testing.T) {
	url := testdb.NewDatabase(t)
	out, err := run(t, url, "", "migrate", "up")
	if err != nil || !strings.Contains(out, "up to date") {
		t.Fatalf("migrate up: %v\n%s", err, out)
	}
	out, _ = run(t, url, "", "migrate", "status")
	if strings.Count(out, "applied") < 2 || strings.Contains(out, "pending") {
		t.Fatalf("status after up:\n%s", out)
	}
	// Roll every step back, one group at a time, then up again: every
	// down migration works and leaves the database clean for the up.
	for i := 0; i < 5; i++ {
		if out, err = run(t, url, "", "migrate", "down"); err != nil {
			t.Fatalf("migrate down: %v\n%s", err, out)
		}
		if strings.Contains(out, "nothing to roll back") {
			break
		}
	}
	out, _ = run(t, url, "", "migrate", "status")
	if strings.Contains(out, "applied") {
		t.Fatalf("status after rolling everything back:\n%s", out)
	}
	if out, err = run(t, url, "", "migrate", "up"); err != nil {
		t.Fatalf("migrate up again: %v\n%s", err, out)
	}
}

func TestUserCreate(t *testing.T) {
	url := testdb.NewDatabase(t)
	out, err := run(t, url, "a strong passphrase\n", "user", "create", "--email", "Dana@Example.org", "--name", "Dana Whit", "--role", "clinician")
	if err != nil || !strings.Contains(out, "created CLINICIAN user dana@example.org") {
		t.Fatalf("user create: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"a strong passphrase\n", []string{"--email", "dana@example.org", "--name", "Again", "--role", "ADMIN"}, "exists already"},
		{"short\n", []string{"--email", "x@example.org", "--name", "X", "--role", "ADMIN"}, "at least 12"},
		{"a strong passphrase\n", []string{"--email", "x@example.org", "--name", "X", "--role", "WIZARD"}, "--role"},
		{"a strong passphrase\n", []string{"--email", "not-an-email", "--name", "X", "--role", "ADMIN"}, "--email"},
		{"", []string{"--email", "y@example.org", "--name", "Y", "--role", "ADMIN"}, "no password"},
	} {
		_, err := run(t, url, tc.stdin, append([]string{"user", "create"}, tc.args...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("user create %v: err %v, want it to mention %q", tc.args, err, tc.want)
		}
	}
}

func TestSeedCommands(t *testing.T) {
	url := testdb.NewDatabase(t)
	out, err := run(t, url, "", "seed", "demo")
	if err != nil || !strings.Contains(out, "admin@demo.carejourney.test") {
		t.Fatalf("seed demo: %v\n%s", err, out)
	}
	if _, err := run(t, url, "", "seed", "demo"); err == nil {
		t.Error("seeding the demo twice must fail")
	}
	out, err = run(t, url, "", "seed", "scale", "--members", "40", "--seed", "7")
	if err != nil || !strings.Contains(out, "added 40 members") {
		t.Fatalf("seed scale: %v\n%s", err, out)
	}
	if _, err := run(t, url, "", "seed", "scale", "--members", "0"); err == nil {
		t.Error("--members 0 must fail")
	}
}

func TestUsageAndErrors(t *testing.T) {
	out, err := run(t, "", "", "help")
	if err != nil || !strings.Contains(out, "migrate up|down|status") {
		t.Fatalf("help: %v\n%s", err, out)
	}
	if out, err := run(t, "", "", "serve", "--help"); err != nil || !strings.Contains(out, "DATABASE_URL") {
		t.Errorf("serve --help: %v\n%s", err, out)
	}
	if _, err := run(t, "", "", "frobnicate"); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Errorf("unknown command: %v", err)
	}
	if _, err := run(t, "", "", "migrate", "sideways"); err == nil {
		t.Error("unknown subcommand must fail")
	}
	if _, err := run(t, "mysql://nope", "", "migrate", "up"); err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
		t.Errorf("bad DATABASE_URL: %v", err)
	}
}
