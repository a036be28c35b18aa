DROP TABLE audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE family_attendance;
DROP TABLE consents;
DROP FUNCTION consents_append_only();
DROP TABLE api_keys;
DROP TABLE family_invitations;
DROP TABLE family_contacts;
