ALTER TABLE consents DISABLE TRIGGER consents_append_only;
ALTER TABLE consents DROP CONSTRAINT consents_information_kinds_check;
UPDATE consents SET information_kinds = array_remove(information_kinds, 'IDENTITY');
ALTER TABLE consents ADD CONSTRAINT consents_information_kinds_check CHECK (cardinality(information_kinds) > 0
    AND information_kinds <@ ARRAY['MILESTONES', 'CARE_LEVEL', 'HOUSING', 'ATTENDANCE_SUMMARY', 'NOTES']);
ALTER TABLE consents ADD COLUMN partner_name text CHECK (btrim(partner_name) <> '');
UPDATE consents SET partner_name = p.name FROM partners p WHERE p.id = consents.partner_id;
ALTER TABLE consents DROP CONSTRAINT consents_one_recipient;
DROP INDEX consents_partner_idx;
ALTER TABLE consents DROP COLUMN partner_id;
ALTER TABLE consents ADD CONSTRAINT consents_one_recipient CHECK (num_nonnulls(family_contact_id, api_key_id, partner_name) = 1);
CREATE INDEX consents_partner_idx ON consents (lower(partner_name)) WHERE partner_name IS NOT NULL;
ALTER TABLE consents ENABLE TRIGGER consents_append_only;

ALTER TABLE api_keys ADD COLUMN partner_name text CHECK (btrim(partner_name) <> '');
UPDATE api_keys SET partner_name = p.name FROM partners p WHERE p.id = api_keys.partner_id;
ALTER TABLE api_keys ALTER COLUMN partner_name SET NOT NULL;
DROP INDEX api_keys_partner_idx;
ALTER TABLE api_keys DROP COLUMN partner_id;
DROP TABLE partners;
