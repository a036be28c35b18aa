CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text        NOT NULL CHECK (email = lower(email) AND email <> ''),
    name          text        NOT NULL CHECK (btrim(name) <> ''),
    role          text        NOT NULL CHECK (role IN ('ADMIN', 'CASE_MANAGER', 'CLINICIAN', 'PEER_SUPPORTER', 'HOUSE_MANAGER', 'FAMILY')),
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- A session is a random token given to the browser; only its SHA-256 is stored.
CREATE TABLE sessions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash   bytea       NOT NULL UNIQUE,
    user_id      bigint      NOT NULL REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    ended_at     timestamptz
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
