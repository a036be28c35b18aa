ALTER TABLE api_keys DROP CONSTRAINT api_keys_expiry_after_creation, DROP COLUMN expires_at;
DROP TABLE password_resets;
DROP TABLE totp_recovery_codes;
ALTER TABLE users
    DROP CONSTRAINT users_totp_enabled_has_secret,
    DROP COLUMN totp_last_step,
    DROP COLUMN totp_enabled_at,
    DROP COLUMN totp_secret;
