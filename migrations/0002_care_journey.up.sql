-- btree_gist lets one exclusion constraint compare member ids with = and
-- episode periods with &&; pg_trgm makes the member search use an index.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE care_levels (
    code                      text    PRIMARY KEY,
    name                      text    NOT NULL,
    asam_level                text    NOT NULL,
    asam_level_fourth_edition text    NOT NULL,
    intensity                 integer NOT NULL CHECK (intensity > 0),
    position                  integer NOT NULL UNIQUE
);

INSERT INTO care_levels (code, name, asam_level, asam_level_fourth_edition, intensity, position) VALUES
    ('DETOX',           'Medically managed withdrawal (detox)',              '3.7-WM, 4-WM', '3.7, 4.0', 7, 1),
    ('RESIDENTIAL',     'Residential treatment',                             '3.5',          '3.5',      6, 2),
    ('PHP',             'Partial hospitalization',                           '2.5',          '2.5',      5, 3),
    ('IOP',             'Intensive outpatient',                              '2.1',          '2.1',      4, 4),
    ('VIRTUAL_IOP',     'Virtual intensive outpatient',                      '2.1',          '2.1',      4, 5),
    ('OUTPATIENT',      'Outpatient',                                        '1',            '1.5',      3, 6),
    ('CONTINUING_CARE', 'Aftercare / continuing care (recovery monitoring)', '1',            '1.0',      1, 7);

CREATE TABLE members (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_name          text        NOT NULL CHECK (btrim(first_name) <> ''),
    last_name           text        NOT NULL CHECK (btrim(last_name) <> ''),
    preferred_name      text,
    date_of_birth       date,
    status              text        NOT NULL DEFAULT 'PREADMISSION'
                                    CHECK (status IN ('PREADMISSION', 'ACTIVE', 'DISCHARGED', 'ALUMNI')),
    -- The current sobriety date; its history is recovery_start_dates.
    recovery_start_date date,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    sort_name           text GENERATED ALWAYS AS (lower(last_name || ' ' || first_name)) STORED,
    search_text         text GENERATED ALWAYS AS (lower(first_name || ' ' || last_name || ' ' || coalesce(preferred_name, ''))) STORED
);
CREATE INDEX members_sort_name_idx ON members (sort_name, id);
CREATE INDEX members_created_at_idx ON members (created_at, id);
CREATE INDEX members_search_idx ON members USING gin (search_text gin_trgm_ops);

-- Append-only history of sobriety dates: a reset after a relapse is a new row.
CREATE TABLE recovery_start_dates (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id           bigint      NOT NULL REFERENCES members (id),
    start_date          date        NOT NULL,
    reason              text        NOT NULL DEFAULT '',
    recorded_by_user_id bigint      REFERENCES users (id),
    recorded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recovery_start_dates_member_idx ON recovery_start_dates (member_id, recorded_at);

CREATE TABLE care_episodes (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id             bigint      NOT NULL REFERENCES members (id),
    care_level_code       text        NOT NULL REFERENCES care_levels (code),
    started_at            timestamptz NOT NULL,
    ended_at              timestamptz,
    reason                text        NOT NULL DEFAULT '',
    discharge_reason      text,
    discharged_by_user_id bigint      REFERENCES users (id),
    recorded_by_user_id   bigint      REFERENCES users (id),
    recorded_at           timestamptz NOT NULL DEFAULT now(),
    supersedes_episode_id bigint      UNIQUE REFERENCES care_episodes (id),
    superseded_at         timestamptz,
    superseded_by_user_id bigint      REFERENCES users (id),
    supersede_reason      text,
    period                tstzrange GENERATED ALWAYS AS (tstzrange(started_at, ended_at, '[)')) STORED,
    CONSTRAINT care_episodes_ends_after_start CHECK (ended_at IS NULL OR ended_at > started_at),
    CONSTRAINT care_episodes_discharge_closes CHECK (discharge_reason IS NULL OR ended_at IS NOT NULL),
    CONSTRAINT care_episodes_supersession_complete CHECK (
        (superseded_at IS NULL AND supersede_reason IS NULL)
        OR (superseded_at IS NOT NULL AND supersede_reason IS NOT NULL)),
    -- One member's current episodes never overlap; superseded ones are history.
    CONSTRAINT care_episodes_no_overlap
        EXCLUDE USING gist (member_id WITH =, period WITH &&) WHERE (superseded_at IS NULL)
);
-- At most one open episode per member.
CREATE UNIQUE INDEX care_episodes_one_open_idx ON care_episodes (member_id)
    WHERE ended_at IS NULL AND superseded_at IS NULL;
CREATE INDEX care_episodes_member_idx ON care_episodes (member_id, started_at);
CREATE INDEX care_episodes_open_level_idx ON care_episodes (care_level_code, member_id)
    WHERE ended_at IS NULL AND superseded_at IS NULL;

-- History is append-only: episodes are never deleted, and once written only
-- closing an open episode and superseding it are allowed.
CREATE FUNCTION care_episodes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'care episodes are append-only: supersede instead of deleting'
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF NEW.member_id <> OLD.member_id
        OR NEW.care_level_code <> OLD.care_level_code
        OR NEW.started_at <> OLD.started_at
        OR NEW.reason <> OLD.reason
        OR NEW.recorded_at <> OLD.recorded_at
        OR NEW.recorded_by_user_id IS DISTINCT FROM OLD.recorded_by_user_id
        OR NEW.supersedes_episode_id IS DISTINCT FROM OLD.supersedes_episode_id
        -- The end and the discharge are written once, when the episode closes.
        OR (OLD.ended_at IS NOT NULL AND (NEW.ended_at IS DISTINCT FROM OLD.ended_at
            OR NEW.discharge_reason IS DISTINCT FROM OLD.discharge_reason
            OR NEW.discharged_by_user_id IS DISTINCT FROM OLD.discharged_by_user_id))
        OR (NEW.superseded_at IS NULL AND NEW.superseded_by_user_id IS NOT NULL)
        OR (OLD.superseded_at IS NOT NULL AND (NEW.superseded_at IS DISTINCT FROM OLD.superseded_at
            OR NEW.supersede_reason IS DISTINCT FROM OLD.supersede_reason
            OR NEW.superseded_by_user_id IS DISTINCT FROM OLD.superseded_by_user_id))
    THEN
        RAISE EXCEPTION 'care episodes are append-only: only closing and superseding are allowed'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER care_episodes_append_only
    BEFORE UPDATE OR DELETE ON care_episodes
    FOR EACH ROW EXECUTE FUNCTION care_episodes_append_only();

CREATE FUNCTION recovery_start_dates_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'recovery start dates are append-only history'
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER recovery_start_dates_append_only
    BEFORE UPDATE OR DELETE ON recovery_start_dates
    FOR EACH ROW EXECUTE FUNCTION recovery_start_dates_append_only();
