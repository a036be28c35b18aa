-- Searches and counts over members are audited: that one was made, by
-- whom, and how many members matched (never the search text).
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('READ', 'WRITE', 'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'DENIED', 'SEARCH'));
ALTER TABLE audit_events ADD COLUMN matched_count integer
    CONSTRAINT audit_events_matched_count_check CHECK (matched_count >= 0);
ALTER TABLE audit_events ADD CONSTRAINT audit_events_search_has_count
    CHECK ((action = 'SEARCH') = (matched_count IS NOT NULL));
