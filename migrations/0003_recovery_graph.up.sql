-- The recovery graph: peers, groups and attendance, sober living houses,
-- aftercare plans, recovery capital and the updates of a member's journey.

-- A short name for sentences such as "Stepped down to IOP".
ALTER TABLE care_levels ADD COLUMN short_name text;
UPDATE care_levels SET short_name = CASE code
    WHEN 'DETOX' THEN 'detox'
    WHEN 'RESIDENTIAL' THEN 'residential treatment'
    WHEN 'PHP' THEN 'PHP'
    WHEN 'IOP' THEN 'IOP'
    WHEN 'VIRTUAL_IOP' THEN 'virtual IOP'
    WHEN 'OUTPATIENT' THEN 'outpatient'
    WHEN 'CONTINUING_CARE' THEN 'continuing care'
    ELSE name END;
ALTER TABLE care_levels ALTER COLUMN short_name SET NOT NULL;

-- Peers ---------------------------------------------------------------------

CREATE TABLE peers (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                     text        NOT NULL CHECK (btrim(name) <> ''),
    bio                      text        NOT NULL DEFAULT '',
    certification_kind       text        CHECK (certification_kind IS NULL OR btrim(certification_kind) <> ''),
    certification_number     text,
    certification_expires_on date,
    recovery_start_date      date,
    languages                text[]      NOT NULL DEFAULT '{}',
    specialties              text[]      NOT NULL DEFAULT '{}',
    caseload_limit           integer     NOT NULL CHECK (caseload_limit BETWEEN 0 AND 200),
    active                   boolean     NOT NULL DEFAULT true,
    -- The cycle of support: the member record the peer was, when an alumnus.
    alumnus_member_id        bigint      UNIQUE REFERENCES members (id),
    -- The peer's staff account, when they sign in.
    user_id                  bigint      UNIQUE REFERENCES users (id),
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    sort_name                text GENERATED ALWAYS AS (lower(name)) STORED,
    CONSTRAINT peers_certification_complete CHECK (
        certification_kind IS NOT NULL OR (certification_number IS NULL AND certification_expires_on IS NULL))
);
CREATE INDEX peers_sort_name_idx ON peers (sort_name, id);
CREATE INDEX peers_languages_idx ON peers USING gin (languages);

CREATE TABLE peer_assignments (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id           bigint      NOT NULL REFERENCES members (id),
    peer_id             bigint      NOT NULL REFERENCES peers (id),
    started_at          timestamptz NOT NULL,
    ended_at            timestamptz,
    focus               text        NOT NULL DEFAULT '',
    end_reason          text,
    recorded_by_user_id bigint      REFERENCES users (id),
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    ended_by_user_id    bigint      REFERENCES users (id),
    period              tstzrange GENERATED ALWAYS AS (tstzrange(started_at, ended_at, '[)')) STORED,
    CONSTRAINT peer_assignments_ends_after_start CHECK (ended_at IS NULL OR ended_at > started_at),
    -- A member has one peer at a time.
    CONSTRAINT peer_assignments_no_overlap EXCLUDE USING gist (member_id WITH =, period WITH &&)
);
CREATE UNIQUE INDEX peer_assignments_one_current_idx ON peer_assignments (member_id) WHERE ended_at IS NULL;
CREATE INDEX peer_assignments_peer_idx ON peer_assignments (peer_id, started_at) WHERE ended_at IS NULL;
CREATE INDEX peer_assignments_member_idx ON peer_assignments (member_id, started_at);

-- A peer never holds more current assignments than their caseload limit.
-- The peer's row lock makes concurrent assignments to one peer take turns,
-- and each sees the ones committed before it.
CREATE FUNCTION peer_assignments_caseload() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    caseload_limit integer;
    current_count  integer;
BEGIN
    IF NEW.ended_at IS NOT NULL OR (TG_OP = 'UPDATE' AND OLD.ended_at IS NULL AND OLD.peer_id = NEW.peer_id) THEN
        RETURN NEW;
    END IF;
    SELECT p.caseload_limit INTO caseload_limit FROM peers p WHERE p.id = NEW.peer_id FOR UPDATE;
    SELECT count(*) INTO current_count FROM peer_assignments a
        WHERE a.peer_id = NEW.peer_id AND a.ended_at IS NULL AND a.id <> NEW.id;
    IF current_count >= caseload_limit THEN
        RAISE EXCEPTION 'peer % has a full caseload', NEW.peer_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'peer_assignments_caseload_limit';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER peer_assignments_caseload
    BEFORE INSERT OR UPDATE ON peer_assignments
    FOR EACH ROW EXECUTE FUNCTION peer_assignments_caseload();

-- A limit below the current caseload would leave the peer over it.
CREATE FUNCTION peers_caseload_not_below_current() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.caseload_limit < OLD.caseload_limit AND NEW.caseload_limit <
        (SELECT count(*) FROM peer_assignments a WHERE a.peer_id = NEW.id AND a.ended_at IS NULL) THEN
        RAISE EXCEPTION 'caseload limit below the current caseload of peer %', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'peers_caseload_limit_below_caseload';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER peers_caseload_not_below_current
    BEFORE UPDATE OF caseload_limit ON peers
    FOR EACH ROW EXECUTE FUNCTION peers_caseload_not_below_current();

CREATE TABLE peer_conversations (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    peer_id             bigint      NOT NULL REFERENCES peers (id),
    member_id           bigint      NOT NULL REFERENCES members (id),
    occurred_at         timestamptz NOT NULL,
    duration_minutes    integer     NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
    channel             text        NOT NULL CHECK (channel IN ('IN_PERSON', 'PHONE', 'VIDEO', 'TEXT')),
    note                text        NOT NULL DEFAULT '',
    recorded_by_user_id bigint      REFERENCES users (id),
    recorded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX peer_conversations_member_idx ON peer_conversations (member_id, occurred_at);
CREATE INDEX peer_conversations_peer_idx ON peer_conversations (peer_id, occurred_at);

-- Houses --------------------------------------------------------------------

CREATE TABLE houses (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               text        NOT NULL CHECK (btrim(name) <> ''),
    address            text        NOT NULL DEFAULT '',
    capacity           integer     NOT NULL CHECK (capacity BETWEEN 1 AND 200),
    gender_designation text        NOT NULL CHECK (gender_designation IN ('MEN', 'WOMEN', 'CO_ED')),
    narr_level         text        NOT NULL CHECK (narr_level IN ('I', 'II', 'III', 'IV')),
    phone              text,
    manager_user_id    bigint      REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    sort_name          text GENERATED ALWAYS AS (lower(name)) STORED
);
CREATE UNIQUE INDEX houses_name_key ON houses (lower(name));
CREATE INDEX houses_sort_name_idx ON houses (sort_name, id);

CREATE TABLE residencies (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id              bigint      NOT NULL REFERENCES members (id),
    house_id               bigint      NOT NULL REFERENCES houses (id),
    bed                    text        CHECK (bed IS NULL OR btrim(bed) <> ''),
    move_in_at             timestamptz NOT NULL,
    move_out_at            timestamptz,
    move_out_reason        text        CHECK (move_out_reason IN
                                           ('COMPLETED', 'TRANSFERRED', 'DISCHARGED', 'RULE_VIOLATION', 'RELAPSE', 'OTHER')),
    move_out_note          text,
    recorded_by_user_id    bigint      REFERENCES users (id),
    recorded_at            timestamptz NOT NULL DEFAULT now(),
    moved_out_by_user_id   bigint      REFERENCES users (id),
    period                 tstzrange GENERATED ALWAYS AS (tstzrange(move_in_at, move_out_at, '[)')) STORED,
    CONSTRAINT residencies_moves_out_after_in CHECK (move_out_at IS NULL OR move_out_at > move_in_at),
    CONSTRAINT residencies_move_out_complete CHECK ((move_out_at IS NULL) = (move_out_reason IS NULL)),
    -- A member lives in one house at a time, now and in the history.
    CONSTRAINT residencies_no_overlap EXCLUDE USING gist (member_id WITH =, period WITH &&),
    -- A bed holds one resident at a time.
    CONSTRAINT residencies_bed_no_overlap EXCLUDE USING gist (house_id WITH =, lower(bed) WITH =, period WITH &&)
        WHERE (bed IS NOT NULL)
);
CREATE UNIQUE INDEX residencies_one_current_idx ON residencies (member_id) WHERE move_out_at IS NULL;
CREATE INDEX residencies_house_current_idx ON residencies (house_id) WHERE move_out_at IS NULL;
CREATE INDEX residencies_house_idx ON residencies (house_id, move_in_at);
CREATE INDEX residencies_member_idx ON residencies (member_id, move_in_at);

-- Active residents never exceed the house's beds. The house's row lock
-- makes concurrent move-ins to one house take turns.
CREATE FUNCTION residencies_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    beds     integer;
    occupied integer;
BEGIN
    IF NEW.move_out_at IS NOT NULL OR (TG_OP = 'UPDATE' AND OLD.move_out_at IS NULL AND OLD.house_id = NEW.house_id) THEN
        RETURN NEW;
    END IF;
    SELECT h.capacity INTO beds FROM houses h WHERE h.id = NEW.house_id FOR UPDATE;
    SELECT count(*) INTO occupied FROM residencies r
        WHERE r.house_id = NEW.house_id AND r.move_out_at IS NULL AND r.id <> NEW.id;
    IF occupied >= beds THEN
        RAISE EXCEPTION 'house % is full', NEW.house_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'residencies_house_capacity';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER residencies_capacity
    BEFORE INSERT OR UPDATE ON residencies
    FOR EACH ROW EXECUTE FUNCTION residencies_capacity();

CREATE FUNCTION houses_capacity_not_below_occupancy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.capacity < OLD.capacity AND NEW.capacity <
        (SELECT count(*) FROM residencies r WHERE r.house_id = NEW.id AND r.move_out_at IS NULL) THEN
        RAISE EXCEPTION 'capacity below the occupancy of house %', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'houses_capacity_below_occupancy';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER houses_capacity_not_below_occupancy
    BEFORE UPDATE OF capacity ON houses
    FOR EACH ROW EXECUTE FUNCTION houses_capacity_not_below_occupancy();

-- Groups, meetings and attendance -------------------------------------------

CREATE TABLE groups (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (btrim(name) <> ''),
    kind        text        NOT NULL CHECK (kind IN
                                ('PEER_SUPPORT', 'AFTERCARE', 'FAMILY', 'MUTUAL_SUPPORT', 'THERAPY', 'HOUSE_MEETING')),
    description text        NOT NULL DEFAULT '',
    modality    text        NOT NULL CHECK (modality IN ('IN_PERSON', 'VIRTUAL', 'HYBRID')),
    -- A place, a video link, or both for hybrid groups.
    location    text        NOT NULL DEFAULT '',
    time_zone   text        NOT NULL,
    -- The house whose meeting this is, for HOUSE_MEETING groups.
    house_id    bigint      REFERENCES houses (id),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    sort_name   text GENERATED ALWAYS AS (lower(name)) STORED,
    CONSTRAINT groups_house_only_for_house_meetings CHECK ((kind = 'HOUSE_MEETING') = (house_id IS NOT NULL))
);
CREATE INDEX groups_sort_name_idx ON groups (sort_name, id);

-- The weekly schedule; day_of_week is ISO (1 = Monday … 7 = Sunday) and the
-- start is local time in the group's time zone.
CREATE TABLE group_schedule_slots (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id         bigint  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    day_of_week      integer NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    start_time       time    NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    UNIQUE (group_id, day_of_week, start_time)
);

CREATE TABLE group_facilitators (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id bigint NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    peer_id  bigint REFERENCES peers (id),
    user_id  bigint REFERENCES users (id),
    CONSTRAINT group_facilitators_one_person CHECK ((peer_id IS NULL) <> (user_id IS NULL))
);
CREATE UNIQUE INDEX group_facilitators_peer_key ON group_facilitators (group_id, peer_id) WHERE peer_id IS NOT NULL;
CREATE UNIQUE INDEX group_facilitators_user_key ON group_facilitators (group_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX group_facilitators_peer_idx ON group_facilitators (peer_id);
CREATE INDEX group_facilitators_user_idx ON group_facilitators (user_id);

CREATE TABLE group_memberships (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id            bigint      NOT NULL REFERENCES groups (id),
    member_id           bigint      NOT NULL REFERENCES members (id),
    joined_at           timestamptz NOT NULL,
    left_at             timestamptz,
    recorded_by_user_id bigint      REFERENCES users (id),
    CONSTRAINT group_memberships_leaves_after_join CHECK (left_at IS NULL OR left_at > joined_at)
);
CREATE UNIQUE INDEX group_memberships_one_current_idx ON group_memberships (group_id, member_id) WHERE left_at IS NULL;
CREATE INDEX group_memberships_member_idx ON group_memberships (member_id);

CREATE TABLE meetings (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id            bigint      NOT NULL REFERENCES groups (id),
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    topic               text        NOT NULL DEFAULT '',
    facilitator_peer_id bigint      REFERENCES peers (id),
    facilitator_user_id bigint      REFERENCES users (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT meetings_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT meetings_one_facilitator CHECK (facilitator_peer_id IS NULL OR facilitator_user_id IS NULL),
    -- Materialising a schedule twice makes no second meeting.
    CONSTRAINT meetings_group_start_key UNIQUE (group_id, starts_at)
);
CREATE INDEX meetings_starts_at_idx ON meetings (starts_at, id);

CREATE TABLE attendance_records (
    meeting_id          bigint      NOT NULL REFERENCES meetings (id),
    member_id           bigint      NOT NULL REFERENCES members (id),
    status              text        NOT NULL CHECK (status IN ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')),
    recorded_by_user_id bigint      REFERENCES users (id),
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX attendance_records_member_idx ON attendance_records (member_id, meeting_id);

-- Aftercare plans -----------------------------------------------------------

CREATE TABLE aftercare_plans (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id      bigint      NOT NULL REFERENCES members (id),
    status         text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    starts_on      date        NOT NULL,
    review_on      date        NOT NULL,
    author_user_id bigint      REFERENCES users (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    activated_at   timestamptz,
    closed_at      timestamptz,
    CONSTRAINT aftercare_plans_review_after_start CHECK (review_on >= starts_on)
);
-- One active plan per member.
CREATE UNIQUE INDEX aftercare_plans_one_active_idx ON aftercare_plans (member_id) WHERE status = 'ACTIVE';
CREATE INDEX aftercare_plans_member_idx ON aftercare_plans (member_id, created_at);

CREATE TABLE aftercare_goals (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id     bigint      NOT NULL REFERENCES aftercare_plans (id),
    category    text        NOT NULL CHECK (category IN ('RELAPSE_PREVENTION', 'CONTINUING_RECOVERY',
                                'HEALTHY_BEHAVIORS', 'SUPPORT_SYSTEMS', 'HOUSING', 'EMPLOYMENT', 'RELATIONSHIPS')),
    description text        NOT NULL CHECK (btrim(description) <> ''),
    target_date date,
    status      text        NOT NULL DEFAULT 'NOT_STARTED'
                            CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'DEFERRED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX aftercare_goals_plan_idx ON aftercare_goals (plan_id, id);

CREATE TABLE aftercare_commitments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint      NOT NULL REFERENCES aftercare_plans (id),
    kind            text        NOT NULL CHECK (kind IN ('INPATIENT', 'OUTPATIENT', 'MUTUAL_SUPPORT_GROUP',
                                    'PEER_MENTORING', 'MEDICATION', 'THERAPY', 'RECOVERY_HOUSING', 'OTHER')),
    description     text        NOT NULL DEFAULT '',
    group_id        bigint      REFERENCES groups (id),
    house_id        bigint      REFERENCES houses (id),
    peer_id         bigint      REFERENCES peers (id),
    target_per_week integer     CHECK (target_per_week BETWEEN 1 AND 21),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- Removing keeps the row: the plan's history stays readable.
    removed_at      timestamptz,
    CONSTRAINT aftercare_commitments_one_target CHECK (num_nonnulls(group_id, house_id, peer_id) <= 1)
);
CREATE INDEX aftercare_commitments_plan_idx ON aftercare_commitments (plan_id, id);

CREATE TABLE check_ins (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id             bigint      NOT NULL REFERENCES aftercare_plans (id),
    occurred_on         date        NOT NULL,
    abstinent           boolean     NOT NULL,
    craving             integer     NOT NULL CHECK (craving BETWEEN 0 AND 10),
    coping_skills       text[]      NOT NULL DEFAULT '{}',
    note                text        NOT NULL DEFAULT '',
    recorded_by_user_id bigint      REFERENCES users (id),
    recorded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX check_ins_plan_idx ON check_ins (plan_id, occurred_on, id);

-- BARC-10: ten answers, each 1-6; the total (10-60) is derived by the database.
CREATE TABLE recovery_capital_assessments (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id           bigint      NOT NULL REFERENCES members (id),
    answers             integer[]   NOT NULL CHECK (
                                        array_length(answers, 1) = 10 AND array_ndims(answers) = 1
                                        AND 1 <= ALL (answers) AND 6 >= ALL (answers)),
    total               integer GENERATED ALWAYS AS (
                            answers[1] + answers[2] + answers[3] + answers[4] + answers[5]
                            + answers[6] + answers[7] + answers[8] + answers[9] + answers[10]) STORED,
    assessed_at         timestamptz NOT NULL,
    recorded_by_user_id bigint      REFERENCES users (id),
    recorded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recovery_capital_member_idx ON recovery_capital_assessments (member_id, assessed_at);

-- Updates -------------------------------------------------------------------

CREATE TABLE updates (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id         bigint      NOT NULL REFERENCES members (id),
    kind              text        NOT NULL CHECK (kind IN ('MILESTONE', 'CARE_LEVEL_CHANGE', 'HOUSING_CHANGE', 'NOTE')),
    body              text        NOT NULL CHECK (btrim(body) <> ''),
    author_user_id    bigint      REFERENCES users (id),
    occurred_at       timestamptz NOT NULL,
    shareable         boolean     NOT NULL,
    -- For milestones: which one, of which recovery start date.
    milestone_key     text,
    milestone_of_date date,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT updates_milestone_complete CHECK (
        (kind = 'MILESTONE') = (milestone_key IS NOT NULL AND milestone_of_date IS NOT NULL))
);
-- Each milestone of a recovery start date is announced once.
CREATE UNIQUE INDEX updates_milestone_key ON updates (member_id, milestone_of_date, milestone_key) WHERE kind = 'MILESTONE';
CREATE INDEX updates_member_idx ON updates (member_id, occurred_at DESC, id DESC);
