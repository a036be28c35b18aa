DROP TABLE care_episodes;
DROP FUNCTION care_episodes_append_only();
DROP TABLE recovery_start_dates;
DROP FUNCTION recovery_start_dates_append_only();
DROP TABLE members;
DROP TABLE care_levels;
-- The extensions stay: other objects in the database may use them.
