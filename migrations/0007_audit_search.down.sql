-- The log is append-only, so SEARCH events stay: the older check is
-- restored for new rows only (NOT VALID), and the count goes.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_search_has_count;
ALTER TABLE audit_events DROP COLUMN matched_count;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('READ', 'WRITE', 'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'DENIED')) NOT VALID;
