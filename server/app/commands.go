package app

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"carejourney/server/auth"
	"carejourney/server/config"
	"carejourney/server/domain"
	"carejourney/server/seed"
	"carejourney/server/store"
)

// usageTo sends a command's flag usage (--help, or a bad flag) to stdout
// and registers the command's own flags.
func usageTo(env Env, extra func(*flag.FlagSet)) func(*flag.FlagSet) {
	return func(fs *flag.FlagSet) {
		fs.SetOutput(env.Stdout)
		if extra != nil {
			extra(fs)
		}
	}
}

// withStore parses the configuration, opens the database and runs fn.
func withStore(ctx context.Context, name string, args []string, env Env, extra func(*flag.FlagSet),
	fn func(ctx context.Context, st *store.Store, cfg *config.Config) error) error {
	cfg, _, err := config.Parse(name, args, env.Getenv, usageTo(env, extra))
	if err != nil {
		return err
	}
	logger := newLogger(env.Stderr, cfg.LogLevel, cfg.LogFormat)
	db, err := openDatabase(ctx, cfg, logger, store.PoolOptions{})
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	return fn(ctx, store.New(db.DB, cfg.TimeZone), cfg)
}

const migrateHelp = `Usage: carejourney migrate up|down|status [flags]
  up      apply every pending migration
  down    roll back the last applied migration group
  status  list migrations and whether each is applied
`

func migrateCommand(ctx context.Context, args []string, env Env) error {
	sub, rest, err := subcommand(args, env, migrateHelp, "up", "down", "status")
	if err != nil {
		return err
	}
	return withStore(ctx, "migrate "+sub, rest, env, nil, func(ctx context.Context, st *store.Store, cfg *config.Config) error {
		switch sub {
		case "up":
			if err := store.Migrate(ctx, st.DB(), env.Stdout); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, "database is up to date")
			return nil
		case "down":
			return store.MigrateDown(ctx, st.DB(), env.Stdout)
		default:
			return store.MigrationStatus(ctx, st.DB(), env.Stdout)
		}
	})
}

const seedHelp = `Usage:
  carejourney seed demo [flags]                    load the demo provider into an empty database
  carejourney seed scale --members N --seed S      add N members with journeys (deterministic per seed)
`

func seedCommand(ctx context.Context, args []string, env Env) error {
	sub, rest, err := subcommand(args, env, seedHelp, "demo", "scale")
	if err != nil {
		return err
	}
	if sub == "demo" {
		return withStore(ctx, "seed demo", rest, env, nil, func(ctx context.Context, st *store.Store, cfg *config.Config) error {
			if err := store.Migrate(ctx, st.DB(), nil); err != nil {
				return err
			}
			users, err := seed.Demo(ctx, st)
			if err != nil {
				return err
			}
			if _, err := st.RecordMilestones(ctx); err != nil {
				return err
			}
			printDemoUsers(env.Stdout, users, cfg.TOTPRequiredRoles)
			return nil
		})
	}
	var opts seed.ScaleOptions
	extra := func(fs *flag.FlagSet) {
		fs.IntVar(&opts.Members, "members", 10000, "how many members to add")
		fs.Int64Var(&opts.Seed, "seed", 1, "random seed; the same seed gives the same data")
	}
	return withStore(ctx, "seed scale", rest, env, extra, func(ctx context.Context, st *store.Store, cfg *config.Config) error {
		if opts.Members <= 0 {
			return errors.New("--members must be positive")
		}
		if err := store.Migrate(ctx, st.DB(), nil); err != nil {
			return err
		}
		res, err := seed.Scale(ctx, st, opts)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "added %d members and %d care episodes in %s\n", res.Members, res.Episodes, res.Elapsed.Round(1e6))
		fmt.Fprintf(env.Stdout, "with %d houses (%d residencies), %d peers (%d assignments), %d groups, %d meetings, "+
			"%d attendance records, %d aftercare plans (%d check-ins) and %d updates\n", res.Houses, res.Residencies,
			res.Peers, res.PeerAssignments, res.Groups, res.Meetings, res.Attendance, res.AftercarePlans, res.CheckIns, res.Updates)
		milestones, err := st.RecordMilestones(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "recorded %d sobriety milestones\n", milestones)
		return nil
	})
}

const userHelp = `Usage: carejourney user create --email E --name N --role R [flags]
Reads the password from the first line of standard input (12 characters or more).
Roles: ADMIN, CASE_MANAGER, CLINICIAN, PEER_SUPPORTER, HOUSE_MANAGER, FAMILY.
`

func userCommand(ctx context.Context, args []string, env Env) error {
	_, rest, err := subcommand(args, env, userHelp, "create")
	if err != nil {
		return err
	}
	var email, name, role string
	extra := func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "sign-in email")
		fs.StringVar(&name, "name", "", "full name")
		fs.StringVar(&role, "role", "", "ADMIN, CASE_MANAGER, CLINICIAN, PEER_SUPPORTER, HOUSE_MANAGER or FAMILY")
	}
	return withStore(ctx, "user create", rest, env, extra, func(ctx context.Context, st *store.Store, cfg *config.Config) error {
		password, err := readPassword(env)
		if err != nil {
			return err
		}
		if err := store.Migrate(ctx, st.DB(), nil); err != nil {
			return err
		}
		// The store checks the account, as for the API's createUser.
		u, err := st.CreateUser(ctx, store.NewUser{Email: email, Name: name,
			Role: domain.Role(strings.ToUpper(strings.TrimSpace(role))), Password: password}, auth.Passwords)
		if e := domain.AsError(err); e != nil {
			return userCreateError(e)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "created %s user %s\n", u.Role, u.Email)
		return nil
	})
}

// readPassword reads the new account's password from the first line of
// standard input.
func readPassword(env Env) (string, error) {
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	password := strings.TrimRight(line, "\r\n")
	if err != nil && password == "" {
		return "", errors.New("no password on standard input")
	}
	return password, nil
}

// userCreateError words a refused account for the command line: an error
// about a flag's value names the flag.
func userCreateError(e *domain.Error) error {
	if len(e.Field) > 0 {
		switch f := e.Field[len(e.Field)-1]; f {
		case "email", "name", "role":
			return fmt.Errorf("--%s: %s", f, e.Message)
		}
	}
	return errors.New(e.Message)
}
