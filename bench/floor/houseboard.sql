-- Page 3 floor: the first 100 houses by name with their current residents
-- (in move-in order) and each resident's open episode's level.
SELECT json_build_object(
  'totalCount', (SELECT count(*) FROM houses),
  'nodes', (SELECT json_agg(row_to_json(x) ORDER BY x.sort_name, x.id) FROM (
    SELECT h.id, h.sort_name, h.name, h.capacity,
      (SELECT json_agg(json_build_object('id', r.id, 'bed', r.bed,
          'level', (SELECT json_build_object('name', cl.name)
                      FROM care_episodes e JOIN care_levels cl ON cl.code = e.care_level_code
                     WHERE e.member_id = r.member_id AND e.ended_at IS NULL AND e.superseded_at IS NULL
                     ORDER BY e.started_at DESC LIMIT 1)) ORDER BY r.move_in_at, r.id)
         FROM residencies r WHERE r.house_id = h.id AND r.move_out_at IS NULL) AS residents
    FROM houses h ORDER BY h.sort_name, h.id LIMIT 100) x));
