DROP TABLE IF EXISTS updates, recovery_capital_assessments, check_ins, aftercare_commitments, aftercare_goals,
    aftercare_plans, attendance_records, meetings, group_memberships, group_facilitators, group_schedule_slots, groups,
    residencies, houses, peer_conversations, peer_assignments, peers;
DROP FUNCTION IF EXISTS houses_capacity_not_below_occupancy(), residencies_capacity(),
    peers_caseload_not_below_current(), peer_assignments_caseload();
ALTER TABLE care_levels DROP COLUMN IF EXISTS short_name;
