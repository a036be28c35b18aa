ALTER TABLE audit_events
    DROP CONSTRAINT audit_events_actor_role_not_blank,
    DROP CONSTRAINT audit_events_client_address_not_blank,
    DROP CONSTRAINT audit_events_field_not_blank,
    DROP CONSTRAINT audit_events_object_type_not_blank,
    DROP CONSTRAINT audit_events_operation_name_not_blank,
    DROP CONSTRAINT audit_events_request_id_not_blank;
ALTER TABLE users DROP CONSTRAINT users_totp_secret_not_blank;
ALTER TABLE updates DROP CONSTRAINT updates_milestone_key_not_blank;
ALTER TABLE peer_assignments DROP CONSTRAINT peer_assignments_end_reason_not_blank;
ALTER TABLE consents DROP CONSTRAINT consents_revocation_reason_not_blank;
ALTER TABLE consents DROP CONSTRAINT consents_expires_on_event_not_blank;
ALTER TABLE care_episodes DROP CONSTRAINT care_episodes_supersede_reason_not_blank;
ALTER TABLE care_episodes DROP CONSTRAINT care_episodes_discharge_reason_not_blank;

ALTER TABLE care_episodes DISABLE TRIGGER care_episodes_append_only;
ALTER TABLE care_episodes DROP CONSTRAINT care_episodes_reason_not_blank;
UPDATE care_episodes SET reason = '' WHERE reason IS NULL;
ALTER TABLE care_episodes ALTER COLUMN reason SET DEFAULT '', ALTER COLUMN reason SET NOT NULL;
ALTER TABLE care_episodes ENABLE TRIGGER care_episodes_append_only;

ALTER TABLE recovery_start_dates DISABLE TRIGGER recovery_start_dates_append_only;
ALTER TABLE recovery_start_dates DROP CONSTRAINT recovery_start_dates_reason_not_blank;
UPDATE recovery_start_dates SET reason = '' WHERE reason IS NULL;
ALTER TABLE recovery_start_dates ALTER COLUMN reason SET DEFAULT '', ALTER COLUMN reason SET NOT NULL;
ALTER TABLE recovery_start_dates ENABLE TRIGGER recovery_start_dates_append_only;
