package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"carejourney/frontend"
	"carejourney/graph/middleware"
	"carejourney/server/audit"
	"carejourney/server/auth"
	"carejourney/server/config"
	"carejourney/server/domain"
	"carejourney/server/httpserver"
	"carejourney/server/metrics"
	"carejourney/server/ratelimit"
	"carejourney/server/seed"
	"carejourney/server/store"
)

func serveCommand(ctx context.Context, args []string, env Env) error {
	cfg, _, err := config.Parse("serve", args, env.Getenv, usageTo(env, nil))
	if err != nil {
		return err
	}
	logger := newLogger(env.Stderr, cfg.LogLevel, cfg.LogFormat)
	srv, err := Start(ctx, cfg, logger, env.Stdout)
	if err != nil {
		return err
	}
	<-ctx.Done()
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.ShutdownTimeout)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

// Server is a running server.
type Server struct {
	// Addr is the address it listens on (the real port when :0 was asked).
	Addr   string
	Store  *store.Store
	http   *http.Server
	db     *database
	served chan error
	logger *slog.Logger
	// stopSweeper ends the background milestone sweeps.
	stopSweeper func()
	// Audit is the audit log; Shutdown writes what it still holds.
	Audit *audit.Log
	// MetricsAddr is where /metrics is served (METRICS_ADDR, the real
	// port when :0 was asked), "" when it is not.
	MetricsAddr string

	shutdownOnce sync.Once
	shutdownErr  error
}

// QueryHook observes every SQL statement (tests count them with one).
type QueryHook = bun.QueryHook

// Start opens (or starts) the database, migrates it as the owner, connects
// as the serving role (openServing), loads the demo when
// asked and the database is empty, and starts serving HTTP. hooks are
// installed before the first statement: bun does not allow adding them
// while queries run, and the milestone sweep starts querying at once.
func Start(ctx context.Context, cfg *config.Config, logger *slog.Logger, stdout io.Writer, hooks ...QueryHook) (*Server, error) {
	db, err := openServing(ctx, cfg, logger, hooks)
	if err != nil {
		return nil, err
	}
	for _, h := range hooks {
		db.DB.AddQueryHook(h)
	}
	fail := func(err error) (*Server, error) {
		db.Close(ctx)
		return nil, err
	}
	st := store.New(db.DB, cfg.TimeZone)
	if cfg.SeedDemoOnEmpty {
		if err := seedDemoIfEmpty(ctx, st, stdout, cfg.TOTPRequiredRoles); err != nil {
			return fail(err)
		}
	}
	sessions := &auth.Sessions{Store: st, IdleTimeout: cfg.SessionIdleTimeout, MaxAge: cfg.SessionMaxAge,
		Throttle: auth.NewSignInThrottle(), TOTPRequiredRoles: cfg.TOTPRequiredRoles}
	// The audit log writes on a connection of its own: beside the requests,
	// not inside them, and unseen by the query hooks that watch them.
	events := audit.New(bun.NewDB(db.DB.DB, pgdialect.New()), logger, audit.Options{})
	var observer *metrics.Metrics // nil: off
	if cfg.MetricsAddr != "" {
		observer = metrics.New()
		observer.WatchPool(db.DB.DB, "serving") // the audit log's connections are of this pool too
		observer.WatchAudit(events)
	}
	handler := httpserver.New(httpserver.Deps{
		Store: st, Sessions: sessions, Logger: logger, App: frontend.Dist(),
		CORSAllowedOrigins: cfg.CORSAllowedOrigins, CookieSecure: cfg.CookieSecure, PublicURL: cfg.PublicURL,
		Limits: middleware.Limits{
			MaxCost: cfg.MaxQueryCost,
			Buckets: ratelimit.New(float64(cfg.RateLimitPoints), cfg.RateLimitRestoreRate, nil),
		},
		TrustProxyHeaders: cfg.TrustProxyHeaders,
		Audit:             events,
		RequestTimeout:    cfg.RequestTimeout,
		Metrics:           observer,
	})
	ln, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		_ = events.Close(ctx)
		return fail(fmt.Errorf("unable to listen on %s: %w", cfg.ListenAddr, err))
	}
	s := &Server{
		Addr: ln.Addr().String(), Store: st, db: db, served: make(chan error, 1), logger: logger, Audit: events,
		http: &http.Server{
			Handler:           handler,
			ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout:       30 * time.Second,
			// Past the request deadline: a stopped request still gets its
			// TIMEOUT response.
			WriteTimeout: max(60*time.Second, cfg.RequestTimeout+10*time.Second),
			IdleTimeout:  120 * time.Second,
			ErrorLog:     slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
			BaseContext:  func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		},
	}
	stopSessions := startSweeper(context.WithoutCancel(ctx), time.Hour, false, sweepSessions(st, logger))
	s.stopSweeper = stopSessions
	if cfg.MilestoneSweep > 0 {
		stopMilestones := startSweeper(context.WithoutCancel(ctx), cfg.MilestoneSweep, true, sweepMilestones(st, logger))
		s.stopSweeper = func() { stopMilestones(); stopSessions() }
	}
	if cfg.PprofListenAddr != "" {
		stopPprof, err := startPprof(cfg.PprofListenAddr, logger)
		if err != nil {
			_ = ln.Close()
			s.stopSweeper()
			_ = events.Close(ctx)
			return fail(fmt.Errorf("unable to serve profiles on %s: %w", cfg.PprofListenAddr, err))
		}
		stopSweeper := s.stopSweeper
		s.stopSweeper = func() { stopPprof(); stopSweeper() }
	}
	if observer != nil {
		addr, stopMetrics, err := startMetrics(cfg.MetricsAddr, observer, logger)
		if err != nil {
			_ = ln.Close()
			s.stopSweeper()
			_ = events.Close(ctx)
			return fail(fmt.Errorf("unable to serve metrics on %s: %w", cfg.MetricsAddr, err))
		}
		s.MetricsAddr = addr
		stopSweeper := s.stopSweeper
		s.stopSweeper = func() { stopMetrics(); stopSweeper() }
	}
	go func() { s.served <- s.http.Serve(ln) }()
	logger.Info("serving", "addr", s.Addr, "graphiql", "http://"+displayAddr(s.Addr)+"/graphiql")
	return s, nil
}

// Shutdown stops accepting connections, lets in-flight requests finish
// within ctx, writes the audit events still held, then closes the pool and
// stops the private PostgreSQL. Calls after the first return its result.
func (s *Server) Shutdown(ctx context.Context) error {
	s.shutdownOnce.Do(func() { s.shutdownErr = s.shutdown(ctx) })
	return s.shutdownErr
}

func (s *Server) shutdown(ctx context.Context) error {
	err := s.http.Shutdown(ctx)
	s.stopSweeper()
	if serveErr := <-s.served; !errors.Is(serveErr, http.ErrServerClosed) && err == nil {
		err = serveErr
	}
	// After the last request: nothing appends any more.
	if auditErr := s.Audit.Close(ctx); err == nil {
		err = auditErr
	}
	if closeErr := s.db.Close(ctx); err == nil {
		err = closeErr
	}
	return err
}

func seedDemoIfEmpty(ctx context.Context, st *store.Store, stdout io.Writer, totpRoles []domain.Role) error {
	users, err := st.CountUsers(ctx)
	if err != nil || users > 0 {
		return err
	}
	demoUsers, err := seed.Demo(ctx, st)
	if err != nil {
		return fmt.Errorf("loading the demo data: %w", err)
	}
	printDemoUsers(stdout, demoUsers, totpRoles)
	return nil
}

func printDemoUsers(w io.Writer, users []seed.DemoUser, totpRoles []domain.Role) {
	fmt.Fprintln(w, "Demo data loaded. Sign in with:")
	for _, u := range users {
		fmt.Fprintf(w, "  %-16s %-40s password: %s\n", u.Role, u.Email, u.Password)
	}
	// The demo accounts have no second factor enrolled: say what that means
	// in this run.
	if len(totpRoles) == 0 {
		fmt.Fprintln(w, "Two-factor sign-in is required of no role in this run (TOTP_REQUIRED_ROLES=none, as make run sets it):")
		fmt.Fprintln(w, "  the demo accounts sign in with their password alone; any staff account may still enroll (beginTotpEnrollment).")
	} else {
		names := make([]string, len(totpRoles))
		for i, r := range totpRoles {
			names[i] = string(r)
		}
		fmt.Fprintf(w, "Two-factor sign-in is required of %s (TOTP_REQUIRED_ROLES): those demo accounts have none yet,\n", strings.Join(names, ", "))
		fmt.Fprintln(w, "  so their sessions may only enroll (beginTotpEnrollment) until they do. Set TOTP_REQUIRED_ROLES=none to skip it.")
	}
	fmt.Fprintln(w, "Partner keys (send as Authorization: Bearer <key>):")
	for _, k := range seed.DemoKeys {
		scopes := make([]string, len(k.Scopes))
		for i, s := range k.Scopes {
			scopes[i] = string(s)
		}
		fmt.Fprintf(w, "  %-22s %-28s %s\n", k.PartnerName, strings.Join(scopes, ","), k.Secret)
	}
}

func displayAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || host == "" || host == "::" || host == "0.0.0.0" {
		return "localhost:" + port
	}
	return addr
}
