-- The rate-limit buckets and the sign-in throttle live in the database, so
-- that several server processes on one database count together: an actor
-- spends one bucket whichever instance serves it, and failures on one
-- instance lock out sign-in on all of them.
--
-- Both tables are UNLOGGED: their rows change on every request, and an
-- unlogged table skips the write-ahead log (so also replicas and backups).
-- PostgreSQL empties them after a crash, which is acceptable: an emptied
-- bucket table is every bucket full (they would refill within seconds
-- anyway), and an emptied throttle gives a guesser one fresh window, once
-- per crash. A clean restart keeps them.

-- rate_buckets holds the buckets that are not full (server/ratelimit): a
-- missing row is a full bucket. `available` is the level at `at`; the
-- level now is computed from them, capacity and restore rate in the
-- statement that takes from it. Full rows are swept once a minute. No index
-- beyond the key, so that updates stay HOT.
CREATE UNLOGGED TABLE rate_buckets (
    key       text PRIMARY KEY,
    available double precision NOT NULL,
    at        timestamptz NOT NULL
);

-- sign_in_failures holds the failed sign-ins of an account
-- ('account:<email>') or a client address ('address:<group>'), as
-- server/auth's SignInThrottle counts them. forgotten_at is when the row
-- stops mattering (a window after its last failure and the end of its
-- lockout); rows past it are swept.
CREATE UNLOGGED TABLE sign_in_failures (
    key          text PRIMARY KEY,
    failures     timestamptz[] NOT NULL DEFAULT '{}',
    lockouts     integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    last_failure timestamptz,
    forgotten_at timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_forgotten_at ON sign_in_failures (forgotten_at);
