-- Issue 4: family contacts and consent, partner API keys, and the audit log.

-- A member's relative or friend (FHIR RelatedPerson). May get a portal account.
CREATE TABLE family_contacts (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id          bigint      NOT NULL REFERENCES members (id),
    name               text        NOT NULL CHECK (btrim(name) <> ''),
    relationship       text        NOT NULL CHECK (btrim(relationship) <> ''),
    email              text        NOT NULL CHECK (email = lower(email) AND email <> ''),
    created_by_user_id bigint      REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_contacts_member_idx ON family_contacts (member_id);
-- One contact record per member and address.
CREATE UNIQUE INDEX family_contacts_member_email_key ON family_contacts (member_id, email);
-- The FAMILY user a contact signs in as, once they accepted an invitation.
-- One person can be the contact of several members and keep one account.
ALTER TABLE family_contacts ADD COLUMN user_id bigint REFERENCES users (id);
CREATE INDEX family_contacts_user_idx ON family_contacts (user_id) WHERE user_id IS NOT NULL;

-- A single-use invitation to create a FAMILY account; only the token's hash is kept.
CREATE TABLE family_invitations (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_contact_id  bigint      NOT NULL REFERENCES family_contacts (id),
    token_hash         bytea       NOT NULL UNIQUE,
    created_by_user_id bigint      REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    expires_at         timestamptz NOT NULL,
    accepted_at        timestamptz,
    accepted_user_id   bigint      REFERENCES users (id)
);
CREATE INDEX family_invitations_contact_idx ON family_invitations (family_contact_id);

-- A partner tool's key. Only the SHA-256 of the secret is kept.
CREATE TABLE api_keys (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_name       text        NOT NULL CHECK (btrim(partner_name) <> ''),
    scopes             text[]      NOT NULL CHECK (cardinality(scopes) > 0
                                   AND scopes <@ ARRAY['directory:read', 'outcomes:read', 'members:read']),
    secret_hash        bytea       NOT NULL UNIQUE,
    -- The first characters of the secret, shown so people can tell keys apart.
    secret_prefix      text        NOT NULL,
    created_by_user_id bigint      REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    last_used_at       timestamptz,
    revoked_at         timestamptz,
    revoked_by_user_id bigint      REFERENCES users (id)
);

-- A consent to disclose, after 42 CFR Part 2 §2.31. Never edited, only revoked.
-- The recipient is one family contact, one API key, or a partner named by
-- name (matching any key of that partner).
CREATE TABLE consents (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id           bigint      NOT NULL REFERENCES members (id),
    family_contact_id   bigint      REFERENCES family_contacts (id),
    api_key_id          bigint      REFERENCES api_keys (id),
    partner_name        text        CHECK (btrim(partner_name) <> ''),
    purpose             text        NOT NULL CHECK (btrim(purpose) <> ''),
    information_kinds   text[]      NOT NULL CHECK (cardinality(information_kinds) > 0
                                    AND information_kinds <@ ARRAY['MILESTONES', 'CARE_LEVEL', 'HOUSING', 'ATTENDANCE_SUMMARY', 'NOTES']),
    expires_at          timestamptz,
    expires_on_event    text        CHECK (expires_on_event IN ('END_OF_TREATMENT')),
    signature_name      text        NOT NULL CHECK (btrim(signature_name) <> ''),
    signed_at           timestamptz NOT NULL,
    recorded_by_user_id bigint      REFERENCES users (id),
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    revoked_at          timestamptz,
    revocation_reason   text,
    revoked_by_user_id  bigint      REFERENCES users (id),
    CONSTRAINT consents_one_recipient CHECK (num_nonnulls(family_contact_id, api_key_id, partner_name) = 1),
    CONSTRAINT consents_one_expiry CHECK (num_nonnulls(expires_at, expires_on_event) = 1),
    CONSTRAINT consents_expiry_after_signature CHECK (expires_at IS NULL OR expires_at > signed_at),
    CONSTRAINT consents_revocation_complete CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)),
    CONSTRAINT consents_revoked_after_signature CHECK (revoked_at IS NULL OR revoked_at >= signed_at)
);
CREATE INDEX consents_member_idx ON consents (member_id);
CREATE INDEX consents_family_contact_idx ON consents (family_contact_id) WHERE family_contact_id IS NOT NULL;
CREATE INDEX consents_api_key_idx ON consents (api_key_id) WHERE api_key_id IS NOT NULL;
CREATE INDEX consents_partner_idx ON consents (lower(partner_name)) WHERE partner_name IS NOT NULL;

-- A consent is never edited: only its revocation may be written, once.
CREATE FUNCTION consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'consents are never deleted' USING ERRCODE = 'P0001', CONSTRAINT = 'consents_append_only';
    END IF;
    IF OLD.revoked_at IS NOT NULL
        OR (to_jsonb(NEW) - 'revoked_at' - 'revocation_reason' - 'revoked_by_user_id')
           IS DISTINCT FROM (to_jsonb(OLD) - 'revoked_at' - 'revocation_reason' - 'revoked_by_user_id') THEN
        RAISE EXCEPTION 'a consent is never edited, only revoked once' USING ERRCODE = 'P0001', CONSTRAINT = 'consents_append_only';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER consents_append_only BEFORE UPDATE OR DELETE ON consents
    FOR EACH ROW EXECUTE FUNCTION consents_append_only();

-- Family contacts marked present at FAMILY group meetings.
CREATE TABLE family_attendance (
    meeting_id          bigint      NOT NULL REFERENCES meetings (id),
    family_contact_id   bigint      NOT NULL REFERENCES family_contacts (id),
    status              text        NOT NULL CHECK (status IN ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')),
    recorded_by_user_id bigint      REFERENCES users (id),
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, family_contact_id)
);
CREATE INDEX family_attendance_contact_idx ON family_attendance (family_contact_id);

-- The audit log: who read or wrote what, when, from where. Append-only.
-- Actor columns are plain values, not foreign keys: the log outlives what it names.
CREATE TABLE audit_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    actor_kind     text        NOT NULL CHECK (actor_kind IN ('USER', 'API_KEY', 'ANONYMOUS', 'SYSTEM')),
    actor_user_id  bigint,
    actor_role     text,
    actor_key_id   bigint,
    action         text        NOT NULL CHECK (action IN ('READ', 'WRITE', 'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'DENIED')),
    operation_name text,
    field          text,
    member_id      bigint,
    object_type    text,
    object_id      bigint,
    request_id     text,
    client_address text
);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_member_idx ON audit_events (member_id, occurred_at DESC, id DESC) WHERE member_id IS NOT NULL;
CREATE INDEX audit_events_user_idx ON audit_events (actor_user_id, occurred_at DESC, id DESC) WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_events_key_idx ON audit_events (actor_key_id, occurred_at DESC, id DESC) WHERE actor_key_id IS NOT NULL;

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'P0001', CONSTRAINT = 'audit_events_append_only';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
