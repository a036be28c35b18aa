-- Optional text is NULL when absent, never '' (issue 12): the API answers
-- null for an absent optional string, and the database says the same. Text
-- that was NOT NULL DEFAULT '' becomes nullable, blank values become NULL,
-- and a CHECK keeps blanks out from now on. The domain's bun tags write ""
-- as NULL (nullzero), and the seed's COPY writes "" as NULL.
--
-- Left as they were: the reasons of care episodes and recovery start dates
-- (append-only history whose triggers compare reasons with <>, which NULL
-- would slip past; the API answers null for their '') and the audit log
-- (append-only; read through optionalString).

ALTER TABLE peers ALTER COLUMN bio DROP NOT NULL, ALTER COLUMN bio DROP DEFAULT;
ALTER TABLE peer_assignments ALTER COLUMN focus DROP NOT NULL, ALTER COLUMN focus DROP DEFAULT;
ALTER TABLE peer_conversations ALTER COLUMN note DROP NOT NULL, ALTER COLUMN note DROP DEFAULT;
ALTER TABLE houses ALTER COLUMN address DROP NOT NULL, ALTER COLUMN address DROP DEFAULT;
ALTER TABLE groups ALTER COLUMN description DROP NOT NULL, ALTER COLUMN description DROP DEFAULT;
ALTER TABLE groups ALTER COLUMN location DROP NOT NULL, ALTER COLUMN location DROP DEFAULT;
ALTER TABLE meetings ALTER COLUMN topic DROP NOT NULL, ALTER COLUMN topic DROP DEFAULT;
ALTER TABLE aftercare_commitments ALTER COLUMN description DROP NOT NULL, ALTER COLUMN description DROP DEFAULT;
ALTER TABLE check_ins ALTER COLUMN note DROP NOT NULL, ALTER COLUMN note DROP DEFAULT;
UPDATE peers SET bio = NULL WHERE btrim(bio) = '';
ALTER TABLE peers ADD CONSTRAINT peers_bio_not_blank CHECK (btrim(bio) <> '');
UPDATE peer_assignments SET focus = NULL WHERE btrim(focus) = '';
ALTER TABLE peer_assignments ADD CONSTRAINT peer_assignments_focus_not_blank CHECK (btrim(focus) <> '');
UPDATE peer_conversations SET note = NULL WHERE btrim(note) = '';
ALTER TABLE peer_conversations ADD CONSTRAINT peer_conversations_note_not_blank CHECK (btrim(note) <> '');
UPDATE houses SET address = NULL WHERE btrim(address) = '';
ALTER TABLE houses ADD CONSTRAINT houses_address_not_blank CHECK (btrim(address) <> '');
UPDATE groups SET description = NULL WHERE btrim(description) = '';
ALTER TABLE groups ADD CONSTRAINT groups_description_not_blank CHECK (btrim(description) <> '');
UPDATE groups SET location = NULL WHERE btrim(location) = '';
ALTER TABLE groups ADD CONSTRAINT groups_location_not_blank CHECK (btrim(location) <> '');
UPDATE meetings SET topic = NULL WHERE btrim(topic) = '';
ALTER TABLE meetings ADD CONSTRAINT meetings_topic_not_blank CHECK (btrim(topic) <> '');
UPDATE aftercare_commitments SET description = NULL WHERE btrim(description) = '';
ALTER TABLE aftercare_commitments ADD CONSTRAINT aftercare_commitments_description_not_blank CHECK (btrim(description) <> '');
UPDATE check_ins SET note = NULL WHERE btrim(note) = '';
ALTER TABLE check_ins ADD CONSTRAINT check_ins_note_not_blank CHECK (btrim(note) <> '');
UPDATE members SET preferred_name = NULL WHERE btrim(preferred_name) = '';
ALTER TABLE members ADD CONSTRAINT members_preferred_name_not_blank CHECK (btrim(preferred_name) <> '');
UPDATE houses SET phone = NULL WHERE btrim(phone) = '';
ALTER TABLE houses ADD CONSTRAINT houses_phone_not_blank CHECK (btrim(phone) <> '');
UPDATE residencies SET move_out_note = NULL WHERE btrim(move_out_note) = '';
ALTER TABLE residencies ADD CONSTRAINT residencies_move_out_note_not_blank CHECK (btrim(move_out_note) <> '');
UPDATE peers SET certification_number = NULL WHERE btrim(certification_number) = '';
ALTER TABLE peers ADD CONSTRAINT peers_certification_number_not_blank CHECK (btrim(certification_number) <> '');
