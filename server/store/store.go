// Package store keeps the product's data in PostgreSQL through bun. Each
// write method owns its transaction and checks the domain rules inside it;
// the same invariants are also database constraints, whose violations are
// translated here into domain errors.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/driver/pgdriver"

	"carejourney/server/domain"
)

// Store is the data layer.
type Store struct {
	db *bun.DB
	// Now is the clock; tests may replace it.
	Now func() time.Time
	// Location is the provider's time zone, which decides what "today" is.
	Location *time.Location
	// careLevels is the catalogue once read (CareLevels), shared by the
	// copies of a Store that tests and the seed make with another clock.
	careLevels *atomic.Pointer[[]domain.CareLevel]
}

// New returns a Store over db that reckons calendar dates in loc.
func New(db *bun.DB, loc *time.Location) *Store {
	return &Store{db: db, Now: time.Now, Location: loc, careLevels: new(atomic.Pointer[[]domain.CareLevel])}
}

// DB returns the underlying connection pool.
func (s *Store) DB() *bun.DB { return s.db }

// Today is the provider's current calendar date, as midnight UTC.
func (s *Store) Today() time.Time {
	now := s.Now().In(s.Location)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// Open connects to PostgreSQL at url and checks the connection. Its
// statements run without a time limit (migrations, commands); the server's
// requests use OpenPool with a statement timeout.
func Open(ctx context.Context, url string) (*bun.DB, error) {
	return OpenPool(ctx, url, PoolOptions{})
}

// PoolOptions bound the statements of a pool.
type PoolOptions struct {
	// StatementTimeout, when set, is PostgreSQL's statement_timeout on every
	// connection of the pool: a statement running longer is cancelled by
	// the server itself (SQLSTATE 57014), whatever the client does.
	StatementTimeout time.Duration
}

// clientCheckInterval is how often a backend running a statement checks
// that its client is still there (client_connection_check_interval): when
// a request's deadline passes, the driver closes the connection, and the
// backend stops the statement within this interval instead of running it
// to the end.
const clientCheckInterval = time.Second

// maxOpenConns bounds the pool; the audit log shares it.
const maxOpenConns = 40

// OpenPool connects to PostgreSQL at url with opts and checks the
// connection.
func OpenPool(ctx context.Context, url string, opts PoolOptions) (*bun.DB, error) {
	driverOpts := []pgdriver.Option{pgdriver.WithDSN(url), pgdriver.WithTimeout(10 * time.Second)}
	if opts.StatementTimeout > 0 {
		driverOpts = append(driverOpts,
			pgdriver.WithConnParams(map[string]any{
				"statement_timeout":                opts.StatementTimeout.Milliseconds(),
				"client_connection_check_interval": clientCheckInterval.Milliseconds(),
			}),
			// The socket waits longer than the server lets a statement run,
			// so a slow statement ends as the server's clear 57014, not as a
			// read timeout that leaves the backend running.
			pgdriver.WithReadTimeout(opts.StatementTimeout+5*time.Second))
	}
	connector := pgdriver.NewConnector(driverOpts...)
	sqldb := sql.OpenDB(connector)
	// Every open connection may stay idle: under steady load a smaller idle
	// limit closed and reopened backends many times a second, and starting
	// backends took most of PostgreSQL's CPU (issue 11's first profile).
	sqldb.SetMaxOpenConns(maxOpenConns)
	sqldb.SetMaxIdleConns(maxOpenConns)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	// Unknown columns are skipped so generated columns (sort keys) and columns
	// added by a newer migration never break scanning.
	db := bun.NewDB(sqldb, pgdialect.New(), bun.WithDiscardUnknownColumns())
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("store: unable to reach the database: %w", err)
	}
	return db, nil
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// inTx runs fn in a transaction that commits when fn returns nil and rolls
// back otherwise, translating constraint violations into domain errors.
func (s *Store) inTx(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	err := s.db.RunInTx(ctx, nil, fn)
	return translate(err)
}

// PostgreSQL error codes this package reacts to.
const (
	pgUniqueViolation    = "23505"
	pgExclusionViolation = "23P01"
	pgForeignKey         = "23503"
	pgCheckViolation     = "23514"
	pgSerialization      = "40001"
	pgDeadlock           = "40P01"
)

// constraintErrors turns named constraint violations into the errors a
// caller can act on. Anything unnamed stays an internal error.
var constraintErrors = map[string]*domain.Error{
	"care_episodes_no_overlap": domain.Errorf(domain.CodeEpisodeOverlap,
		"The episode would overlap another episode of this member."),
	"care_episodes_one_open_idx": domain.Errorf(domain.CodeConflict,
		"The member's care changed at the same moment; reload and try again."),
	"care_episodes_supersedes_episode_id_key": domain.Errorf(domain.CodeAlreadySuperseded,
		"This episode was already corrected."),
	"users_email_key": domain.FieldError(domain.CodeDuplicate, "email",
		"An account with this email exists already."),

	// Peers.
	"peers_alumnus_member_id_key": domain.FieldError(domain.CodeDuplicate, "memberId",
		"This member is linked to another peer already."),
	"peers_user_id_key": domain.FieldError(domain.CodeDuplicate, "userId",
		"This account belongs to another peer already."),
	"peer_assignments_caseload_limit": domain.FieldError(domain.CodeCaseloadFull, "peerId",
		"The peer's caseload is full."),
	"peers_caseload_limit_below_caseload": domain.FieldError(domain.CodeInvalidInput, "caseloadLimit",
		"The peer supports more members than that now; end some assignments first."),
	"peer_assignments_no_overlap": domain.FieldError(domain.CodeInvalidInput, "startedAt",
		"The member had another peer at that time; start the pairing after it ended."),
	"peer_assignments_one_current_idx": domain.Errorf(domain.CodeConflict,
		"The member's peer changed at the same moment; reload and try again."),

	// Houses.
	"houses_name_key": domain.FieldError(domain.CodeDuplicate, "name",
		"A house with this name exists already."),
	"residencies_house_capacity": domain.FieldError(domain.CodeHouseFull, "houseId",
		"Every bed of the house is taken."),
	"houses_capacity_below_occupancy": domain.FieldError(domain.CodeCapacityBelowOccupancy, "capacity",
		"More residents live in the house than that; move someone out first."),
	"residencies_bed_no_overlap": domain.FieldError(domain.CodeBedTaken, "bed",
		"Someone else lives in that bed."),
	"residencies_no_overlap": domain.FieldError(domain.CodeAlreadyInHouse, "moveInAt",
		"The member lived in a house at that time."),
	"residencies_one_current_idx": domain.FieldError(domain.CodeAlreadyInHouse, "memberId",
		"The member lives in a house already; move them out first."),

	// Groups.
	"group_memberships_one_current_idx": domain.FieldError(domain.CodeDuplicate, "memberId",
		"The member belongs to the group already."),
	"group_facilitators_peer_key": domain.FieldError(domain.CodeDuplicate, "facilitatorPeerIds",
		"A peer is listed twice."),
	"group_facilitators_user_key": domain.FieldError(domain.CodeDuplicate, "facilitatorUserIds",
		"A user is listed twice."),
	"groups_house_only_for_house_meetings": domain.FieldError(domain.CodeInvalidInput, "houseId",
		"A house meeting belongs to one house, and only a house meeting has a house."),
	"group_schedule_slots_group_id_day_of_week_start_time_key": domain.FieldError(domain.CodeDuplicate, "schedule",
		"Two meeting times start at the same moment."),

	// Partners.
	"partners_name_key": domain.FieldError(domain.CodeDuplicate, "name",
		"A partner has this name already."),

	// Family contacts and consents.
	"family_contacts_member_email_key": domain.FieldError(domain.CodeDuplicate, "email",
		"The member has a family contact with this email address already."),
	"consents_append_only": domain.Errorf(domain.CodeAlreadyRevoked,
		"A consent is never edited, and it is revoked only once."),

	// Accounts.
	"api_keys_expiry_after_creation": domain.FieldError(domain.CodeInvalidInput, "expiresAt",
		"The expiry must be in the future."),

	// Aftercare plans.
	"aftercare_plans_one_active_idx": domain.FieldError(domain.CodeActivePlanExists, "aftercarePlanId",
		"The member has an active aftercare plan already; complete or cancel it first."),
	"aftercare_plans_review_after_start": domain.FieldError(domain.CodeInvalidInput, "reviewOn",
		"The review date cannot be before the plan starts."),
}

func translate(err error) error {
	if err == nil || domain.AsError(err) != nil {
		return err
	}
	var pgErr pgdriver.Error
	if !errors.As(err, &pgErr) {
		return err
	}
	if known, ok := constraintErrors[pgErr.Field('n')]; ok {
		return known
	}
	switch pgErr.Field('C') {
	case pgSerialization, pgDeadlock:
		return domain.Errorf(domain.CodeConflict, "Someone else changed the same record at the same moment; try again.")
	}
	if IsBadValue(err) {
		return ErrBadValue
	}
	return err
}

// ErrBadValue is what a value the database cannot read becomes (see
// IsBadValue); the database's own message may quote the value, so it is not
// passed on.
var ErrBadValue = domain.Errorf(domain.CodeInvalidInput, "A value in the request is not valid here (a cursor that is not one of ours, or text the database cannot read).")

// constraintName is the constraint a PostgreSQL error names, "" for none.
func constraintName(err error) string {
	var pgErr pgdriver.Error
	if !errors.As(err, &pgErr) {
		return ""
	}
	return pgErr.Field('n')
}

func notFound(what string) *domain.Error {
	return domain.Errorf(domain.CodeNotFound, "%s not found.", what)
}

// indexBy keys rows by id, for the loaders' batch lookups.
func indexBy[T any](rows []T, id func(T) int64) map[int64]T {
	out := make(map[int64]T, len(rows))
	for _, r := range rows {
		out[id(r)] = r
	}
	return out
}

// groupBy collects rows under a key, keeping their order.
func groupBy[T any](rows []T, key func(T) int64) map[int64][]T {
	out := make(map[int64][]T)
	for _, r := range rows {
		out[key(r)] = append(out[key(r)], r)
	}
	return out
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
