// Package app is the program: its subcommands (serve, migrate, seed, user)
// and the life cycle of the server. main only calls Run, so tests start the
// whole program the same way, on :0 with a throwaway database.
package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"carejourney/server/httpserver"
)

// Env is what a command sees of the outside world.
type Env struct {
	Getenv func(string) string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

const usage = `carejourney: the care-journey platform for addiction-recovery providers.

Usage:
  carejourney [serve] [flags]                       serve the API and the app (default)
  carejourney migrate up|down|status [flags]        apply, roll back one step, or list migrations
  carejourney seed demo [flags]                     load the demo provider into an empty database
  carejourney seed scale --members N --seed S       bulk-load benchmark data
  carejourney user create --email E --name N --role R   create a user; password on standard input

Every command takes the configuration flags; run "carejourney serve --help" to list them.
With DATABASE_URL unset, commands use the private PostgreSQL in DATA_DIR.
`

// Run runs the command in args (without the program name).
func Run(ctx context.Context, args []string, env Env) error {
	cmd, rest := "serve", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = serveCommand(ctx, rest, env)
	case "migrate":
		err = migrateCommand(ctx, rest, env)
	case "seed":
		err = seedCommand(ctx, rest, env)
	case "user":
		err = userCommand(ctx, rest, env)
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return nil
	default:
		fmt.Fprint(env.Stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

// subcommand splits "migrate up ..." style arguments.
func subcommand(args []string, env Env, help string, known ...string) (string, []string, error) {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.Stdout, help)
		if len(args) == 0 {
			return "", nil, errors.New("missing subcommand")
		}
		return "", nil, flag.ErrHelp
	}
	for _, k := range known {
		if args[0] == k {
			return k, args[1:], nil
		}
	}
	fmt.Fprint(env.Stderr, help)
	return "", nil, fmt.Errorf("unknown subcommand %q", args[0])
}

// newLogger writes structured logs to stderr with each request's id.
func newLogger(w io.Writer, level slog.Level, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if format == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	return slog.New(httpserver.LogHandler{Handler: h})
}

// OSEnv is the real process environment.
func OSEnv() Env {
	return Env{Getenv: os.Getenv, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
}
