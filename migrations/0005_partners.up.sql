-- Partners become records of their own. A consent names a partner by ID, so
-- a key made later under a look-alike name inherits nothing; a partner's
-- keys belong to it by ID too. Existing names are migrated: one partner per
-- distinct name (ignoring case and surrounding spaces) found on keys and
-- consents.
CREATE TABLE partners (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               text        NOT NULL CHECK (btrim(name) <> '' AND name = btrim(name)),
    created_by_user_id bigint      REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX partners_name_key ON partners (lower(name));

INSERT INTO partners (name, created_at)
SELECT DISTINCT ON (lower(btrim(name))) btrim(name), created_at
FROM (
    SELECT partner_name AS name, created_at FROM api_keys
    UNION ALL
    SELECT partner_name, recorded_at FROM consents WHERE partner_name IS NOT NULL
) AS named
ORDER BY lower(btrim(name)), created_at;

ALTER TABLE api_keys ADD COLUMN partner_id bigint REFERENCES partners (id);
UPDATE api_keys SET partner_id = p.id FROM partners p WHERE lower(p.name) = lower(btrim(api_keys.partner_name));
ALTER TABLE api_keys ALTER COLUMN partner_id SET NOT NULL;
ALTER TABLE api_keys DROP COLUMN partner_name;
CREATE INDEX api_keys_partner_idx ON api_keys (partner_id);

-- Consents are never edited: the append-only trigger is set aside for this
-- one rewrite of how the recipient is written, not of whom it names.
ALTER TABLE consents DISABLE TRIGGER consents_append_only;
ALTER TABLE consents ADD COLUMN partner_id bigint REFERENCES partners (id);
UPDATE consents SET partner_id = p.id FROM partners p
WHERE consents.partner_name IS NOT NULL AND lower(p.name) = lower(btrim(consents.partner_name));
ALTER TABLE consents DROP CONSTRAINT consents_one_recipient;
DROP INDEX consents_partner_idx;
ALTER TABLE consents DROP COLUMN partner_name;
ALTER TABLE consents ADD CONSTRAINT consents_one_recipient CHECK (num_nonnulls(family_contact_id, api_key_id, partner_id) = 1);
CREATE INDEX consents_partner_idx ON consents (partner_id) WHERE partner_id IS NOT NULL;
ALTER TABLE consents ENABLE TRIGGER consents_append_only;

-- IDENTITY: the member's name and date of birth. A partner sees them only
-- when a consent names this kind; family contacts know whom they support.
ALTER TABLE consents DROP CONSTRAINT consents_information_kinds_check;
ALTER TABLE consents ADD CONSTRAINT consents_information_kinds_check CHECK (cardinality(information_kinds) > 0
    AND information_kinds <@ ARRAY['IDENTITY', 'MILESTONES', 'CARE_LEVEL', 'HOUSING', 'ATTENDANCE_SUMMARY', 'NOTES']);
