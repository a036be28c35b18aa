-- Accounts an auditor would accept: password resets, TOTP two-factor
-- sign-in with recovery codes, and API keys that expire.

-- TOTP (RFC 6238). totp_secret is the base32 shared secret: pending while
-- totp_enabled_at is NULL (enrollment begun, not confirmed), in force once
-- it is set. It is stored as is: the server has no key to encrypt it with
-- that a copy of the database would not hold too; it is never logged.
-- totp_last_step is the 30-second step of the last code accepted, so a
-- code is never accepted twice.
ALTER TABLE users
    ADD COLUMN totp_secret     text,
    ADD COLUMN totp_enabled_at timestamptz,
    ADD COLUMN totp_last_step  bigint,
    ADD CONSTRAINT users_totp_enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL);

-- Single-use recovery codes for when the authenticator is lost; only their
-- SHA-256 is stored.
CREATE TABLE totp_recovery_codes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id),
    code_hash  bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz,
    CONSTRAINT totp_recovery_codes_user_code_key UNIQUE (user_id, code_hash)
);

-- A one-time password reset link an admin issued. Only the SHA-256 of its
-- token is stored; it expires and is used once.
CREATE TABLE password_resets (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id            bigint      NOT NULL REFERENCES users (id),
    token_hash         bytea       NOT NULL UNIQUE,
    created_by_user_id bigint      REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    expires_at         timestamptz NOT NULL,
    used_at            timestamptz,
    CONSTRAINT password_resets_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);

-- A key past its expiry is refused like an unknown one.
ALTER TABLE api_keys
    ADD COLUMN expires_at timestamptz,
    ADD CONSTRAINT api_keys_expiry_after_creation CHECK (expires_at IS NULL OR expires_at > created_at);
