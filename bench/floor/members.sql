-- Page 1 floor: the first 20 members by name with their open episode's
-- level and open residency's house, plus the total, as one statement.
SELECT json_build_object(
  'totalCount', (SELECT count(*) FROM members),
  'nodes', (SELECT json_agg(row_to_json(m) ORDER BY m.sort_name, m.id) FROM (
    SELECT mb.id, mb.sort_name, mb.first_name, mb.last_name, mb.status, mb.recovery_start_date,
      (SELECT json_build_object('code', cl.code, 'name', cl.name)
         FROM care_episodes e JOIN care_levels cl ON cl.code = e.care_level_code
        WHERE e.member_id = mb.id AND e.ended_at IS NULL AND e.superseded_at IS NULL
        ORDER BY e.started_at DESC LIMIT 1) AS level,
      (SELECT json_build_object('id', r.id, 'bed', r.bed, 'house', h.name)
         FROM residencies r JOIN houses h ON h.id = r.house_id
        WHERE r.member_id = mb.id AND r.move_out_at IS NULL
        ORDER BY r.move_in_at DESC LIMIT 1) AS residency
    FROM members mb ORDER BY mb.sort_name, mb.id LIMIT 20) m));
